import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { authorizationHeader, type GrafanaAuth } from './auth.js';
import { normalizeBaseUrl } from './base-url.js';
import { GrafanaClientError, GrafanaRequestError } from './errors.js';
import { createTlsFetch, hasTlsSettings, tlsTrustErrorCode, type TlsOptions } from './tls.js';

export interface GrafanaClientOptions {
  /** The Grafana server's root URL, e.g. `http://localhost:3000` or `https://mystack.grafana.net`. */
  baseUrl: string;
  /** Basic auth (`{ username, password }`) or a service account token (`{ token }`). */
  auth: GrafanaAuth;
  /** Sent as `X-Grafana-Org-Id`: run every request in this organization. */
  orgId?: number;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof globalThis.fetch;
  /** Abort a request that takes longer than this (default 30 000 ms). */
  timeoutMs?: number;
  /** A private CA to trust (`ca`, PEM), or no certificate check at all (`insecure`, for testing only). */
  tls?: TlsOptions;
  /** Headers sent with every request (e.g. for a proxy in front of Grafana); a request's own headers win. */
  headers?: Record<string, string>;
}

export type GrafanaClient = Client<paths>;

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Creates an openapi-fetch client typed by the spec's `paths`. Every request carries the
 * `Authorization` header and, when `orgId` is set, `X-Grafana-Org-Id`.
 */
export function createGrafanaClient(options: GrafanaClientOptions): GrafanaClient {
  if (!options || typeof options !== 'object') {
    throw new GrafanaClientError('options are missing: pass { baseUrl, auth }.');
  }
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const authorization = authorizationHeader(options.auth);
  const orgId = options.orgId;
  if (orgId !== undefined && !(Number.isSafeInteger(orgId) && orgId > 0)) {
    throw new GrafanaClientError(`orgId ${String(orgId)} is not valid: pass a positive integer organization ID.`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new GrafanaClientError(`timeoutMs ${String(timeoutMs)} is not valid: pass a positive number of milliseconds.`);
  }

  if (options.fetch && hasTlsSettings(options.tls)) {
    throw new GrafanaClientError('fetch and tls are two ways to make requests: pass one of them.');
  }
  const baseFetch = hasTlsSettings(options.tls) ? createTlsFetch(options.tls) : options.fetch ?? globalThis.fetch;
  return createClient<paths>({
    baseUrl,
    Request: grafanaRequestClass(headersSetter(authorization, orgId, options.headers ?? {})),
    fetch: fetchWithTimeout(baseFetch, timeoutMs),
  });
}

/** Puts the client's headers on a request's headers. */
function headersSetter(authorization: string, orgId: number | undefined, extra: Record<string, string>): (headers: Headers) => void {
  const extras = Object.entries(extra);
  const org = orgId === undefined ? undefined : String(orgId);
  return (headers) => {
    for (const [name, value] of extras) if (!headers.has(name)) headers.set(name, value);
    headers.set('Authorization', authorization);
    // A request that names its org itself (`params.header`) keeps it.
    if (org !== undefined && !headers.has('X-Grafana-Org-Id')) headers.set('X-Grafana-Org-Id', org);
  };
}

/** The signal the caller passed for a request the client built (null: none); absent on a Request a middleware made. */
const callerSignal = Symbol('grafana-api-contract.callerSignal');
type ClientRequest = Request & { [callerSignal]?: AbortSignal | null };

/**
 * The Request class openapi-fetch builds the client's requests with. It sets the client's headers
 * while they are still the plain Headers that openapi-fetch merged (cheaper than a middleware
 * that edits the finished Request), and notes whether the caller passed a signal, so that a
 * request without one needs no AbortSignal.any.
 */
function grafanaRequestClass(setHeaders: (headers: Headers) => void): typeof Request {
  return class GrafanaRequest extends Request {
    // openapi-fetch checks what a middleware returns with `instanceof` this class: any Request will do.
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof Request;
    }

    constructor(input: string | URL | Request, init: RequestInit = {}) {
      // openapi-fetch passes a Headers of its own: edit it in place.
      if (!(init.headers instanceof Headers)) init = { ...init, headers: new Headers(init.headers) };
      setHeaders(init.headers as Headers);
      super(input, init);
      (this as ClientRequest)[callerSignal] = init.signal ?? null;
    }
  };
}

/**
 * Wraps fetch so that a slow or unreachable server becomes a one-line GrafanaRequestError that
 * names the method and URL (never the credentials, which live only in headers).
 */
export function fetchWithTimeout(baseFetch: typeof globalThis.fetch, timeoutMs: number) {
  return async (input: Request): Promise<Response> => {
    // One plain timer per request (AbortSignal.timeout and AbortSignal.any cost more than the rest
    // of the client together). It is not cleared when the headers arrive, so that it also bounds
    // reading the body; unref'd, it keeps no process alive, and firing after the body is read
    // changes nothing.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    timer.unref();
    const own = (input as ClientRequest)[callerSignal];
    const caller = own === undefined ? input.signal : own;
    const signal = caller ? AbortSignal.any([caller, timeout.signal]) : timeout.signal;
    try {
      // The request's parts, not the Request itself: fetch would build a second Request that
      // follows this one's signal. Bodies here are small JSON.
      const body = input.body === null ? undefined : await input.arrayBuffer();
      return await baseFetch(input.url, { method: input.method, headers: input.headers, body, redirect: input.redirect, signal });
    } catch (err) {
      clearTimeout(timer);
      const where = `${input.method} ${input.url}`;
      if (timeout.signal.aborted) throw new GrafanaRequestError(`${where} timed out after ${timeoutMs} ms: check that the server is up, or raise timeoutMs.`);
      if (caller?.aborted) throw err;
      const untrusted = tlsTrustErrorCode(err);
      if (untrusted) throw new GrafanaRequestError(`${where} failed: the server's TLS certificate is not trusted (${untrusted}): pass tls.ca with the CA that signed it.`);
      throw new GrafanaRequestError(`${where} failed (${describeCause(err)}): check the URL and that the server is reachable.`);
    }
  };
}

function describeCause(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
