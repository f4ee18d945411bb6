import type { CheckedEntry } from './checked.js';
import { describeEntry } from './entry.js';
import { summarizeEvidence } from './summary.js';
import { OLDEST_COVERED_VERSION } from './versions.js';

/** The `evidence` command's output: a row per operation and status, the failures with their reasons, and totals. */
export function renderEvidenceTable(checked: CheckedEntry[], fileCount: number, relative: (file: string) => string = (f) => f): string {
  const rows = summarizeEvidence(checked);
  const width = Math.max(9, ...rows.map((r) => r.operation.length));
  const lines = [`${'operation'.padEnd(width)}  status  entries  valid  failed  older`];
  for (const r of rows) {
    lines.push(`${r.operation.padEnd(width)}  ${String(r.status).padStart(6)}  ${String(r.entries).padStart(7)}  ${String(r.valid).padStart(5)}  ${String(r.failed).padStart(6)}  ${String(r.outOfCoverage).padStart(5)}`);
  }
  const failed = checked.filter((c) => c.verdict.outcome === 'invalid');
  if (failed.length) {
    lines.push('', 'Failures:');
    for (const c of failed) lines.push(`  ${relative(c.file)} entry ${c.index + 1}: ${describeEntry(c.entry)}`, ...c.verdict.problems.map((p) => `    - ${p}`));
  }
  const count = (outcome: string) => checked.filter((c) => c.verdict.outcome === outcome).length;
  lines.push(
    '',
    `${checked.length} entries in ${fileCount} files: ${count('valid')} valid, ${failed.length} failed, ${count('out-of-coverage')} out of coverage (Grafana older than ${OLDEST_COVERED_VERSION}, the oldest the spec covers)`,
  );
  return lines.join('\n');
}
