import { describe, expect, it } from 'vitest';
import { cutForVersion } from '../../src/versions/cut.js';
import type { OpenApiDocument } from '../../src/spec.js';

// The cut of a small made-up union: each kind of version data of spec/VERSIONS.md removes what
// the version has not, and leaves the rest as it was.

const json = (schemaRef: string, examples: Record<string, unknown> = {}) => ({ content: { 'application/json': { schema: { $ref: schemaRef }, ...(Object.keys(examples).length ? { examples } : {}) } } });

function union(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: 'made up', version: '0' },
    paths: {
      '/api/things/{id}': {
        parameters: [{ $ref: '#/components/parameters/ThingId' }],
        get: {
          operationId: 'getThing',
          parameters: [
            { name: 'sort', in: 'query', schema: { type: 'string' }, 'x-grafana-versions': '>=10.2.0' },
            { name: 'perpage', in: 'query', schema: { type: 'integer' } },
          ],
          responses: {
            '200': json('#/components/schemas/Thing', { old: { $ref: '#/components/examples/OldThing' }, now: { value: { id: 1, items: ['y'] } } }),
            '400': json('#/components/schemas/Error', { invalid: { value: { message: 'id is invalid' } }, bad: { value: { message: 'bad request data' } } }),
            '401': { $ref: '#/components/responses/Unauthorized' },
          },
          'x-grafana-answers': [
            { status: 200, message: null, versions: '>=8.0.0' },
            { status: 400, message: 'id is invalid', versions: '>=8.0.0 <11.4.0' },
            { status: 400, message: 'bad request data', versions: '>=8.4.0' },
            { status: 401, message: 'Unauthorized', versions: '>=8.0.0' },
            { status: 401, message: 'Revoked API key', versions: '>=10.1.0' },
          ],
        },
        put: {
          operationId: 'setThing',
          'x-grafana-versions': '>=11.1.0',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/SetThing' } }, 'application/x-www-form-urlencoded': { schema: { type: 'object' }, 'x-grafana-versions': '<9.0.0' } } },
          responses: { '200': json('#/components/schemas/Thing') },
        },
      },
    },
    components: {
      parameters: { ThingId: { name: 'id', in: 'path', required: true, 'x-grafana-accepts-uid': '11.4.0', schema: { type: 'integer', format: 'int64', example: 2 } } },
      schemas: {
        Thing: {
          type: 'object',
          required: ['id', 'items'],
          properties: {
            id: { type: 'integer' },
            uid: { type: 'string', 'x-grafana-versions': '>=9.0.0', 'x-grafana-required': '>=10.0.0' },
            kind: { type: 'string', enum: ['a', 'b', 'c'], 'x-grafana-enum-versions': { c: '>=12.0.0' } },
            items: { type: 'array', items: { type: 'string' }, 'x-grafana-names': { Items: '<9.3.0' } },
          },
        },
        SetThing: { type: 'object', properties: { name: { type: 'string' } } },
        Error: { type: 'object', properties: { message: { type: 'string' } } },
      },
      examples: { OldThing: { value: { id: 1, items: ['x'] }, 'x-grafana-versions': '<9.0.0' }, NoCredentials: { value: { message: 'Unauthorized' } }, Revoked: { value: { message: 'Revoked API key' } } },
      responses: { Unauthorized: json('#/components/schemas/Error', { noCredentials: { $ref: '#/components/examples/NoCredentials' }, revoked: { $ref: '#/components/examples/Revoked' } }) },
      securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' } },
    },
  };
}

const at = (doc: OpenApiDocument, path: string[]): unknown => path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);

