import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { authorizationHeader, type GrafanaAuth } from './auth.js';
import { normalizeBaseUrl } from './base-url.js';
import { GrafanaClientError, GrafanaRequestError } from './errors.js';

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

  const client = createClient<paths>({
    baseUrl,
    fetch: fetchWithTimeout(options.fetch ?? globalThis.fetch, timeoutMs),
  });
  client.use(headersMiddleware(authorization, orgId));
  return client;
}

function headersMiddleware(authorization: string, orgId: number | undefined): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Authorization', authorization);
      if (orgId !== undefined) request.headers.set('X-Grafana-Org-Id', String(orgId));
      return request;
    },
  };
}

/**
 * Wraps fetch so that a slow or unreachable server becomes a one-line GrafanaRequestError that
 * names the method and URL (never the credentials, which live only in headers).
 */
export function fetchWithTimeout(baseFetch: typeof globalThis.fetch, timeoutMs: number) {
  return async (input: Request): Promise<Response> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([input.signal, timeout]);
    try {
      return await baseFetch(input, { signal });
    } catch (err) {
      const where = `${input.method} ${input.url}`;
      if (timeout.aborted) throw new GrafanaRequestError(`${where} timed out after ${timeoutMs} ms: check that the server is up, or raise timeoutMs.`);
      if (input.signal.aborted) throw err;
      throw new GrafanaRequestError(`${where} failed (${describeCause(err)}): check the URL and that the server is reachable.`);
    }
  };
}

function describeCause(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
