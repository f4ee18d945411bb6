import { describe, expect, it } from 'vitest';
import { SchemaValidator } from '../../src/contract/schema-validator.js';
import { bodySchemaPointer, listOperations, loadBundledSpec } from '../../src/spec.js';
import { collectExamples } from '../support/spec-walk.js';

// Independent of Redocly: Ajv2020, in strict mode (an example may not carry undeclared properties).
const doc = loadBundledSpec();
const validator = new SchemaValidator(doc, true);
const sites = collectExamples(doc);
const operation = (id: string) => listOperations(doc).find((op) => op.operationId === id)!;

describe('examples in the spec', () => {
  it('are found (named examples of bodies and parameters, and schema examples)', () => {
    expect(sites.filter((s) => s.where.includes('/examples/')).length).toBeGreaterThan(100);
    expect(sites.filter((s) => s.where.startsWith('/components/schemas/')).length).toBeGreaterThan(100);
  });

  it.each(sites.map((s) => [s.where, s] as const))('%s is valid against its schema', (_where, site) => {
    expect(validator.validateAt(site.schemaPointer, site.value)).toEqual([]);
  });
});

describe('strict schema validation', () => {
  it('rejects an undeclared property, and accepts it when not strict', () => {
    const body = { message: 'User updated', unexpected: 1 };
    const pointer = bodySchemaPointer(operation('updateUser'), { status: '200' });
    expect(validator.validateAt(pointer, body)).toEqual(['(root): property "unexpected" is not declared in the spec']);
    expect(new SchemaValidator(doc, false).validateAt(pointer, body)).toEqual([]);
  });

  it('rejects a wrong type', () => {
    const pointer = bodySchemaPointer(operation('getUserById'), { status: '200' });
    const errors = validator.validateAt(pointer, { id: '1' });
    expect(errors.join('\n')).toMatch(/\/id: must be integer/);
  });
});
