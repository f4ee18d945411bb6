import { readFileSync } from 'node:fs';

/** The bundled spec shipped in `generated/openapi.json` (valid from src/ and from dist/). */
export const BUNDLED_SPEC_URL = new URL('../generated/openapi.json', import.meta.url);

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** The parts of an OpenAPI document this library reads. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export interface OperationObject {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  security?: Record<string, string[]>[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  [key: string]: unknown;
}

export interface SpecOperation {
  operationId: string;
  method: HttpMethod;
  path: string;
  operation: OperationObject;
}

let cached: OpenApiDocument | undefined;

/** Reads the bundled spec once. */
export function loadBundledSpec(): OpenApiDocument {
  cached ??= JSON.parse(readFileSync(BUNDLED_SPEC_URL, 'utf8')) as OpenApiDocument;
  return cached;
}

/** Every operation of a document, in document order. */
export function listOperations(doc: OpenApiDocument): SpecOperation[] {
  const result: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (operation) result.push({ operationId: operation.operationId, method, path, operation });
    }
  }
  return result;
}

/** The value at a JSON pointer (RFC 6901, e.g. `/components/schemas/User`) of the document, or undefined; a `$ref` there is not followed. */
export function atPointer(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc);
}

/** Follows a local `$ref` (`#/components/...`) until it reaches a non-reference object. */
export function resolveRef<T>(doc: OpenApiDocument, value: T | { $ref: string }): T {
  let current: unknown = value;
  for (let depth = 0; depth < 20; depth++) {
    if (!current || typeof current !== 'object' || !('$ref' in current)) return current as T;
    const ref = (current as { $ref: string }).$ref;
    if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, got ${ref}`);
    current = atPointer(doc, ref.slice(1));
    if (current === undefined) throw new Error(`Unresolved reference ${ref}`);
  }
  throw new Error('Reference chain too deep');
}

/** A pattern that matches the concrete paths of a path template (`/api/users/{id}` matches `/api/users/2`). */
export function pathTemplatePattern(template: string): RegExp {
  const escaped = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]+')}$`);
}

/** Escapes a string for use as one JSON-pointer segment. */
export function pointerSegment(value: string): string {
  return value.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * JSON pointer of the schema of a response body or request body, following a `$ref`'d response
 * (e.g. `#/components/responses/Unauthorized`) to where its schema really is.
 */
export function bodySchemaPointer(op: SpecOperation, where: { status: string } | 'request', mediaType = 'application/json'): string {
  const base = ['', 'paths', op.path, op.method].map(pointerSegment).join('/');
  const node = (where === 'request' ? op.operation.requestBody : op.operation.responses[where.status]) as { $ref?: string } | undefined;
  const prefix = node?.$ref?.startsWith('#/') ? node.$ref.slice(1) : where === 'request' ? `${base}/requestBody` : `${base}/responses/${pointerSegment(where.status)}`;
  return `${prefix}/content/${pointerSegment(mediaType)}/schema`;
}
