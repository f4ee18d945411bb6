import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockTarget, type StartedTarget } from '../../src/contract/targets/mock.js';
import { pythonVenv, TOOLS } from './support/cache.js';
import { exec, type ExecResult } from './support/exec.js';
import { toolchainsPresent } from './support/gate.js';

// The real Python Grafana client (PyPI `grafana-client`, pinned in tools.json) against the mock
// target: every client method that maps to an operation of the spec is called once by
// real-clients/python-grafana-client/check_grafana_client.py, which prints one JSON line per call.
// A call must be accepted by the mock (2xx, no request-validation error) and its answer parsed by
// the client, unless it is listed in real-clients/known-client-defects.json (a defect of the
// client itself, which a real Grafana would show too); a listed call must still fail.

/** Fewer mapped calls than this means the program lost cases (or the client lost methods). */
const MIN_MAPPED_CALLS = 83;
/** Fewer distinct spec operations reached than this means the same. */
const MIN_OPERATIONS = 63;

/**
 * Operations of the spec that this client has no method for (checked by hand against the pinned
 * version: no method of grafana_client.elements, sync or async, sends a request to the path).
 * Every other operation of the spec must be called, so a new operation in the spec is noticed here.
 */
const NOT_IN_CLIENT: Record<string, string> = {
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
};

interface CallResult {
  method: string;
  operationId: string;
  ok: boolean;
  detail: string;
}

interface KnownDefect {
  method: string;
  operationId: string;
  reason: string;
}

const PROGRAM = fileURLToPath(new URL('./real-clients/python-grafana-client/check_grafana_client.py', import.meta.url));
const DEFECTS = (JSON.parse(readFileSync(new URL('./real-clients/known-client-defects.json', import.meta.url), 'utf8')) as { python: KnownDefect[] }).python;
const SPEC = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const SPEC_OPERATIONS = new Set(Object.values(SPEC.paths).flatMap((item) => Object.values(item).map((op) => op.operationId).filter((id): id is string => !!id)));

const key = (c: { method: string; operationId: string }) => `${c.method} -> ${c.operationId}`;

function parseLines(run: ExecResult): CallResult[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`check_grafana_client.py printed a line that is not JSON: ${line}\nstderr:\n${run.stderr}`);
      }
      const r = value as CallResult;
      if (typeof r.method !== 'string' || typeof r.operationId !== 'string' || typeof r.ok !== 'boolean' || typeof r.detail !== 'string') {
        throw new Error(`check_grafana_client.py printed an unexpected object: ${line}`);
      }
      return r;
    });
}

function table(results: CallResult[], defects: Map<string, KnownDefect>): string {
  const rows = results.map((r) => {
    const defect = defects.get(key(r));
    const result = r.ok
      ? defect
        ? `FAILED: listed as a known client defect but accepted (stale entry)`
        : 'accepted'
      : defect
        ? `known client defect: ${r.detail}`
        : `FAILED: ${r.detail}`;
    return [r.method, r.operationId, result];
  });
  for (const [operationId, why] of Object.entries(NOT_IN_CLIENT)) rows.push(['(none)', operationId, `not in this client: ${why}`]);
  const header = ['client method', 'operation', 'result'];
  const widths = [0, 1].map((i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).concat('------').join('-|-'), ...rows.map(line)].join('\n');
}

describe.runIf(toolchainsPresent('python grafana-client', ['python']))(`real client: grafana-client ${TOOLS.grafanaClientPython} (Python)`, () => {
  let mock: StartedTarget | undefined;
  let run: ExecResult;
  let results: CallResult[] = [];
  const defects = new Map(DEFECTS.map((d) => [key(d), d]));

  beforeAll(async () => {
    const python = await pythonVenv([`grafana-client==${TOOLS.grafanaClientPython}`]);
    mock = await startMockTarget();
    run = await exec(python, [PROGRAM, mock.target.baseUrl], { env: { PYTHONDONTWRITEBYTECODE: '1' }, timeoutMs: 300_000 });
    results = parseLines(run);
    const reached = new Set(results.map((r) => r.operationId));
    const accepted = results.filter((r) => r.ok && !defects.has(key(r))).length;
    const known = results.filter((r) => !r.ok && defects.has(key(r))).length;
    console.log(
      [
        `grafana-client ${TOOLS.grafanaClientPython} against the mock: ${results.length} calls of client methods mapped to ${reached.size} operations`,
        table(results, defects),
        `accepted ${accepted}, known client defects ${known}, failed ${results.length - accepted - known}`,
        `operations no grafana-client method reaches (NOT_IN_CLIENT): ${[...SPEC_OPERATIONS].filter((id) => !reached.has(id)).join(', ') || 'none'}`,
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await mock?.close();
  });

  it('runs every call to the end', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(results.length).toBeGreaterThanOrEqual(MIN_MAPPED_CALLS);
    expect(new Set(results.map((r) => r.operationId)).size).toBeGreaterThanOrEqual(MIN_OPERATIONS);
    expect(results.map((r) => r.operationId).filter((id) => !SPEC_OPERATIONS.has(id)), 'operationIds that are not in the spec').toEqual([]);
    const seen = results.map(key);
    expect(seen.filter((k, i) => seen.indexOf(k) !== i), 'calls reported twice').toEqual([]);
  });

  it('calls every operation of the spec that the client has a method for', () => {
    const called = new Set(results.map((r) => r.operationId));
    expect([...SPEC_OPERATIONS].filter((id) => !called.has(id) && !(id in NOT_IN_CLIENT)), 'spec operations neither called nor listed in NOT_IN_CLIENT').toEqual([]);
    expect(Object.keys(NOT_IN_CLIENT).filter((id) => called.has(id) || !SPEC_OPERATIONS.has(id)), 'stale NOT_IN_CLIENT entries').toEqual([]);
  });

  it('has every mapped call accepted by the mock and parsed by the client, except known client defects', () => {
    const failures = results.filter((r) => !r.ok && !defects.has(key(r))).map((r) => `${key(r)}: ${r.detail}`);
    expect(failures).toEqual([]);
  });

  it('still fails every call listed as a known client defect (so a stale entry is noticed)', () => {
    for (const d of DEFECTS) expect(d.reason.trim(), `the reason for ${key(d)}`).not.toBe('');
    const byKey = new Map(results.map((r) => [key(r), r]));
    const stale = DEFECTS.filter((d) => byKey.get(key(d))?.ok !== false).map((d) => `${key(d)}: ${byKey.has(key(d)) ? 'now accepted' : 'no longer called'}`);
    expect(stale).toEqual([]);
  });
});
