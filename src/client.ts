import createClient, { createFinalURL, createQuerySerializer, defaultPathSerializer, type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { authorizationHeader, type GrafanaAuth } from './auth.js';
import { normalizeBaseUrl } from './base-url.js';
import { GrafanaClientError } from './errors.js';
import { hasTlsSettings, type TlsOptions } from './tls.js';
import { agentSend, causeCode, timedOut, timedSend, type OutgoingRequest } from './transport.js';

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

  const send = options.fetch ? timedSend(options.fetch, timeoutMs) : agentSend(timeoutMs, options.tls);
  const setHeaders = headersSetter(authorization, orgId, options.headers ?? {});
  const core = createClient<paths>({
    baseUrl,
    Request: grafanaRequestClass(setHeaders),
    fetch: (input: Request | OutgoingRequest) => (input instanceof Request ? partsOf(input).then(send) : send(input)),
  });
  return withPartsWhenUnseen(core, requestPartsClass(setHeaders), (method, schemaPath, init, err) =>
    bodyFailure(err, method, baseUrl, schemaPath, init, timeoutMs));
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

/** openapi-fetch passes the Headers it merged; a caller's own `Request` class may get anything. */
function ownHeaders(init: RequestInit): Headers {
  return init.headers instanceof Headers ? init.headers : new Headers(init.headers);
}

/**
 * The Request class openapi-fetch builds a request with when a middleware will see it: a real
 * Request, with the client's headers set while they are still the Headers openapi-fetch merged.
 */
function grafanaRequestClass(setHeaders: (headers: Headers) => void): typeof Request {
  return class GrafanaRequest extends Request {
    // openapi-fetch checks what a middleware returns with `instanceof` this class: any Request will do.
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof Request;
    }

    constructor(input: string | URL | Request, init: RequestInit = {}) {
      const headers = ownHeaders(init);
      setHeaders(headers);
      super(input, { ...init, headers });
    }
  };
}

/**
 * What openapi-fetch builds a request with when no middleware will see it: its parts only.
 * A Request here would be built for nothing, since fetch builds its own from the parts.
 */
function requestPartsClass(setHeaders: (headers: Headers) => void) {
  return class RequestParts implements OutgoingRequest {
    readonly url: string;
    readonly method: string;
    readonly headers: Headers;
    readonly body: RequestInit['body'];
    readonly redirect: RequestInit['redirect'];
    readonly signal: AbortSignal | null | undefined;

    constructor(url: string, init: RequestInit = {}) {
      this.headers = ownHeaders(init);
      setHeaders(this.headers);
      this.url = url;
      this.method = init.method ?? 'GET';
      this.body = init.body;
      this.redirect = init.redirect;
      this.signal = init.signal;
    }
  };
}

/** A Request's parts, for a request that a middleware saw or built (bodies here are small JSON). */
async function partsOf(request: Request): Promise<OutgoingRequest> {
  const body = request.body === null ? undefined : await request.arrayBuffer();
  return { url: request.url, method: request.method, headers: request.headers, body, redirect: request.redirect, signal: request.signal };
}

type CallInit = { middleware?: unknown[]; Request?: unknown; fetch?: unknown; params?: Record<string, unknown> } | undefined;
type OnFailure = (method: string, schemaPath: string, init: CallInit, err: unknown) => unknown;

/**
 * Wraps the client's methods so that a request that no middleware (and no fetch of the call's
 * own) will see is built as RequestParts, and a failure while reading a response body becomes a
 * one-line error. The client keeps its own list of the middleware registered with `use`
 * (mirroring openapi-fetch's), since openapi-fetch does not expose it.
 */
function withPartsWhenUnseen(core: GrafanaClient, RequestParts: unknown, onFailure: OnFailure): GrafanaClient {
  const registered: Middleware[] = [];
  // A call's own fetch or Request class gets what openapi-fetch would give it: a real Request.
  const unseen = (init: CallInit) => registered.length === 0 && !init?.middleware?.length && !init?.Request && !init?.fetch;
  const call = (method: string, schemaPath: string, init: CallInit, run: (init: CallInit) => Promise<unknown>) =>
    run(unseen(init) ? { ...init, Request: RequestParts } : init).catch((err: unknown) => {
      throw onFailure(method, schemaPath, init, err);
    });
  const client = Object.create(core) as Record<string, unknown>;
  const loose = core as unknown as Record<string, (url: string, init: CallInit) => Promise<unknown>>;
  for (const method of METHODS) {
    client[method] = (url: string, init: CallInit) => call(method, url, init, (i) => loose[method]!(url, i));
  }
  client.request = (method: string, url: string, init: CallInit) =>
    call(method.toUpperCase(), url, init, (i) => (core.request as unknown as (m: string, u: string, i: CallInit) => Promise<unknown>)(method, url, i));
  client.use = (...middleware: Middleware[]) => {
    core.use(...middleware); // validates, and throws on a bad one before we count it
    for (const m of middleware) if (m) registered.push(m);
  };
  client.eject = (...middleware: Middleware[]) => {
    core.eject(...middleware);
    for (const m of middleware) {
      const i = registered.indexOf(m);
      if (i !== -1) registered.splice(i, 1);
    }
  };
  return client as unknown as GrafanaClient;
}

/**
 * A body that stopped arriving (undici's body timeout) fails inside openapi-fetch's own read of
 * it: the same one-line error as a request that timed out. Anything else passes on as is.
 */
function bodyFailure(err: unknown, method: string, baseUrl: string, schemaPath: string, init: CallInit, timeoutMs: number): unknown {
  if (causeCode(err) !== 'UND_ERR_BODY_TIMEOUT') return err;
  const url = createFinalURL(schemaPath, {
    baseUrl,
    params: (init?.params ?? {}) as never,
    querySerializer: createQuerySerializer(),
    pathSerializer: defaultPathSerializer,
  });
  return timedOut({ method, url }, timeoutMs, ' while reading the response');
}
