import { Agent, fetch as undiciFetch } from 'undici';
import { GrafanaRequestError } from './errors.js';
import { tlsConnectOptions, tlsTrustErrorCode, type TlsOptions } from './tls.js';

/** What a failed request is named by in its one-line error. */
interface RequestName {
  readonly method: string;
  readonly url: string;
  /** The caller's own signal, if any: an abort by it is the caller's error, passed on as is. */
  readonly signal?: AbortSignal | null;
}

/** Error codes of undici's timeouts (connecting, waiting for the headers, a pause in the body). */
const UNDICI_TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * The client's fetch: undici's fetch over an undici Agent that carries the timeout (connect,
 * response headers, each pause in the body) and the TLS settings, so a request needs no timer or
 * signal of its own. The Agent must come from the same undici as the fetch (Node's built-in fetch
 * is another undici version), and that fetch does not take Node's own Request objects, so the
 * request's parts are handed over (bodies here are small JSON).
 */
export function agentFetch(timeoutMs: number, tls: TlsOptions = {}): (request: Request) => Promise<Response> {
  const dispatcher = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connect: { timeout: timeoutMs, ...tlsConnectOptions(tls) } });
  return async (request) => {
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const { url, method, headers, redirect, signal } = request;
    try {
      return (await undiciFetch(url, { method, headers: Object.fromEntries(headers), body, redirect, signal, dispatcher })) as unknown as Response;
    } catch (err) {
      throw requestFailure(err, request, timeoutMs);
    }
  };
}

/**
 * The deadline of one request: its signal aborts `timeoutMs` after it starts (an unref'd timer,
 * which keeps no process alive), unless `clear()` comes first.
 */
export function startDeadline(timeoutMs: number): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/**
 * The property a request carries when it was built with its deadline already in its signal
 * (see `withDeadline`): openapi-fetch copies the options it does not know onto its Request.
 */
export const DEADLINE = 'grafanaApiContractDeadline';

/**
 * The options of one call with the deadline in its signal (combined with the caller's own, if
 * any), so that the Request openapi-fetch builds carries it and needs no copy.
 */
export function withDeadline<T extends { signal?: AbortSignal | null }>(init: T | undefined, deadline: AbortSignal): T & { [DEADLINE]: AbortSignal } {
  const own = init?.signal;
  return { ...(init as T), signal: own ? AbortSignal.any([own, deadline]) : deadline, [DEADLINE]: deadline };
}

/**
 * A fetch the caller passed in, with the timeout bounding the whole request, body included. A
 * request that carries its deadline (see `withDeadline`) is sent as it is; any other (a
 * middleware's own Request, say) is copied with a deadline of its own in its signal.
 */
export function timedFetch(baseFetch: typeof globalThis.fetch, timeoutMs: number): (request: Request) => Promise<Response> {
  return async (request) => {
    const carried = (request as Request & { [DEADLINE]?: AbortSignal })[DEADLINE];
    if (carried) {
      try {
        return await baseFetch(request);
      } catch (err) {
        throw carried.aborted ? timedOut(request, timeoutMs) : requestFailure(err, request, timeoutMs);
      }
    }
    // Not cleared on success: it bounds the reading of the body too.
    const deadline = startDeadline(timeoutMs);
    try {
      return await baseFetch(new Request(request, { signal: AbortSignal.any([request.signal, deadline.signal]) }));
    } catch (err) {
      deadline.clear();
      throw deadline.signal.aborted ? timedOut(request, timeoutMs) : requestFailure(err, request, timeoutMs);
    }
  };
}

/**
 * The one-line error for a request that failed: a timeout, an untrusted certificate, or an
 * unreachable server. An abort by the caller's own signal is the caller's error, passed on as is.
 */
export function requestFailure(err: unknown, request: RequestName, timeoutMs: number): unknown {
  if (request.signal?.aborted) return err;
  if (err instanceof GrafanaRequestError) return err;
  const code = causeCode(err);
  if (code && UNDICI_TIMEOUTS.has(code)) return timedOut(request, timeoutMs);
  const where = `${request.method} ${request.url}`;
  const blocked = blockedPort(request.url, err);
  if (blocked) return new GrafanaRequestError(`${where} failed: ${blocked}.`);
  const untrusted = tlsTrustErrorCode(err);
  if (untrusted) return new GrafanaRequestError(`${where} failed: the server's TLS certificate is not trusted (${untrusted}): pass tls.ca with the CA that signed it.`);
  const plain = plainHttpOverTls(new URL(request.url).origin, err);
  if (plain) return new GrafanaRequestError(`${where} failed: ${plain} in baseUrl.`);
  return new GrafanaRequestError(`${where} failed (${describeCause(err)}): check the URL and that the server is reachable.`);
}

/**
 * Fetch refuses a fixed list of ports before it connects (the Fetch standard's "bad ports": 6000,
 * 6665-6669, 10080, …), so "cannot reach" would wrongly suggest that nothing listens there.
 * Returns what to say about such a failure, or undefined for any other.
 */
export function blockedPort(url: string, err: unknown): string | undefined {
  if ((err as { cause?: { message?: string } })?.cause?.message !== 'bad port') return undefined;
  const { port, protocol } = new URL(url);
  return `port ${port || (protocol === 'https:' ? '443' : '80')} is one that fetch refuses to connect to (a "bad port" of the Fetch standard, like 6000, 6665-6669 or 10080), so nothing was sent: serve Grafana on another port (its default is 3000), or reach it through a proxy on an allowed port`;
}

/**
 * An https:// URL whose port speaks plain HTTP: the TLS layer reads the HTTP answer as a record
 * of an unknown TLS version (OpenSSL's "wrong version number"). Returns what to say about it (the
 * http:// URL to use instead), or undefined for any other failure.
 */
export function plainHttpOverTls(url: string, err: unknown): string | undefined {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') return undefined;
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (err as { code?: string })?.code;
  const message = cause?.message ?? (err instanceof Error ? err.message : '');
  if (code !== 'ERR_SSL_WRONG_VERSION_NUMBER' && !/wrong version number/i.test(message)) return undefined;
  parsed.protocol = 'http:';
  return `${parsed.host} answers plain HTTP, not HTTPS (${code ?? 'wrong version number'}): use ${parsed.href.replace(/\/$/, '')}`;
}

/** The one-line error for a request that took longer than `timeoutMs` (`during`: e.g. ' while reading the response'). */
export function timedOut(request: Pick<RequestName, 'method' | 'url'>, timeoutMs: number, during = ''): GrafanaRequestError {
  return new GrafanaRequestError(`${request.method} ${request.url} timed out after ${timeoutMs} ms${during}: check that the server is up, or raise timeoutMs.`);
}

/** The undici error code behind a failed fetch or a failed body read, if any. */
export function causeCode(err: unknown): string | undefined {
  return (err as { cause?: { code?: string } })?.cause?.code ?? (err as { code?: string })?.code;
}

function describeCause(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
