import { checkResponse } from './check.js';
import { buildRequest, fillPath } from './request.js';
import { summarizeRequest, summarizeResponse } from './diagnostics.js';
import { SchemaValidator } from './schema-validator.js';
import semver from 'semver';
import { FixtureUnavailable, type CaseResult, type ContractCase, type Exchange, type Expectation, type Fixtures, type Skip, type TargetKind } from './types.js';
import { bodySchemaPointer, listOperations, resolveRef, type OpenApiDocument, type SpecOperation } from '../spec.js';
import { authorizationFor, type Cast } from './cast.js';
import { contractVersionOf } from '../versions/index.js';

/** What the runner needs to know about the server it runs against. */
export interface RunTarget {
  kind: TargetKind;
  baseUrl: string;
  grafanaVersion: string | null;
  /** The cases' data; reading one the run could not make throws FixtureUnavailable (see fixtures/availability.ts). */
  fixtures: Fixtures;
  /** Who plays each kind of caller. */
  cast: Cast;
  /**
   * For cases the server refuses before reading the request (`refusedBeforeReading`): the
   * fixtures with values that name nothing in place of those the run could not make.
   */
  placeholders?: Fixtures;
  /** Extra request headers for a case and what it expects in the contract's version (the mock uses this for Prism's `Prefer`). */
  headersFor?(c: ContractCase, expected: Expectation): Record<string, string>;
  /** Target-specific problems with a response (the mock reports Prism's request violations). */
  inspect?(c: ContractCase, response: Response): string[];
  /** Whether mutating cases may run concurrently (true for the stateless mock). */
  concurrentMutations: boolean;
  /** The fetch for the cases' requests (TLS settings); default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request (a proxy's, `X-Grafana-Org-Id`); a case's own headers win. */
  headers?: Record<string, string>;
}

export interface RunOptions {
  strict: boolean;
  readOnly: boolean;
  concurrency: number;
  timeoutMs: number;
  /** Called as each case finishes, for progress output. */
  onResult?: (result: CaseResult) => void;
  /** Once aborted, no more cases start (those in flight finish); the results hold the cases that ran. */
  signal?: AbortSignal;
  /** Called with each request and response as received (for `--record`); it does not change the run. */
  onExchange?: (exchange: Exchange) => void;
  /** Validators compiled ahead (see prepareValidator); used when its strictness is the run's. */
  validator?: SchemaValidator;
}

/**
 * A validator with the schema of every documented response body compiled (of the operations in
 * `operationIds` only, when given: a run of a few operations compiles no more; any other schema
 * is compiled when first used). Compiling takes a few hundred milliseconds and yields between
 * schemas, so start it before the target and let the two overlap:
 * `const validating = prepareValidator(doc, strict); await startTarget(); await validating`.
 */
export async function prepareValidator(doc: OpenApiDocument, strict: boolean, operationIds: ReadonlySet<string> | null = null): Promise<SchemaValidator> {
  const validator = new SchemaValidator(doc, strict);
  const pointers = new Set<string>();
  for (const op of listOperations(doc)) {
    if (operationIds && !operationIds.has(op.operationId)) continue;
    for (const [status, documented] of Object.entries(op.operation.responses)) {
      const response = resolveRef<{ content?: Record<string, unknown> }>(doc, documented as { content?: Record<string, unknown> });
      for (const mediaType of Object.keys(response.content ?? {})) pointers.add(bodySchemaPointer(op, { status }, mediaType));
    }
  }
  await validator.precompile(pointers);
  return validator;
}

/**
 * Why a case will not run on this target, decided before anything is sent: it is for another
 * kind of target, `--read-only` forbids its method, the target has no one to send it as, it reads
 * a fixture the run could not make, or the server lacks a setting it needs. Undefined: it runs.
 */
