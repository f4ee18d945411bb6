import type { CaseResult, Skip, SkipKind, TargetKind } from '../contract/types.js';

/** The JSON report, the format other tools read. */
export interface RunReport {
  tool: { name: string; version: string };
  /** `contractVersion`: the Grafana version whose contract judged the answers (null: none, e.g. a run that stopped first). */
  target: { kind: TargetKind; url: string; grafanaVersion: string | null; contractVersion?: string | null };
  startedAt: string;
  durationMs: number;
  summary: { passed: number; failed: number; skipped: number; skippedBy: SkipCounts };
  /** Who the run signed in as (a URL target), e.g. `service account "ci" (org 1 "Main Org.", role Admin, not a server administrator)`. */
  caller?: string;
  /** How many of the run's cases apply to that caller (the rest are skipped for who it is), as the run's first lines say. */
  casesThatApply?: number;
  results: CaseResult[];
  /** Why the run stopped without a verdict (exit code 2): an unusable target, no case run, … */
  error?: string;
  /** What the run made and could not remove, or changed, on the target (the run fails with exit code 1). */
  leftovers?: string[];
}

/** Skipped cases per category, most first. */
export type SkipCounts = Partial<Record<SkipKind, number>>;

/** What each skip category means, as the end of "N cases …". */
export const SKIP_LABELS: Record<SkipKind, string> = {
  'needs-server-admin': 'need a server administrator',
  'needs-org-admin': 'need an Admin of the organization',
  'needs-user-the-run-cannot-create': 'need a user the run cannot create',
  'needs-allow-org-writes': 'need --allow-org-writes',
  'needs-server-setting': 'need a server setting',
  'read-only': 'are not GET requests (--read-only)',
  'mock-only': 'run against the mock only',
  'real-server-only': 'need a real Grafana (--url)',
  'not-in-version': 'are for operations this Grafana version does not have',
};

export function summarize(results: CaseResult[]): RunReport['summary'] {
  return {
    passed: results.filter((r) => r.outcome === 'pass').length,
    failed: results.filter((r) => r.outcome === 'fail').length,
    skipped: results.filter((r) => r.outcome === 'skip').length,
    skippedBy: countSkips(results.map((r) => r.skip)),
  };
}

/** Counts skips per category, most first. */
export function countSkips(skips: ReadonlyArray<Skip | undefined>): SkipCounts {
  const counts = new Map<SkipKind, number>();
  for (const skip of skips) if (skip) counts.set(skip.kind, (counts.get(skip.kind) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
}

/** The counts in words, e.g. `120 need a server administrator, 8 need --allow-org-writes`; empty when none. */
export function skipCountsLine(counts: SkipCounts): string {
  return Object.entries(counts).map(([kind, n]) => `${n} ${SKIP_LABELS[kind as SkipKind]}`).join(', ');
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
  return result.skip?.reason ?? (result.problems[0] ?? 'skipped').replace(/^skipped: /, '');
}

/** The skipped cases grouped by their reason, the most frequent reason first. */
export function skipsByReason(results: readonly CaseResult[]): Array<{ reason: string; cases: CaseResult[] }> {
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) if (r.outcome === 'skip') groups.set(skipReasonOf(r), [...(groups.get(skipReasonOf(r)) ?? []), r]);
  return [...groups.entries()].map(([reason, cases]) => ({ reason, cases })).sort((a, b) => b.cases.length - a.cases.length);
}

/** `Signed in as …: N of M cases apply`, as the run printed it; null for a run without a caller (the mock). */
export function callerLine(report: Pick<RunReport, 'caller' | 'casesThatApply' | 'results'>): string | null {
  if (!report.caller) return null;
  return `Signed in as ${report.caller}${report.casesThatApply === undefined ? '' : `: ${report.casesThatApply} of ${report.results.length} cases apply`}`;
}

/** `Grafana 10.4.0` (the contract the run checked against), or null when the report names none. */
export function contractLine(target: RunReport['target']): string | null {
  return target.contractVersion ? `Grafana ${target.contractVersion}` : null;
}
