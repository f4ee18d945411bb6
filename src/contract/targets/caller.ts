import { authorizationHeader, type GrafanaAuth } from '../../auth.js';
import { UsageError } from '../../errors.js';
import { noAnswer, otherShape, readJson } from './answer.js';
import type { ProbeTransport } from './probe.js';

export type OrgRole = 'Admin' | 'Editor' | 'Viewer' | 'None';

/**
 * Who the run's credentials sign in as and what they may do: the one place that knows the
 * caller. Detected once before the run from what the server says about the caller itself.
 */
export interface Caller {
  auth: GrafanaAuth;
  /** The `Authorization` header value for these credentials. */
  authorization: string;
  /** A service account (a token whose identity is one) or a user (basic auth, or a user's token). */
  kind: 'service account' | 'user';
  id: number;
  login: string;
  /** Grafana server administrator (`isGrafanaAdmin`); a service account never is. */
  serverAdmin: boolean;
  /** The organization the run works in (the caller's current one, or `--org-id`). */
  org: { id: number; name: string };
  /** The caller's role in that organization; null when the server did not say. */
  role: OrgRole | null;
  /** The RBAC actions the server reports for the caller (`GET /api/access-control/user/actions`); null where it reports none. */
  actions: ReadonlySet<string> | null;
}

/** The actions that the run's org-admin fixtures need (teams, service accounts and their tokens). */
const ORG_ADMIN_ACTIONS = ['teams:create', 'serviceaccounts:create', 'serviceaccounts:write'];

/** Whether the caller may create the org-admin fixtures: by its RBAC actions where the server reports them, else by its role. */
export function canAdministerOrg(caller: Caller): boolean {
  if (caller.actions) return ORG_ADMIN_ACTIONS.every((action) => caller.actions!.has(action));
  return caller.role === 'Admin' || caller.serverAdmin;
}

/** One line naming the caller, e.g. `service account "ci" (org 1 "Main Org.", role Admin, not a server administrator)`. */
export function describeCaller(caller: Caller): string {
  const name = caller.kind === 'service account' ? caller.login.replace(/^sa-(\d+-)?/, '') : caller.login;
  // A service account that may not list service accounts is told apart from an Admin only by that.
  const role = caller.role ?? (canAdministerOrg(caller) ? 'unknown' : 'unknown, not Admin');
  return `${caller.kind} "${name}" (org ${caller.org.id} "${caller.org.name}", role ${role}, ${caller.serverAdmin ? 'a server administrator' : 'not a server administrator'})`;
}

interface Fetched {
  status: number;
  body: unknown;
}

/**
 * Signs in with the credentials and finds out who they are: `GET /api/user` (refused credentials,
 * no answer, an HTML page or another shape are one-line UsageErrors), the current org
 * (`GET /api/org`), the role in it (`GET /api/user/orgs` for a user; for a service account, which
 * Grafana does not answer that for, its own entry in `GET /api/serviceaccounts/search`), and
 * the RBAC actions where the server reports them.
 */
export async function detectCaller(baseUrl: string, auth: GrafanaAuth, timeoutMs: number, transport: ProbeTransport): Promise<Caller> {
  const authorization = authorizationHeader(auth);
  const get = async (path: string): Promise<Fetched & { response: Response; text: string; url: string }> => {
    const url = `${baseUrl}${path}`;
    try {
      const response = await transport.fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { ...transport.headers, Accept: 'application/json', Authorization: authorization } });
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { status: response.status, body, response, text, url };
    } catch (err) {
      // The server answered /api/health: name the request that got no answer.
      throw noAnswer(`${url} (after a healthy /api/health)`, url, err, timeoutMs);
    }
  };

  const me = await get('/api/user');
  if (me.status === 401) {
    const which = 'token' in auth ? 'the token' : `user "${auth.username}" and the given password`;
    throw new UsageError(`${baseUrl} refused ${which} (HTTP 401): check --user/--password or --token.`);
  }
  if (me.status < 200 || me.status > 299) throw new UsageError(`${baseUrl} answered GET /api/user with HTTP ${me.status}: check the credentials and the URL.`);
  const user = (await readJson('GET', me.url, me.response, me.text)) as { id?: unknown; uid?: unknown; login?: unknown; isGrafanaAdmin?: unknown; orgId?: unknown } | null;
  if (!user || typeof user !== 'object' || typeof user.id !== 'number' || typeof user.login !== 'string') {
    throw otherShape('GET', me.url, 'no numeric "id" and string "login" of the signed-in user');
  }
  // Grafana answers /api/user for a service account too: from 11.x with its typed id as `uid`
  // ("service-account:…") and id 0; before that with its user row, whose login is `sa-…`.
  const kind = typeof user.uid === 'string' && user.uid.startsWith('service-account:') ? 'service account' : user.login.startsWith('sa-') && 'token' in auth ? 'service account' : 'user';

  const orgAnswer = await get('/api/org');
  const org = orgAnswer.body as { id?: unknown; name?: unknown } | undefined;
  const currentOrg = orgAnswer.status === 200 && org && typeof org.id === 'number' && typeof org.name === 'string'
    ? { id: org.id, name: org.name }
    : { id: typeof user.orgId === 'number' ? user.orgId : 1, name: '?' };

  const role = kind === 'user' ? await roleOfUser(get, currentOrg.id) : await roleOfServiceAccount(get, user.login);
  const actionsAnswer = await get('/api/access-control/user/actions');
  const reported = actionsAnswer.status === 200 && actionsAnswer.body && typeof actionsAnswer.body === 'object' && !Array.isArray(actionsAnswer.body)
    ? new Set(Object.keys(actionsAnswer.body as Record<string, unknown>))
    : null;
  return {
    auth,
    authorization,
    kind,
    id: user.id,
    login: user.login,
    serverAdmin: user.isGrafanaAdmin === true,
    org: currentOrg,
    role,
    // An empty map is what a server without access control (or a proxy) may answer: not a statement.
    actions: reported && reported.size ? reported : null,
  };
}

const ROLES: readonly OrgRole[] = ['Admin', 'Editor', 'Viewer', 'None'];
const asRole = (value: unknown): OrgRole | null => (ROLES.includes(value as OrgRole) ? (value as OrgRole) : null);

async function roleOfUser(get: (path: string) => Promise<Fetched>, orgId: number): Promise<OrgRole | null> {
  const { status, body } = await get('/api/user/orgs');
  if (status !== 200 || !Array.isArray(body)) return null;
  return asRole((body as Array<{ orgId?: unknown; role?: unknown }>).find((o) => o.orgId === orgId)?.role);
}

/** A service account's role, from its own entry; a caller that may not list service accounts is not an Admin. */
async function roleOfServiceAccount(get: (path: string) => Promise<Fetched>, login: string): Promise<OrgRole | null> {
  const { status, body } = await get(`/api/serviceaccounts/search?perpage=100&page=1&query=${encodeURIComponent(login.replace(/^sa-(\d+-)?/, ''))}`);
  if (status !== 200) return null;
  const accounts = (body as { serviceAccounts?: Array<{ login?: unknown; role?: unknown }> } | undefined)?.serviceAccounts;
  return asRole(accounts?.find((a) => a.login === login)?.role);
}
