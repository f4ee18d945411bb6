import type { ServerResponse } from 'node:http';
import { sendJson, startTestServer, type RecordedRequest } from './http-server.js';

/**
 * A FAKE Grafana that keeps state: users, orgs, teams, dashboards and service accounts can be
 * created, listed and deleted, so that tests can check the CLI's set-up and clean-up (what it
 * creates, what it deletes, how it reacts to a signal or to other people's changes). It answers
 * the few routes the set-up and the before/after check use, and 418 to everything else; its
 * sign-in and role model (`identities`) is a simplification. It is not evidence of Grafana's
 * behaviour.
 */
export interface StatefulFakeOptions {
  /** Called for each request as it arrives; may return a delay (ms) before the answer. */
  onRequest?: (req: RecordedRequest) => number | void;
  /** Delay (ms) before answering each request of this `METHOD /path-prefix`. */
  delays?: Record<string, number>;
  /** The first request of each `METHOD /path` listed does its work but is never answered (a lost answer). */
  lostAnswers?: string[];
  /** A DELETE of this kind and id answers 500 and deletes nothing (a clean-up that fails). */
  refuseDelete?: (kind: Kind, id: string) => boolean;
  /**
   * Enforce sign-in and org roles as the fake models them: only these basic-auth users and
   * service-account tokens are accepted (plus the tokens the fake makes); server-wide routes need
   * a basic-auth server administrator; writes and the member and service-account lists need the
   * Admin role. Without it, any credentials sign in as the server administrator `admin`.
   */
  identities?: FakeIdentities;
  /**
   * Called before a request is handled: `reset` destroys the connection, `hang` never answers,
   * `after-reset` does the work and then destroys the connection, a number answers that status
   * without doing anything (fault injection).
   */
  fault?: (req: RecordedRequest) => 'reset' | 'hang' | 'after-reset' | number | undefined;
  /** Keep invitations (per org, from X-Grafana-Org-Id) and let one be accepted, which creates a user; otherwise 412 (except in the main org with `identities`). */
  makesInvitations?: boolean;
}

export type FakeRole = 'Admin' | 'Editor' | 'Viewer';
export interface FakeIdentities {
  users: Array<{ login: string; password: string; serverAdmin: boolean; role: FakeRole }>;
  serviceAccounts: Array<{ name: string; role: FakeRole; token: string }>;
}

/** Who a request signed in as, in the fake's model. */
interface FakeCaller { kind: 'user' | 'serviceAccount'; id: number; login: string; serverAdmin: boolean; role: FakeRole }

/** Routes only a basic-auth server administrator may call (server-wide users and orgs). */
const SERVER_ADMIN_ROUTE = /^\/api\/(admin\/|users(\/|$)|orgs(\/|$))/;
/** Routes that list what only an org Admin may read. */
const ADMIN_READ = /^\/api\/(org\/users|serviceaccounts\/search|org\/invites)/;

/** Stands in for the response of a request whose answer is lost: the work is done, nothing is sent. */
const UNANSWERED = { writeHead: () => UNANSWERED, end: () => UNANSWERED } as unknown as ServerResponse;

export type Kind = 'user' | 'org' | 'team' | 'dashboard' | 'serviceAccount' | 'invite';

