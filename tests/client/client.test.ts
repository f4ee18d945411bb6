import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrafanaClient, GrafanaClientError, GrafanaRequestError } from '../../src/index.js';
import { freePort } from '../../src/contract/targets/free-port.js';
import { sendJson, startTestServer } from '../support/http-server.js';
import { listenOnBlockedPort } from '../support/blocked-port.js';
import { readFileSync } from 'node:fs';

const PASSWORD = 's3cret-Pa55';
const TOKEN = 'glsa_abcdefghijklmnopqrstuvwxyz_0123456789';

describe('createGrafanaClient against an in-process server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(async (req, res) => {
      if (req.url.startsWith('/slow')) return; // never answers
      if (req.url === '/api/user') return sendJson(res, 200, { id: 1, login: 'admin' });
      if (req.url === '/api/org/users/lookup?query=ja&limit=5') return sendJson(res, 200, [{ userId: 2, login: 'jane', avatarUrl: '' }]);
      if (req.url === '/api/users/999') return sendJson(res, 404, { message: 'user not found' });
      if (req.method === 'PUT' && req.url === '/api/org') return sendJson(res, 200, { message: 'Organization updated' });
      sendJson(res, 404, { message: 'Not found' });
    });
  });
  afterAll(() => server.close());

  it('sends basic auth and no org header by default', async () => {
    const client = createGrafanaClient({ baseUrl: server.url, auth: { username: 'admin', password: PASSWORD } });
    const { data, response } = await client.GET('/api/user');
    expect(response.status).toBe(200);
    expect(data?.login).toBe('admin');
    const req = server.requests.at(-1)!;
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`);
    expect(req.headers['x-grafana-org-id']).toBeUndefined();
  });

  it('sends a bearer token and X-Grafana-Org-Id', async () => {
    const client = createGrafanaClient({ baseUrl: `${server.url}/`, auth: { token: TOKEN }, orgId: 7 });
    await client.GET('/api/user');
    const req = server.requests.at(-1)!;
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['x-grafana-org-id']).toBe('7');
    expect(req.url).toBe('/api/user');
  });

  it('serialises query parameters and JSON bodies', async () => {
    const client = createGrafanaClient({ baseUrl: server.url, auth: { token: TOKEN } });
    const lookup = await client.GET('/api/org/users/lookup', { params: { query: { query: 'ja', limit: 5 } } });
    expect(lookup.data).toEqual([{ userId: 2, login: 'jane', avatarUrl: '' }]);
    await client.PUT('/api/org', { body: { name: 'Renamed org' } });
    const req = server.requests.at(-1)!;
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual({ name: 'Renamed org' });
  });

  it('returns error bodies as `error` without throwing', async () => {
    const client = createGrafanaClient({ baseUrl: server.url, auth: { token: TOKEN } });
    const { data, error, response } = await client.GET('/api/users/{id}', { params: { path: { id: 999 } } });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error).toEqual({ message: 'user not found' });
  });

  it('times out with a one-line error that names the request and not the credentials', async () => {
    const client = createGrafanaClient({ baseUrl: `${server.url}/slow`, auth: { username: 'admin', password: PASSWORD }, timeoutMs: 200 });
    const err = await client.GET('/api/user').then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(GrafanaRequestError);
    expect((err as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/slow\/api\/user timed out after 200 ms/);
    expect((err as Error).message).not.toContain(PASSWORD);
    expect((err as Error).message).not.toContain('\n');
  });
});

describe('createGrafanaClient errors', () => {
  it('reports an unreachable server in one line', async () => {
    const port = await freePort(); // free, so nothing listens there
    const client = createGrafanaClient({ baseUrl: `http://127.0.0.1:${port}`, auth: { token: TOKEN } });
    const err = await client.GET('/api/user').then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(GrafanaRequestError);
    expect((err as Error).message).toBe(`GET http://127.0.0.1:${port}/api/user failed (ECONNREFUSED): check the URL and that the server is reachable.`);
    expect((err as Error).message).not.toContain(TOKEN);
  });

  it('says that an https:// baseUrl reaches a plain-HTTP port, and names the http:// URL to use (default fetch and TLS settings alike)', async () => {
    const server = await startTestServer((req, res) => sendJson(res, 200, { id: 1 }));
    const https = server.url.replace(/^http:/, 'https:');
    try {
      for (const tls of [undefined, { insecure: true }]) {
        const client = createGrafanaClient({ baseUrl: https, auth: { token: TOKEN }, tls });
        const err = await client.GET('/api/user').then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(GrafanaRequestError);
        expect((err as Error).message).toBe(`GET ${https}/api/user failed: ${new URL(server.url).host} answers plain HTTP, not HTTPS (ERR_SSL_WRONG_VERSION_NUMBER): use ${server.url} in baseUrl.`);
      }
    } finally {
      await server.close();
    }
  });

  it('says that fetch refuses a "bad port", instead of "unreachable", even with a server listening there', async () => {
    const server = await listenOnBlockedPort();
    try {
      const client = createGrafanaClient({ baseUrl: `http://127.0.0.1:${server.port}`, auth: { token: TOKEN } });
      const err = await client.GET('/api/user').then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(GrafanaRequestError);
      expect((err as Error).message).toMatch(new RegExp(`^GET http://127\\.0\\.0\\.1:${server.port}/api/user failed: port ${server.port} is one that fetch refuses to connect to .*: serve Grafana on another port .*, or reach it through a proxy on an allowed port\\.$`));
      expect(server.connections()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it.each([
    [{ baseUrl: '', auth: { token: TOKEN } }, /baseUrl is missing/],
    [{ baseUrl: 'localhost:3000', auth: { token: TOKEN } }, /^baseUrl "localhost:3000" has no scheme: add http:\/\/ \(or https:\/\/\), e\.g\. http:\/\/localhost:3000\.$/],
    [{ baseUrl: `admin:${PASSWORD}@localhost:3000`, auth: { token: TOKEN } }, /has no scheme/],
    [{ baseUrl: 'not a url', auth: { token: TOKEN } }, /has no scheme/],
    [{ baseUrl: 'http://[not-a-host', auth: { token: TOKEN } }, /is not a valid URL/],
    [{ baseUrl: 'ftp://grafana.example.com', auth: { token: TOKEN } }, /uses ftp/],
    [{ baseUrl: `http://admin:${PASSWORD}@localhost:3000`, auth: { token: TOKEN } }, /contains credentials/],
    [{ baseUrl: 'http://localhost:3000' }, /auth is missing/],
    [{ baseUrl: 'http://localhost:3000', auth: { token: '' } }, /auth.token is empty/],
    [{ baseUrl: 'http://localhost:3000', auth: { username: 'admin', password: '' } }, /auth.password is empty/],
    [{ baseUrl: 'http://localhost:3000', auth: { token: TOKEN }, orgId: 0 }, /orgId 0 is not valid/],
    [{ baseUrl: 'http://localhost:3000', auth: { token: TOKEN }, timeoutMs: -1 }, /timeoutMs -1 is not valid/],
  ])('rejects %j at creation', (options, message) => {
    let error: unknown;
    try {
      createGrafanaClient(options as never);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(GrafanaClientError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(PASSWORD);
    expect((error as Error).message).not.toContain(TOKEN);
  });
});

describe('the client is openapi-fetch as it comes', () => {
  it("uses only openapi-fetch's public createClient and Client type, so its next minor release cannot break it", () => {
    const source = readFileSync(new URL('../../src/client.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import (.*) from 'openapi-fetch';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['createClient, { type Client }']);
    expect(source).not.toMatch(/\bRequest:\s|Symbol\.hasInstance|createFinalURL|defaultPathSerializer/);
  });
});
