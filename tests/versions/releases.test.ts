import { describe, expect, it } from 'vitest';
import { resolveVersion } from '../../src/versions/releases.js';
import { UsageError } from '../../src/errors.js';

const LINES = ['8.0', '8.1', '10.4', '11.0', '13.0', '13.2'];

describe('which contract a version asked for gets', () => {
  it('takes X.Y as X.Y.0, and X.Y.Z as given', () => {
    expect(resolveVersion('10.4', LINES)).toEqual({ version: '10.4.0', line: '10.4' });
    expect(resolveVersion('10.4.3', LINES)).toEqual({ version: '10.4.3', line: '10.4' });
  });

  it('reads what servers report: a v prefix, pre-release and build suffixes', () => {
    expect(resolveVersion('v11.0.2', LINES).version).toBe('11.0.2');
    expect(resolveVersion('13.0.1+security-01', LINES)).toEqual({ version: '13.0.1', line: '13.0' });
    expect(resolveVersion('11.0.0-12345', LINES).version).toBe('11.0.0');
  });

  it('gives the newest known contract when none is asked for', () => {
    expect(resolveVersion(null, LINES)).toEqual({ version: '13.2.0', line: '13.2' });
  });

  it('gives the newest contract, with a warning, for a version newer than the data knows', () => {
    const newer = resolveVersion('14.1', LINES);
    expect(newer.version).toBe('13.2.0');
    expect(newer.warning).toBe('Grafana 14.1 is newer than the contract data knows (up to 13.2): using the Grafana 13.2 contract.');
    expect(resolveVersion('13.2.7', LINES)).toEqual({ version: '13.2.7', line: '13.2' });
  });

  it('warns about a line between known ones that the data does not list', () => {
    expect(resolveVersion('9.9', LINES).warning).toMatch(/not a release line the contract data knows/);
  });

  it('refuses an older version and a malformed one in one line', () => {
    const refused = (asked: string) => {
      try {
        resolveVersion(asked, LINES);
      } catch (err) {
        expect(err).toBeInstanceOf(UsageError);
        return (err as Error).message;
      }
      return 'accepted';
    };
    expect(refused('7.5')).toBe('--grafana-version 7.5: Grafana 7.5 is older than the contract covers (8.0 and later); pass a version from 8.0 to 13.2.');
    expect(refused('ten')).toBe('--grafana-version "ten": not a Grafana version; expected X.Y or X.Y.Z, e.g. 10.4 or 11.6.2.');
    expect(refused('10')).toMatch(/not a Grafana version/);
    expect(refused('10.4.1.2')).toMatch(/not a Grafana version/);
  });
});
