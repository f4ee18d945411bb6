import type { CaseResult } from '../contract/types.js';
import { summarize, type RunReport } from '../report/model.js';
import { writeReport } from '../report/write.js';

/** Why a run that executed no case is not a pass: the skip reasons, most frequent first. */
export function noCaseRanMessage(results: readonly CaseResult[]): string {
  if (!results.length) return 'no case ran: the selected operations have no cases here; choose others (see "grafana-api-contract list").';
  const reasons = new Map<string, number>();
  for (const r of results) {
    const reason = (r.problems[0] ?? 'skipped').replace(/^skipped: /, '');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const top = [...reasons.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([reason, n]) => `${n} × ${reason}`);
  return `no case ran: 0 passed, ${results.length} skipped (${top.join('; ')}${reasons.size > 2 ? '; …' : ''}): choose operations that can run on this target (see "grafana-api-contract list").`;
}

/** The report of a run that stopped with an error (exit 2): what ran, if anything, and the error. */
export function errorReport(base: Omit<RunReport, 'summary' | 'results' | 'error'>, error: string, results: CaseResult[] = []): RunReport {
  return { ...base, summary: summarize(results), results, error };
}

/** Writes every report; a report that cannot be written is one line on stderr, not a crash. */
export function writeReports(files: readonly string[], report: RunReport, redact: (text: string) => string, say: (line: string) => void, warn: (line: string) => void): void {
  for (const file of files) {
    try {
      writeReport(file, report, redact);
      say(`Report written to ${file}`);
    } catch (err) {
      warn(redact(`error: could not write the report ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`));
    }
  }
}
