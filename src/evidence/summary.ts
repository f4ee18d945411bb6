import { listOperations, loadBundledSpec, type OpenApiDocument } from '../spec.js';
import type { CheckedEntry } from './checked.js';

export interface EvidenceRow {
  /** The operationId, or `METHOD /path` when the spec has no such operation. */
  operation: string;
  status: number;
  entries: number;
  valid: number;
  failed: number;
  outOfCoverage: number;
}

/** One row per operation and status that has entries: spec order, then statuses ascending; unknown operations last. */
export function summarizeEvidence(checked: CheckedEntry[], doc: OpenApiDocument = loadBundledSpec()): EvidenceRow[] {
  const order = new Map(listOperations(doc).map((op, i) => [op.operationId, i]));
  const rows = new Map<string, EvidenceRow>();
  for (const { entry, verdict } of checked) {
    const operation = verdict.operationId ?? `${entry.request.method} ${entry.request.pathTemplate}`;
    const key = `${operation} ${entry.response.status}`;
    const row = rows.get(key) ?? { operation, status: entry.response.status, entries: 0, valid: 0, failed: 0, outOfCoverage: 0 };
    row.entries++;
    if (verdict.outcome === 'valid') row.valid++;
    else if (verdict.outcome === 'invalid') row.failed++;
    else row.outOfCoverage++;
    rows.set(key, row);
  }
  const rank = (r: EvidenceRow) => order.get(r.operation) ?? order.size;
  return [...rows.values()].sort((a, b) => rank(a) - rank(b) || a.operation.localeCompare(b.operation) || a.status - b.status);
}
