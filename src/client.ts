import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { authorizationHeader, type GrafanaAuth } from './auth.js';
import { normalizeBaseUrl } from './base-url.js';
import { GrafanaClientError, GrafanaRequestError } from './errors.js';
import { hasTlsSettings, type TlsOptions } from './tls.js';
import { agentFetch, causeCode, startDeadline, timedFetch, timedOut, withDeadline } from './transport.js';

export interface GrafanaClientOptions {
  /** The Grafana server's root URL, e.g. `http://localhost:3000` or `https://mystack.grafana.net`. */
  baseUrl: string;
  /** Basic auth (`{ username, password }`) or a service account token (`{ token }`). */
  auth: GrafanaAuth;
  /** Sent as `X-Grafana-Org-Id`: run every request in this organization. */
  orgId?: number;
  /**
   * A fetch implementation of your own. By default the client sends with undici's fetch (the
   * `undici` package, a dependency), which is what `timeoutMs` and `tls` configure.
   */
  fetch?: typeof globalThis.fetch;
  /**
   * Fail a request when connecting, waiting for the response headers, or waiting for the next
   * part of the body takes longer than this (default 30 000 ms). With your own `fetch`, it bounds
   * the whole request instead.
   */
  timeoutMs?: number;
  /** A private CA to trust (`ca`, PEM), or no certificate check at all (`insecure`, for testing only). */
  tls?: TlsOptions;
  /** Headers sent with every request (e.g. for a proxy in front of Grafana); a request's own headers win. */
  headers?: Record<string, string>;
}

export type GrafanaClient = Client<paths>;

const DEFAULT_TIMEOUT_MS = 30_000;
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/**
 * Creates an openapi-fetch client typed by the spec's `paths`, as openapi-fetch's own
 * `createClient` would, with the credentials (`Authorization`), the org (`X-Grafana-Org-Id`) and
 * the extra headers as its default headers, and a fetch that carries the timeout and TLS settings.
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

  const client = createClient<paths>({
    baseUrl,
    headers: { ...options.headers, ...(orgId === undefined ? {} : { 'X-Grafana-Org-Id': String(orgId) }), Authorization: authorization },
    fetch: options.fetch ? timedFetch(options.fetch, timeoutMs) : agentFetch(timeoutMs, options.tls),
  });
  return withOneLineBodyTimeouts(client, baseUrl, timeoutMs, Boolean(options.fetch));
}

/**
 * A body that stops arriving (undici's body timeout, or the deadline of a caller's own fetch)
 * fails inside openapi-fetch's own read of it, after fetch has returned: the methods turn that
 * into the same one-line error as any timeout. With a caller's own fetch (`deadlines`), each
 * call's options carry its deadline in their signal, so that the Request openapi-fetch builds
 * needs no copy (a copy per call and a combined signal cost that fetch about a fifth more).
 */
function withOneLineBodyTimeouts(client: GrafanaClient, baseUrl: string, timeoutMs: number, deadlines: boolean): GrafanaClient {
  const oneLine = (method: string, path: string, deadline?: AbortSignal) => (err: unknown) => {
    const url = `${baseUrl}${path}`;
    if (causeCode(err) === 'UND_ERR_BODY_TIMEOUT') throw timedOut({ method, url }, timeoutMs, ' while reading the response');
    // The deadline ended the call after fetch had returned (the body), or in a call's own fetch.
    throw deadline?.aborted && !(err instanceof GrafanaRequestError) ? timedOut({ method, url }, timeoutMs) : err;
  };
  const wrapped: Record<string, unknown> = { ...client };
  for (const method of METHODS) {
    const send = client[method] as (p: string, i: unknown) => Promise<unknown>;
    wrapped[method] = deadlines
      ? (path: string, init?: { signal?: AbortSignal | null; parseAs?: string }) => {
          const deadline = startDeadline(timeoutMs);
          // A streamed body is read after the call returns: its deadline stays until it fires.
          const done = init?.parseAs === 'stream' ? () => undefined : deadline.clear;
          return send(path, withDeadline(init, deadline.signal)).then(
            (result) => (done(), result),
            (err: unknown) => (done(), oneLine(method, path, deadline.signal)(err)),
          );
        }
      : (path: string, init: unknown) => send(path, init).catch(oneLine(method, path));
  }
  return wrapped as unknown as GrafanaClient;
}
