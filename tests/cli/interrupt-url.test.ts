import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../support/http-server.js';
import { startStatefulFakeGrafana, type StatefulFakeOptions } from '../support/stateful-fake-grafana.js';
import { IDENTITIES } from '../support/fake-identities.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs a full `conformance --url` against a stateful FAKE Grafana and sends `signal` when
 * `when(request)` first says so (or after `afterMs`). Returns the exit code and stderr.
 */
async function interruptedRun(signal: 'SIGINT' | 'SIGTERM', when: { request?: (req: RecordedRequest, fake: Fake) => boolean; afterMs?: number }, fakeOptions: StatefulFakeOptions = {}, extraArgs: string[] = [], credentials = ['--user', 'admin', '--password', 'admin-pw']) {
  let child: ReturnType<typeof spawn> | undefined;
  let sent = false;
  const send = () => {
    if (sent) return;
    sent = true;
    child!.kill(signal);
  };
  const fake: Fake = await startStatefulFakeGrafana({
    ...fakeOptions,
    onRequest: (req) => {
      if (when.request?.(req, fake)) send();
    },
  });
  child = spawn(process.execPath, [CLI, 'conformance', '--url', fake.url, ...credentials, '--only', 'searchUsers,getUserById,updateUser,searchTeams,updateTeam,getHealth', ...extraArgs], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  if (when.afterMs) setTimeout(send, when.afterMs);
  const code = await new Promise<number | null>((resolve) => child!.on('close', resolve));
  await fake.close();
  return { code, stderr, fake, sent };
}
type Fake = Awaited<ReturnType<typeof startStatefulFakeGrafana>>;

const CODES = { SIGINT: 130, SIGTERM: 143 } as const;
const count = (fake: Fake, route: string) => fake.requests.filter((r) => `${r.method} ${r.url}`.startsWith(route)).length;

describe('a signal during a run against a URL removes everything the run created', () => {
  it('SIGINT at 2.5 s while users are being created (each answered after 1.5 s): both users get their DELETE, exit 130', async () => {
    const { code, stderr, fake } = await interruptedRun('SIGINT', { afterMs: 2500 }, { delays: { 'POST /api/admin/users': 1500 } });
    expect(stderr).toMatch(/SIGINT: stopping and cleaning up/);
    expect(code).toBe(130);
    // Two users on an idle machine (the second one in flight at the signal); on a loaded one the
    // CLI may start late enough that the first is still in flight. Either way each gets its DELETE.
    const users = fake.created.filter((c) => c.startsWith('user')).length;
    expect(users).toBeGreaterThanOrEqual(1);
    expect(count(fake, 'DELETE /api/admin/users/')).toBe(users);
    expect(fake.remaining()).toEqual([]);
    expect(stderr).not.toMatch(/error:/);
  }, 30_000);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during fixture creation (a creating request in flight): all removed, exit ${CODES[signal]}`, async () => {
      let teams = 0;
      const { code, fake, sent } = await interruptedRun(signal, { request: (r) => r.method === 'POST' && r.url === '/api/teams' && ++teams === 2 }, { delays: { 'POST /api/teams': 500 } });
      expect(sent).toBe(true);
      expect(code).toBe(CODES[signal]);
      expect(fake.created.length).toBeGreaterThanOrEqual(6); // three users, an org, two teams
      expect(fake.remaining()).toEqual([]);
      expect(count(fake, 'POST /api/dashboards/db')).toBe(0); // nothing new after the signal
    }, 30_000);

    it(`${signal} during the cases: no more cases, all removed, exit ${CODES[signal]}`, async () => {
      let setUp = false;
      const { code, fake, sent } = await interruptedRun(signal, {
        request: (r) => {
          if (setUp && r.url.startsWith('/api/users/search?') && r.headers.authorization) return true;
          if (/^\/api\/serviceaccounts\/\d+\/tokens$/.test(r.url)) setUp = true;
          return false;
        },
      }, { delays: { 'GET /api/users/search?': 300 } });
      expect(sent).toBe(true);
      expect(code).toBe(CODES[signal]);
      expect(fake.created.length).toBe(8); // three users, an org, two teams, a dashboard, a service account
      expect(fake.remaining()).toEqual([]);
    }, 30_000);

    it(`${signal} during the clean-up: the clean-up goes on to the end, exit ${CODES[signal]}`, async () => {
      const { code, fake, sent } = await interruptedRun(signal, { request: (r, f) => r.method === 'DELETE' && f.created.some((c) => r.url.endsWith(`/${c.split(' ')[1]}`)) }, { delays: { DELETE: 200 } });
      expect(sent).toBe(true);
      expect(code).toBe(CODES[signal]);
      expect(fake.created.length).toBe(8);
      expect(fake.remaining()).toEqual([]);
    }, 30_000);
  }

  it('an interrupted run still writes its reports: the cases that ran, and the interruption as the error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gac-interrupt-report-'));
    try {
      let setUp = false;
      const { code, fake, sent } = await interruptedRun('SIGTERM', {
        request: (r) => {
          if (setUp && r.url.startsWith('/api/users/search?') && r.headers.authorization) return true;
          if (/^\/api\/serviceaccounts\/\d+\/tokens$/.test(r.url)) setUp = true;
          return false;
        },
      }, { delays: { 'GET /api/users/search?': 300 } }, ['--report', join(dir, 'run.json'), '--report', join(dir, 'run.xml')]);
      expect(sent).toBe(true);
      expect(code).toBe(143);
      expect(fake.remaining()).toEqual([]);
      const json = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { error: string; results: unknown[] };
      expect(json.error).toBe(`stopped by SIGTERM after ${json.results.length} case(s) had run; nothing the run created is left on the target.`);
      const xml = readFileSync(join(dir, 'run.xml'), 'utf8');
      expect(xml).toContain('<error message="stopped by SIGTERM after');
      for (const text of [JSON.stringify(json), xml]) expect(text).not.toContain('admin-pw');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('a signal at each phase of an org admin\'s run (fake Grafana with roles) removes everything the run created', () => {
  const ORG_ADMINS = { 'an org-Admin token': ['--token', 'glsa_ci_admin_token_0001'], 'a basic-auth org admin': ['--user', 'orgadmin', '--password', 'org-admin-pw'] };
  const withRoles = (options: StatefulFakeOptions = {}): StatefulFakeOptions => ({ identities: IDENTITIES, ...options });
  /** The set-up is over when the Viewer service account has its token (the third token). */
  const afterSetUp = () => {
    let tokens = 0;
    return (r: RecordedRequest) => {
      if (/^\/api\/serviceaccounts\/\d+\/tokens$/.test(r.url) && r.method === 'POST') tokens++;
      return tokens >= 3 && r.url.startsWith('/api/teams/search?query=');
    };
  };
  for (const [who, credentials] of Object.entries(ORG_ADMINS)) {
    it(`${who}: SIGINT while the fixtures are made`, async () => {
      let teams = 0;
      const { code, fake, sent } = await interruptedRun('SIGINT', { request: (r) => r.method === 'POST' && r.url === '/api/teams' && ++teams === 2 }, withRoles({ delays: { 'POST /api/teams': 500 } }), [], credentials);
      expect(sent).toBe(true);
      expect(code).toBe(130);
      expect(fake.created.filter((c) => c.startsWith('team')).length).toBeGreaterThanOrEqual(1);
      expect(fake.remaining()).toEqual([]);
      expect(fake.orgWrites).toEqual([]);
    }, 30_000);

    it(`${who}: SIGTERM during the cases`, async () => {
      const { code, fake, sent } = await interruptedRun('SIGTERM', { request: afterSetUp() }, withRoles({ delays: { 'GET /api/teams/search': 300 } }), [], credentials);
      expect(sent).toBe(true);
      expect(code).toBe(143);
      expect(fake.created.map((c) => c.split(' ')[0]).sort()).toEqual(['dashboard', 'invite', 'serviceAccount', 'serviceAccount', 'team', 'team']);
      expect(fake.remaining()).toEqual([]);
    }, 30_000);

    it(`${who}: SIGINT during the clean-up`, async () => {
      const { code, fake, sent } = await interruptedRun('SIGINT', { request: (r, f) => r.method === 'DELETE' && f.created.some((c) => r.url.endsWith(`/${c.split(' ')[1]}`)) }, withRoles({ delays: { DELETE: 200 } }), [], credentials);
      expect(sent).toBe(true);
      expect(code).toBe(130);
      expect(fake.created.length).toBe(6);
      expect(fake.remaining()).toEqual([]);
    }, 30_000);
  }
});

describe('standard output closed by its reader (`conformance … | head -1`)', () => {
  it('the run goes on to its end and removes everything it created, with no stack trace', async () => {
    const fake = await startStatefulFakeGrafana();
    const child = spawn(process.execPath, [CLI, 'conformance', '--url', fake.url, '--user', 'admin', '--password', 'admin-pw', '--only', 'searchUsers,getUserById,updateUser,searchTeams,updateTeam,getHealth'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' },
    });
    let firstLine = '';
    // As `head -1` does: read the first line, then close the pipe.
    child.stdout!.once('data', (d: Buffer) => {
      firstLine = d.toString().split('\n')[0]!;
      child.stdout!.destroy();
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await fake.close();
    expect(firstLine).toMatch(/^(Signed in as|Running \d+ cases)/);
    expect(stderr).not.toMatch(/EPIPE|^\s+at /m);
    expect([0, 1]).toContain(code);
    expect(fake.created.length).toBeGreaterThanOrEqual(6);
    expect(fake.remaining()).toEqual([]);
  }, 30_000);
});
