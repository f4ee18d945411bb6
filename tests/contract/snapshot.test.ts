import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrafanaClient } from '../../src/index.js';
import { compareSnapshots, takeSnapshot, type ServerSnapshot } from '../../src/contract/targets/snapshot.js';
import { sendJson, startTestServer } from '../support/http-server.js';

const empty: ServerSnapshot = {
  users: [], orgs: [], teams: [], serviceAccounts: [], mainOrg: [], mainOrgMembers: [], mainOrgPreferences: [],
  mainOrgQuotas: [], mainOrgInvites: [], adminPreferences: [], adminQuotas: [],
};
const before: ServerSnapshot = { ...empty, users: ['1 admin', '7 jane'], orgs: ['1 Main Org.'], serviceAccounts: ['3 ci-bot'], mainOrgPreferences: ['theme="dark"'] };

describe('the before/after check', () => {
  it('finds nothing when the server is as it was', () => {
    expect(compareSnapshots(before, structuredClone(before))).toEqual([]);
  });

  it('names what a run added and what it removed', () => {
    const after: ServerSnapshot = { ...before, users: ['1 admin', '7 jane', '12 gac-1a2b3c4d-user'], serviceAccounts: [] };
    expect(compareSnapshots(before, after)).toEqual(['users added by the run: 12 gac-1a2b3c4d-user', 'serviceAccounts removed by the run: 3 ci-bot']);
  });

  it('sees a renamed org as one removed and one added', () => {
    const after = { ...before, orgs: ['1 Renamed'] };
    expect(compareSnapshots(before, after)).toEqual(['orgs added by the run: 1 Renamed', 'orgs removed by the run: 1 Main Org.']);
  });

  it('sees a changed preference', () => {
    const after = { ...before, mainOrgPreferences: ['theme="light"'] };
    expect(compareSnapshots(before, after)).toEqual(['mainOrgPreferences added by the run: theme="light"', 'mainOrgPreferences removed by the run: theme="dark"']);
  });
});

// A fake Grafana (not evidence of Grafana's behaviour) holding 1,203 users, to prove that the
// snapshot reads every page rather than the first one, and reads the new kinds of state.
describe('taking a snapshot', () => {
  const users = Array.from({ length: 1203 }, (_, i) => ({ id: i + 1, login: `user${i + 1}` }));
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer((req, res) => {
      const url = new URL(req.url, 'http://fake');
      const perpage = Number(url.searchParams.get('perpage') ?? 1000);
      const page = Number(url.searchParams.get('page') ?? 1);
      switch (url.pathname) {
        case '/api/user': return sendJson(res, 200, { id: 1, login: 'admin', email: 'admin@localhost', name: '', theme: '', isGrafanaAdmin: true });
        case '/api/users/search': return sendJson(res, 200, { totalCount: users.length, users: users.slice((page - 1) * perpage, page * perpage), page, perPage: perpage });
        case '/api/orgs': return sendJson(res, 200, page === 0 ? [{ id: 1, name: 'Main Org.' }] : []);
        case '/api/teams/search': return sendJson(res, 200, { totalCount: 0, teams: [], page, perPage: perpage });
        case '/api/serviceaccounts/search': return sendJson(res, 200, { totalCount: 0, serviceAccounts: [], page, perPage: perpage });
        case '/api/org': return sendJson(res, 200, { id: 1, name: 'Main Org.', address: { address1: '', address2: '', city: '', zipCode: '', state: '', country: '' } });
        case '/api/org/users': return sendJson(res, 200, [{ orgId: 1, userId: 1, login: 'admin', email: 'admin@localhost', role: 'Admin' }]);
        case '/api/org/preferences': return sendJson(res, 200, { theme: 'dark' });
        case '/api/org/quotas': return sendJson(res, 403, { message: 'Quotas not enabled' });
        case '/api/org/invites': return sendJson(res, 200, []);
        case '/api/user/preferences': return sendJson(res, 200, {});
        case '/api/admin/users/1/quotas': return sendJson(res, 403, { message: 'Quotas not enabled' });
        default: return sendJson(res, 404, { message: 'not found' });
      }
    });
  });
  afterAll(() => server.close());

  it('reads every page of users and the org state, with GET requests only', async () => {
    const snapshot = await takeSnapshot(createGrafanaClient({ baseUrl: server.url, auth: { username: 'admin', password: 'x' } }));
    expect(snapshot.users).toHaveLength(1203);
    expect(server.requests.filter((r) => r.url.startsWith('/api/users/search'))).toHaveLength(3);
    expect(snapshot.mainOrgPreferences).toEqual(['theme="dark"']);
    expect(snapshot.mainOrgQuotas).toEqual(['not readable: HTTP 403']);
    expect(snapshot.mainOrgMembers).toEqual(['1 admin Admin']);
    expect(new Set(server.requests.map((r) => r.method))).toEqual(new Set(['GET']));
  });
});
