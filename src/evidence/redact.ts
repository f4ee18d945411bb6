import { longSecretRedactor, maskSecretFields } from '../secrets.js';

export { secretsOfAuthorization } from '../secrets.js';
export const REDACTED = '<redacted>';

/** Replaces the string values of secret fields (at any depth) with `<redacted>`. */
export function redactSecretFields(value: unknown): unknown {
  return maskSecretFields(value, REDACTED);
}

/** Applies `replace` to every string in a JSON value (not to object keys). */
export function redactStrings(value: unknown, replace: (text: string) => string): unknown {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, replace));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, redactStrings(v, replace)]));
}

/**
 * The last guard for recordings: long secrets (tokens, Basic encodings) removed from values
 * (`***`, as in the CLI's output). Values only, never the path template; short secrets such as a
 * password `admin` are left to the field masking, so that a login `admin` stays `admin`.
 */
export function valueRedactor(secrets: Iterable<string>): (value: unknown) => unknown {
  const redact = longSecretRedactor(secrets);
  return (value) => redactStrings(value, redact);
}
