import { tlsTrustErrorCode } from '../../tls.js';
import { blockedPort, plainHttpOverTls } from '../../transport.js';
import type { Middleware } from 'openapi-fetch';
import { UsageError } from '../../errors.js';

/**
 * One-line descriptions of what was wrong with a server's answer during set-up (no answer, a
 * certificate the client does not trust, an HTML page where JSON was due, JSON of another shape),
 * each naming the request's URL. The target checks turn them into UsageErrors (exit code 2).
 */

/** A request to `url` (named as `where`) that got no answer: the reason in a few words, and what to do. */
export function noAnswer(where: string, url: string, err: unknown, timeoutMs: number): UsageError {
  const untrusted = tlsTrustErrorCode(err);
  if (untrusted) {
    return new UsageError(`the TLS certificate of ${new URL(url).origin} is not trusted (${untrusted}): pass --ca-cert FILE with the CA that signed it, or --insecure to skip the check (for testing only).`);
  }
  const blocked = blockedPort(url, err);
  if (blocked) return new UsageError(`cannot reach ${where}: ${blocked}.`);
  // The suggestion is the URL to pass (--url, named by `where`), not the request's.
  const plain = plainHttpOverTls(URL.canParse(where) ? where : new URL(url).origin, err);
  if (plain) return new UsageError(`cannot reach ${where}: ${plain} as --url.`);
  const e = err as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  const reason = e?.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
  return new UsageError(`cannot reach ${where} (${reason}): check the URL and that Grafana is running.`);
}

/** Where an answer came from, when fetch followed a redirect (a proxy sending to its login). */
export interface Arrival {
  url?: string;
  redirected?: boolean;
}

/**
 * What a body that is not JSON looks like, for messages: its type and what it says (an HTML
 * page's title, or the start of its text). It is called a proxy's login page only when it looks
 * like one: a password field, a form sent to a login address, a login title, or a redirect to a
 * login address.
 */
export function describeNotJson(contentType: string | null, text: string, arrival: Arrival = {}): string {
  const type = contentType?.split(';')[0]?.trim() || 'no content type';
  const html = /html/i.test(type) || /^\s*</.test(text);
  const title = html ? /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1] : undefined;
  const words = oneLine(title ?? (html ? text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ') : text));
  const said = words ? (title !== undefined ? ` titled "${words}"` : ` saying "${words}"`) : ' with an empty body';
  const what = html ? `an HTML page (${type})${said}, not JSON` : `${type}${said}, not JSON`;
  return html && looksLikeLogin(text, title, arrival) ? `${what}: a proxy's login page in front of Grafana? Pass Grafana's own URL, or credentials the proxy lets through` : what;
}

const LOGIN_WORDS = /\b(log ?in|sign ?in|sso|oauth2?|saml|authenticat\w*|auth)\b/i;

function looksLikeLogin(text: string, title: string | undefined, arrival: Arrival): boolean {
  if (/<input[^>]*type\s*=\s*["']?password/i.test(text)) return true;
  if (/<form[^>]*action\s*=\s*["'][^"']*(log ?in|sign ?in|sso|oauth|saml|auth)/i.test(text)) return true;
  if (title !== undefined && LOGIN_WORDS.test(title)) return true;
  if (arrival.redirected && arrival.url) {
    const { pathname, search } = new URL(arrival.url);
    return /(log-?in|sign-?in|sso|oauth|saml|auth)/i.test(pathname + search);
  }
  return false;
}

/** At most 60 characters of text on one line, entities of the common kind decoded. */
function oneLine(text: string): string {
  const flat = text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/**
 * Reads a response that must be JSON: returns the parsed body, or throws a UsageError naming the
 * URL when the body is an HTML page or other text.
 */
export async function readJson(method: string, url: string, response: Response, text?: string): Promise<unknown> {
  const body = text ?? (await response.text());
  const contentType = response.headers.get('content-type');
  try {
    if (/json/i.test(contentType ?? '')) return JSON.parse(body) as unknown;
  } catch {
    throw new UsageError(`${method} ${url} answered HTTP ${response.status} with a body that is not valid JSON: is this Grafana's URL?`);
  }
  throw new UsageError(`${method} ${url} answered HTTP ${response.status} with ${describeNotJson(contentType, body, response)}.`);
}

/**
 * A client middleware for the set-up's own requests (fixtures, before/after check): a success
 * answer that is not JSON (a proxy's login page, say) is a UsageError naming the URL, instead of
 * a JSON parser's message.
 */
export const expectJson: Middleware = {
  async onResponse({ request, response }) {
    if (!response.ok || response.status === 204 || response.headers.get('content-length') === '0') return undefined;
    await readJson(request.method, request.url, response.clone());
    return undefined;
  },
};

/** An answer that is JSON but not of the shape Grafana gives: names the URL and what was missing. */
export function otherShape(method: string, url: string, missing: string): UsageError {
  return new UsageError(`${method} ${url} answered JSON that is not Grafana's (${missing}): is this Grafana's URL, and its API not rewritten by a proxy?`);
}
