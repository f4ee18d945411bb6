import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGrafanaClient, GrafanaRequestError } from '../../src/index.js';
import { sendJson, startTestServer } from '../support/http-server.js';

// The client's timeout is one plain timer per request: no AbortSignal.timeout, and
// AbortSignal.any only when the caller passed a signal of its own (bench/client.mjs measures the
// cost; these tests check the behaviour, not the time).
describe('the client timeout', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(async (req, res) => {
      if (req.url === '/slow/api/user') return; // never answers
      if (req.url === '/stall/api/user') {
        // Headers and half a body, then nothing.
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
        res.write('{"id":1,');
        return;
      }
      sendJson(res, 200, { id: 1, login: 'admin' });
    });
  });
  afterAll(() => server.close());
  afterEach(() => vi.restoreAllMocks());

  it('makes no AbortSignal.timeout or AbortSignal.any for a request without a signal of its own', async () => {
    const timeout = vi.spyOn(AbortSignal, 'timeout');
    const any = vi.spyOn(AbortSignal, 'any');
    const client = createGrafanaClient({ baseUrl: server.url, auth: { token: 'glsa_x' }, orgId: 3 });
    const { data } = await client.GET('/api/user');
    expect(data).toEqual({ id: 1, login: 'admin' });
    expect(timeout).not.toHaveBeenCalled();
    expect(any).not.toHaveBeenCalled();
    expect(server.requests.at(-1)!.headers).toMatchObject({ authorization: 'Bearer glsa_x', 'x-grafana-org-id': '3' });
  });

  it("lets the caller's own signal abort a request, with the caller's error", async () => {
    const client = createGrafanaClient({ baseUrl: `${server.url}/slow`, auth: { token: 'glsa_x' } });
    const controller = new AbortController();
    const pending = client.GET('/api/user', { signal: controller.signal }).then(() => undefined, (e: unknown) => e);
    setTimeout(() => controller.abort(), 50);
    const err = await pending;
    expect(err).not.toBeInstanceOf(GrafanaRequestError);
    expect((err as Error).name).toBe('AbortError');
  });

  it('times out a request whose signal the caller passed, with the one-line GrafanaRequestError', async () => {
    const client = createGrafanaClient({ baseUrl: `${server.url}/slow`, auth: { token: 'glsa_x' }, timeoutMs: 100 });
    const err = await client.GET('/api/user', { signal: new AbortController().signal }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(GrafanaRequestError);
    expect((err as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/slow\/api\/user timed out after 100 ms/);
  });

  it('also bounds reading the body', async () => {
    const client = createGrafanaClient({ baseUrl: `${server.url}/stall`, auth: { token: 'glsa_x' }, timeoutMs: 150 });
    const err = await client.GET('/api/user').then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('TimeoutError');
  });

  it('accepts a Request that a middleware builds itself, and still times it out', async () => {
    const client = createGrafanaClient({ baseUrl: server.url, auth: { token: 'glsa_x' }, timeoutMs: 100 });
    let replaced = 0;
    client.use({
      onRequest({ request }) {
        replaced++;
        return new Request(request.url.replace('/api/user', request.headers.get('X-Slow') ? '/slow/api/user' : '/api/user'), { headers: request.headers });
      },
    });
    expect((await client.GET('/api/user')).data).toEqual({ id: 1, login: 'admin' });
    const err = await client.GET('/api/user', { headers: { 'X-Slow': '1' } }).then(() => undefined, (e: unknown) => e);
    expect(replaced).toBe(2);
    expect(err).toBeInstanceOf(GrafanaRequestError);
    expect((err as Error).message).toMatch(/timed out after 100 ms/);
  });
});
