import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createVersionedEntryChecker } from '../../src/evidence/check.js';
import { contractFor } from '../../src/versions/index.js';
import { describeEntry, type EvidenceFile } from '../../src/evidence/entry.js';
import { findEvidenceFiles, loadEvidenceFile } from '../../src/evidence/load.js';
import { isBeforeCoverage, OLDEST_COVERED_VERSION } from '../../src/evidence/versions.js';
import { relative } from 'node:path';

// Every entry of the corpus (published server output and Grafana's own tests) against the spec,
// one test per entry so that a failure names it: an entry that names its Grafana version against
// the contract of that version, strictly; one that names none against the union of every version.
// An entry that fails is a spec error to fix (or an entry to correct); an entry from a Grafana
// older than the spec covers is skipped.
const root = fileURLToPath(new URL('../../', import.meta.url));
const files = findEvidenceFiles([fileURLToPath(new URL('./', import.meta.url))]);
const check = createVersionedEntryChecker();

it('the corpus has evidence files', () => {
  expect(files.length).toBeGreaterThan(0);
});

for (const file of files) {
  const name = relative(root, file);
  let loaded: EvidenceFile | Error;
  try {
    loaded = loadEvidenceFile(file);
  } catch (err) {
    loaded = err as Error;
  }
  describe(name, () => {
    if (loaded instanceof Error) {
      const error = loaded;
      it('is an evidence file', () => expect.fail(error.message));
      return;
    }
    loaded.entries.forEach((entry, index) => {
      const verdict = check(entry);
      if (verdict.outcome === 'out-of-coverage') {
        // Kept and marked, not checked: the spec does not describe versions this old.
        it(`entry ${index + 1}: ${describeEntry(entry)} is from Grafana ${entry.grafanaVersion}, older than ${OLDEST_COVERED_VERSION}`, () => {
          expect(isBeforeCoverage(entry.grafanaVersion)).toBe(true);
        });
        return;
      }
      it(`entry ${index + 1}: ${describeEntry(entry)}`, () => {
        expect(verdict.problems, `${name} entry ${index + 1} does not match the spec`).toEqual([]);
      });
    });
  });
}

describe('the versioned check has teeth', () => {
  it('an entry valid against its own version\'s contract is invalid against another version\'s', () => {
    const versioned = files.flatMap((file) => loadEvidenceFile(file).entries).filter((e) => e.grafanaVersion && !isBeforeCoverage(e.grafanaVersion) && check(e).outcome === 'valid');
    expect(versioned.length).toBeGreaterThan(0);
    const others = ['8.0.0', '10.4.0', contractFor(null).version];
    const caught = versioned.flatMap((entry) => others.filter((v) => check({ ...entry, grafanaVersion: v }).outcome === 'invalid').map((v) => `${describeEntry(entry)} (Grafana ${entry.grafanaVersion}) against ${v}`));
    console.log(`versioned entries told apart by another version's contract:\n${caught.join('\n')}`);
    expect(caught.length, 'no versioned entry is told apart by another version\'s contract').toBeGreaterThan(0);
  });
});
