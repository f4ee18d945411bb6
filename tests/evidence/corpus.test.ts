import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEntryChecker } from '../../src/evidence/check.js';
import { describeEntry, type EvidenceFile } from '../../src/evidence/entry.js';
import { findEvidenceFiles, loadEvidenceFile } from '../../src/evidence/load.js';
import { isBeforeCoverage, OLDEST_COVERED_VERSION } from '../../src/evidence/versions.js';
import { relative } from 'node:path';

// Every entry of the corpus (published server output and Grafana's own tests) against the spec,
// one test per entry so that a failure names it. An entry that fails is a spec error to fix (or
// an entry to correct); an entry from a Grafana older than the spec covers is skipped.
const root = fileURLToPath(new URL('../../', import.meta.url));
const files = findEvidenceFiles([fileURLToPath(new URL('./', import.meta.url))]);
const check = createEntryChecker();

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
