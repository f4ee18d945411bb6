import type { Credential } from './types.js';

/** What a case sent, for a failure's diagnostics: secrets in the body are masked. */
export interface RequestSummary {
  method: string;
  url: string;
  /** Who signed in: admin, plain user, token, none, or the plain user with a wrong password. */
  caller: string;
  /** The body as sent, with password and token fields replaced by `***`. */
  body?: string;
}

/** What came back: the status, content type and the start of the body (secrets masked). */
export interface ResponseSummary {
  status: number;
  contentType: string | null;
  excerpt: string;
}

const CALLERS: Record<Credential, string> = {
  admin: 'admin',
  user: 'plain user',
  token: 'token',
  none: 'none',
  wrongPassword: 'plain user (wrong password)',
};

/** Field names whose values are secrets (passwords, tokens, service-account keys). */
const SECRET_FIELD = /pass(word)?|confirmnew|token|secret|^key$|authorization/i;
const EXCERPT_CHARS = 500;

export function summarizeRequest(method: string, url: string, as: Credential, body: string | undefined): RequestSummary {
  return { method, url, caller: CALLERS[as], ...(body === undefined ? {} : { body: clip(maskSecrets(body)) }) };
}

export function summarizeResponse(status: number, contentType: string | null, text: string): ResponseSummary {
  return { status, contentType, excerpt: clip(maskSecrets(text)) };
}

/** In a JSON text, replaces the value of every secret-named field with `***`; other text is kept. */
export function maskSecrets(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  const mask = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(mask);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, SECRET_FIELD.test(k) && v !== null && v !== '' && typeof v !== 'boolean' ? '***' : mask(v)]));
    }
    return node;
  };
  return JSON.stringify(mask(value));
}

function clip(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}… (${text.length} characters)` : text;
}
