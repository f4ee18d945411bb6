/**
 * TLS settings for a Grafana behind HTTPS with a private CA (or a self-signed certificate).
 * Node's fetch is undici; it takes TLS settings only through an undici dispatcher, so a fetch
 * with TLS settings is undici's own `fetch` with an `Agent` of the same undici (mixing the npm
 * package's Agent with Node's built-in fetch breaks when their versions differ). undici is
 * loaded only when TLS settings are given.
 */
export interface TlsOptions {
  /** PEM certificate(s) of the CA(s) to trust, instead of Node's default list (a file's text, e.g. `readFileSync(file, 'utf8')`). */
  ca?: string | string[];
  /** Do not verify the server's certificate at all (for testing only). */
  insecure?: boolean;
}

type Fetch = typeof globalThis.fetch;

/** Whether the options change anything (no CA, not insecure: Node's own fetch is used). */
export function hasTlsSettings(tls: TlsOptions | undefined): tls is TlsOptions {
  return Boolean(tls && (tls.ca !== undefined || tls.insecure));
}

/** undici's connect options for these TLS settings. */
export function tlsConnectOptions(tls: TlsOptions): { ca?: string | string[]; rejectUnauthorized: boolean } {
  return { ca: tls.ca, rejectUnauthorized: !tls.insecure };
}

/**
 * A fetch that verifies server certificates against `tls.ca`, or not at all with `insecure`.
 * It accepts a URL or a (global) Request, like the global fetch.
 */
export function createTlsFetch(tls: TlsOptions): Fetch {
  let loaded: Promise<{ fetch: (input: string, init: object) => Promise<unknown>; dispatcher: object }> | undefined;
  const load = () => (loaded ??= import('undici').then((undici) => ({
    fetch: undici.fetch as unknown as (input: string, init: object) => Promise<unknown>,
    // Idle connections are closed quickly so that a finished CLI run does not wait for them.
    dispatcher: new undici.Agent({ keepAliveTimeout: 1_000, connect: tlsConnectOptions(tls) }),
  })));
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const { fetch, dispatcher } = await load();
    if (input instanceof Request) {
      // A global Request is not undici's own: pass its parts (bodies here are small JSON).
      const body = input.body ? await input.arrayBuffer() : undefined;
      init = { method: input.method, headers: [...input.headers], body, redirect: input.redirect, signal: input.signal, ...init };
      input = input.url;
    }
    return (await fetch(String(input), { ...init, dispatcher })) as Response;
  }) as Fetch;
}

/** Error codes of Node's TLS layer that mean "the certificate is not trusted". */
const TRUST_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Whether a failed fetch's error (or its cause) is a certificate the client does not trust. */
export function tlsTrustErrorCode(err: unknown): string | undefined {
  const code = (err as { cause?: { code?: string } })?.cause?.code ?? (err as { code?: string })?.code;
  return code && TRUST_ERRORS.has(code) ? code : undefined;
}
