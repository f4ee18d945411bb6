import type { RequestSummary, ResponseSummary } from './diagnostics.js';

/** Who a contract case signs in as. */
export type Credential =
  | 'admin' // the target's server administrator, basic auth (the credentials the run was given)
  | 'user' // a plain user (Viewer in the main org), basic auth
  | 'token' // a service account token (Admin role in the main org), bearer
  | 'none' // no Authorization header
  | 'wrongPassword'; // the plain user's login with a wrong password

/**
 * Values the cases use: IDs of users, orgs, teams and dashboards. On the mock they are the spec's
 * example values; on a real server the fixture provider creates them through the typed client.
 */
export interface Fixtures {
  /** The server admin the run signs in as. */
  admin: { id: number; login: string };
  /** A plain user, Viewer in the main org. */
  user: { id: number; uid: string; login: string; email: string; password: string };
  /** A second plain user, member of the main org only, for operations that change a user. */
  member: { id: number; login: string; email: string };
  /** A third plain user, in the main and the second org, that a case removes from the main org. */
  spare: { id: number; login: string; email: string };
  /** A second organization that `user` and `spare` are members of. */
  secondOrg: { id: number; name: string };
  /** A team in the main org with `user` as member. */
  team: { id: number; name: string };
  /** A second team in the main org, whose name a case tries to give the fixture team. */
  otherTeam: { id: number; name: string };
  /** A dashboard in the main org. */
  dashboard: { id: number; uid: string };
  /** A service account in the main org and one of its tokens. */
  serviceAccount: { id: number; token: string; spareTokenId: number };
  /** The main org. */
  mainOrg: { id: number; name: string };
  /** IDs that exist nowhere. */
  unknown: { userId: number; orgId: number; uid: string; authTokenId: number };
  /** Whether the server has quotas enabled (`[quota] enabled`, off in Grafana's default configuration). */
  quotasEnabled: boolean;
  /** A pending invitation made by the run (in the second org, or the current one), `orgId` its org; `code` is empty when the server refused to make one. */
  invite: { code: string; email: string; orgId: number };
  /**
   * The org whose own settings (name, address, preferences) the cases may write: the run's second
   * org, or with `--allow-org-writes` the current org, with what was read from it so that the
   * cases write it back.
   */
  writableOrg: { id: number; name: string; address: Record<string, string>; preferences: Record<string, unknown> };
  /**
   * A second pending invitation to the second org, which a case accepts: that creates the user
   * `login` (carrying the run's prefix), whom the clean-up deletes. `code` is empty when the
   * server made none.
   */
  inviteToAccept: { code: string; email: string; login: string };
  /** Server settings that decide how the sign-up, password-reset, session and Team Sync routes answer. */
  server: ServerSettings;
}

/**
 * What the set-up found out about the server with requests that change nothing (an existing
 * address, an unknown login, no session cookie): each case that depends on a setting runs only
 * where its expectation holds.
 */
export interface ServerSettings {
  /** `[users] allow_sign_up` (off by default). */
  signUpAllowed: boolean;
  /** `[user] verify_email_enabled` (off by default). */
  verifyEmail: boolean;
  /** Password reset by email is allowed: the login form is on (and, in older versions, neither LDAP nor the auth proxy is). */
  passwordResetAllowed: boolean;
  /** `POST /api/user/email/start-verify` is registered (SMTP and email verification on). */
  emailVerificationRoute: boolean;
  /** `POST /api/user/auth-tokens/rotate` is registered (10.0+, behind a feature toggle in 10.x). */
  tokenRotationRoute: boolean;
  /** The Team Sync routes answer (Grafana Enterprise or Cloud). */
  teamSync: boolean;
}

/**
 * Why a case did not run, as a category a report can count, and a sentence that says what the
 * user can do about it.
 */
export type SkipKind =
  | 'mock-only' // the case needs the mock (an answer a healthy server cannot be made to give)
  | 'real-server-only' // the case needs a real Grafana (the mock rejects the request by the spec)
  | 'read-only' // --read-only sends GET requests only
  | 'needs-server-admin' // a Grafana server administrator (basic auth)
  | 'needs-org-admin' // an Admin of the current organization
  | 'needs-user-the-run-cannot-create' // users are created by a server administrator (or SSO/SCIM)
  | 'needs-allow-org-writes' // a write to the current organization itself or its members
  | 'needs-server-setting' // a server setting (quotas) or something the server refused to make
  | 'not-in-version'; // the operation does not exist in the Grafana version of the contract

