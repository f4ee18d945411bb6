import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SchemaValidator } from '../../src/contract/schema-validator.js';
import { listOperations, loadBundledSpec, pointerSegment, resolveRef } from '../../src/spec.js';

// The reference documents' own example bodies, JSON syntax corrected by hand (tests/fixtures/reference),
// validated against the matching request or response schema. Not strict: the older documents show
// fewer fields, and that is allowed; wrong types and missing required fields are not.
interface FixtureEntry { file: string; doc: string; operationId: string; method: string; path: string; kind: 'request' | 'response'; status?: number; corrections: string[] }

const root = new URL('../fixtures/reference/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', root), 'utf8')) as FixtureEntry[];
const doc = loadBundledSpec();
const operations = listOperations(doc);
const validator = new SchemaValidator(doc, false);

function schemaPointer(entry: FixtureEntry): string {
  const op = operations.find((o) => o.operationId === entry.operationId);
  if (!op) throw new Error(`${entry.file}: no operation ${entry.operationId} in the spec`);
  expect(op.method.toUpperCase()).toBe(entry.method);
  expect(op.path).toBe(entry.path);
  const base = ['', 'paths', op.path, op.method].map(pointerSegment).join('/');
  if (entry.kind === 'request') return `${base}/requestBody/content/application~1json/schema`;
  const response = op.operation.responses[String(entry.status)];
  if (!response) throw new Error(`${entry.file}: ${entry.operationId} documents no ${entry.status} response`);
  // Follow a $ref'd response to its own schema location.
  const ref = (response as { $ref?: string }).$ref;
  resolveRef(doc, response as never);
  return ref ? `${ref.slice(1)}/content/application~1json/schema` : `${base}/responses/${entry.status}/content/application~1json/schema`;
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
