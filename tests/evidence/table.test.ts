import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_TABLE, README_TOTALS_PREFIX, renderEvidenceTable } from '../../src/evidence/table.js';
import { listOperations, loadBundledSpec } from '../../src/spec.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(`${root}${file}`, 'utf8');

describe(EVIDENCE_TABLE, () => {
  const fresh = renderEvidenceTable(root);

  it('is what `npm run evidence:table` makes from tests/evidence/ now (run it and commit when this fails)', () => {
    expect(read(EVIDENCE_TABLE) === fresh.markdown, `${EVIDENCE_TABLE} is stale`).toBe(true);
  });

  it('has its totals quoted in the README, as `npm run evidence:table` writes them', () => {
    const line = read('README.md').split('\n').find((l) => l.startsWith(README_TOTALS_PREFIX));
    expect(line).toBe(fresh.totals);
  });

  it('has one row per operation and documented status, and totals', () => {
    const pairs = listOperations(loadBundledSpec()).reduce((n, op) => n + Object.keys(op.operation.responses).length, 0);
    expect(fresh.markdown).toContain(`- Operation and status pairs documented by the spec: ${pairs}\n`);
    expect(fresh.markdown.split('\n').filter((line) => /^\| \w+ \| (GET|POST|PUT|PATCH|DELETE) `/.test(line))).toHaveLength(pairs);
    expect(fresh.markdown).toMatch(/^- Resting on real responses or Grafana's tests: \d+ \(\d+\.\d%\)$/m);
  });

  it('is the same from run to run', () => {
    expect(renderEvidenceTable(root)).toEqual(fresh);
  });
});
