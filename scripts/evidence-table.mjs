#!/usr/bin/env node
// Writes EVIDENCE.md from the evidence files under tests/evidence/, and the totals line of the
// README (run through `npm run evidence:table`, which builds dist/ first). A test fails when
// either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVIDENCE_TABLE, README_TOTALS_PREFIX, renderEvidenceTable } from '../dist/evidence/table.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
try {
  const { markdown, totals } = renderEvidenceTable(root);
  writeFileSync(join(root, EVIDENCE_TABLE), markdown);
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const lines = readme.split('\n');
  const at = lines.findIndex((line) => line.startsWith(README_TOTALS_PREFIX));
  if (at < 0) throw new Error(`README.md has no line starting with ${README_TOTALS_PREFIX}: put it back in the evidence section.`);
  lines[at] = totals;
  writeFileSync(join(root, 'README.md'), lines.join('\n'));
  console.log(`${EVIDENCE_TABLE} written; ${totals.replace(README_TOTALS_PREFIX, '').trim()}`);
} catch (err) {
  // One line: a bad evidence file names itself and says what to do.
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
}
