import { describe, expect, it } from 'vitest';
import { attributeChanges, stateWrittenBy } from '../../src/contract/targets/changes.js';
import type { ServerSnapshot } from '../../src/contract/targets/snapshot.js';
import type { CaseResult } from '../../src/contract/types.js';

const empty: ServerSnapshot = {
  users: [], orgs: [], teams: [], serviceAccounts: [], mainOrg: [], mainOrgMembers: [], mainOrgPreferences: [],
  mainOrgQuotas: [], mainOrgInvites: [], adminPreferences: [], adminQuotas: [],
};
const before: ServerSnapshot = { ...empty, users: ['1 admin'], orgs: ['1 Main Org.'], mainOrgPreferences: ['theme="dark"'] };
const PREFIX = 'gac-1a2b3c4d';
const result = (method: string, path: string, outcome: CaseResult['outcome'] = 'pass'): CaseResult => ({
  case: 'x', operationId: 'x', method, path, expectedStatus: 200, actualStatus: outcome === 'skip' ? null : 200, outcome, durationMs: 1, problems: [], grafanaVersion: null,
});

describe('telling the run\'s own changes from other people\'s', () => {
  it('fails on entries with the run\'s prefix, reports the others', () => {
    const after = { ...before, users: ['1 admin', `12 ${PREFIX}-user`, '13 bob'], teams: ['4 ops'] };
    expect(attributeChanges(before, after, { prefix: PREFIX, written: new Set() })).toEqual({
      ours: [`users added by the run: 12 ${PREFIX}-user`],
      others: ['users added by someone else: 13 bob', 'teams added by someone else: 4 ops'],
    });
  });

  it('finds a prefixed service account by its login too (sa-…-gac-…)', () => {
    const after = { ...before, serviceAccounts: [`9 sa-1-${PREFIX}-sa`] };
    expect(attributeChanges(before, after, { prefix: PREFIX, written: new Set() }).ours).toEqual([`serviceAccounts added by the run: 9 sa-1-${PREFIX}-sa`]);
  });

  it('a change to main-org state that the run\'s cases wrote to is the run\'s; the same change without such a case is someone else\'s', () => {
    const after = { ...before, mainOrgPreferences: ['theme="light"'] };
    const wrote = stateWrittenBy([result('PUT', '/api/org/preferences', 'fail')]);
    expect(attributeChanges(before, after, { prefix: PREFIX, written: wrote })).toEqual({
      ours: ['mainOrgPreferences added by the run: theme="light"', 'mainOrgPreferences removed by the run: theme="dark"'],
      others: [],
    });
    const readOnly = stateWrittenBy([result('GET', '/api/org/preferences'), result('PUT', '/api/org/preferences', 'skip')]);
    expect(attributeChanges(before, after, { prefix: PREFIX, written: readOnly }).ours).toEqual([]);
    expect(attributeChanges(before, after, { prefix: PREFIX, written: readOnly }).others).toHaveLength(2);
  });

  it('maps the writing operations to the state they change', () => {
    const kinds = (method: string, path: string) => [...stateWrittenBy([result(method, path)])].sort();
    expect(kinds('PUT', '/api/org')).toEqual(['mainOrg', 'orgs']);
    expect(kinds('PUT', '/api/orgs/{orgId}/address')).toEqual(['mainOrg', 'orgs']);
    expect(kinds('PATCH', '/api/org/preferences')).toEqual(['mainOrgPreferences']);
    expect(kinds('PUT', '/api/orgs/{orgId}/quotas/{target}')).toEqual(['mainOrgQuotas']);
    expect(kinds('POST', '/api/org/invites')).toEqual(['mainOrgInvites']);
    expect(kinds('PATCH', '/api/user/preferences')).toEqual(['adminPreferences']);
    expect(kinds('PUT', '/api/admin/users/{id}/quotas/{target}')).toEqual(['adminQuotas']);
    expect(kinds('PUT', '/api/teams/{id}')).toEqual([]);
  });
});
