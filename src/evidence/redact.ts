import { createRedactor } from '../report/redact.js';

/** Field names whose values are secrets: passwords, tokens and keys, in requests and responses. */
const SECRET_FIELD = /password|secret|token$|^key$|^confirmNew$/i;
export const REDACTED = '<redacted>';

/** Replaces the string values of secret fields (at any depth) with `<redacted>`. */
export function redactSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecretFields);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, SECRET_FIELD.test(key) ? redactStrings(v, () => REDACTED) : redactSecretFields(v)]));
}

/** Applies `replace` to every string in a JSON value (not to object keys). */
export function redactStrings(value: unknown, replace: (text: string) => string): unknown {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, replace));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, redactStrings(v, replace)]));
}

/** The secrets in an Authorization header: the whole Basic encoding, its password, or the bearer token. */
export function secretsOfAuthorization(header: string | undefined): string[] {
  const [scheme, credentials] = header?.split(' ') ?? [];
  if (!credentials) return [];
  if (scheme === 'Bearer') return [credentials];
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  return [credentials, decoded, decoded.slice(decoded.indexOf(':') + 1)];
}

/**
 * A redactor of known secret values (`***`, as in the CLI's output). Applied to values only, so
 * that a short password such as `admin` cannot turn `/api/admin/users` into a path the spec lacks.
 */
export function valueRedactor(secrets: Iterable<string>): (value: unknown) => unknown {
  const redact = createRedactor([...secrets]);
  return (value) => redactStrings(value, redact);
}
