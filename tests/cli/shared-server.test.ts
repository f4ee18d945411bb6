import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startStatefulFakeGrafana } from '../support/stateful-fake-grafana.js';
import { runCli } from './run-cli.js';

// A shared server, played by a stateful FAKE Grafana: other people work on it during the run.
const ARGS = ['--user', 'admin', '--password', 'admin-pw', '--only', 'getHealth'];

describe('conformance --url on a shared server', () => {
  it('reports, without failing, a user someone else added during the run', async () => {
    let added = false;
    const fake = await startStatefulFakeGrafana({
      onRequest: (req) => {
        if (!added && req.url === '/api/health' && fake.created.length > 0) {
          added = true;
          fake.addUserDirectly('bob');
        }
      },
    });
    const r = await runCli(['conformance', '--url', fake.url, ...ARGS]);
    await fake.close();
    expect(added).toBe(true);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Note: the target changed during the run, not by it: users added by someone else: (\d+) bob; mainOrgMembers added by someone else: \1 bob Viewer$/m);
    expect(fake.remaining()).toEqual([]);
  });

  it('fails when something of its own (with the run\'s prefix) is left behind', async () => {
    const fake = await startStatefulFakeGrafana({ refuseDelete: (kind) => kind === 'team' });
    const r = await runCli(['conformance', '--url', fake.url, ...ARGS]);
    await fake.close();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: the target differs after the run: team \d+ \(HTTP 500\); team \d+ \(HTTP 500\); teams added by the run: \d+ gac-[0-9a-f]{8} team, \d+ gac-[0-9a-f]{8} other team$/m);
  });

  it('deletes by its prefix what a create whose answer was lost made, so nothing is left', async () => {
    // The first POST /api/teams creates the team but never answers: the set-up times out, and the
    // run never learns the team's id.
    const fake = await startStatefulFakeGrafana({ lostAnswers: ['POST /api/teams'] });
    const r = await runCli(['conformance', '--url', fake.url, ...ARGS, '--timeout', '1000']);
    await fake.close();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: POST http:\/\/127\.0\.0\.1:\d+\/api\/teams timed out after 1000 ms/m);
    expect(r.stderr).not.toMatch(/left on the server/);
    expect(fake.created.filter((c) => c.startsWith('team'))).toHaveLength(1);
    expect(fake.remaining()).toEqual([]);
  });

  it('deletes the user that accepting its own invitation created, by login, so nothing is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gac-invite-'));
    const fake = await startStatefulFakeGrafana({ makesInvitations: true });
    const r = await runCli(['conformance', '--url', fake.url, '--user', 'admin', '--password', 'admin-pw', '--only', 'completeInvite', '--report', join(dir, 'r.json')]);
    await fake.close();
    // Accepting the invitation made a user (the success case), which the run did not create itself.
    const acceptor = fake.requests.find((q) => q.method === 'POST' && q.url === '/api/user/invite/complete');
    expect(JSON.parse(acceptor!.body).username).toMatch(/^gac-[0-9a-f]{8}-acceptor$/);
    const login = JSON.parse(acceptor!.body).username as string;
    expect(fake.created.filter((c) => c.startsWith('user'))).toHaveLength(4);
    // The fixtures' clean-up looks the user up by login and deletes it (the prefix sweep is the fallback).
    expect(fake.requests.some((q) => q.url === `/api/users/lookup?loginOrEmail=${login}`)).toBe(true);
    expect(fake.remaining()).toEqual([]);
    expect(r.stderr).not.toMatch(/left on the server|differs after the run/);
    const results = (JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { results: Array<{ case: string; outcome: string }> }).results;
    expect(results.find((c) => c.case === 'completeInvite: success')?.outcome).toBe('pass');
    rmSync(dir, { recursive: true, force: true });
  });
});
