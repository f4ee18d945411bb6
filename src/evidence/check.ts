import { checkResponse } from '../contract/check.js';
import { SchemaValidator } from '../contract/schema-validator.js';
import { listOperations, loadBundledSpec, pathTemplatePattern, resolveRef, type OpenApiDocument, type SpecOperation } from '../spec.js';
import type { EvidenceEntry } from './entry.js';
import { withoutRequired } from './partial.js';
import { isBeforeCoverage, OLDEST_COVERED_VERSION } from './versions.js';
import { contractFor } from '../versions/index.js';

export type EntryOutcome = 'valid' | 'invalid' | 'out-of-coverage';

export interface EntryVerdict {
  outcome: EntryOutcome;
  /** The spec operation the entry is about, or null when the spec has none at its method and path. */
  operationId: string | null;
  problems: string[];
  /** The Grafana version whose contract judged the entry; null: the union of every covered version (an entry without a version). */
  contract?: string | null;
}

interface ResponseObject { content?: Record<string, unknown> }

/**
 * Returns a function that checks evidence entries against a spec (the bundled one by default):
 * the method and path template are an operation, the status is documented for it, and the body
 * is valid against that response's schema, strictly (an undeclared property is a failure). The
 * response check is the conformance runner's own (`checkResponse`), fed with the entry's body.
 */
export function createEntryChecker(doc: OpenApiDocument = loadBundledSpec()): (entry: EvidenceEntry) => EntryVerdict {
  const operations = new Map(listOperations(doc).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op]));
  const strict = new SchemaValidator(doc, true);
  let partial: SchemaValidator | undefined;
  return (entry) => {
    const op = operations.get(`${entry.request.method} ${entry.request.pathTemplate}`);
    const operationId = op?.operationId ?? null;
    if (isBeforeCoverage(entry.grafanaVersion)) {
      return { outcome: 'out-of-coverage', operationId, problems: [`Grafana ${entry.grafanaVersion} is older than ${OLDEST_COVERED_VERSION}, the oldest version the spec covers`] };
    }
    if (!op) return { outcome: 'invalid', operationId, problems: [unknownOperation(entry, [...operations.values()])] };
    const isPartial = Boolean(entry.response.bodyIsPartial) || (entry.response.body === undefined && entry.response.message !== undefined);
    if (isPartial) partial ??= new SchemaValidator(withoutRequired(doc), true);
    const problems = [...pathProblems(entry, op), ...responseProblems(doc, isPartial ? partial! : strict, op, entry)];
    return { outcome: problems.length ? 'invalid' : 'valid', operationId, problems };
  };
}

/**
 * Checks each entry against the contract of the Grafana version it names (the union of every
 * covered version when it names none): what a server of that version may answer, no more.
 */
export function createVersionedEntryChecker(): (entry: EvidenceEntry) => EntryVerdict {
  const checkers = new Map<string, (entry: EvidenceEntry) => EntryVerdict>();
  const union = createEntryChecker();
  return (entry) => {
    if (!entry.grafanaVersion || isBeforeCoverage(entry.grafanaVersion)) return { ...union(entry), contract: null };
    const contract = contractFor(entry.grafanaVersion, '3.1', `the entry's Grafana version`);
    let check = checkers.get(contract.version);
    if (!check) checkers.set(contract.version, (check = createEntryChecker(contract.document)));
    const verdict = check(entry);
    const unknown = verdict.outcome === 'valid' ? messageNotInContract(contract.document, entry) : undefined;
    if (unknown) return { outcome: 'invalid', operationId: verdict.operationId, problems: [unknown], contract: contract.version };
    return { ...verdict, contract: contract.version };
  };
}

/**
 * An error message that the version's contract has no example of under that status: the
 * version's handlers do not give it (its examples are cut from the handler answers' versions).
 */
function messageNotInContract(doc: OpenApiDocument, entry: EvidenceEntry): string | undefined {
  const op = listOperations(doc).find((o) => `${o.method.toUpperCase()} ${o.path}` === `${entry.request.method} ${entry.request.pathTemplate}`);
  const message = entry.response.message ?? (entry.response.body as { message?: unknown } | undefined)?.message;
  if (!op || entry.response.status < 400 || typeof message !== 'string') return undefined;
  const documented = resolveRef<{ content?: Record<string, { examples?: Record<string, unknown> }> }>(doc, op.operation.responses[String(entry.response.status)] as never);
  const messages = Object.values(documented.content?.['application/json']?.examples ?? {}).map((e) => (resolveRef<{ value?: { message?: unknown } }>(doc, e as never).value ?? {}).message);
  return messages.includes(message) ? undefined : `${entry.response.status} "${message}" is not an answer of ${op.operationId} in this version (its examples: ${messages.map((m) => JSON.stringify(m)).join(', ')})`;
}

function responseProblems(doc: OpenApiDocument, validator: SchemaValidator, op: SpecOperation, entry: EvidenceEntry): string[] {
  const { status, body, message, contentType } = entry.response;
  const documented = op.operation.responses[String(status)];
  if (!documented) return [`status ${status} is not documented for ${op.operationId} (documented: ${Object.keys(op.operation.responses).join(', ')})`];
  const mediaTypes = Object.keys(resolveRef<ResponseObject>(doc, documented as ResponseObject).content ?? {});
  if (body === undefined && message === undefined) {
    // Only the status is known: that it is documented is all there is to check.
    return contentType && mediaTypes.length && !mediaTypes.includes(mediaTypeOf(contentType)) ? [`content type "${contentType}" is not documented (expected ${mediaTypes.join(' or ')})`] : [];
  }
  if (body === undefined && mediaTypes.length === 0) return [`status ${status} is documented without a body, but the entry asserts the message "${message}"`];
  // A message-only entry is checked as the body `{ message }`: the documented schema must be an error body that declares it.
  const value = body === undefined ? { message } : body;
  const received = { status, contentType: contentType ?? mediaTypes[0] ?? null, text: JSON.stringify(value) };
  return checkResponse(doc, validator, op, { status }, received).problems.map((p) => (body === undefined ? `message-only entry: ${p}` : p));
}

/**
 * The concrete path, when given, must be one the template matches (Grafana's router ignores a
 * trailing slash). Not for Grafana's tests: they mount a handler on whatever route they like.
 */
function pathProblems(entry: EvidenceEntry, op: SpecOperation): string[] {
  const path = entry.request.path?.split('?')[0]?.replace(/(.)\/$/, '$1');
  if (!path || entry.kind === 'grafana-test') return [];
  return pathTemplatePattern(op.path).test(path) ? [] : [`request.path "${entry.request.path}" does not match ${op.path}`];
}

function unknownOperation(entry: EvidenceEntry, operations: SpecOperation[]): string {
  const { method, pathTemplate } = entry.request;
  const shape = (p: string) => p.replace(/\{[^}]+\}/g, '{}').replace(/(.)\/$/, '$1');
  const candidates = operations.filter((op) => shape(op.path) === shape(pathTemplate));
  const sameShape = candidates.find((op) => op.method.toUpperCase() === method) ?? candidates[0];
  const hint = sameShape
    ? sameShape.method.toUpperCase() === method ? ` (the spec's template is ${sameShape.path})` : ` (the spec has ${sameShape.method.toUpperCase()} ${sameShape.path})`
    : '';
  return `${method} ${pathTemplate} is not an operation of the spec${hint}`;
}

const mediaTypeOf = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();