describe('cutting the union for one version', () => {
  it('removes an operation the version has not, and lists it as absent', () => {
    const old = cutForVersion(union(), '10.4.0');
    expect(at(old, ['paths', '/api/things/{id}', 'put'])).toBeUndefined();
    expect(old['x-grafana-absent-operations']).toEqual([{ operationId: 'setThing', method: 'PUT', path: '/api/things/{id}', versions: '>=11.1.0' }]);
    expect(at(cutForVersion(union(), '11.1.0'), ['paths', '/api/things/{id}', 'put', 'operationId'])).toBe('setThing');
  });

  it('removes parameters, media types, properties and enum values outside their ranges', () => {
    const v8 = cutForVersion(union(), '8.5.0');
    const params = at(v8, ['paths', '/api/things/{id}', 'get', 'parameters']) as Array<{ name: string }>;
    expect(params.map((p) => p.name)).toEqual(['perpage']);
    expect(Object.keys(at(v8, ['components', 'schemas', 'Thing', 'properties']) as object)).toEqual(['id', 'kind', 'Items']);
    expect(at(v8, ['components', 'schemas', 'Thing', 'properties', 'kind', 'enum'])).toEqual(['a', 'b']);
    const v12 = cutForVersion(union(), '12.0.0');
    expect((at(v12, ['paths', '/api/things/{id}', 'get', 'parameters']) as Array<{ name: string }>).map((p) => p.name)).toEqual(['sort', 'perpage']);
    expect(at(v12, ['components', 'schemas', 'Thing', 'properties', 'kind', 'enum'])).toEqual(['a', 'b', 'c']);
    expect(Object.keys(at(cutForVersion(union(), '8.0.0'), ['paths', '/api/things/{id}', 'put']) ?? {})).toEqual([]);
    expect(Object.keys(at(cutForVersion(union(), '11.1.0'), ['paths', '/api/things/{id}', 'put', 'requestBody', 'content']) as object)).toEqual(['application/json']);
  });

  it('makes a property required where x-grafana-required says so', () => {
    expect(at(cutForVersion(union(), '9.5.0'), ['components', 'schemas', 'Thing', 'required'])).toEqual(['id', 'items']);
    expect(at(cutForVersion(union(), '10.0.0'), ['components', 'schemas', 'Thing', 'required'])).toEqual(['id', 'items', 'uid']);
  });

  it('keeps a status and an error example where one of the handler answers covers the version', () => {
    const v8 = cutForVersion(union(), '8.0.0');
    expect(Object.keys(at(v8, ['paths', '/api/things/{id}', 'get', 'responses', '400', 'content', 'application/json', 'examples']) as object)).toEqual(['invalid']);
    const v12 = cutForVersion(union(), '12.0.0');
    expect(Object.keys(at(v12, ['paths', '/api/things/{id}', 'get', 'responses', '400', 'content', 'application/json', 'examples']) as object)).toEqual(['bad']);
    // A shared response is copied into the operation, with the examples of its answers there.
    expect(Object.keys(at(v8, ['paths', '/api/things/{id}', 'get', 'responses', '401', 'content', 'application/json', 'examples']) as object)).toEqual(['noCredentials']);
    expect(Object.keys(at(v12, ['paths', '/api/things/{id}', 'get', 'responses', '401', 'content', 'application/json', 'examples']) as object)).toEqual(['noCredentials', 'revoked']);
    expect(at(v12, ['paths', '/api/things/{id}', 'get', 'x-grafana-answers'])).toBeUndefined();
  });

  it('drops a status none of whose answers covers the version', () => {
    const doc = union();
    (at(doc, ['paths', '/api/things/{id}', 'get', 'x-grafana-answers']) as Array<{ status: number; versions: string }>).forEach((a) => {
      if (a.status === 400) a.versions = '>=12.0.0';
    });
    expect(Object.keys(at(cutForVersion(doc, '11.0.0'), ['paths', '/api/things/{id}', 'get', 'responses']) as object)).toEqual(['200', '401']);
  });

  it('keeps a success example by its own range, and removes components nothing refers to', () => {
    const v8 = cutForVersion(union(), '8.0.0');
    expect(Object.keys(at(v8, ['paths', '/api/things/{id}', 'get', 'responses', '200', 'content', 'application/json', 'examples']) as object)).toEqual(['old', 'now']);
    const v10 = cutForVersion(union(), '10.0.0');
    expect(Object.keys(at(v10, ['paths', '/api/things/{id}', 'get', 'responses', '200', 'content', 'application/json', 'examples']) as object)).toEqual(['now']);
    expect(Object.keys(at(v10, ['components', 'examples']) as object)).toEqual(['NoCredentials']);
    expect(at(v10, ['components', 'schemas', 'SetThing'])).toBeUndefined();
    expect(at(v10, ['components', 'responses', 'Unauthorized'])).toBeUndefined();
    expect(at(v10, ['components', 'securitySchemes', 'basicAuth'])).toBeDefined();
  });

  it('types a path id as a string from the version that accepts a UID, as an integer before', () => {
    expect(at(cutForVersion(union(), '11.3.0'), ['components', 'parameters', 'ThingId', 'schema'])).toEqual({ type: 'integer', format: 'int64', example: 2 });
    const v114 = at(cutForVersion(union(), '11.4.0'), ['components', 'parameters', 'ThingId']) as { schema: unknown; description: string };
    expect(v114.schema).toEqual({ type: 'string', minLength: 1, example: '2' });
    expect(v114.description).toMatch(/UID \(accepted from Grafana 11\.4\.0\)/);
  });

  it('names a property, in the schema, its required list and the examples, as the version does', () => {
    const v8 = cutForVersion(union(), '8.0.0');
    expect(Object.keys(at(v8, ['components', 'schemas', 'Thing', 'properties']) as object)).toEqual(['id', 'kind', 'Items']);
    expect(at(v8, ['components', 'schemas', 'Thing', 'required'])).toEqual(['id', 'Items']);
    expect(at(v8, ['components', 'examples', 'OldThing', 'value'])).toEqual({ id: 1, Items: ['x'] });
    const v10 = cutForVersion(union(), '10.0.0');
    expect(at(v10, ['components', 'schemas', 'Thing', 'required'])).toEqual(['id', 'items', 'uid']);
    expect(at(v10, ['paths', '/api/things/{id}', 'get', 'responses', '200', 'content', 'application/json', 'examples', 'now', 'value'])).toEqual({ id: 1, items: ['y'] });
  });

  it('leaves the union it was given untouched', () => {
    const doc = union();
    const before = JSON.stringify(doc);
    cutForVersion(doc, '8.0.0');
    expect(JSON.stringify(doc)).toBe(before);
  });
});
