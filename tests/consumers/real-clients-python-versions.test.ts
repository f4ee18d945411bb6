import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockTarget, type StartedTarget } from '../../src/contract/targets/mock.js';
import { contractFor } from '../../src/versions/index.js';
import { pythonVenv, TOOLS } from './support/cache.js';
import { exec } from './support/exec.js';
import { toolchainsPresent } from './support/gate.js';

// A real client's version-dependent call against the mock of one Grafana version: the Python
// grafana-client reads the version from GET /api/frontend/settings and removes a Team Sync group
// with the path form before 10.2.0 and the query form from 10.2.0. The mock of each version has
// only that version's form, so a client that sent the other one would get 404.
const PROGRAM = fileURLToPath(new URL('./real-clients/python-grafana-client/team_sync_removal.py', import.meta.url));

let mock: StartedTarget | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe.runIf(toolchainsPresent('python grafana-client', ['python']))(`grafana-client ${TOOLS.grafanaClientPython} (Python) against the mock of one Grafana version`, () => {
  it('the mock of each version has only that version\'s form of the removal', () => {
    const has = (version: string) => contractFor(version).absent.map((a) => a.operationId);
    expect(has('10.1')).toContain('removeTeamGroupApiQuery');
    expect(has('10.1')).not.toContain('removeTeamGroupApi');
    expect(has('12.0')).toContain('removeTeamGroupApi');
    expect(has('12.0')).not.toContain('removeTeamGroupApiQuery');
  });

  it.each([
    ['10.1', '10.1.0', 'DELETE /api/teams/1/groups/editors'],
    ['12.0', '12.0.0', 'DELETE /api/teams/1/groups?groupId=editors'],
  ])('Grafana %s: the client reads %s and sends %s, which the mock accepts', async (asked, version, form) => {
    const python = await pythonVenv([`grafana-client==${TOOLS.grafanaClientPython}`]);
    mock = await startMockTarget(contractFor(asked));
    const run = await exec(python, [PROGRAM, mock.target.baseUrl], { env: { PYTHONDONTWRITEBYTECODE: '1' }, timeoutMs: 120_000 });
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { sent: string[]; version?: string; answer?: { message?: string }; error?: string };
    const base = mock.target.baseUrl;
    expect(result.error).toBeUndefined();
    expect(result.version).toBe(version);
    expect(result.sent).toEqual([`GET ${base}/api/frontend/settings`, `${form.split(' ')[0]} ${base}${form.split(' ')[1]}`]);
    expect(result.answer?.message).toEqual(expect.any(String));
  }, 600_000);
});
