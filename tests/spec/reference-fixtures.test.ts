import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SchemaValidator } from '../../src/contract/schema-validator.js';
import { bodySchemaPointer, listOperations, loadBundledSpec } from '../../src/spec.js';

// The reference documents' own example bodies, JSON syntax corrected by hand (tests/fixtures/reference),
// validated against the matching request or response schema. Not strict: the older documents show
// fewer fields, and that is allowed; wrong types and missing required fields are not (a field every
// covered version sends that a document leaves out is added to the fixture, as index.json records).
interface FixtureEntry { file: string; doc: string; operationId: string; method: string; path: string; kind: 'request' | 'response'; status?: number; corrections: string[] }

const root = new URL('../fixtures/reference/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', root), 'utf8')) as FixtureEntry[];
const doc = loadBundledSpec();
const operations = listOperations(doc);
const validator = new SchemaValidator(doc, false);

function schemaPointer(entry: FixtureEntry): string {
  const op = operations.find((o) => o.operationId === entry.operationId);
  if (!op) throw new Error(`${entry.file}: no operation ${entry.operationId} in the spec`);
  expect(`${op.method.toUpperCase()} ${op.path}`).toBe(`${entry.method} ${entry.path}`);
  if (entry.kind === 'request') return bodySchemaPointer(op, 'request');
  expect(op.operation.responses[String(entry.status)], `${entry.operationId} documents ${entry.status}`).toBeDefined();
  return bodySchemaPointer(op, { status: String(entry.status) });
}

describe('reference document examples (corrected)', () => {
  it('cover every reference document', () => {
    expect(new Set(index.map((e) => e.doc)).size).toBeGreaterThanOrEqual(5);
  });

  it.each(index.map((e) => [e.file, e] as const))('%s matches its schema', (_file, entry) => {
    const body = JSON.parse(readFileSync(new URL(entry.file, root), 'utf8')) as unknown;
    expect(validator.validateAt(schemaPointer(entry), body)).toEqual([]);
  });
});
