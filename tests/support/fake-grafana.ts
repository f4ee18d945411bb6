import { sendJson, startTestServer } from './http-server.js';

/**
 * A stand-in that answers like Grafana on /api/health and /api/user only, for testing the CLI's
 * own behaviour (exit codes, reports, redaction, read-only). It is not a conformance target:
 * the contract cases fail against it, which is what some tests need.
 */
export async function startFakeGrafana(options: { acceptAuthorization: string; leakAuthorizationOn?: string; tls?: { key: string; cert: string }; version?: string | null }) {
  // The version it reports (default 10.4.3, a release the contract knows); null: hidden, as with hide_version.
  const version = options.version === undefined ? '10.4.3' : options.version;
  return startTestServer((req, res) => {
    if (req.url === '/api/health') return sendJson(res, 200, version === null ? { database: 'ok' } : { commit: 'abc123', database: 'ok', version });
    if (req.headers.authorization !== options.acceptAuthorization) return sendJson(res, 401, { message: 'Unauthorized' });
    if (req.url === '/api/user') return sendJson(res, 200, { id: 1, login: 'admin', email: 'admin@localhost', name: 'admin', theme: '', isGrafanaAdmin: true });
    if (req.url === '/api/org') return sendJson(res, 200, { id: 1, name: 'Main Org.' });
    if (options.leakAuthorizationOn && req.url.startsWith(options.leakAuthorizationOn)) {
      // A hostile answer that echoes the credentials in a non-JSON body.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`oops ${req.headers.authorization}`);
      return;
    }
    sendJson(res, 418, { message: 'not implemented by the fake' });
  }, options.tls);
}
