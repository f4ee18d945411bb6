import { FixtureUnavailable, type CaseContext, type CaseRequest, type Credential, type Skip, type TargetKind, type VersionRule } from '../types.js';

type Check = (body: unknown, ctx: CaseContext) => string | undefined;

/** One way of calling an operation and the answer it must get. */
export interface CallSpec {
  as: Credential;
  request?: (ctx: CaseContext) => CaseRequest;
  status: number;
  /** A documented response example whose shape the body must have (and that the mock replays). */
  example?: string;
  checks?: Check[];
  targets?: TargetKind[];
  targetsReason?: string;
  /** A server setting or fixture the call needs: returns why the target lacks it (then the case is skipped). */
  requires?: (ctx: CaseContext) => string | Skip | undefined;
  /** A plain-user case that needs the fixture user itself (e.g. as a member of the fixture team), not any Viewer. */
  needsFixtureUser?: boolean;
  /** The server refuses the call before reading its path or body (see ContractCase). */
  refusedBeforeReading?: boolean;
  /** When this call's answer depends on the Grafana version. */
  versions?: VersionRule;
}

/** Why the target lacks what a case needs (the case is skipped), or undefined. */
export type Requirement = (ctx: CaseContext) => string | undefined;

/** The cases of one operation: how to call it successfully, and its error cases. */
export interface OperationCases {
  operationId: string;
  ok: CallSpec;
  /**
   * Error cases beyond the ones derived from the spec (no credentials -> 401 for every operation
   * that needs auth; a plain user -> 403 for server-admin operations).
   */
  errors?: Array<CallSpec & { what: string }>;
  /** A version rule for every case of the operation, derived ones included (e.g. a removed route). */
  versions?: VersionRule;
  /**
   * What every case of the operation needs, derived ones included (e.g. a route that exists only
   * with some server setting); a case's own `requires` replaces it.
   */
  requires?: Requirement;
  /**
   * Values from the fixtures that replace the same-named fields of the documented request
   * examples (a real server needs the fixture user's password, not the example's). `mockOnly`:
   * the examples are replayed on the mock only, with the reason given.
   */
  exampleOverrides?: ((ctx: CaseContext) => Record<string, unknown>) | { mockOnly: string };
}

/** A check that the body's `message` is exactly `expected`. */
export const messageIs = (expected: string): Check => (body) => {
  const message = (body as { message?: unknown } | undefined)?.message;
  return message === expected ? undefined : `expected message "${expected}", got ${JSON.stringify(message)}`;
};

/** A check that a list answer is empty (the schema already says it is an array). */
export const isEmptyList: Check = (body) => (Array.isArray(body) && body.length === 0 ? undefined : `expected [], got ${JSON.stringify(body)?.slice(0, 60)}`);

/** A check that a paged search answer counts no match at all. */
export const countsNothing: Check = (body) => {
  const total = (body as { totalCount?: unknown } | undefined)?.totalCount;
  return total === 0 ? undefined : `expected totalCount 0, got ${JSON.stringify(total)}`;
};

/** Headers that run a request in the fixtures' second org (the admin created it, so is its Admin). */
export const inSecondOrg = ({ fixtures }: CaseContext) => ({ 'X-Grafana-Org-Id': String(fixtures.secondOrg.id) });

/**
 * For cases whose body the spec's schema rejects, on operations that document 422 (the binding
 * middleware of Grafana 8.0 to 8.3): Prism answers such a request with the 422 whatever the case
 * asks for, so these cases run on real servers only.
 */
export const SCHEMA_INVALID_BODY = { targets: ['url', 'local'] as TargetKind[], targetsReason: 'a body the schema rejects: the mock answers it with the documented 422 (Grafana 8.0 to 8.3), real servers decide' };

/** Grafana 8.0 to 8.3 answer a missing required field from their binding middleware, with 422. */
export const REQUIRED_FIELD_BEFORE_8_4 = { range: '>=8.4.0', otherwise: { status: 422, example: 'requiredField' }, note: 'Grafana 8.0 to 8.3 bind bodies in a middleware that answers 422 to a missing required field' };

/**
 * Headers that run a write to an org's own settings in the org the run may write to: its second
 * org, or with `--allow-org-writes` the current org (see `Fixtures.writableOrg`).
 */
export const inWritableOrg = ({ fixtures }: CaseContext) => ({ 'X-Grafana-Org-Id': String(fixtures.writableOrg.id) });

/** For a read: the second org where the run made one, else the current org. */
export const inSecondOrgIfAny = (ctx: CaseContext): Record<string, string> => {
  try {
    return inSecondOrg(ctx);
  } catch (err) {
    if (err instanceof FixtureUnavailable) return {};
    throw err;
  }
};

/** Headers that run a request in the org of the run's invitation. */
export const inInviteOrg = ({ fixtures }: CaseContext) => ({ 'X-Grafana-Org-Id': String(fixtures.invite.orgId) });
