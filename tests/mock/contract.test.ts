import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCases } from '../../src/contract/cases/index.js';
import { runCases } from '../../src/contract/runner.js';
import { mockTarget, type StartedTarget } from '../../src/contract/targets/mock.js';
import { unionContract } from '../../src/versions/index.js';
import type { CaseResult } from '../../src/contract/types.js';
import { listOperations, loadBundledSpec } from '../../src/spec.js';

// The whole case list against the Prism mock, through the same runner as the CLI: one run,
// then one test per case so that a failure names its case.
const doc = loadBundledSpec();
// Cases limited to real servers (e.g. a token on basic-only operations) are not run here.
const cases = buildCases(doc, 'mock').filter((c) => !c.targets || c.targets.includes('mock'));
let started: StartedTarget;
let results = new Map<string, CaseResult>();

beforeAll(async () => {
  // The mock the project's global set-up started (tests/support/shared-mock.ts); it stops it.
  started = mockTarget({ baseUrl: inject('sharedMockUrl'), stop: async () => {} }, unionContract());
  const list = await runCases(doc, started.target, cases, { strict: true, readOnly: false, concurrency: 8, timeoutMs: 10_000 });
  results = new Map(list.map((r) => [r.case, r]));
}, 120_000);
afterAll(() => started?.close());

describe('contract cases against the Prism mock', () => {
  it.each(cases.map((c) => [c.id] as const))('%s', (id) => {
    const result = results.get(id)!;
    expect(result.problems).toEqual([]);
    expect(result.outcome).toBe('pass');
  });
});

describe('coverage of the case list', () => {
  it.each(listOperations(doc).map((op) => [op.operationId, op] as const))('%s has a success case and an error case (where it documents one)', (operationId, op) => {
    const own = cases.filter((c) => c.operationId === operationId);
    expect(own.some((c) => c.status < 400)).toBe(true);
    // An operation with no error answer at all (GET /api/user/signup/options) has no error case.
    const documentsAnError = Object.keys(op.operation.responses).some((status) => Number(status) >= 400);
    expect(own.some((c) => c.status >= 400)).toBe(documentsAnError);
  });
});