export function skipFor(c: ContractCase, op: SpecOperation, target: RunTarget, options: Pick<RunOptions, 'readOnly'>, version: string | null = target.grafanaVersion, doc?: OpenApiDocument): Skip | undefined {
  const unanswered = doc && contractVersionOf(doc) ? answerNotInContract(doc, op, expectationFor(c, version)) : undefined;
  if (unanswered) return { kind: 'not-in-version', reason: `Grafana ${contractVersionOf(doc!)} does not give this answer (${unanswered}), by the version data: the case runs against the versions that do` };
  if (c.targets && !c.targets.includes(target.kind)) {
    const why = c.targetsReason ? ` (${c.targetsReason})` : '';
    return target.kind === 'mock'
      ? { kind: 'real-server-only', reason: `needs a real Grafana: run with --url${why}` }
      : { kind: 'mock-only', reason: `runs against the mock only (--mock)${why}` };
  }
  if (options.readOnly && op.method !== 'get') return { kind: 'read-only', reason: '--read-only sends GET requests only: run without --read-only to send this one' };
  const who = authorizationFor(c, op, target.cast);
  if ('kind' in who) return who;
  const ctx = { fixtures: fixturesFor(c, target) };
  try {
    c.request?.(ctx);
    // A check that names a fixture in what it expects reads it on a missing body too.
    for (const check of expectationFor(c, version).checks ?? []) {
      try {
        check(undefined, ctx);
      } catch (err) {
        if (err instanceof FixtureUnavailable) throw err;
      }
    }
    const unmet = c.requires?.(ctx);
    if (unmet) return typeof unmet === 'string' ? { kind: 'needs-server-setting', reason: unmet } : unmet;
  } catch (err) {
    if (err instanceof FixtureUnavailable) return err.skip;
    // Any other error fails the case when it runs.
  }
  return undefined;
}

/**
 * What of an expectation the contract's version does not document for the operation (its status,
 * or the example it names), or undefined when it documents both. A case expects an answer that
 * some versions give; in the others it is not run (see spec/VERSIONS.md: statuses and error
 * messages come from the handler answers' versions).
 */
export function answerNotInContract(doc: OpenApiDocument, op: SpecOperation, expected: Expectation): string | undefined {
  const documented = op.operation.responses[String(expected.status)];
  if (!documented) return `status ${expected.status}`;
  if (!expected.example || expected.example === 'none') return undefined;
  const examples = resolveRef<{ content?: Record<string, { examples?: Record<string, unknown> }> }>(doc, documented as never).content?.['application/json']?.examples ?? {};
  return expected.example in examples ? undefined : `${expected.status} "${expected.example}"`;
}

/** The fixtures a case is built from. */
function fixturesFor(c: ContractCase, target: RunTarget): Fixtures {
  return c.refusedBeforeReading && target.placeholders ? target.placeholders : target.fixtures;
}

/** The skip decision of every case, in case order (undefined: the case runs). */
export function planCases(doc: OpenApiDocument, target: RunTarget, cases: readonly ContractCase[], options: Pick<RunOptions, 'readOnly'>): Array<Skip | undefined> {
  const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));
  return cases.map((c) => {
    const op = operations.get(c.operationId);
    return op ? skipFor(c, op, target, options, versionFor(doc, target), doc) : notInVersion(doc, c.operationId);
  });
}


/** The operations of the union that the document's version has not (src/versions/cut.ts). */
function absentOperations(doc: OpenApiDocument): Array<{ operationId: string; method: string; path: string; versions: string }> {
  return (doc['x-grafana-absent-operations'] as Array<{ operationId: string; method: string; path: string; versions: string }> | undefined) ?? [];
}

/** The skip of a case whose operation the contract's Grafana version does not have (undefined: it is no such case). */
function notInVersion(doc: OpenApiDocument, operationId: string): Skip | undefined {
  const absent = absentOperations(doc).find((a) => a.operationId === operationId);
  if (!absent) return undefined;
  return { kind: 'not-in-version', reason: `Grafana ${contractVersionOf(doc)} has no ${operationId} (Grafana ${absent.versions} has it): pass --grafana-version to judge by another version` };
}

/** The version whose expectations apply: the contract's, else what the target reports. */
function versionFor(doc: OpenApiDocument, target: RunTarget): string | null {
  return contractVersionOf(doc) ?? target.grafanaVersion;
}

/**
 * Runs cases against a target and returns one result per case, in case order. GET cases run
 * concurrently; other cases run one at a time unless the target is stateless. A failing or
 * throwing case becomes a failed result: the runner itself does not throw for a case.
 */
export async function runCases(doc: OpenApiDocument, target: RunTarget, cases: ContractCase[], options: RunOptions): Promise<CaseResult[]> {
  const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));
  const validator = options.validator?.strict === options.strict ? options.validator : new SchemaValidator(doc, options.strict);
  const results: CaseResult[] = new Array(cases.length);
  const runOne = async (index: number) => {
    const result = await runCase(doc, validator, operations, target, cases[index]!, options);
    results[index] = result;
    options.onResult?.(result);
  };
  const isGet = (c: ContractCase) => operations.get(c.operationId)?.method === 'get';
  const parallel = cases.map((c, i) => i).filter((i) => target.concurrentMutations || isGet(cases[i]!));
  const serial = cases.map((c, i) => i).filter((i) => !parallel.includes(i));
  const stopped = () => options.signal?.aborted === true;
  await pool(parallel, Math.max(1, options.concurrency), runOne, stopped);
  for (const index of serial) if (!stopped()) await runOne(index);
  return stopped() ? results.filter(Boolean) : results;
}

