export const VERSIONS_HEADING: string;
export interface Span {
  from: string;
  until: string | null;
}
export interface OperationVersions {
  operationId: string;
  method: string;
  path: string;
  range: string | null;
  approximate: string | null;
  spans: Span[];
}
export function spansOf(range: string): Span[];
export function operationVersions(union: { paths?: Record<string, unknown> }): OperationVersions[];
export function renderVersionTable(union: { paths?: Record<string, unknown> }, options?: { level?: number }): string;
