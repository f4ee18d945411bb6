import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sendJson, startTestServer, type RecordedRequest } from '../support/http-server.js';
import { selfSignedCertificate } from '../support/self-signed.js';
import { runCli } from './run-cli.js';
import type { ServerResponse } from 'node:http';

// FAKE servers that are not (quite) Grafana, or stop answering: each gets a one-line error that
// names the URL and what was wrong, and exit code 2. None of them stands for Grafana's behaviour.
const HEALTH = { commit: 'fake', database: 'ok', version: '11.5.0' };
const USER = { id: 1, login: 'admin', email: 'admin@localhost', name: 'admin', theme: '', isGrafanaAdmin: true };
const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Sign in - Corporate SSO</title></head><body><form>…</form></body></html>';

function html(res: ServerResponse, body = LOGIN_PAGE) {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(body);
}

async function runAgainst(handler: (req: RecordedRequest, res: ServerResponse) => void | Promise<void>, extra: string[] = []) {
  const server = await startTestServer(handler);
  try {
    const result = await runCli(['conformance', '--url', server.url, '--user', 'admin', '--password', 'Secret-Pa55', ...extra]);
    return { ...result, url: server.url };
  } finally {
    await server.close();
  }
}

/** Exit 2, one line on stderr naming the URL, never the old messages or a stack trace. */
function expectOneLineError(result: { code: number | null; stderr: string; stdout: string }, url: string, pattern: RegExp) {
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toContain(url);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).not.toMatch(/unexpected error|Cannot read properties|Unexpected token|fetch failed/);
  expect(result.stderr + result.stdout).not.toContain('Secret-Pa55');
}

