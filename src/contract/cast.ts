import { authorizationHeader } from '../auth.js';
import type { SpecOperation } from '../spec.js';
import type { ContractCase, Skip } from './types.js';

/**
 * Who plays each kind of caller of the cases (`Credential`) on a target, as Authorization
 * header values. The run's own credentials play `admin`; the others are made by the run (or are
 * the spec's examples on the mock).
 */
export interface Cast {
  /** The run's own credentials and what they may do. */
  caller: { authorization: string; serverAdmin: boolean; orgAdmin: boolean };
  /** A plain user (Viewer) with a password, which only a server administrator can create. */
  user: { authorization: string; wrongPassword: string } | null;
  /**
   * A Viewer whose token stands in for the plain user where a case checks only that an org-admin
   * operation refuses a Viewer (403): a run-made Viewer service account, or the caller itself.
   */
  viewer: string | null;
  /** A service account token; `admin`: its role is Admin (a Viewer's token plays only the refusals). */
  token: { authorization: string; admin: boolean } | null;
  /** A read-only run makes no callers: the skips say so. */
  readOnly: boolean;
}

/** The plain user's two callers: with its password, and with a wrong one. */
export function plainUser(user: { login: string; password: string }): NonNullable<Cast['user']> {
  return {
    authorization: authorizationHeader({ username: user.login, password: user.password }),
    wrongPassword: authorizationHeader({ username: user.login, password: `${user.password}-wrong` }),
  };
}

export const NEEDS_SERVER_ADMIN: Skip = {
  kind: 'needs-server-admin',
  reason: 'needs a Grafana server administrator: run with --user/--password of one (Grafana Cloud and Amazon Managed Grafana have none)',
};
export const NEEDS_ORG_ADMIN: Skip = {
  kind: 'needs-org-admin',
  reason: 'needs an Admin of the organization: run with a token of a service account with the Admin role',
};
export const NEEDS_USER: Skip = {
  kind: 'needs-user-the-run-cannot-create',
  reason: 'needs a user with a password, which only a server administrator can create (users come from SSO/SCIM on Grafana Cloud and Amazon Managed Grafana): run with --user/--password of a server administrator',
};
const READ_ONLY_CALLER: Skip = { kind: 'read-only', reason: '--read-only creates no users or tokens to sign in as: run without --read-only' };

/** A server-admin operation (the spec's `x-grafana-access.serverAdmin`). */
export function isServerAdminOperation(op: SpecOperation): boolean {
  return (op.operation['x-grafana-access'] as { serverAdmin?: boolean } | undefined)?.serverAdmin === true;
}

/**
 * The Authorization header a case is sent with (undefined: none), or why the target has no one
 * to send it as.
 */
export function authorizationFor(c: ContractCase, op: SpecOperation, cast: Cast): { authorization: string | undefined } | Skip {
  switch (c.as) {
    case 'none':
      return { authorization: undefined };
    case 'admin':
      if (isServerAdminOperation(op) && !cast.caller.serverAdmin) return NEEDS_SERVER_ADMIN;
      if (!cast.caller.orgAdmin && !cast.caller.serverAdmin) return NEEDS_ORG_ADMIN;
      return { authorization: cast.caller.authorization };
    case 'token':
      if (!cast.token) return cast.readOnly ? READ_ONLY_CALLER : NEEDS_ORG_ADMIN;
      // The case's token is an Admin's: a Viewer's token can only play the refusals.
      if (!cast.token.admin && c.status < 400) return NEEDS_ORG_ADMIN;
      return { authorization: cast.token.authorization };
    case 'user':
      if (cast.user) return { authorization: cast.user.authorization };
      if (cast.viewer && c.status === 403 && !c.needsFixtureUser) return { authorization: cast.viewer };
      return cast.readOnly ? READ_ONLY_CALLER : NEEDS_USER;
    case 'wrongPassword':
      if (cast.user) return { authorization: cast.user.wrongPassword };
      return cast.readOnly ? READ_ONLY_CALLER : NEEDS_USER;
  }
}
