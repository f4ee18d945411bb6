import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCases, type RunTarget } from '../../src/contract/runner.js';
import { STATIC_FIXTURES } from '../../src/contract/fixtures/static.js';
import type { ContractCase } from '../../src/contract/types.js';
import { loadBundledSpec } from '../../src/spec.js';
import { sendJson, startTestServer } from '../support/http-server.js';

// The runner's own behaviour, against a small in-process server: a hanging request, an
// undocumented status and a connection error each fail their case without stopping the run.
const doc = loadBundledSpec();
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((req, res) => {
    if (req.url === '/api/health') return sendJson(res, 200, { commit: 'abc', database: 'ok', version: '12.1.0' });
    if (req.url === '/api/org') return; // hangs
    if (req.url === '/api/user/stars') return sendJson(res, 418, { message: 'teapot' });
    sendJson(res, 200, { message: 'Dashboard starred!' });
  });
});
afterAll(() => server.close());

const target = (baseUrl: string, grafanaVersion: string | null): RunTarget => ({
  kind: 'url',
  baseUrl,
  grafanaVersion,
  fixtures: STATIC_FIXTURES,
  cast: { caller: { authorization: 'Basic eDp5', serverAdmin: true, orgAdmin: true }, user: { authorization: 'Basic eDp5', wrongPassword: 'Basic eDp6' }, viewer: null, token: null, readOnly: false },
  concurrentMutations: false,
});
const cases: ContractCase[] = [
  { id: 'health', operationId: 'getHealth', as: 'none', status: 200, example: 'healthy' },
  { id: 'org hangs', operationId: 'getCurrentOrg', as: 'admin', status: 200 },
  { id: 'stars teapot', operationId: 'getStars', as: 'user', status: 200 },
  { id: 'token caller', operationId: 'getCurrentOrg', as: 'token', status: 200 },
  { id: 'star by id', operationId: 'starDashboard', as: 'user', status: 200, request: () => ({ path: { dashboardId: 1 } }), versions: { range: '<12.2.0', otherwise: { status: 404 }, note: 'removed in 12.2' } },
  { id: 'no such operation', operationId: 'doesNotExist', as: 'admin', status: 200 },
];

describe('runCases', () => {
  it('returns one result per case, in order, and fails a case instead of throwing', async () => {
    const results = await runCases(doc, target(server.url, '12.1.0'), cases, { strict: true, readOnly: false, concurrency: 4, timeoutMs: 300 });
    expect(results.map((r) => [r.case, r.outcome])).toEqual([
      ['health', 'pass'],
      ['org hangs', 'fail'],
      ['stars teapot', 'fail'],
      ['token caller', 'skip'],
      ['star by id', 'pass'],
      ['no such operation', 'fail'],
    ]);
    expect(results[1]!.problems).toEqual(['request failed: no answer within 300 ms']);
    expect(results[1]!.durationMs).toBeGreaterThanOrEqual(290);
    expect(results[2]!.problems).toContain('status 418 is not documented for getStars');
    expect(results.every((r) => r.grafanaVersion === '12.1.0')).toBe(true);
  });

  it('applies a version rule: on 12.2 the star-by-id case expects 404 and says why when it fails', async () => {
    const [result] = await runCases(doc, target(server.url, '12.2.0'), [cases[4]!], { strict: true, readOnly: false, concurrency: 1, timeoutMs: 1000 });
    expect(result!.expectedStatus).toBe(404);
    expect(result!.outcome).toBe('fail');
    expect(result!.problems).toContain('(expected for Grafana 12.2.0: removed in 12.2)');
  });

  it('skips a case whose requirement the target does not meet, and says why', async () => {
    const needsQuotas: ContractCase = { id: 'quotas', operationId: 'getHealth', as: 'none', status: 200, requires: ({ fixtures }) => (fixtures.quotasEnabled ? undefined : 'quotas are disabled') };
    const off = { ...target(server.url, null), fixtures: { ...STATIC_FIXTURES, quotasEnabled: false } };
    const [skipped] = await runCases(doc, off, [needsQuotas], { strict: true, readOnly: false, concurrency: 1, timeoutMs: 1000 });
    expect([skipped!.outcome, skipped!.problems]).toEqual(['skip', ['skipped: quotas are disabled']]);
    const [ran] = await runCases(doc, target(server.url, null), [needsQuotas], { strict: true, readOnly: false, concurrency: 1, timeoutMs: 1000 });
    expect(ran!.outcome).toBe('pass');
  });

  it('in read-only mode skips everything but GET', async () => {
    const results = await runCases(doc, target(server.url, null), [cases[0]!, cases[4]!], { strict: true, readOnly: true, concurrency: 1, timeoutMs: 1000 });
    expect(results.map((r) => r.outcome)).toEqual(['pass', 'skip']);
  });
});
