import type { GrafanaAuth } from './auth.js';

/**
 * What is secret in a run, and how it is kept out of what people and tools read.
 *
 * Secrets are hidden by what they are, not by looking for their text everywhere:
 * - the Authorization header and `--header` values are never printed or recorded;
 * - in a JSON body, the value of a field named like a password, token or key is masked;
 * - a login name is not a secret.
 * As a last guard, a long secret (a token, a Basic encoding, a long password) that a server might
 * echo somewhere else is replaced wherever it appears. Short ones are not: with Grafana's default
 * password `admin`, a text search would turn every `/api/admin/…` path into `/api/***\/…`.
 */

/** Field names whose values are secrets: passwords (old, new, confirmNew), tokens, keys. */
const SECRET_FIELD = /password|^confirmNew$|secret|token$|^key$|^authorization$/i;

/** A secret this long cannot be mistaken for a word of a path, a name or a message. */
export const LONG_SECRET_MIN_LENGTH = 12;

export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name);
}

/**
 * Replaces the value of every secret-named field (at any depth) with `mask`. Empty, null and
 * boolean values are kept: they say something (e.g. "no password set") and hide nothing.
 */
export function maskSecretFields(value: unknown, mask: string): unknown {
  if (Array.isArray(value)) return value.map((item) => maskSecretFields(item, mask));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, isSecretField(key) && hidesSomething(v) ? maskValue(v, mask) : maskSecretFields(v, mask)]));
}

function hidesSomething(value: unknown): boolean {
  return value !== null && value !== '' && typeof value !== 'boolean';
}

/** A secret field's value: its strings (also inside arrays or objects) become the mask; numbers keep their type. */
function maskValue(value: unknown, mask: string): unknown {
  if (Array.isArray(value)) return value.map((item) => maskValue(item, mask));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, maskValue(v, mask)]));
  return typeof value === 'string' ? mask : value;
}

/** In a JSON text, masks every secret-named field; a text that is not JSON is returned as is. */
export function maskSecretFieldsInText(text: string, mask: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  return JSON.stringify(maskSecretFields(value, mask));
}

/** The secret values of credentials: the password or token, and the Basic encoding. Never the login. */
export function secretsOfAuth(auth: GrafanaAuth): string[] {
  if ('token' in auth) return [auth.token];
  return [auth.password, Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')];
}

/** The secrets in an Authorization header: the bearer token, or the Basic encoding and its password. */
export function secretsOfAuthorization(header: string | undefined): string[] {
  const [scheme, credentials] = header?.split(' ') ?? [];
  if (!credentials) return [];
  if (scheme === 'Bearer') return [credentials];
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  return [credentials, decoded, decoded.slice(decoded.indexOf(':') + 1)];
}

/**
 * The last guard: replaces every long secret (and its URL encoding) with `mask` wherever it
 * appears in a text. Secrets shorter than LONG_SECRET_MIN_LENGTH are left to the field masking.
 */
export function longSecretRedactor(secrets: Iterable<string | undefined>, mask = '***'): (text: string) => string {
  const values = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < LONG_SECRET_MIN_LENGTH) continue;
    values.add(secret);
    values.add(encodeURIComponent(secret));
  }
  const longestFirst = [...values].sort((a, b) => b.length - a.length);
  return (text) => longestFirst.reduce((out, secret) => out.split(secret).join(mask), text);
}
