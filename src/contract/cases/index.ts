import type { CallSpec, OperationCases } from './define.js';
import { currentOrgCases } from './current-org.js';
import { orgsAndQuotasCases } from './orgs-and-quotas.js';
import { preferencesAndAdminUsersCases } from './preferences-and-admin-users.js';
import { signedInUserCases } from './signed-in-user.js';
import { signUpAndPasswordResetCases } from './sign-up-and-password-reset.js';
import { teamSyncCases } from './team-sync.js';
import { supportCases } from './support.js';
import { teamsAndServiceAccountsCases } from './teams-and-service-accounts.js';
import { usersCases } from './users.js';
import { listOperations, resolveRef, type OpenApiDocument, type SpecOperation } from '../../spec.js';
import type { ContractCase, TargetKind } from '../types.js';

/** Every operation's hand-written cases: how to call it, and its specific error cases. */
export const OPERATION_CASES: OperationCases[] = [...usersCases, ...signedInUserCases, ...currentOrgCases, ...supportCases, ...teamsAndServiceAccountsCases, ...preferencesAndAdminUsersCases, ...orgsAndQuotasCases, ...signUpAndPasswordResetCases, ...teamSyncCases];

interface MediaType { examples?: Record<string, unknown> }
interface Access { serverAdmin?: boolean }

/**
 * The full case list for a target: the hand-written cases, plus the cases derived from the spec:
 * - no credentials -> 401, for every operation that needs credentials and documents 401 (an open
 *   route's 401 is a setting's answer, e.g. sign-up switched off, which its own cases cover);
 * - a plain user -> 403, for every server-admin operation;
 * - a service account token -> 403, for every operation whose security is basic auth only (real
 *   servers only: the mock enforces that security itself with 401);
 * - every named request example, sent as the body of the success call (after all other cases,
 *   since on a real server it may change the fixtures);
 * - on the mock only: every documented response example, replayed through Prism's `Prefer` header.
 */
export function buildCases(doc: OpenApiDocument, target: TargetKind): ContractCase[] {
  const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));
  // The operations that the document's Grafana version does not have (src/versions/).
  const absent = new Set(((doc['x-grafana-absent-operations'] ?? []) as Array<{ operationId: string }>).map((a) => a.operationId));
  const cases: ContractCase[] = [];
  const exampleCases: ContractCase[] = [];
  for (const def of OPERATION_CASES) {
    const op = operations.get(def.operationId);
    const { ok } = def;
    const add = (list: ContractCase[], what: string, spec: CallSpec) => list.push(toCase(def.operationId, what, { versions: def.versions, requires: def.requires, ...spec }));
    if (!op && !absent.has(def.operationId)) throw new Error(`contract cases name ${def.operationId}, which is not in the spec`);
    add(cases, 'success', ok);
    for (const error of def.errors ?? []) add(cases, error.what, error);
    // An operation this version does not have: its own cases are listed (and skipped with the reason), nothing is derived.
    if (!op) continue;
    // The derived refusals come before the handler reads anything (refusedBeforeReading).
    if (op.operation.responses['401'] && !isOpen(op)) add(cases, 'no credentials', { as: 'none', request: ok.request, status: 401, example: 'noCredentials', refusedBeforeReading: true });
    if ((op.operation['x-grafana-access'] as Access | undefined)?.serverAdmin) add(cases, 'plain user is not a server admin', { as: 'user', request: ok.request, status: 403, refusedBeforeReading: true });
    if (basicAuthOnly(op)) add(cases, 'service account token (basic auth only)', { as: 'token', request: ok.request, status: 403, targets: ['url', 'local'], targetsReason: BASIC_ONLY_ON_THE_MOCK, refusedBeforeReading: true });
    const overrides = def.exampleOverrides;
    for (const [name, example] of Object.entries(requestExamples(doc, op))) {
      // Sent last (they may change fixtures), with identity fields taken from the fixtures.
      add(exampleCases, `request example "${name}"`, {
        ...ok,
        request: (ctx) => ({ ...ok.request?.(ctx), body: { ...(example as object), ...(typeof overrides === 'function' ? overrides(ctx) : {}) } }),
        ...(overrides && typeof overrides !== 'function' ? { targets: ['mock'], targetsReason: overrides.mockOnly } : {}),
      });
    }
    if (target === 'mock') cases.push(...documentedResponseCases(doc, op, ok));
  }
  return [...cases, ...exampleCases];
}

const BASIC_ONLY_ON_THE_MOCK = 'the mock enforces the spec\'s basic-only security with 401; a real server authenticates the token, then refuses it with 403';

/** An operation that needs no credentials (`security: []`). */
function isOpen(op: SpecOperation): boolean {
  return Array.isArray(op.operation.security) && op.operation.security.length === 0;
}

/** An operation that accepts only basic auth (server-admin operations: a service account is never a server admin). */
function basicAuthOnly(op: SpecOperation): boolean {
  const schemes = (op.operation.security ?? []).flatMap((requirement) => Object.keys(requirement));
  return schemes.length > 0 && schemes.every((scheme) => scheme === 'basicAuth');
}

function toCase(operationId: string, what: string, spec: CallSpec): ContractCase {
  const { as, request, status, example, checks, targets, targetsReason, versions, requires, needsFixtureUser, refusedBeforeReading } = spec;
  return { id: `${operationId}: ${what}`, operationId, as, request, status, example, checks, targets, targetsReason, versions, requires, needsFixtureUser, refusedBeforeReading };
}

function requestExamples(doc: OpenApiDocument, op: SpecOperation): Record<string, unknown> {
  if (!op.operation.requestBody) return {};
  const body = resolveRef<{ content?: Record<string, MediaType> }>(doc, op.operation.requestBody as never);
  const examples = body.content?.['application/json']?.examples ?? {};
  return Object.fromEntries(Object.entries(examples).map(([name, ex]) => [name, resolveRef<{ value?: unknown }>(doc, ex as never).value]));
}

/** Mock only: one case per documented (status, example), asked for with Prism's `Prefer` header. */
function documentedResponseCases(doc: OpenApiDocument, op: SpecOperation, ok: CallSpec): ContractCase[] {
  const cases: ContractCase[] = [];
  for (const [status, ref] of Object.entries(op.operation.responses)) {
    const response = resolveRef<{ content?: Record<string, MediaType> }>(doc, ref as never);
    const names = Object.keys(response.content?.['application/json']?.examples ?? {});
    for (const name of names.length ? names : [undefined]) {
      cases.push(toCase(op.operationId, `documented ${status}${name ? ` "${name}"` : ''}`, {
        as: ok.as,
        request: ok.request,
        status: Number(status),
        example: name,
      }));
    }
  }
  return cases;
}
