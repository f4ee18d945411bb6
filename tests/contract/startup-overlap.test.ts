import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareValidator, runCases, type RunTarget } from '../../src/contract/runner.js';
import { SchemaValidator } from '../../src/contract/schema-validator.js';
import { startPrism, type PrismServer } from '../../src/contract/targets/prism.js';
import { STATIC_FIXTURES } from '../../src/contract/fixtures/static.js';
import { atPointer, bodySchemaPointer, listOperations, loadBundledSpec, resolveRef } from '../../src/spec.js';
import { sendJson, startTestServer } from '../support/http-server.js';

// What `npm run bench` measures comes from these: the validators compile while the target starts
// (ahead, yielding to the event loop), and Prism runs quiet and is found ready by polling it.
// No timings are asserted.
const doc = loadBundledSpec();

describe('validators compiled ahead', () => {
  it('compiles every documented response body schema, yielding to the event loop between them', async () => {
    let documented = 0;
    for (const op of listOperations(doc)) {
      for (const [status, response] of Object.entries(op.operation.responses)) {
        const content = resolveRef<{ content?: Record<string, unknown> }>(doc, response as object).content ?? {};
        documented += new Set(Object.keys(content).map((mediaType) => bodySchemaPointer(op, { status }, mediaType))).size;
      }
    }
    let done = false;
    let turns = 0;
    const turn = () => {
      turns++;
      if (!done) setImmediate(turn);
    };
    setImmediate(turn);
    const validator = await prepareValidator(doc, true);
    done = true;
    expect(validator.compiledCount).toBeGreaterThan(100);
    expect(validator.compiledCount).toBeLessThanOrEqual(documented);
    // Other work ran between the compilations (a synchronous compile would allow one turn at most).
    expect(turns).toBeGreaterThan(validator.compiledCount / 2);
  });

  it("compiles only the named operations' schemas when a run names them (--only), and the rest when first used", async () => {
    const only = await prepareValidator(doc, true, new Set(['getHealth']));
    const health = listOperations(doc).find((op) => op.operationId === 'getHealth')!;
    const documented = new Set(Object.entries(health.operation.responses).flatMap(([status, response]) =>
      Object.keys(resolveRef<{ content?: Record<string, unknown> }>(doc, response as object).content ?? {}).map((mediaType) => bodySchemaPointer(health, { status }, mediaType))));
    expect(only.compiledCount).toBe(documented.size);
    expect(only.validateAt('/components/schemas/GrafanaError', { message: 'x' })).toEqual([]);
    expect(only.compiledCount).toBe(documented.size + 1);
  });

  it('compiles a schema once however many responses use it, and keeps different schemas apart', () => {
    const validator = new SchemaValidator(doc, true);
    const pointers = listOperations(doc).flatMap((op) => Object.keys(op.operation.responses).map((status) => bodySchemaPointer(op, { status })));
    const errorPlaces = [...new Set(pointers.filter((p) => JSON.stringify(atPointer(doc, p)) === JSON.stringify({ $ref: '#/components/schemas/GrafanaError' })))];
    expect(errorPlaces.length).toBeGreaterThan(2);
    for (const pointer of errorPlaces) expect(validator.validateAt(pointer, { message: 'not found' })).toEqual([]);
    expect(validator.compiledCount).toBe(errorPlaces.length);
    expect(validator.distinctCount).toBe(1);
    // Another schema gets its own validator: what GrafanaError accepts, a user body does not.
    const user = listOperations(doc).find((op) => op.operationId === 'getUserById')!;
    expect(validator.validateAt(bodySchemaPointer(user, { status: '200' }), { message: 'not found' })).not.toEqual([]);
    expect(validator.distinctCount).toBe(2);
    for (const pointer of errorPlaces) expect(validator.validateAt(pointer, { message: 'x', surprise: 1 })).toEqual(['(root): property "surprise" is not declared in the spec']);
  });

  it('is what the run uses, so the run compiles nothing more', async () => {
    const server = await startTestServer((req, res) => sendJson(res, 200, { database: 'ok', version: '12.4.0', commit: 'abc' }));
    try {
      const validator = await prepareValidator(doc, true);
      const before = validator.compiledCount;
      const target: RunTarget = {
        kind: 'url', baseUrl: server.url, grafanaVersion: '12.4.0', fixtures: STATIC_FIXTURES,
        cast: { caller: { authorization: 'Basic eDp5', serverAdmin: true, orgAdmin: true }, user: null, viewer: null, token: null, readOnly: true }, concurrentMutations: false,
      };
      const cases = [{ id: 'health', operationId: 'getHealth', as: 'none' as const, status: 200 }];
      const [result] = await runCases(doc, target, cases as never, { strict: true, readOnly: true, concurrency: 1, timeoutMs: 5000, validator });
      expect(result!.outcome, result!.problems.join('; ')).toBe('pass');
      expect(validator.compiledCount).toBe(before);
      // A validator of the other strictness is not used.
      const lax = new SchemaValidator(doc, false);
      await runCases(doc, target, cases as never, { strict: true, readOnly: true, concurrency: 1, timeoutMs: 5000, validator: lax });
      expect(lax.compiledCount).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('Prism for the mock', () => {
  let prism: PrismServer;
  beforeAll(async () => {
    prism = await startPrism();
  });
  afterAll(() => prism?.stop());

  it('is found ready without its log and logs no request', async () => {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${prism.baseUrl}/api/health`, { headers: { Prefer: 'code=200' } });
      expect(response.status).toBe(200);
      await response.text();
    }
    expect(prism.output()).not.toMatch(/Prism is listening|Request received|Responding with/);
  });
});
