import type { CaseResult } from '../contract/types.js';

/** The request a case sent and the start of the response, as lines for every report format. */
export function diagnosticLines(r: CaseResult): string[] {
  const lines: string[] = [];
  if (r.request) {
    lines.push(`request: ${r.request.method} ${r.request.url} as ${r.request.caller}`);
    if (r.request.body !== undefined) lines.push(`request body: ${r.request.body}`);
  }
  if (r.response) lines.push(`response: HTTP ${r.response.status}${r.response.contentType ? ` (${r.response.contentType})` : ''} ${r.response.excerpt || '(empty body)'}`);
  else if (r.request) lines.push('response: none');
  return lines;
}
