import { byOperation, type RunReport } from './model.js';
import type { CaseResult } from '../contract/types.js';

/** One progress line per finished case (terminal only). */
export function progressLine(result: CaseResult, done: number, total: number): string {
  const mark = result.outcome === 'pass' ? 'ok  ' : result.outcome === 'fail' ? 'FAIL' : 'skip';
  const detail = result.outcome === 'fail' ? ` - ${result.problems[0] ?? ''}` : '';
  return `[${String(done).padStart(String(total).length)}/${total}] ${mark} ${result.case} (${result.durationMs} ms)${detail}`;
}

/** The closing summary: failures, a table per operation, totals and time. */
export function renderSummary(report: RunReport): string {
  const rows = byOperation(report.results);
  const width = Math.max(9, ...rows.map((r) => r.operationId.length));
  const lines: string[] = [];
  const failed = report.results.filter((r) => r.outcome === 'fail');
  if (failed.length) {
    lines.push('Failures:');
    for (const r of failed) lines.push(`  ${r.case} (expected ${r.expectedStatus}, got ${r.actualStatus ?? 'no answer'})`, ...r.problems.map((p) => `    - ${p}`));
    lines.push('');
  }
  lines.push(`${'operation'.padEnd(width)}  passed  failed  skipped`);
  for (const r of rows) lines.push(`${r.operationId.padEnd(width)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}`);
  const { summary, target } = report;
  lines.push(
    '',
    `Target: ${target.kind} ${target.url}${target.grafanaVersion ? ` (Grafana ${target.grafanaVersion})` : ''}`,
    `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`,
    `Time: ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  return lines.join('\n');
}
