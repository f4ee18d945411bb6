import semver from 'semver';
import { UsageError } from '../errors.js';

/** The oldest Grafana version the contract covers. */
export const OLDEST_COVERED = '8.0.0';

/** A Grafana version the contract is cut for, and what the tool has to say about the choice. */
export interface ResolvedVersion {
  /** A plain X.Y.Z (prerelease and build metadata dropped: `12.1.0-pre` is cut as 12.1.0). */
  version: string;
  /** The release line, X.Y. */
  line: string;
  /** Set when the version asked for is not the one the contract is cut for, or not a known release. */
  warning?: string;
}

const VERSION_PATTERN = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+][0-9A-Za-z.+-]*)?$/;

/**
 * Turns what a user or a server says (`10.4`, `v11.6.2`, `13.0.1+security-01`, `12.1.0-pre`)
 * into the version whose contract applies. `releases` are the known lines, oldest first
 * (`x-grafana-releases` of the bundle). Null: the newest known. Older than 8.0 or malformed:
 * a UsageError; newer than the data knows: the newest contract, with a warning.
 */
export function resolveVersion(asked: string | null, releases: readonly string[], what = '--grafana-version'): ResolvedVersion {
  const newest = releases[releases.length - 1]!;
  if (asked === null) return { version: `${newest}.0`, line: newest };
  const match = VERSION_PATTERN.exec(asked.trim());
  if (!match) throw new UsageError(`${what} ${JSON.stringify(asked)}: not a Grafana version; expected X.Y or X.Y.Z, e.g. 10.4 or 11.6.2.`);
  const version = `${Number(match[1])}.${Number(match[2])}.${Number(match[3] ?? 0)}`;
  const line = `${Number(match[1])}.${Number(match[2])}`;
  if (semver.lt(version, OLDEST_COVERED)) {
    throw new UsageError(`${what} ${asked}: Grafana ${line} is older than the contract covers (8.0 and later); pass a version from 8.0 to ${newest}.`);
  }
  const [newestMajor, newestMinor] = newest.split('.').map(Number) as [number, number];
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major > newestMajor || (major === newestMajor && minor > newestMinor)) {
    return { version: `${newest}.0`, line: newest, warning: `Grafana ${asked} is newer than the contract data knows (up to ${newest}): using the Grafana ${newest} contract.` };
  }
  if (!releases.includes(line)) {
    return { version, line, warning: `Grafana ${line} is not a release line the contract data knows (${releases[0]} to ${newest}): the contract is cut for ${version} as given.` };
  }
  return { version, line };
}
