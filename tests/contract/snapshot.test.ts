import { describe, expect, it } from 'vitest';
import { compareSnapshots, type ServerSnapshot } from '../../src/contract/targets/snapshot.js';

const before: ServerSnapshot = { users: ['1 admin', '7 jane'], orgs: ['1 Main Org.'], teams: [], serviceAccounts: ['3 ci-bot'] };

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
});
