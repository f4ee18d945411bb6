import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATIC_FIXTURES } from '../../src/contract/fixtures/static.js';
import type { EvidenceFile } from '../../src/evidence/entry.js';
import { listOperations, loadBundledSpec, resolveRef } from '../../src/spec.js';
import { startFakeGrafana } from '../support/fake-grafana.js';
import { runCli } from './run-cli.js';

// `conformance --record` then `evidence`: a mock run is recorded, every recorded entry passes
// the evidence check, and no password or token of the run is in any recorded file.
const work = mkdtempSync(join(tmpdir(), 'gac-evidence-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every secret the mock run sends or receives: its credentials, their Basic encodings, and the spec's example passwords and token keys. */
function mockRunSecrets(): string[] {
  const basic = (login: string, password: string) => Buffer.from(`${login}:${password}`).toString('base64');
  const { user, serviceAccount } = STATIC_FIXTURES;
  const secrets = [
    'mock-admin-password', // the mock target's admin password (src/contract/targets/mock.ts)
    basic('admin', 'mock-admin-password'),
    user.password, basic(user.login, user.password), basic(user.login, `${user.password}-wrong`),
    serviceAccount.token,
  ];
  secrets.push(...exampleSecrets(loadBundledSpec().components?.examples));
  return secrets;
}

/** The passwords and token keys in a part of the spec's examples. */
function exampleSecrets(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(exampleSecrets);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    /password|^key$|token$/i.test(key) && typeof value === 'string' && value.length >= 4 ? [value] : exampleSecrets(value));
}

/**
 * The operations whose documented examples (requests and answers, references followed) hold a
 * password or a token key: the run records what they send and receive, so these are the ones
 * redaction must cover. A run of these is under a tenth of the mock cases; the credentials of every
 * request are in it too.
 */
function operationsWithSecrets(): string[] {
  const doc = loadBundledSpec();
  const expanded = (node: unknown): unknown => JSON.parse(JSON.stringify(node, (_key, value: unknown) =>
    value && typeof value === 'object' && '$ref' in value && !String((value as { $ref: unknown }).$ref).includes('/schemas/') ? resolveRef(doc, value) : value));
  return listOperations(doc).filter((op) => exampleSecrets(expanded(op.operation)).length > 0).map((op) => op.operationId);
}

describe('conformance --mock --record, then evidence', () => {
  const dir = join(work, 'recorded');
  let run: Awaited<ReturnType<typeof runCli>>;
  let files: string[];
  let only: string[];
  beforeAll(async () => {
    only = operationsWithSecrets();
    run = await runCli(['conformance', '--mock', '--only', [...only, 'getUserById'].join(','), '--record', dir, '--report', join(work, 'run.json')]);
    files = readdirSync(dir).map((f) => join(dir, f));
  }, 180_000);

  it('runs the operations whose examples hold a password or a token, among them user creation and token creation', () => {
    const ids = new Map(listOperations(loadBundledSpec()).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op.operationId]));
    expect(only).toEqual(expect.arrayContaining([ids.get('POST /api/admin/users'), ids.get('POST /api/serviceaccounts/{id}/tokens'), ids.get('PUT /api/user/password')]));
    expect(only.length).toBeLessThan(ids.size);
  });

  it('writes one evidence file for the run and says where', () => {
    expect(run.code).toBe(0);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/recorded-mock-[\dT-]+Z\.json$/);
    expect(run.stdout).toContain(`Evidence recorded to ${files[0]}`);
  });

  it('has recorded-run entries for every operation the run called, with the target URL and no headers', () => {
    const report = JSON.parse(readFileSync(join(work, 'run.json'), 'utf8')) as { target: { url: string }; results: { operationId: string; outcome: string }[] };
    const { entries } = JSON.parse(readFileSync(files[0]!, 'utf8')) as EvidenceFile;
    const ran = report.results.filter((r) => r.outcome !== 'skip');
    expect(entries).toHaveLength(ran.length);
    const byPath = new Map(listOperations(loadBundledSpec()).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op.operationId]));
    expect(new Set(entries.map((e) => byPath.get(`${e.request.method} ${e.request.pathTemplate}`)))).toEqual(new Set(ran.map((r) => r.operationId)));
    for (const e of entries) {
      expect(e).toMatchObject({ kind: 'recorded-run', confidence: 'server-output', grafanaVersion: null, source: { url: report.target.url } });
      expect(e.source.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    expect(readFileSync(files[0]!, 'utf8')).not.toMatch(/authorization|"prefer"/i);
  });

  it('redacts passwords in request bodies and token keys in response bodies', () => {
    const { entries } = JSON.parse(readFileSync(files[0]!, 'utf8')) as EvidenceFile;
    const created = entries.find((e) => e.request.pathTemplate === '/api/admin/users' && e.response.status === 200)!;
    expect((created.request.body as { password: string }).password).toBe('<redacted>');
    const token = entries.find((e) => e.request.pathTemplate === '/api/serviceaccounts/{id}/tokens' && e.request.method === 'POST' && e.response.status === 200)!;
    expect((token.response.body as { key: string }).key).toBe('<redacted>');
  });

  it('contains no password or token of the run, nor their Basic encodings', () => {
    const text = readFileSync(files[0]!, 'utf8');
    const secrets = mockRunSecrets();
    expect(secrets.length).toBeGreaterThan(6);
    expect(secrets.filter((s) => text.includes(s))).toEqual([]);
  });

  it('passes the evidence check: exit 0 and a table per operation and status', async () => {
    const { code, stdout, stderr } = await runCli(['evidence', dir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^operation\s+status\s+entries\s+valid\s+failed\s+older$/m);
    expect(stdout).toMatch(/^getUserById\s+200\s+\d+\s+\d+\s+0\s+0$/m);
    expect(stdout).toMatch(/^\d+ entries in 1 files: \d+ valid, 0 failed, 0 out of coverage/m);
  }, 60_000);
});