async function runCase(
  doc: OpenApiDocument,
  validator: SchemaValidator,
  operations: Map<string, SpecOperation>,
  target: RunTarget,
  c: ContractCase,
  options: RunOptions,
): Promise<CaseResult> {
  const op = operations.get(c.operationId);
  const version = versionFor(doc, target);
  const expected = expectationFor(c, version);
  // An operation the version has not is named by its method and path in the versions that have it.
  const absent = op ? undefined : absentOperations(doc).find((a) => a.operationId === c.operationId);
  const base = {
    case: c.id,
    operationId: c.operationId,
    method: op?.method.toUpperCase() ?? absent?.method ?? '?',
    path: op?.path ?? absent?.path ?? '?',
    expectedStatus: expected.status,
    actualStatus: null,
    grafanaVersion: target.grafanaVersion,
  };
  if (!op) {
    const absent = notInVersion(doc, c.operationId);
    if (absent) return { ...base, outcome: 'skip', durationMs: 0, problems: [`skipped: ${absent.reason}`], skip: absent };
    return { ...base, outcome: 'fail', durationMs: 0, problems: [`no operation ${c.operationId} in the spec`] };
  }
  const skip = skipFor(c, op, target, options, version, doc);
  if (skip) return { ...base, outcome: 'skip', durationMs: 0, problems: [`skipped: ${skip.reason}`], skip };
  const who = authorizationFor(c, op, target.cast);
  const authorization = 'kind' in who ? undefined : who.authorization;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let sent: CaseResult['request'];
  try {
    const ctx = { fixtures: fixturesFor(c, target) };
    const request = c.request?.(ctx) ?? {};
    request.headers = { ...target.headers, ...request.headers, ...target.headersFor?.(c, expected) };
    const { url, init } = buildRequest(target.baseUrl, op.method, op.path, request, authorization);
    sent = summarizeRequest(init.method, url, c.as, init.body);
    const response = await (target.fetch ?? fetch)(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
    const text = await response.text();
    const received = summarizeResponse(response.status, response.headers.get('content-type'), text);
    options.onExchange?.({
      case: c.id, operationId: op.operationId, method: op.method.toUpperCase(), pathTemplate: op.path, path: fillPath(op.path, request.path),
      query: Object.fromEntries(Object.entries(request.query ?? {}).map(([k, v]) => [k, String(v)])), caller: c.as, authorization,
      requestBody: request.body, status: response.status, contentType: response.headers.get('content-type'), text,
    });
    const { problems, body } = checkResponse(doc, validator, op, expected, { status: response.status, contentType: response.headers.get('content-type'), text });
    problems.push(...(target.inspect?.(c, response) ?? []));
    if (problems.length === 0 && response.status === expected.status) {
      for (const check of expected.checks ?? []) {
        const problem = check(body, ctx);
        if (problem) problems.push(problem);
      }
    }
    if (problems.length && expected !== c) problems.push(`(expected for Grafana ${version}: ${c.versions!.note})`);
    return { ...base, actualStatus: response.status, outcome: problems.length ? 'fail' : 'pass', durationMs: elapsed(), problems, request: sent, response: received };
  } catch (err) {
    const reason = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : describeError(err);
    return { ...base, outcome: 'fail', durationMs: elapsed(), problems: [`request failed: ${reason}`], ...(sent ? { request: sent } : {}) };
  }
}

/** The case's own expectation, or its version rule's alternative for a server outside the range. */
export function expectationFor(c: ContractCase, grafanaVersion: string | null): Expectation {
  if (!c.versions || !grafanaVersion) return c;
  const version = semver.coerce(grafanaVersion);
  if (!version || semver.satisfies(version, c.versions.range)) return c;
  return c.versions.otherwise;
}

function describeError(err: unknown): string {
  const cause = (err as { cause?: { code?: string } })?.cause;
  if (cause?.code) return cause.code;
  return err instanceof Error ? err.message : String(err);
}

/** Runs `work` over `items` with at most `size` in flight, until `stopped()`. */
async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>, stopped: () => boolean): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stopped()) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
