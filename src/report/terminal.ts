import { byOperation, skipCountsLine, type RunReport } from './model.js';
import type { CaseResult } from '../contract/types.js';
import { diagnosticLines } from './diagnostics.js';
import { distinctProblems, problemLine } from './problems.js';

/** Colours for the terminal output; `PLAIN` leaves text as it is (not a terminal, NO_COLOR). */
export interface Paint {
  pass(text: string): string;
  fail(text: string): string;
  skip(text: string): string;
}
export const PLAIN: Paint = { pass: (t) => t, fail: (t) => t, skip: (t) => t };

/** One progress line per finished case (terminal only). */
export function progressLine(result: CaseResult, done: number, total: number, paint: Paint = PLAIN): string {
  const mark = result.outcome === 'pass' ? paint.pass('ok  ') : result.outcome === 'fail' ? paint.fail('FAIL') : paint.skip('skip');
  const detail = result.outcome === 'pass' ? '' : ` - ${(result.problems[0] ?? '').replace(/^skipped: /, '')}`;
  return `[${String(done).padStart(String(total).length)}/${total}] ${mark} ${result.case} (${result.durationMs} ms)${detail}`;
}

/** One line per operation whose cases have all finished (the progress shown when output is not a terminal). */
export function operationLine(operationId: string, results: CaseResult[], done: number, total: number, paint: Paint = PLAIN): string {
  const count = (outcome: CaseResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const failed = count('fail');
  const ms = results.reduce((sum, r) => sum + r.durationMs, 0);
  return `[${String(done).padStart(String(total).length)}/${total}] ${operationId}: ${paint.pass(`${count('pass')} passed`)}, ${failed ? paint.fail(`${failed} failed`) : '0 failed'}, ${count('skip')} skipped (${ms} ms)`;
}

/** The request and response of a case, indented under its line (failures, and every case with --verbose). */
export function diagnosticBlock(result: CaseResult, indent = '    '): string[] {
  return diagnosticLines(result).map((line) => `${indent}${line}`);
}

/** The closing summary: failures, a table per operation, totals and time. */
export function renderSummary(report: RunReport): string {
  const rows = byOperation(report.results);
  const width = Math.max(9, ...rows.map((r) => r.operationId.length));
  const lines: string[] = [];
  const failed = report.results.filter((r) => r.outcome === 'fail');
  if (failed.length) {
    lines.push('Failures:');
    for (const r of failed) lines.push(`  ${r.case} (expected ${r.expectedStatus}, got ${r.actualStatus ?? 'no answer'})`, ...distinctProblems(r).map((p) => `    - ${problemLine(p)}`), ...diagnosticBlock(r));
    lines.push('');
  }
  lines.push(`${'operation'.padEnd(width)}  passed  failed  skipped`);
  for (const r of rows) lines.push(`${r.operationId.padEnd(width)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}`);
  const { summary, target } = report;
  lines.push(
    '',
    `Target: ${target.kind} ${target.url}${target.grafanaVersion ? ` (Grafana ${target.grafanaVersion})` : ''}`,
    ...(report.caller ? [`Signed in as: ${report.caller}`] : []),
    `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`,
    ...(summary.skipped ? [`Skipped: ${skipCountsLine(summary.skippedBy)}`] : []),
    `Time: ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  return lines.join('\n');
}
