import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGrafana } from '../support/fake-grafana.js';
import { selfSignedCertificate } from '../support/self-signed.js';
import { runCli } from './run-cli.js';

// TLS, proxy headers and the org header, against a FAKE Grafana (tests/support/fake-grafana.ts)
// served over HTTPS with a self-signed certificate made at test time. The fake answers
// /api/health and /api/user like Grafana and 418 elsewhere, so a run that gets past the probe
// "proceeds" (its cases then fail against the fake, exit 1).
const TOKEN = 'glsa_TlsTestToken_abcdefghijklmnop';
const work = mkdtempSync(join(tmpdir(), 'gac-tls-'));
const caFile = join(work, 'ca.pem');
let server: Awaited<ReturnType<typeof startFakeGrafana>>;

beforeAll(async () => {
  const tls = await selfSignedCertificate();
  writeFileSync(caFile, tls.cert);
  server = await startFakeGrafana({ acceptAuthorization: `Bearer ${TOKEN}`, tls });
}, 60_000);
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const readOnly = (...extra: string[]) => ['conformance', '--url', server.url, '--token', TOKEN, '--read-only', '--only', 'getCurrentOrg', ...extra];

describe('TLS with a self-signed certificate', () => {
  it('without --ca-cert: one line saying the certificate is not trusted and what to do, exit 2', async () => {
    const { code, stdout, stderr } = await runCli(readOnly());
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: the TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\): pass --ca-cert FILE/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
  });

  it('with --ca-cert: the probe, the credential check and the cases all go through', async () => {
    const before = server.requests.length;
    const { code, stdout, stderr } = await runCli(readOnly('--ca-cert', caFile));
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Running \d+ cases against url https:\/\/127\.0\.0\.1:\d+ \(Grafana 10\.4\.3\)/m);
    expect(code).toBe(1); // the fake answers 418 to the cases
    const urls = server.requests.slice(before).map((r) => r.url);
    expect(urls).toContain('/api/health');
    expect(urls).toContain('/api/user');
    expect(urls.filter((u) => u === '/api/org').length).toBeGreaterThan(1); // fixtures and cases
  });

  it('with --insecure: proceeds, with a warning', async () => {
    const { code, stdout, stderr } = await runCli(readOnly('--insecure'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Running \d+ cases against url https:/m);
    expect(stderr).toMatch(/^warning: --insecure: the TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not verified/);
  });

  it.each([
    [['--ca-cert', '/nonexistent/ca.pem'], /^error: --ca-cert \/nonexistent\/ca\.pem: cannot read it \(ENOENT\)/],
    [['--ca-cert', caFile, '--insecure'], /--ca-cert and --insecure contradict each other/],
  ])('bad TLS options %j: one line, exit 2', async (extra, message) => {
    const { code, stderr } = await runCli(readOnly(...extra));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a file that holds no certificate', async () => {
    const notPem = join(work, 'not.pem');
    writeFileSync(notPem, 'hello');
    const { code, stderr } = await runCli(readOnly('--ca-cert', notPem));
    expect(code).toBe(2);
    expect(stderr).toMatch(/no PEM certificate in it/);
  });
});

describe('--header and --org-id', () => {
  it('every request (probe, credential check, fixtures, cases) carries the headers; the header value is never printed', async () => {
    const before = server.requests.length;
    const secret = 'proxy-secret-value-123456';
    const file = join(work, 'headers.json');
    const { code, stdout, stderr } = await runCli(readOnly('--ca-cert', caFile, '--header', `X-Proxy-Token: ${secret}`, '--header', 'X-Other:two', '--org-id', '3', '--report', file));
    expect(code).toBe(1);
    const sent = server.requests.slice(before);
    expect(sent.length).toBeGreaterThan(3);
    for (const r of sent) {
      expect(r.headers['x-proxy-token'], r.url).toBe(secret);
      expect(r.headers['x-other'], r.url).toBe('two');
      expect(r.headers['x-grafana-org-id'], r.url).toBe('3');
    }
    expect(`${stdout}${stderr}`).not.toContain(secret);
  });

  it('GRAFANA_ORG_ID is read from the environment', async () => {
    const before = server.requests.length;
    await runCli(readOnly('--ca-cert', caFile), { GRAFANA_ORG_ID: '5' });
    expect(server.requests.slice(before).every((r) => r.headers['x-grafana-org-id'] === '5')).toBe(true);
  });

  it.each([
    [['--header', 'NoColonHere'], /^error: --header "NoColonHere…": expected 'Name: value'/],
    [['--header', 'Authorization: Bearer x'], /--header Authorization: this header comes from --user\/--password or --token/],
    [['--header', 'X-Grafana-Org-Id: 2'], /comes from --org-id/],
    [['--org-id', '0'], /--org-id 0: expected a positive whole number/],
  ])('bad %j: one line, exit 2', async (extra, message) => {
    const { code, stderr } = await runCli(readOnly(...extra));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('TLS and header options are refused with --mock', async () => {
    const { code, stderr } = await runCli(['conformance', '--mock', '--insecure']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--insecure is for an existing Grafana \(--url\), not the mock/);
  });
});
