import { describe, expect, it } from 'vitest';
import { buildCases } from '../../src/contract/cases/index.js';
import { answerNotInContract, expectationFor, planCases, type RunTarget } from '../../src/contract/runner.js';
import { STATIC_FIXTURES } from '../../src/contract/fixtures/static.js';
import { listOperations, type OpenApiDocument, type SpecOperation } from '../../src/spec.js';
import { contractFor, versionsWorthChecking } from '../../src/versions/index.js';
import type { Cast } from '../../src/contract/cast.js';

// Every contract case, in every version worth checking (each release line and each boundary of the
// version data). A case runs in the versions whose contract documents the answer it expects, and
// is skipped ("not-in-version") in the others. A case with a version rule expects its own answer
// inside the rule's range, and the rule's other answer outside it: inside the range the contract
// must document its own answer, and some version outside it must document the other one, so a
// rule that disagrees with the data fails here (one definition of each fact).


const versions = versionsWorthChecking();
const everyone = { authorization: 'Basic x', serverAdmin: true, orgAdmin: true };
const CAST: Cast = { caller: everyone, user: { authorization: 'Basic y' }, viewer: null, token: { authorization: 'Bearer z', admin: true }, readOnly: false } as unknown as Cast;
const target = (kind: 'mock' | 'url', version: string): RunTarget => ({ kind, baseUrl: 'http://unused', grafanaVersion: version, fixtures: STATIC_FIXTURES, cast: CAST, concurrentMutations: true });

describe('the contract cases agree with the version data', () => {
  it('checks every release line and boundary', () => {
    expect(versions.length).toBeGreaterThanOrEqual(32);
    expect(versions[0]).toBe('8.0.0');
  });

  it.each(versions)('Grafana %s: a case with a version rule expects what the version documents in its range, and every operation keeps a case that runs', (version) => {
    const contract = contractFor(version);
    const operations = new Map(listOperations(contract.document).map((op) => [op.operationId, op]));
    const problems: string[] = [];
    for (const kind of ['mock', 'url'] as const) {
      const cases = buildCases(contract.document, kind);
      const plan = planCases(contract.document, target(kind, version), cases, { readOnly: false });
      const running = new Set<string>();
      cases.forEach((c, i) => {
        const op = operations.get(c.operationId);
        if (!op) return;
        if (plan[i]?.kind !== 'not-in-version') running.add(c.operationId);
        if (c.versions && expectationFor(c, version) === c && !documents(contract.document, op, c)) problems.push(`${c.id}: Grafana ${version} is in its rule's range (${c.versions.range}) but does not document ${c.status} "${c.example ?? ''}"`);
      });
      for (const id of operations.keys()) if (!running.has(id) && cases.some((c) => c.operationId === id)) problems.push(`${id}: no case runs on ${kind} in Grafana ${version}`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('every version rule\'s other answer is documented by some version outside its range', () => {
    const unmatched = new Map<string, string>();
    const matched = new Set<string>();
    for (const version of versions) {
      const contract = contractFor(version);
      const operations = new Map(listOperations(contract.document).map((op) => [op.operationId, op]));
      for (const c of buildCases(contract.document, 'url').concat(buildCases(contract.document, 'mock'))) {
        const op = operations.get(c.operationId);
        if (!c.versions || !op || expectationFor(c, version) === c) continue;
        if (documents(contract.document, op, c.versions.otherwise)) matched.add(c.id);
        else unmatched.set(c.id, `${c.id}: no version outside ${c.versions.range} documents ${c.versions.otherwise.status} "${c.versions.otherwise.example ?? ''}"`);
      }
    }
    expect([...unmatched].filter(([id]) => !matched.has(id)).map(([, why]) => why)).toEqual([]);
    expect(matched.size).toBeGreaterThan(5);
  });
});

/** Whether the contract documents the status, and the example if one is named (the runner's own check). */
const documents = (doc: OpenApiDocument, op: SpecOperation, expected: { status: number; example?: string }) => answerNotInContract(doc, op, expected) === undefined;