export interface Skip {
  kind: SkipKind;
  reason: string;
}

/** Thrown when a case reads a fixture that the run could not make; the case is skipped with `skip`. */
export class FixtureUnavailable extends Error {
  constructor(readonly skip: Skip) {
    super(skip.reason);
    this.name = 'FixtureUnavailable';
  }
}

export interface CaseRequest {
  /** Path parameters, by name. Strings may be deliberately invalid (e.g. `abc` for an int64). */
  path?: Record<string, string | number>;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  /** A JSON body; a string is sent as-is (for malformed JSON). */
  body?: unknown;
}

export interface CaseContext {
  fixtures: Fixtures;
}

export type TargetKind = 'mock' | 'url' | 'local';

/** What a case expects: a status, a documented example's shape, and more checks. */
export interface Expectation {
  status: number;
  /** A documented response example: on the mock it is the one asked for; on any target the body must have its shape. */
  example?: string;
  /** More checks on the parsed body; each returns a problem or undefined. */
  checks?: Array<(body: unknown, ctx: CaseContext) => string | undefined>;
}

/**
 * Grafana versions a case's expectation holds for, and what other versions answer instead
 * (e.g. the numeric-id star routes answer 404 from 12.2, where they were removed).
 */
export interface VersionRule {
  /** A semver range, e.g. `<12.2.0`. */
  range: string;
  otherwise: Expectation;
  /** Why, shown in the report. */
  note: string;
}

/** One contract case: one request and what the response must be. */
export interface ContractCase {
  /** Unique and stable, `<operationId>: <what>`. */
  id: string;
  operationId: string;
  as: Credential;
  /** Builds the request from the fixtures. */
  request?: (ctx: CaseContext) => CaseRequest;
  /** The status the response must have. */
  status: number;
  /** A documented response example: on the mock it is the one asked for; on any target the body must have its shape. */
  example?: string;
  /** More checks on the parsed body; each returns a problem or undefined. */
  checks?: Array<(body: unknown, ctx: CaseContext) => string | undefined>;
  /** When the expectation depends on the Grafana version (a target whose version is unknown gets the case's own). */
  versions?: VersionRule;
  /** Only on these targets (default: all). */
  targets?: TargetKind[];
  /** Why the case is limited to some targets, shown when it is skipped. */
  targetsReason?: string;
  /** What the case needs of the server beyond its kind: returns why the target lacks it (the case is skipped), or undefined. */
  requires?: (ctx: CaseContext) => string | Skip | undefined;
  /** A plain-user case that needs the fixture user itself (a member of the fixture team), not any Viewer. */
  needsFixtureUser?: boolean;
  /**
   * The server refuses the call before it reads the path or body (no credentials, a server-admin
   * or basic-auth-only check): where the run could not make a fixture the request names, a value
   * that names nothing will do.
   */
  refusedBeforeReading?: boolean;
}

export type Outcome = 'pass' | 'fail' | 'skip';

/** One request a case sent and the response it got, as they were (for `conformance --record`). */
export interface Exchange {
  case: string;
  operationId: string;
  /** Upper case, e.g. `GET`. */
  method: string;
  pathTemplate: string;
  /** The concrete path, without the base URL's own path. */
  path: string;
  query: Record<string, string>;
  caller: Credential;
  /** The Authorization header sent, so that a recorder can remove its secrets; never recorded. */
  authorization: string | undefined;
  /** The request body as the case gave it (a string is sent as-is). */
  requestBody: unknown;
  status: number;
  contentType: string | null;
  /** The raw response body. */
  text: string;
}

export interface CaseResult {
  case: string;
  operationId: string;
  method: string;
  path: string;
  expectedStatus: number;
  actualStatus: number | null;
  outcome: Outcome;
  durationMs: number;
  problems: string[];
  /** The target's Grafana version when the case ran (null when unknown, e.g. the mock). */
  grafanaVersion: string | null;
  /** The request as sent (secrets masked), when the case sent one. */
  request?: RequestSummary;
  /** The response's status, content type and body excerpt (secrets masked), when one came. */
  response?: ResponseSummary;
  /** Why a skipped case did not run (`problems` holds the same reason as `skipped: …`). */
  skip?: Skip;
}
