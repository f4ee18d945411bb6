import { describe, expect, it } from 'vitest';
import { listOperations, loadBundledSpec, resolveRef, type OperationObject } from '../../src/spec.js';
import { ORG_SCOPED_PATH_PREFIXES, REQUIRED_OPERATIONS } from './required-operations.js';

const doc = loadBundledSpec();
const operations = listOperations(doc);
const definedTags = new Set((doc.tags as { name: string }[]).map((t) => t.name));
const SENTENCE_CASE = /^[A-Z][^A-Z]*(?:\b[A-Z]{2,}\b[^A-Z]*)*$/;

interface MediaType { schema?: unknown; examples?: Record<string, unknown>; example?: unknown }
interface ResponseObject { description?: string; content?: Record<string, MediaType> }

describe('the operation list', () => {
  it.each(REQUIRED_OPERATIONS)('has %s %s', (method, path) => {
    expect(operations.some((op) => op.method === method.toLowerCase() && op.path === path)).toBe(true);
  });

  it('has unique operationIds', () => {
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('%s', (_name, { operation, path, method }) => {
  const op: OperationObject = operation;
  // Whether the operation needs credentials is the spec's own `security` (empty: none, e.g. /api/health).
  const needsAuth = (op.security ?? []).length > 0;
  const responses = Object.entries(op.responses).map(([status, r]) => [status, resolveRef<ResponseObject>(doc, r as ResponseObject)] as const);

  it('has an operationId, a sentence-case summary, a description and one defined tag', () => {
    expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
    expect(op.summary).toMatch(SENTENCE_CASE);
    expect(op.description?.length ?? 0).toBeGreaterThan(40);
    expect(op.tags).toHaveLength(1);
    expect(definedTags.has(op.tags![0]!)).toBe(true);
  });

  it('says who may call it, in the description and in x-grafana-access', () => {
    expect(op.description).toMatch(/who may call it/i);
    const access = op['x-grafana-access'] as Record<string, unknown> | undefined;
    expect(access).toBeTypeOf('object');
    if (needsAuth) {
      expect(Boolean(access!.serverAdmin) || Boolean(access!.orgRole) || Boolean(access!.signedInUser)).toBe(true);
    }
  });

  it('declares its security: basic only for server-admin operations', () => {
    expect(Array.isArray(op.security)).toBe(true);
    const schemes = op.security!.flatMap((s) => Object.keys(s));
    const access = op['x-grafana-access'] as { serverAdmin?: boolean };
    // Open: the health check, the sign-up, invitee and password-reset routes, and session rotation (cookie only).
    if (!needsAuth) expect(op.tags![0] === 'Health' || op.tags![0] === 'Sign-up and password reset' || op.operationId === 'rotateUserAuthToken').toBe(true);
    else if (access.serverAdmin) expect(schemes).toEqual(['basicAuth']);
    else expect(schemes.sort()).toEqual(['basicAuth', 'bearerAuth']);
  });

  it('documents a success response, 401 where auth is needed, and a 4xx', () => {
    const statuses = responses.map(([s]) => s);
    expect(statuses.some((s) => /^2/.test(s))).toBe(true);
    if (needsAuth) {
      expect(statuses).toContain('401');
      // Reading one's own preferences has no client error but 401 (also for a non-user identity).
      if (op.operationId !== 'getUserPreferences') expect(statuses.some((s) => /^4/.test(s) && s !== '401')).toBe(true);
    }
  });

  it('has named examples on every response body and on the request body', () => {
    for (const [status, response] of responses) {
      for (const [mediaType, media] of Object.entries(response.content ?? {})) {
        expect(media.schema, `${status} ${mediaType} schema`).toBeDefined();
        expect(Object.keys(media.examples ?? {}).length, `${status} ${mediaType} examples`).toBeGreaterThan(0);
      }
    }
    if (op.requestBody) {
      const body = resolveRef<{ content: Record<string, MediaType> }>(doc, op.requestBody as never);
      for (const media of Object.values(body.content)) expect(Object.keys(media.examples ?? {}).length).toBeGreaterThan(0);
    }
  });

  it('takes X-Grafana-Org-Id exactly when it is org-scoped', () => {
    const params = [...((doc.paths[path]!.parameters as unknown[]) ?? []), ...(op.parameters ?? [])].map((p) => resolveRef<{ name: string; in: string }>(doc, p as never));
    const hasHeader = params.some((p) => p.in === 'header' && p.name === 'X-Grafana-Org-Id');
    const orgScoped = ORG_SCOPED_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)) || path === '/api/users/{id}/teams';
    expect(hasHeader, method).toBe(orgScoped);
  });
});

describe('version differences', () => {
  it('marks the numeric-id star operations deprecated and says when they were removed', () => {
    for (const id of ['starDashboard', 'unstarDashboard']) {
      const op = operations.find((o) => o.operationId === id)!.operation;
      expect(op.deprecated).toBe(true);
      expect(op.description).toMatch(/12\.2/);
    }
  });

  it('says that user endpoints accept a UID from 11.4', () => {
    const op = operations.find((o) => o.operationId === 'getUserById')!.operation;
    expect(op.description).toMatch(/11\.4/);
  });
});

describe('schemas every generator can use', () => {
  it('have no oneOf or anyOf union, where a generator must pick a type to put on the wire', () => {
    const unions: string[] = [];
    const walk = (node: unknown, pointer: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${pointer}/${i}`));
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'oneOf' || key === 'anyOf') && Array.isArray(value)) unions.push(`${pointer}/${key}`);
        if (key !== 'examples' && key !== 'example' && key !== 'x-grafana-answers') walk(value, `${pointer}/${key}`);
      }
    };
    walk(loadBundledSpec(), '');
    expect(unions).toEqual([]);
  });
});
