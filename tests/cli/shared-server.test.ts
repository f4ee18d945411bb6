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
});
