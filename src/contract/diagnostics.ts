import { maskSecretFieldsInText } from '../secrets.js';
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

const EXCERPT_CHARS = 500;

export function summarizeRequest(method: string, url: string, as: Credential, body: string | undefined): RequestSummary {
  return { method, url, caller: CALLERS[as], ...(body === undefined ? {} : { body: clip(maskSecretFieldsInText(body, '***')) }) };
}

export function summarizeResponse(status: number, contentType: string | null, text: string): ResponseSummary {
  return { status, contentType, excerpt: clip(maskSecretFieldsInText(text, '***')) };
}

function clip(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}… (${text.length} characters)` : text;
}
