import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATIC_FIXTURES } from '../../src/contract/fixtures/static.js';
import { runCases, type RunTarget } from '../../src/contract/runner.js';
import type { ContractCase, Exchange } from '../../src/contract/types.js';
import { createEntryChecker } from '../../src/evidence/check.js';
import { loadEvidenceFile } from '../../src/evidence/load.js';
import { createRecorder } from '../../src/evidence/record.js';
import { loadBundledSpec } from '../../src/spec.js';
import { sendJson, startTestServer } from '../support/http-server.js';

// The runner's exchange hook and the recorder, without the CLI: what a case sent and got is
// what the recorded entry says, secrets removed, and the file is a valid evidence file.
const doc = loadBundledSpec();
const PASSWORD = 'Very-Secret-Admin-Pa55';
const work = mkdtempSync(join(tmpdir(), 'gac-record-'));
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((req, res) => {
    if (req.url.startsWith('/api/admin/users')) return sendJson(res, 200, { id: 7, uid: 'u7', message: 'User created' });
    if (req.url.startsWith('/api/users/lookup')) return sendJson(res, 404, { message: 'user not found', note: `echo ${PASSWORD}` });
    sendJson(res, 200, { id: 1, name: 'ci-token', key: 'glsa_TheNewTokenKey_0123456789' });
  });
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

const cases: ContractCase[] = [
  { id: 'create', operationId: 'adminCreateUser', as: 'admin', status: 200, request: () => ({ body: { login: 'x', email: 'x@example.com', password: 'New-User-Pa55' } }) },
  { id: 'lookup', operationId: 'getUserByLoginOrEmail', as: 'admin', status: 404, request: () => ({ query: { loginOrEmail: 'nobody' } }) },
  { id: 'token', operationId: 'createServiceAccountToken', as: 'admin', status: 200, request: () => ({ path: { id: 2 }, body: { name: 'ci-token' } }) },
  { id: 'skipped', operationId: 'getCurrentOrg', as: 'token', status: 200 },
];
const target = (baseUrl: string): RunTarget => ({
  kind: 'url', baseUrl, grafanaVersion: '11.4.0', fixtures: STATIC_FIXTURES, concurrentMutations: false,
  cast: {
    caller: { authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`, serverAdmin: true, orgAdmin: true },
    user: null, viewer: null, token: null, readOnly: false,
  },
});

describe('runCases onExchange and createRecorder', () => {
  const exchanges: Exchange[] = [];
  let file: string;
  beforeAll(async () => {
    const recorder = createRecorder({ kind: 'url', baseUrl: server.url, grafanaVersion: '11.4.0' }, [], cases.map((c) => c.id));
    const results = await runCases(doc, target(server.url), cases, {
      strict: true, readOnly: false, concurrency: 2, timeoutMs: 5000,
      onExchange: (e) => {
        exchanges.push(e);
        recorder.add(e);
      },
    });
    expect(results.map((r) => r.outcome)).toEqual(['pass', 'fail', 'pass', 'skip']); // the lookup's body has an undeclared "note"
    file = recorder.write(join(work, 'run'), { name: 'grafana-api-contract', version: 'test' });
  });

  it('reports each request sent, not the skipped case', () => {
    expect(exchanges.map((e) => e.case).sort()).toEqual(['create', 'lookup', 'token']);
    expect(exchanges.find((e) => e.case === 'token')).toMatchObject({ method: 'POST', pathTemplate: '/api/serviceaccounts/{id}/tokens', path: '/api/serviceaccounts/2/tokens', caller: 'admin', status: 200, contentType: 'application/json' });
    expect(exchanges.find((e) => e.case === 'lookup')!.query).toEqual({ loginOrEmail: 'nobody' });
  });

  it('writes one evidence file whose entries are in case order and pass the check where the server did', () => {
    expect(readdirSync(join(work, 'run'))).toEqual([file.split('/').pop()]);
    const { entries } = loadEvidenceFile(file);
    expect(entries.map((e) => e.source.scenario)).toEqual(['create', 'lookup', 'token']);
    expect(entries[0]).toMatchObject({ kind: 'recorded-run', grafanaVersion: '11.4.0', confidence: 'server-output', source: { url: server.url }, request: { caller: 'admin' } });
    const check = createEntryChecker(doc);
    expect(entries.map((e) => check(e).outcome)).toEqual(['valid', 'invalid', 'valid']);
  });

  it('removes passwords, the new token key and the Authorization secrets, wherever they are', () => {
    const text = readFileSync(file, 'utf8');
    const { entries } = loadEvidenceFile(file);
    expect(entries[0]!.request.body).toEqual({ login: 'x', email: 'x@example.com', password: '<redacted>' });
    expect(entries[2]!.response.body).toEqual({ id: 1, name: 'ci-token', key: '<redacted>' });
    expect(entries[1]!.response.body).toEqual({ message: 'user not found', note: 'echo ***' });
    for (const secret of [PASSWORD, 'New-User-Pa55', 'glsa_TheNewTokenKey', Buffer.from(`admin:${PASSWORD}`).toString('base64')]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/authorization/i);
  });
});