describe('odd servers get a one-line error naming the URL, exit 2', () => {
  it('JSON of another shape on /api/health', async () => {
    const r = await runAgainst((req, res) => sendJson(res, 200, { status: 'UP', components: {} }));
    expectOneLineError(r, r.url, /is not a Grafana server: GET \/api\/health answered HTTP 200 with JSON that is not Grafana's health answer/);
  });

  it('JSON of another shape on /api/user', async () => {
    const r = await runAgainst((req, res) => (req.url === '/api/health' ? sendJson(res, 200, HEALTH) : sendJson(res, 200, { status: 'ok', data: [] })));
    expectOneLineError(r, `${r.url}/api/user`, /JSON that is not Grafana's \(no numeric "id"/);
  });

  it('Grafana-looking /api/health and /api/user, other JSON everywhere else', async () => {
    const r = await runAgainst((req, res) => (req.url === '/api/health' ? sendJson(res, 200, HEALTH) : sendJson(res, 200, USER)));
    expectOneLineError(r, `${r.url}/api/users/search`, /JSON of another shape \(no list of users\)/);
  });

  it('an SSO proxy\'s HTML login page on /api/health', async () => {
    const r = await runAgainst((req, res) => html(res));
    expectOneLineError(r, r.url, /is not a Grafana server: GET \/api\/health answered HTTP 200 with an HTML page \(text\/html\) titled "Sign in - Corporate SSO", not JSON: a proxy's login page/);
  });

  it('an SSO proxy that lets /api/health through and answers /api/user with its login page (200): not taken as valid credentials', async () => {
    const r = await runAgainst((req, res) => (req.url === '/api/health' ? sendJson(res, 200, HEALTH) : html(res)));
    expectOneLineError(r, `${r.url}/api/user`, /answered HTTP 200 with an HTML page \(text\/html\) titled "Sign in - Corporate SSO", not JSON: a proxy's login page/);
  });

  it('a server that hangs after a healthy /api/health', async () => {
    const r = await runAgainst((req, res) => (req.url === '/api/health' ? sendJson(res, 200, HEALTH) : undefined), ['--timeout', '700']);
    expectOneLineError(r, `${r.url}/api/user`, /cannot reach \S+\/api\/user \(after a healthy \/api\/health\) \(no answer within 700 ms\)/);
  });

  it('a server that resets the connection after a healthy /api/health', async () => {
    const r = await runAgainst((req, res) => (req.url === '/api/health' ? sendJson(res, 200, HEALTH) : void res.socket?.destroy()));
    expectOneLineError(r, `${r.url}/api/user`, /cannot reach \S+\/api\/user \(after a healthy \/api\/health\) \(\w+/);
  });

  it('a healthy server whose set-up requests then time out', async () => {
    const r = await runAgainst((req, res) => (req.url === '/api/health' ? sendJson(res, 200, HEALTH) : req.url === '/api/user' ? sendJson(res, 200, USER) : undefined), ['--timeout', '700']);
    // The first request after the credentials check: the caller's org, for the identity line.
    expectOneLineError(r, `${r.url}/api/org`, /no answer within 700 ms/);
  });

  // A plain web server's pages say what they are, and are not guessed to be a proxy's login page.
  it.each([
    ['an nginx-like 404 page', 404, 'text/html', '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n', 'an HTML page (text/html) titled "404 Not Found", not JSON.'],
    ['a page without a title', 200, 'text/html; charset=utf-8', '<!DOCTYPE html><html><body><h1>It works!</h1><p>This is the default web page.</p></body></html>', 'an HTML page (text/html) saying "It works! This is the default web page.", not JSON.'],
    ["Go's plain-text 404", 404, 'text/plain; charset=utf-8', '404 page not found\n', 'text/plain saying "404 page not found", not JSON.'],
  ])('%s on /api/health: what was seen, no guess', async (_name, status, type, body, said) => {
    const r = await runAgainst((req, res) => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    });
    expectOneLineError(r, r.url, /is not a Grafana server/);
    expect(r.stderr).toBe(`error: ${r.url} is not a Grafana server: GET /api/health answered HTTP ${status} with ${said}\n`);
  });

  it.each([
    ['a form with a password field', (req: RecordedRequest, res: ServerResponse) => html(res, '<html><head><title>Welcome</title></head><body><form method="post"><input name="u"><input type="password" name="p"></form></body></html>')],
    ['a redirect to a login address', (req: RecordedRequest, res: ServerResponse) => {
      if (req.url === '/oauth2/sign_in?rd=%2Fapi%2Fhealth') return html(res, '<html><head><title>Welcome</title></head><body>Choose a provider</body></html>');
      res.writeHead(302, { Location: '/oauth2/sign_in?rd=%2Fapi%2Fhealth' });
      res.end();
    }],
  ])("%s on /api/health: a proxy's login page", async (_name, handler) => {
    const r = await runAgainst(handler);
    expectOneLineError(r, r.url, /answered HTTP 200 with an HTML page \(text\/html\) titled "Welcome", not JSON: a proxy's login page in front of Grafana\?/);
  });

  it('https:// to a port that speaks plain HTTP suggests the http:// URL (also with --insecure)', async () => {
    const server = await startTestServer((req, res) => sendJson(res, 200, HEALTH));
    const https = server.url.replace(/^http:/, 'https:');
    try {
      for (const extra of [[], ['--insecure']]) {
        const r = await runCli(['conformance', '--url', https, '--user', 'admin', '--password', 'Secret-Pa55', ...extra]);
        // --insecure adds its warning line before the error.
        expect(r.code).toBe(2);
        expect(r.stderr.split('\n').filter((line) => line.startsWith('error: '))).toEqual([
          `error: cannot reach ${https}: ${new URL(server.url).host} answers plain HTTP, not HTTPS (ERR_SSL_WRONG_VERSION_NUMBER): use ${server.url} as --url.`,
        ]);
      }
    } finally {
      await server.close();
    }
  });

  it('a self-signed certificate: says the certificate is not trusted and names --ca-cert and --insecure', async () => {
    const { key, cert } = await selfSignedCertificate();
    const server = createHttpsServer({ key, cert }, (req, res) => sendJson(res, 200, HEALTH));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const r = await runCli(['conformance', '--url', url, '--user', 'admin', '--password', 'Secret-Pa55']);
      expectOneLineError(r, url, /certificate of \S+ is not trusted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\): pass --ca-cert FILE .* or --insecure/);
      expect(r.stderr).not.toMatch(/cannot reach/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
