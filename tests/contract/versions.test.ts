import { describe, expect, it } from 'vitest';
import { buildCases } from '../../src/contract/cases/index.js';
import { expectationFor } from '../../src/contract/runner.js';
import { loadBundledSpec } from '../../src/spec.js';

const cases = buildCases(loadBundledSpec(), 'url');
const byId = (id: string) => {
  const found = cases.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};

describe('version-aware cases', () => {
  it('expects the numeric-id star routes up to 12.1 and a 404 from 12.2, for every case of the operation', () => {
    for (const c of cases.filter((c) => c.operationId === 'starDashboard' || c.operationId === 'unstarDashboard')) {
      expect(expectationFor(c, '12.1.3').status, c.id).toBe(c.status);
      expect(expectationFor(c, '12.2.0').status, c.id).toBe(404);
      expect(expectationFor(c, '13.0.1+security-01').status, c.id).toBe(404);
      expect(expectationFor(c, '12.2.0-16557133545').status, c.id).toBe(404); // a pre-release build counts as 12.2
    }
  });

  it('keeps the case\'s own expectation when the version is unknown (the mock, a hidden version)', () => {
    const c = byId('starDashboard: success');
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