export async function startStatefulFakeGrafana(options: StatefulFakeOptions = {}) {
  let nextId = 100;
  const identities = options.identities;
  const users = new Map<number, string>([[1, 'admin']]);
  /** Basic-auth users: password, server-admin flag and role in the main org. */
  const userInfo = new Map<number, { password: string; serverAdmin: boolean; role: FakeRole }>([[1, { password: 'admin-pw', serverAdmin: true, role: 'Admin' }]]);
  const orgs = new Map<number, string>([[1, 'Main Org.']]);
  const teams = new Map<number, string>();
  const dashboards = new Map<string, string>();
  const accounts = new Map<number, string>();
  const accountRoles = new Map<number, FakeRole>();
  const tokens = new Map<string, number>();
  const invites: Array<{ orgId: number; code: string; email: string; pending: boolean }> = [];
  if (identities) {
    users.clear();
    userInfo.clear();
    for (const u of identities.users) {
      const id = nextId++;
      users.set(id, u.login);
      userInfo.set(id, u);
    }
    for (const sa of identities.serviceAccounts) {
      const id = nextId++;
      accounts.set(id, sa.name);
      accountRoles.set(id, sa.role);
      tokens.set(sa.token, id);
    }
  }
  /** The members there before any run: writes to them are recorded in `orgWrites`. */
  const existingMembers = new Set(users.keys());
  /** Every write request that reached the current org itself or its existing members, as `METHOD path`. */
  const orgWrites: string[] = [];
  const callerOf = (req: RecordedRequest): FakeCaller | null => {
    const header = req.headers.authorization ?? '';
    if (!identities) return header ? { kind: 'user', id: 1, login: 'admin', serverAdmin: true, role: 'Admin' } : null;
    if (header.startsWith('Bearer ')) {
      const id = tokens.get(header.slice(7));
      return id !== undefined && accounts.has(id) ? { kind: 'serviceAccount', id, login: `sa-1-${accounts.get(id)!}`, serverAdmin: false, role: accountRoles.get(id) ?? 'Viewer' } : null;
    }
    if (header.startsWith('Basic ')) {
      const [login, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
      for (const [id, info] of userInfo) if (users.get(id) === login && info.password === rest.join(':')) return { kind: 'user', id, login: login!, ...info };
    }
    return null;
  };

  /** Everything created through the API, as `kind id`, and everything deleted. */
  const created: string[] = [];
  const deleted: string[] = [];
  const make = <K>(kind: Kind, map: Map<K, string>, id: K, name: string) => {
    map.set(id, name);
    created.push(`${kind} ${String(id)}`);
  };
  const remove = <K>(res: ServerResponse, kind: Kind, map: Map<K, string>, id: K) => {
    if (options.refuseDelete?.(kind, String(id))) return sendJson(res, 500, { message: 'fake refuses to delete' });
    if (!map.delete(id)) return sendJson(res, 404, { message: 'not found' });
    deleted.push(`${kind} ${String(id)}`);
    return sendJson(res, 200, { message: 'deleted' });
  };
  const list = <K>(map: Map<K, string>, key: 'login' | 'name') => [...map].map(([id, name]) => ({ id, [key]: name }));
  const roleOf = (userId: number) => userInfo.get(userId)?.role ?? 'Viewer';
  const taken = <K>(map: Map<K, string>, name: unknown) => [...map.values()].includes(String(name));

  const lost = new Set(options.lostAnswers ?? []);
  const server = await startTestServer(async (req, res) => {
    const url = new URL(req.url, 'http://fake');
    const path = url.pathname;
    const route = `${req.method} ${path}`;
    let delay = Number(options.onRequest?.(req) ?? 0);
    for (const [prefix, ms] of Object.entries(options.delays ?? {})) if (route.startsWith(prefix)) delay += ms;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    // What reaches the org itself or its existing members is recorded, answered or not.
    const orgHeader = req.headers['x-grafana-org-id'];
    const inMainOrg = orgHeader === undefined || orgHeader === '1';
    const memberWrite = /^(PATCH|DELETE) \/api\/org\/users\/(\d+)$/.exec(route);
    if (inMainOrg && (/^(PUT|PATCH|POST|DELETE) \/api\/org(\/address|\/preferences)?$/.test(route) || (memberWrite && existingMembers.has(Number(memberWrite[2]))))) orgWrites.push(route);
    const fault = options.fault?.(req);
    if (fault === 'hang') return;
    if (fault === 'reset') {
      res.socket?.destroy();
      return;
    }
    if (typeof fault === 'number') return sendJson(res, fault, { message: 'the fake failed on purpose' });
    if (fault === 'after-reset') {
      const socket = res.socket;
      res = { writeHead: () => res, end: () => socket?.destroy() } as unknown as ServerResponse;
    }
    if (lost.delete(route)) res = UNANSWERED;
    let body: Record<string, unknown>;
    try {
      body = (req.body ? JSON.parse(req.body) : {}) as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { message: 'bad request data' });
    }
    let m: RegExpExecArray | null;
    if (route === 'GET /api/health') return sendJson(res, 200, { commit: 'fake', database: 'ok', version: '11.5.0' });
    const orgId = Number(orgHeader ?? 1);
    // Accepting an invitation needs no sign-in.
    if (route === 'POST /api/user/invite/complete' && options.makesInvitations) {
      const invite = invites.find((i) => i.code === body.inviteCode);
      if (!invite) return sendJson(res, 404, { message: 'Invite not found' });
      if (!invite.pending) return sendJson(res, 412, { message: 'Invite cannot be used in status Completed' });
      invite.pending = false;
      const id = nextId++;
      make('user', users, id, String(body.username));
      return sendJson(res, 200, { message: 'User created and logged in', id });
    }
    const caller = callerOf(req);
    if (!caller) return sendJson(res, 401, { message: 'Unauthorized' });
    if (identities) {
      if (SERVER_ADMIN_ROUTE.test(path) && !(caller.kind === 'user' && caller.serverAdmin)) return sendJson(res, 403, { message: 'Permission denied' });
      const admin = caller.role === 'Admin' || caller.serverAdmin;
      if (!admin && req.method !== 'GET' && !path.startsWith('/api/user')) return sendJson(res, 403, { message: 'You\'ll need additional permissions to perform this action.' });
      if (!admin && req.method === 'GET' && ADMIN_READ.test(path)) return sendJson(res, 403, { message: 'You\'ll need additional permissions to perform this action.' });
      if (!inMainOrg && !(caller.kind === 'user' && caller.serverAdmin)) return sendJson(res, 401, { message: 'Unauthorized' });
    }
    if (route === 'GET /api/user') {
      // A service account's answer has its typed id as `uid` and no numeric id (Grafana 11+).
      return caller.kind === 'serviceAccount'
        ? sendJson(res, 200, { id: 0, uid: `service-account:${caller.id}`, login: caller.login, email: '', name: caller.login, isGrafanaAdmin: false, orgId: 1 })
        : sendJson(res, 200, { id: caller.id, login: caller.login, email: `${caller.login}@localhost`, name: caller.login, theme: '', isGrafanaAdmin: caller.serverAdmin });
    }
    if (route === 'GET /api/user/orgs') {
      return caller.kind === 'serviceAccount' ? sendJson(res, 403, { message: 'endpoint only available for users' }) : sendJson(res, 200, [{ orgId: 1, name: orgs.get(1), role: caller.role }]);
    }
    if (route === 'GET /api/users/search') return sendJson(res, 200, { totalCount: users.size, users: list(users, 'login'), page: 1, perPage: 500 });
    if (route === 'GET /api/orgs') return sendJson(res, 200, url.searchParams.get('page') === '0' ? list(orgs, 'name') : []);
    if (route === 'GET /api/teams/search') return sendJson(res, 200, { totalCount: teams.size, teams: list(teams, 'name'), page: 1, perPage: 500 });
    if (route === 'GET /api/serviceaccounts/search') {
      const serviceAccounts = [...accounts].map(([id, name]) => ({ id, name, login: `sa-1-${name}`, role: accountRoles.get(id) ?? 'Viewer' }));
      return sendJson(res, 200, { totalCount: accounts.size, serviceAccounts, page: 1, perPage: 500 });
    }
    if (route === 'GET /api/org') return sendJson(res, 200, { id: 1, name: orgs.get(1), address: { address1: '', address2: '', city: '', zipCode: '', state: '', country: '' } });
    if (route === 'GET /api/org/users') return sendJson(res, 200, [...users].map(([userId, login]) => ({ orgId: 1, userId, login, email: `${login}@x`, role: roleOf(userId) })));
    if (route === 'GET /api/org/preferences' || route === 'GET /api/user/preferences') return sendJson(res, 200, { theme: '' });
    if (route === 'GET /api/org/invites') return sendJson(res, 200, invites.filter((i) => i.orgId === orgId && i.pending).map(({ code, email }) => ({ code, email })));
    if (route === 'GET /api/users/lookup') {
      const found = [...users].find(([, login]) => login === url.searchParams.get('loginOrEmail'));
      return found ? sendJson(res, 200, { id: found[0], login: found[1], email: 'x@x', name: '', isGrafanaAdmin: false }) : sendJson(res, 404, { message: 'user not found' });
    }
    if (route === 'GET /api/org/quotas' || /^GET \/api\/admin\/users\/\d+\/quotas$/.test(route)) return sendJson(res, 403, { message: 'Quotas not enabled' });
    // Creates refuse what Grafana refuses (a taken name, no title), so that error cases make nothing.
    if (route === 'POST /api/admin/users' && (taken(users, body.login) || !body.password)) return sendJson(res, taken(users, body.login) ? 412 : 400, { message: 'refused by the fake' });
    if (route === 'POST /api/orgs' && taken(orgs, body.name)) return sendJson(res, 409, { message: 'Organization name taken' });
    if (route === 'POST /api/teams' && taken(teams, body.name)) return sendJson(res, 409, { message: 'Team name taken' });
    if (route === 'POST /api/serviceaccounts' && taken(accounts, body.name)) return sendJson(res, 400, { message: 'service account already exists' });
    const dashboard = body.dashboard as { title?: string; uid?: string } | undefined;
    if (route === 'POST /api/dashboards/db' && (!dashboard?.title || (dashboard.uid && dashboards.has(dashboard.uid)))) return sendJson(res, dashboard?.title ? 412 : 400, { message: 'refused by the fake' });
    if (route === 'POST /api/admin/users') {
      const id = nextId++;
      make('user', users, id, String(body.login));
      userInfo.set(id, { password: String(body.password), serverAdmin: false, role: 'Viewer' });
      return sendJson(res, 200, { id, message: 'User created' });
    }
    if ((m = /^GET \/api\/users\/(\d+)$/.exec(route)) && users.has(Number(m[1]))) return sendJson(res, 200, { id: Number(m[1]), uid: `uid${m[1]}`, login: users.get(Number(m[1])), email: 'x@x', name: '', isGrafanaAdmin: false });
    if (route === 'POST /api/orgs') {
      const orgId = nextId++;
      make('org', orgs, orgId, String(body.name));
      return sendJson(res, 200, { orgId, message: 'Organization created' });
    }
    if (/^POST \/api\/orgs\/\d+\/users$/.test(route)) return sendJson(res, 200, { message: 'User added to organization', userId: 1 });
    // Invitations are kept with makesInvitations, and in the main org with `identities` (an org
    // admin's run makes one there, and revokes it); otherwise refused.
    if (route === 'POST /api/org/invites' && (options.makesInvitations || (identities && inMainOrg))) {
      const code = `code${nextId++}`;
      invites.push({ orgId, code, email: String(body.loginOrEmail), pending: true });
      if (inMainOrg) created.push(`invite ${code}`);
      return sendJson(res, 200, { message: `Created invite for ${String(body.loginOrEmail)}` });
    }
    if (route === 'POST /api/org/invites') return sendJson(res, 412, { message: 'the fake makes no invitations' });
    if ((m = /^PATCH \/api\/org\/invites\/([^/]+)\/revoke$/.exec(route))) {
      const invite = invites.find((i) => i.code === m![1] && i.orgId === orgId && i.pending);
      if (!invite) return sendJson(res, 404, { message: 'Invite not found' });
      if (options.refuseDelete?.('invite', invite.code)) return sendJson(res, 500, { message: 'fake refuses to revoke' });
      invite.pending = false;
      deleted.push(`invite ${invite.code}`);
      return sendJson(res, 200, { message: 'Invite revoked' });
    }
    if (route === 'POST /api/teams') {
      const teamId = nextId++;
      make('team', teams, teamId, String(body.name));
      return sendJson(res, 200, { teamId, message: 'Team created' });
    }
    if (/^POST \/api\/teams\/\d+\/members$/.test(route)) return sendJson(res, 200, { message: 'Member added to Team' });
    if (route === 'POST /api/dashboards/db') {
      const id = nextId++;
      const uid = dashboard?.uid ?? `dash${id}`;
      make('dashboard', dashboards, uid, String(dashboard?.title));
      return sendJson(res, 200, { id, uid, url: `/d/${uid}`, status: 'success', version: 1, slug: 'x' });
    }
    if (route === 'POST /api/serviceaccounts') {
      const id = nextId++;
      make('serviceAccount', accounts, id, String(body.name));
      accountRoles.set(id, (body.role as FakeRole | undefined) ?? 'Viewer');
      return sendJson(res, 201, { id, name: body.name, login: `sa-1-${String(body.name)}`, orgId: 1, isDisabled: false, role: body.role, tokens: 0, avatarUrl: '' });
    }
    if ((m = /^POST \/api\/serviceaccounts\/(\d+)\/tokens$/.exec(route))) {
      const id = nextId++;
      const key = `glsa_fake_token_${id}_value`;
      tokens.set(key, Number(m[1]));
      return sendJson(res, 200, { id, name: body.name, key });
    }
    if ((m = /^DELETE \/api\/admin\/users\/(\d+)$/.exec(route))) return remove(res, 'user', users, Number(m[1]));
    if ((m = /^DELETE \/api\/orgs\/(\d+)$/.exec(route))) return remove(res, 'org', orgs, Number(m[1]));
    if ((m = /^DELETE \/api\/teams\/(\d+)$/.exec(route))) return remove(res, 'team', teams, Number(m[1]));
    if ((m = /^DELETE \/api\/dashboards\/uid\/([^/]+)$/.exec(route))) return remove(res, 'dashboard', dashboards, m[1]!);
    if ((m = /^DELETE \/api\/serviceaccounts\/(\d+)$/.exec(route))) return remove(res, 'serviceAccount', accounts, Number(m[1]));
    return sendJson(res, 418, { message: 'not implemented by the fake' });
  });
  return {
    ...server,
    created,
    deleted,
    orgWrites,
    /** What was created through the API and is still there. */
    remaining: () => created.filter((c) => !deleted.includes(c)),
    /** How a report must name each thing still there: its id, a dashboard's uid, an invitation's email. */
    remainingNames: () => created.filter((c) => !deleted.includes(c)).map((c) => {
      const [kind, key] = c.split(' ') as [Kind, string];
      return kind === 'invite' ? invites.find((i) => i.code === key)?.email ?? key : key;
    }),
    /** Someone else's work on the shared server: adds a user directly. */
    addUserDirectly: (login: string) => users.set(nextId++, login),
  };
}
