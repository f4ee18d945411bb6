import semver from 'semver';
import { OLDEST_COVERED } from '../versions/releases.js';

/**
 * The oldest Grafana version the spec describes. Older servers answer differently in ways the
 * spec does not try to capture (no service accounts, other error bodies), so evidence from them
 * is reported as out of coverage, not as a failure.
 */
export { OLDEST_COVERED as OLDEST_COVERED_VERSION } from '../versions/releases.js';

/** Whether an entry's Grafana version is older than the spec covers (unknown versions are checked). */
export function isBeforeCoverage(grafanaVersion: string | null): boolean {
  const version = grafanaVersion ? semver.coerce(grafanaVersion) : null;
  return version !== null && semver.lt(version, OLDEST_COVERED);
}