describe('conformance --record against a server that echoes the credentials', () => {
  it('removes the token from every recorded value', async () => {
    const token = 'glsa_RecordedTokenMustNotLeak_1234567890';
    const server = await startFakeGrafana({ acceptAuthorization: `Bearer ${token}`, leakAuthorizationOn: '/api/users' });
    try {
      const dir = join(work, 'leak');
      await runCli(['conformance', '--url', server.url, '--token', token, '--read-only', '--only', 'searchUsers,getSignedInUser', '--record', dir]);
      const text = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
      expect(text).toContain('oops Bearer ***'); // the echo was recorded, and redacted
      expect(text).not.toContain(token);
      expect(text).toContain('"grafanaVersion": "10.4.3"');
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('evidence: failures exit 1, bad usage exits 2 with one line', () => {
  const entry = (body: unknown) => ({
    kind: 'published-response', source: { url: 'https://example.com/1' }, grafanaVersion: '11.0.0', confidence: 'server-output',
    request: { method: 'GET', pathTemplate: '/api/health' }, response: { status: 200, body },
  });

  it('an entry that does not match the spec: exit 1, with the file, the entry and the reason', async () => {
    const dir = join(work, 'wrong');
    mkdirSync(dir);
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ entries: [entry({ commit: 'abc', database: 'ok', version: '11.0.0' }), entry({ database: 'ok', uptime: 5 })] }));
    const { code, stdout } = await runCli(['evidence', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^getHealth\s+200\s+2\s+1\s+1\s+0$/m);
    expect(stdout).toContain(`${join(dir, 'wrong.json')} entry 2: GET /api/health 200 (https://example.com/1)`);
    expect(stdout).toContain('- body (root): property "uptime" is not declared in the spec');
  });

  const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);
  it.each([
    [() => ['evidence'], /^error: evidence: no folder given/],
    [() => ['evidence', join(work, 'nope')], /^error: .*nope: cannot read the folder \(ENOENT\); pass a folder of evidence files\.$/m],
    [() => ['evidence', join(work, 'run.json')], /^error: .*run\.json: not a folder/],
    [() => ['evidence', '--mock', work], /^error: evidence: Unknown option '--mock': it takes folders only; run "grafana-api-contract evidence DIR\.\.\."\.$/m],
    [() => { const d = join(work, 'empty'); mkdirSync(d, { recursive: true }); return ['evidence', d]; }, /^error: no evidence files \(\*\.json\) under /],
    [() => { const d = join(work, 'bad'); mkdirSync(d, { recursive: true }); writeFileSync(join(d, 'bad.json'), '{"entries": [{"kind": "rumour"}]}'); return ['evidence', d]; }, /^error: .*bad\.json: not an evidence file: entries\/0 .*; fix it to match src\/evidence\/entry\.schema\.json\.$/m],
  ])('%#', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args());
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    oneLine(stderr);
    expect(stdout).toBe('');
  });

  it('--record to a folder that cannot be written is bad usage', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, '');
    const { code, stderr } = await runCli(['conformance', '--mock', '--record', join(file, 'sub')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --record .*sub: cannot write to the folder \(ENOTDIR\); pass a folder you can write to\.$/m);
  });
});
