import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGrafanaClient, GrafanaRequestError } from '../../src/index.js';
import { sendJson, startTestServer } from '../support/http-server.js';

// The client's timeout is carried by its undici Agent (connect, response headers, pauses in the
// body): a request makes no timer or AbortSignal of its own (bench/client.mjs measures the cost;
// these tests check the behaviour, not the time). undici checks these timeouts about every half
// second, so a 100 ms timeout fires within about a second.
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
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

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

  it('works with openapi-fetch middleware as openapi-fetch does: use, eject, per call, a call\'s own fetch', async () => {
    const client = createGrafanaClient({ baseUrl: server.url, auth: { token: 'glsa_x' } });
    const seen: string[] = [];
    const middleware = { onRequest: ({ request }: { request: Request }) => void seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('Authorization')}`) };
    client.use(middleware);
    expect((await client.GET('/api/user')).data).toEqual({ id: 1, login: 'admin' });
    expect(seen).toEqual(['GET /api/user Bearer glsa_x']);
    client.eject(middleware);
    await client.GET('/api/user');
    expect(seen).toHaveLength(1);
    await client.GET('/api/user', { middleware: [middleware] });
    expect(seen).toHaveLength(2);
    const own = await client.GET('/api/user', { fetch: (request: Request) => Promise.resolve(Response.json({ id: 2, login: new URL(request.url).pathname })) });
    expect(own.data).toEqual({ id: 2, login: '/api/user' });
  });

  // The client's own engine, and a fetch of the caller's own (whose deadline rides in the signal).
  it.each([
    ['the default fetch', {}],
    ['a fetch of your own', { fetch: globalThis.fetch, timeoutMs: 10_000 }],
  ])("with %s, lets the caller's own signal abort a request, with the caller's error", async (_name, extra) => {
    const client = createGrafanaClient({ baseUrl: `${server.url}/slow`, auth: { token: 'glsa_x' }, ...extra });
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

  it('also bounds a pause in the body, with the same one-line error', async () => {
    const client = createGrafanaClient({ baseUrl: `${server.url}/stall`, auth: { token: 'glsa_x' }, timeoutMs: 150 });
    const err = await client.GET('/api/user').then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(GrafanaRequestError);
    expect((err as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/stall\/api\/user timed out after 150 ms while reading the response/);
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

  it('with a fetch of your own, sends the same request and bounds the whole of it with its deadline', async () => {
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const hangingFetch = ((request: Request) => {
      seen.push({ url: request.url, headers: Object.fromEntries(request.headers) });
      return new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
    }) as unknown as typeof fetch;
    const client = createGrafanaClient({ baseUrl: 'http://grafana.invalid', auth: { token: 'glsa_x' }, orgId: 2, fetch: hangingFetch, timeoutMs: 50 });
    const err = await client.GET('/api/users/{id}', { params: { path: { id: 7 } } }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(GrafanaRequestError);
    expect((err as Error).message).toBe('GET http://grafana.invalid/api/users/7 timed out after 50 ms: check that the server is up, or raise timeoutMs.');
    expect(seen).toEqual([{ url: 'http://grafana.invalid/api/users/7', headers: { authorization: 'Bearer glsa_x', 'x-grafana-org-id': '2' } }]);
  });

  // What made a caller's own fetch cost about a fifth more than openapi-fetch alone (issue 22):
  // a copy of each Request, and a signal combined from the caller's and the timeout's.
  it('with a fetch of your own, hands it the Request openapi-fetch built (no copy), with no combined signal, and leaves no timer behind', async () => {
    const built: Request[] = [];
    const received: Request[] = [];
    const ownFetch = ((request: Request) => {
      received.push(request);
      return Promise.resolve(Response.json({ id: 1, login: 'admin' }));
    }) as unknown as typeof fetch;
    const client = createGrafanaClient({ baseUrl: server.url, auth: { token: 'glsa_x' }, fetch: ownFetch, timeoutMs: 60_000 });
    client.use({ onRequest: ({ request }) => void built.push(request) });
    const any = vi.spyOn(AbortSignal, 'any');
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    for (let i = 0; i < 20; i++) expect((await client.GET('/api/user')).data).toEqual({ id: 1, login: 'admin' });
    expect(received).toHaveLength(20);
    received.forEach((request, i) => expect(request).toBe(built[i]));
    expect(any).not.toHaveBeenCalled();
    // One timer per call, cleared when the call is done.
    expect(timers).toHaveBeenCalledTimes(20);
    expect(cleared).toHaveBeenCalledTimes(20);
  });

  it('with a fetch of your own, a pause in the body times out with the one-line error', async () => {
    const client = createGrafanaClient({ baseUrl: `${server.url}/stall`, auth: { token: 'glsa_x' }, fetch: globalThis.fetch, timeoutMs: 150 });
    const started = performance.now();
    const err = await client.GET('/api/user').then(() => undefined, (e: unknown) => e);
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
    expect(err).toBeInstanceOf(GrafanaRequestError);
    expect((err as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/stall\/api\/user timed out after 150 ms/);
  });

  it('with a fetch of your own, a Request that a middleware builds itself still times out', async () => {
    const client = createGrafanaClient({ baseUrl: server.url, auth: { token: 'glsa_x' }, fetch: globalThis.fetch, timeoutMs: 100 });
    client.use({ onRequest: ({ request }) => new Request(request.url.replace('/api/user', '/slow/api/user'), { headers: request.headers }) });
    const started = performance.now();
    const err = await client.GET('/api/user').then(() => undefined, (e: unknown) => e);
    expect(performance.now() - started).toBeGreaterThanOrEqual(99);
    expect(err).toBeInstanceOf(GrafanaRequestError);
    expect((err as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/slow\/api\/user timed out after 100 ms/);
  });
});
