import { createTlsFetch, hasTlsSettings, type TlsOptions } from '../../tls.js';

/** How to reach a Grafana beyond its URL and credentials: TLS, headers for a proxy, the org. */
export interface Connection {
  tls?: TlsOptions;
  /** Sent with every request (a proxy in front of Grafana may need one). */
  headers?: Record<string, string>;
  /** Sent as `X-Grafana-Org-Id`: the run works in this org instead of the caller's current one. */
  orgId?: number;
}

/** The fetch and the extra headers for the target's own requests (probe, cases). */
export function connectionTransport(connection: Connection = {}): { fetch: typeof globalThis.fetch; headers: Record<string, string> } {
  const headers = { ...connection.headers };
  if (connection.orgId !== undefined) headers['X-Grafana-Org-Id'] = String(connection.orgId);
  return { fetch: hasTlsSettings(connection.tls) ? createTlsFetch(connection.tls) : globalThis.fetch, headers };
}

/** The typed client's options for the same connection. */
export function clientConnection(connection: Connection = {}) {
  return { tls: connection.tls, headers: connection.headers, orgId: connection.orgId };
}
