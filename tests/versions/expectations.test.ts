import { describe, expect, it } from 'vitest';
import { buildCases } from '../../src/contract/cases/index.js';
import { expectationFor } from '../../src/contract/runner.js';
import { listOperations, resolveRef } from '../../src/spec.js';
import { contractFor, versionsWorthChecking } from '../../src/versions/index.js';

// Every contract case, in every version worth checking (each release line and each boundary of the
// version data): what the case expects in that version (its version rule applied) is a status that
// version's contract documents for the operation, with the example it names. One definition of
// each fact: a case's version rule that disagrees with the data fails here.

interface MediaType { examples?: Record<string, unknown> }

const versions = versionsWorthChecking();

describe('the contract cases agree with the version data', () => {
  it('checks many versions', () => {
    expect(versions.length).toBeGreaterThanOrEqual(32);
    expect(versions[0]).toBe('8.0.0');
  });

  it.each(versions)('Grafana %s: every case expects a documented status and example', (version) => {
    const contract = contractFor(version);
    const operations = new Map(listOperations(contract.document).map((op) => [op.operationId, op]));
    const problems: string[] = [];
    for (const target of ['mock', 'url'] as const) {
      for (const c of buildCases(contract.document, target)) {
        const op = operations.get(c.operationId);
        if (!op) continue;
        const expected = expectationFor(c, version);
        const response = op.operation.responses[String(expected.status)];
        if (!response) {
          problems.push(`${c.id}: expects ${expected.status}, which Grafana ${version} does not document for ${c.operationId}`);
          continue;
        }
        if (!expected.example || expected.example === 'none') continue;
        const examples = resolveRef<{ content?: Record<string, MediaType> }>(contract.document, response as never).content?.['application/json']?.examples ?? {};
        if (!(expected.example in examples)) problems.push(`${c.id}: expects example "${expected.example}" under ${expected.status}, which Grafana ${version} does not have`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});
