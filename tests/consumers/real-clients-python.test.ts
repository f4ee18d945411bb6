import { fileURLToPath } from 'node:url';
import { beforeAll, describe, inject } from 'vitest';
import { pythonVenv, TOOLS } from './support/cache.js';
import { exec, type ExecResult } from './support/exec.js';
import { toolchainsPresent } from './support/gate.js';
import {
  defectsByKey,
  NOT_IN_EITHER_CLIENT,
  itChecksEveryCall,
  knownDefects,
  parseCallResults,
  resultKey,
  resultsTable,
  SPEC_OPERATIONS,
  type CallResult,
  type RealClientExpectations,
} from './support/real-client-checks.js';

// The real Python Grafana client (PyPI `grafana-client`, pinned in tools.json) against the mock
// (the one the project shares, tests/support/shared-mock.ts): every client method that maps to an
// operation of the spec is called once by real-clients/python-grafana-client/check_grafana_client.py,
// which prints one JSON line per call.
// A call must be accepted by the mock (2xx, no request-validation error) and its answer parsed by
// the client, unless it is listed in real-clients/known-client-defects.json (a defect of the
// client itself, which a real Grafana would show too); a listed call must still fail.

// What this client must do (RealClientExpectations says what each bar means). notInClient was
// checked by hand against the pinned version: no method of grafana_client.elements, sync or async,
// sends a request to the path.
const EXPECTED: RealClientExpectations = {
  minMappedCalls: 86,
  minOperations: 66,
  notInClient: {
    searchUsersWithPaging: 'no method for GET /api/users/search (users.search_users pages through GET /api/users)',
    updateSignedInUser: 'no method for PUT /api/user',
    getStars: 'no method for GET /api/user/stars',
    getUserAuthTokens: 'no method for GET /api/user/auth-tokens',
    revokeUserAuthToken: 'no method for POST /api/user/revoke-auth-token',
    getUserQuotas: 'no quota methods (GET /api/user/quotas)',
    setHelpFlag: 'no method for PUT /api/user/helpflags/{flagId}',
    clearHelpFlags: 'no method for GET /api/user/helpflags/clear',
    getOrgUsersForCurrentOrgLookup: 'no method for GET /api/org/users/lookup',
    searchOrgUsersWithPaging: 'no method for GET /api/org/users/search',
    updateCurrentOrgAddress: 'no method for PUT /api/org/address',
    getCurrentOrgQuota: 'no quota methods (GET /api/org/quotas)',
    getPendingOrgInvites: 'no invitation methods (GET /api/org/invites)',
    addOrgInvite: 'no invitation methods (POST /api/org/invites)',
    revokeInvite: 'no invitation methods (PATCH /api/org/invites/{code}/revoke)',
    getUserQuota: 'no quota methods (GET /api/admin/users/{id}/quotas)',
    updateUserQuota: 'no quota methods (PUT /api/admin/users/{id}/quotas/{target})',
    adminLogoutUser: 'no method for POST /api/admin/users/{id}/logout (admin has create_user, change_user_password, change_user_permissions, delete_user, set_user_enabled)',
    adminGetUserAuthTokens: 'no method for GET /api/admin/users/{id}/auth-tokens',
    adminRevokeUserAuthToken: 'no method for POST /api/admin/users/{id}/revoke-auth-token',
    getOrgById: 'no method for GET /api/orgs/{orgId} (only the by-name organization.find_organization)',
    searchOrgUsers: 'no method for GET /api/orgs/{orgId}/users/search',
    updateOrgAddress: 'no method for PUT /api/orgs/{orgId}/address',
    getOrgQuota: 'no quota methods (GET /api/orgs/{orgId}/quotas)',
    updateOrgQuota: 'no quota methods (PUT /api/orgs/{orgId}/quotas/{target})',
    setTeamMemberships: 'no method for PUT /api/teams/{id}/members (only add_team_member and remove_team_member, one user at a time)',
    updateTeamMember: 'no method for PUT /api/teams/{id}/members/{userId}',
    getHealth: 'no method for GET /api/health (health.check reads GET /api/frontend/settings)',
    removeTeamGroupApi: 'teams.remove_team_external_group sends the path form only to servers before 10.2.0; the mock here reports a newer version (real-clients-python-versions.test.ts calls it against the 10.1 mock)',
    ...NOT_IN_EITHER_CLIENT,
  },
  defects: knownDefects('python'),
};

const PROGRAM = fileURLToPath(new URL('./real-clients/python-grafana-client/check_grafana_client.py', import.meta.url));

describe.runIf(toolchainsPresent('python grafana-client', ['python']))(`real client: grafana-client ${TOOLS.grafanaClientPython} (Python)`, () => {
  let run: ExecResult;
  let results: CallResult[] = [];

  beforeAll(async () => {
    const python = await pythonVenv([`grafana-client==${TOOLS.grafanaClientPython}`]);
    run = await exec(python, [PROGRAM, inject('sharedMockUrl')], { env: { PYTHONDONTWRITEBYTECODE: '1' }, timeoutMs: 300_000 });
    results = parseCallResults(run, 'check_grafana_client.py');
    const defects = defectsByKey(EXPECTED.defects);
    const reached = new Set(results.map((r) => r.operationId));
    const accepted = results.filter((r) => r.ok && !defects.has(resultKey(r))).length;
    const known = results.filter((r) => !r.ok && defects.has(resultKey(r))).length;
    console.log(
      [
        `grafana-client ${TOOLS.grafanaClientPython} against the mock: ${results.length} calls of client methods mapped to ${reached.size} operations`,
        resultsTable(results, EXPECTED),
        `accepted ${accepted}, known client defects ${known}, failed ${results.length - accepted - known}`,
        `operations no grafana-client method reaches (NOT_IN_CLIENT): ${[...SPEC_OPERATIONS].filter((id) => !reached.has(id)).join(', ') || 'none'}`,
      ].join('\n'),
    );
  });

  itChecksEveryCall(EXPECTED, () => ({ run, results }));
});
