import { afterEach, describe, expect, it } from 'vitest';
import { canAdministerOrg, describeCaller, detectCaller } from '../../src/contract/targets/caller.js';
import { sendJson, startTestServer } from '../support/http-server.js';

// Caller detection against small FAKE servers that answer the way the Grafana source read for
// issue 15 says each version answers a service account (not evidence of Grafana's behaviour).

const DIRECT = { fetch: (...args: Parameters<typeof fetch>) => fetch(...args), headers: {} };
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function serve(routes: Record<string, [number, unknown]>) {
  const server = await startTestServer((req, res) => {
    const answer = routes[req.url.split('?')[0]!];
    return answer ? sendJson(res, answer[0], answer[1]) : sendJson(res, 404, { message: 'Not found' });
  });
  close = server.close;
  return server.url;
}

const ORG = { id: 1, name: 'Main Org.' };

describe('detectCaller', () => {
  it('a service account on Grafana 11+ (typed uid, id 0): its role from its own service-account entry', async () => {
    const url = await serve({
      '/api/user': [200, { id: 0, uid: 'service-account:ae1', login: 'sa-1-ci', isGrafanaAdmin: false, orgId: 1 }],
      '/api/org': [200, ORG],
      '/api/user/orgs': [403, { message: 'endpoint only available for users' }],
      '/api/serviceaccounts/search': [200, { serviceAccounts: [{ login: 'sa-1-other', role: 'Viewer' }, { login: 'sa-1-ci', role: 'Admin' }] }],
    });
    const caller = await detectCaller(url, { token: 'glsa_x_0000000000' }, 2000, DIRECT);
    expect(describeCaller(caller)).toBe('service account "ci" (org 1 "Main Org.", role Admin, not a server administrator)');
    expect(caller.authorization).toBe('Bearer glsa_x_0000000000');
    expect(canAdministerOrg(caller)).toBe(true);
  });

  it('a service account on an older Grafana (its user row, login sa-…) that may not list service accounts: not an org admin', async () => {
    const url = await serve({
      '/api/user': [200, { id: 7, login: 'sa-dash', isGrafanaAdmin: false }],
      '/api/org': [200, ORG],
      '/api/serviceaccounts/search': [403, { message: 'You\'ll need additional permissions to perform this action.' }],
    });
    const caller = await detectCaller(url, { token: 'glsa_y_0000000000' }, 2000, DIRECT);
    expect(caller.kind).toBe('service account');
    expect(caller.role).toBeNull();
    expect(canAdministerOrg(caller)).toBe(false);
    expect(describeCaller(caller)).toBe('service account "dash" (org 1 "Main Org.", role unknown, not Admin, not a server administrator)');
  });

  it('a basic-auth user: role from /api/user/orgs; reported RBAC actions decide over the role', async () => {
    const url = await serve({
      '/api/user': [200, { id: 3, login: 'ops', isGrafanaAdmin: false }],
      '/api/org': [200, ORG],
      '/api/user/orgs': [200, [{ orgId: 1, name: 'Main Org.', role: 'Editor' }]],
      '/api/access-control/user/actions': [200, { 'teams:create': true, 'serviceaccounts:create': true, 'serviceaccounts:write': true }],
    });
    const caller = await detectCaller(url, { username: 'ops', password: 'ops-password' }, 2000, DIRECT);
    expect(describeCaller(caller)).toBe('user "ops" (org 1 "Main Org.", role Editor, not a server administrator)');
    // An Editor with a custom role that grants what the org fixtures need.
    expect(canAdministerOrg(caller)).toBe(true);
  });

  it('refused credentials are one line naming what to check', async () => {
    const url = await serve({ '/api/user': [401, { message: 'Unauthorized' }] });
    await expect(detectCaller(url, { token: 'glsa_z_0000000000' }, 2000, DIRECT)).rejects.toThrow(/refused the token \(HTTP 401\): check --user\/--password or --token\.$/);
  });
});
