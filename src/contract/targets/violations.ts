/**
 * Prism's `sl-violations` response header: why its request validation found a request invalid,
 * as a JSON list of `{ location, severity, code, message }`.
 */
interface Violation {
  message?: unknown;
}

/** Each violation's message; Prism's name where they are, e.g. `Request body must have required property 'name'`. */
export function describeViolations(header: string): string[] {
  let list: unknown;
  try {
    list = JSON.parse(header);
  } catch {
    return [header];
  }
  if (!Array.isArray(list)) return [header];
  return (list as Violation[]).map((v) => (typeof v.message === 'string' ? v.message : JSON.stringify(v)));
}

/** All of them on one line. */
export function summarizeViolations(header: string): string {
  return describeViolations(header).join('; ');
}
