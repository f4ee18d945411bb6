import { describe, expect, it } from 'vitest';
import { buildCases } from '../../src/contract/cases/index.js';
import { expectationFor, planCases } from '../../src/contract/runner.js';
import { STATIC_FIXTURES } from '../../src/contract/fixtures/static.js';
import { contractFor } from '../../src/versions/index.js';
import { loadBundledSpec } from '../../src/spec.js';

const cases = buildCases(loadBundledSpec(), 'url');
const byId = (id: string) => {
  const found = cases.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};

describe('version-aware cases', () => {
  it('has the numeric-id star routes up to 12.1 and skips their cases from 12.2, where the data says they were removed', () => {
    const stars = ['starDashboard', 'unstarDashboard'];
    const absentIn = (version: string) => contractFor(version).absent.map((a) => a.operationId);
    expect(absentIn('12.1.3')).not.toEqual(expect.arrayContaining(stars));
    // A pre-release build counts as its release; build metadata is ignored.
    for (const version of ['12.2.0', '13.0.1+security-01', '12.2.0-16557133545']) expect(absentIn(version), version).toEqual(expect.arrayContaining(stars));
    const contract = contractFor('12.2.0');
    const starCases = buildCases(contract.document, 'url').filter((c) => stars.includes(c.operationId));
    const target = { kind: 'url' as const, baseUrl: 'http://unused', grafanaVersion: '12.2.0', fixtures: STATIC_FIXTURES, cast: {} as never, concurrentMutations: false };
    expect(starCases.length).toBeGreaterThan(2);
    expect(planCases(contract.document, target, starCases, { readOnly: false }).map((skip) => skip?.kind)).toEqual(starCases.map(() => 'not-in-version'));
  });

  it('keeps the case\'s own expectation when the version is unknown', () => {
    const c = byId('changeUserPassword: wrong old password');
    expect(expectationFor(c, null)).toBe(c);
  });

  it('knows that a wrong old password answered 401 before 11.3', () => {
    const c = byId('changeUserPassword: wrong old password');
    expect(expectationFor(c, '10.4.1')).toMatchObject({ status: 401, example: 'invalidOldPasswordLegacy' });
    expect(expectationFor(c, '11.3.0')).toMatchObject({ status: 400, example: 'invalidOldPassword' });
  });

  it('knows that an unknown user UID is a bad ID before 11.4', () => {
    const c = byId('getUserById: unknown UID');
    expect(expectationFor(c, '11.3.2').status).toBe(400);
    expect(expectationFor(c, '11.4.0').status).toBe(404);
  });
});

describe('request examples', () => {
  it('run after every other case, since on a real server they may change the fixtures', () => {
    const first = cases.findIndex((c) => c.id.includes(': request example '));
    expect(first).toBeGreaterThan(0);
    expect(cases.slice(first).every((c) => c.id.includes(': request example '))).toBe(true);
  });
});
