import { describe, expect, it } from 'vitest';
import { listOperations } from '../../src/spec.js';
import { contractFor } from '../../src/versions/index.js';

// Facts the spec states, as the bundles of single versions state them.
const operationsOf = (version: string) => new Set(listOperations(contractFor(version).document).map((op) => op.operationId));
const userIdSchema = (version: string) => {
  const doc = contractFor(version).document;
  const item = doc.paths['/api/users/{id}'] as { parameters?: Array<{ $ref?: string }>; get: { parameters?: Array<{ $ref?: string }> } };
  const ref = [...(item.parameters ?? []), ...(item.get.parameters ?? [])].map((p) => p.$ref).find((r) => r?.includes('UserIdOrUid'))!;
  return ((doc.components!.parameters as Record<string, { schema: { type: string } }>)[ref.split('/').at(-1)!]!).schema.type;
};

describe('what single versions have', () => {
  it('PUT /api/teams/{id}/members (setTeamMemberships): not in 10.4, in 11.1', () => {
    expect(operationsOf('10.4').has('setTeamMemberships')).toBe(false);
    expect(operationsOf('11.1').has('setTeamMemberships')).toBe(true);
  });

  it('the star-by-ID routes: in 11.6, not in the newest', () => {
    for (const id of ['starDashboard', 'unstarDashboard']) {
      expect(operationsOf('11.6').has(id), id).toBe(true);
      expect(operationsOf(contractFor(null).version).has(id), id).toBe(false);
    }
  });

  it('service accounts: none in 8.0, all eight in 10.4', () => {
    const serviceAccountOps = ['createServiceAccount', 'searchOrgServiceAccountsWithPaging', 'retrieveServiceAccount', 'deleteServiceAccount', 'updateServiceAccount', 'listTokens', 'createServiceAccountToken', 'deleteToken'];
    expect(serviceAccountOps.filter((id) => operationsOf('8.0').has(id))).toEqual([]);
    expect(serviceAccountOps.filter((id) => operationsOf('10.4').has(id))).toEqual(serviceAccountOps);
  });

  it('GET /api/users/{id}: a UID (string) in 11.4, only a number in 11.3', () => {
    expect(userIdSchema('11.4')).toBe('string');
    expect(userIdSchema('11.3')).toBe('integer');
  });
});
