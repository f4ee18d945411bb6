import type { CaseResult, TargetKind } from '../contract/types.js';

/** The JSON report, the format other tools read. */
export interface RunReport {
  tool: { name: string; version: string };
  target: { kind: TargetKind; url: string; grafanaVersion: string | null };
  startedAt: string;
  durationMs: number;
  summary: { passed: number; failed: number; skipped: number };
  results: CaseResult[];
  /** Why the run stopped without a verdict (exit code 2): an unusable target, no case run, … */
  error?: string;
}

export function summarize(results: CaseResult[]): RunReport['summary'] {
  return {
    passed: results.filter((r) => r.outcome === 'pass').length,
    failed: results.filter((r) => r.outcome === 'fail').length,
    skipped: results.filter((r) => r.outcome === 'skip').length,
  };
}

/** Per operation: how many cases passed, failed and were skipped, in first-seen order. */
export function byOperation(results: CaseResult[]) {
  const rows = new Map<string, { operationId: string; method: string; path: string; passed: number; failed: number; skipped: number }>();
  for (const r of results) {
    const row = rows.get(r.operationId) ?? { operationId: r.operationId, method: r.method, path: r.path, passed: 0, failed: 0, skipped: 0 };
    if (r.outcome === 'pass') row.passed++;
    else if (r.outcome === 'fail') row.failed++;
    else row.skipped++;
    rows.set(r.operationId, row);
  }
  return [...rows.values()];
}

/** Why a case was skipped, in words. */
export function skipReasonOf(result: CaseResult): string {
  return (result.problems[0] ?? 'skipped').replace(/^skipped: /, '');
}

/** The skipped cases grouped by their reason, the most frequent reason first. */
export function skipsByReason(results: readonly CaseResult[]): Array<{ reason: string; cases: CaseResult[] }> {
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) if (r.outcome === 'skip') groups.set(skipReasonOf(r), [...(groups.get(skipReasonOf(r)) ?? []), r]);
  return [...groups.entries()].map(([reason, cases]) => ({ reason, cases })).sort((a, b) => b.cases.length - a.cases.length);
}
