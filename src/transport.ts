import { GrafanaRequestError } from './errors.js';
import { tlsConnectOptions, tlsTrustErrorCode, type TlsOptions } from './tls.js';

/** What the client sends: a request's parts, without a Request object around them. */
export interface OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body?: RequestInit['body'];
  readonly redirect?: RequestInit['redirect'];
  /** The caller's own signal, if any; the timeout does not need one. */
  readonly signal?: AbortSignal | null;
}

/** Sends one request and resolves with the response; fails with a one-line GrafanaRequestError. */
export type Send = (request: OutgoingRequest) => Promise<Response>;

/** Error codes of undici's timeouts (connecting, waiting for the headers, a pause in the body). */
const UNDICI_TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

type UndiciFetch = (url: string, init: object) => Promise<unknown>;

/**
 * The client's own HTTP engine: undici's fetch over an undici Agent that carries the timeout
 * (connect, response headers, each pause in the body) and the TLS settings. A request therefore
 * needs no timer and no AbortSignal of its own, which were most of what the client cost over a
 * plain fetch (bench/client.mjs). The Agent must come from the same undici as the fetch: Node's
 * built-in fetch is a different undici version. undici is loaded on the first request.
 */
export function agentSend(timeoutMs: number, tls: TlsOptions = {}): Send {
  let engine: { fetch: UndiciFetch; dispatcher: object } | undefined;
  let loading: Promise<{ fetch: UndiciFetch; dispatcher: object }> | undefined;
  const load = () => (loading ??= import('undici').then((undici) => (engine = {
    fetch: undici.fetch as unknown as UndiciFetch,
    dispatcher: new undici.Agent({
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connect: { timeout: timeoutMs, ...tlsConnectOptions(tls) },
    }),
  })));
  const sendWith = ({ fetch, dispatcher }: { fetch: UndiciFetch; dispatcher: object }, request: OutgoingRequest) => {
    const { url, method, body, redirect, signal } = request;
    // A plain object: undici reads its own Headers or a record faster than Node's global Headers.
    const headers = Object.fromEntries(request.headers);
    return (fetch(url, { method, headers, body, redirect, signal, dispatcher }) as Promise<Response>).catch((err: unknown) => {
      throw requestFailure(err, request, timeoutMs);
    });
  };
  return (request) => (engine ? sendWith(engine, request) : load().then((loaded) => sendWith(loaded, request)));
}

/**
 * A fetch the caller passed in, with the timeout as one plain timer per request that bounds the
 * whole request, body included (unref'd: it keeps no process alive, and firing after the body is
 * read changes nothing). AbortSignal.any only when the caller passed a signal too.
 */
export function timedSend(baseFetch: typeof globalThis.fetch, timeoutMs: number): Send {
  return async (request) => {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    timer.unref();
    const { url, method, headers, body, redirect } = request;
    const signal = request.signal ? AbortSignal.any([request.signal, timeout.signal]) : timeout.signal;
    try {
      return await baseFetch(url, { method, headers, body, redirect, signal });
    } catch (err) {
      clearTimeout(timer);
      throw timeout.signal.aborted ? timedOut(request, timeoutMs) : requestFailure(err, request, timeoutMs);
    }
  };
}

/**
 * The one-line error for a request that failed: a timeout, an untrusted certificate, or an
 * unreachable server. An abort by the caller's own signal is the caller's error, passed on as is.
 */
export function requestFailure(err: unknown, request: OutgoingRequest, timeoutMs: number): unknown {
  if (request.signal?.aborted) return err;
  if (err instanceof GrafanaRequestError) return err;
  const code = causeCode(err);
  if (code && UNDICI_TIMEOUTS.has(code)) return timedOut(request, timeoutMs);
  const where = `${request.method} ${request.url}`;
  const blocked = blockedPort(request.url, err);
  if (blocked) return new GrafanaRequestError(`${where} failed: ${blocked}.`);
  const untrusted = tlsTrustErrorCode(err);
  if (untrusted) return new GrafanaRequestError(`${where} failed: the server's TLS certificate is not trusted (${untrusted}): pass tls.ca with the CA that signed it.`);
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

/** The one-line error for a request that took longer than `timeoutMs` (`during`: e.g. ' while reading the response'). */
export function timedOut(request: Pick<OutgoingRequest, 'method' | 'url'>, timeoutMs: number, during = ''): GrafanaRequestError {
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
