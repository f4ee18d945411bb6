import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrafanaClient } from '../../src/client.js';
import { GrafanaRequestError } from '../../src/errors.js';
import { startFakeGrafana } from '../support/fake-grafana.js';
import { selfSignedCertificate } from '../support/self-signed.js';

// The typed client against a FAKE Grafana over HTTPS with a self-signed certificate made here.
const TOKEN = 'glsa_ClientTlsToken_0123456789';
let tls: { key: string; cert: string };
let server: Awaited<ReturnType<typeof startFakeGrafana>>;
beforeAll(async () => {
  tls = await selfSignedCertificate();
  server = await startFakeGrafana({ acceptAuthorization: `Bearer ${TOKEN}`, tls });
}, 60_000);
afterAll(() => server?.close());

describe('createGrafanaClient with TLS settings', () => {
  it('refuses an untrusted certificate with a one-line error that names the cause', async () => {
    const client = createGrafanaClient({ baseUrl: server.url, auth: { token: TOKEN } });
    const error = await client.GET('/api/user').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(GrafanaRequestError);
    expect((error as Error).message).toMatch(/^GET https:\/\/127\.0\.0\.1:\d+\/api\/user failed: the server's TLS certificate is not trusted \(\w+\): pass tls\.ca/);
  });

  it('trusts the server with tls.ca, and sends the extra headers and the org', async () => {
    const client = createGrafanaClient({ baseUrl: server.url, auth: { token: TOKEN }, tls: { ca: tls.cert }, headers: { 'X-Proxy': 'yes' }, orgId: 2 });
    const { data } = await client.GET('/api/user');
    expect(data?.login).toBe('admin');
    const last = server.requests.at(-1)!;
    expect([last.headers['x-proxy'], last.headers['x-grafana-org-id'], last.headers.authorization]).toEqual(['yes', '2', `Bearer ${TOKEN}`]);
  });

  it('a request that names its own org keeps it', async () => {
    const client = createGrafanaClient({ baseUrl: server.url, auth: { token: TOKEN }, tls: { insecure: true }, orgId: 2 });
    await client.GET('/api/org', { params: { header: { 'X-Grafana-Org-Id': 9 } } } as never);
    expect(server.requests.at(-1)!.headers['x-grafana-org-id']).toBe('9');
  });

  it('sends a request body through the TLS fetch', async () => {
    const client = createGrafanaClient({ baseUrl: server.url, auth: { token: TOKEN }, tls: { ca: tls.cert } });
    await client.PUT('/api/user', { body: { name: 'x', login: 'admin', email: 'a@example.invalid' } } as never);
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ name: 'x', login: 'admin', email: 'a@example.invalid' });
  });
});
