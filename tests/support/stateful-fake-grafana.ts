import type { ServerResponse } from 'node:http';
import { sendJson, startTestServer, type RecordedRequest } from './http-server.js';

/**
 * A FAKE Grafana that keeps state: users, orgs, teams, dashboards and service accounts can be
 * created, listed and deleted, so that tests can check the CLI's set-up and clean-up (what it
 * creates, what it deletes, how it reacts to a signal or to other people's changes). It answers
 * the few routes the set-up and the before/after check use, and 418 to everything else; it is
 * not evidence of Grafana's behaviour.
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
  /** Keep invitations (per org, from X-Grafana-Org-Id) and let one be accepted, which creates a user; otherwise 412. */
  makesInvitations?: boolean;
}

/** Stands in for the response of a request whose answer is lost: the work is done, nothing is sent. */
const UNANSWERED = { writeHead: () => UNANSWERED, end: () => UNANSWERED } as unknown as ServerResponse;

export type Kind = 'user' | 'org' | 'team' | 'dashboard' | 'serviceAccount';

export async function startStatefulFakeGrafana(options: StatefulFakeOptions = {}) {
  let nextId = 100;
  const users = new Map<number, string>([[1, 'admin']]);
  const orgs = new Map<number, string>([[1, 'Main Org.']]);
  const teams = new Map<number, string>();
  const dashboards = new Map<string, string>();
  const accounts = new Map<number, string>();
  const invites: Array<{ orgId: number; code: string; email: string; pending: boolean }> = [];
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

  const lost = new Set(options.lostAnswers ?? []);
  const server = await startTestServer(async (req, res) => {
    const url = new URL(req.url, 'http://fake');
    const path = url.pathname;
    const route = `${req.method} ${path}`;
    let delay = Number(options.onRequest?.(req) ?? 0);
    for (const [prefix, ms] of Object.entries(options.delays ?? {})) if (route.startsWith(prefix)) delay += ms;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    if (lost.delete(route)) res = UNANSWERED;
    const body = (req.body ? JSON.parse(req.body) : {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    if (route === 'GET /api/health') return sendJson(res, 200, { commit: 'fake', database: 'ok', version: '11.5.0' });
    if (route === 'GET /api/user') return sendJson(res, 200, { id: 1, login: 'admin', email: 'admin@localhost', name: 'admin', theme: '', isGrafanaAdmin: true });
    if (route === 'GET /api/users/search') return sendJson(res, 200, { totalCount: users.size, users: list(users, 'login'), page: 1, perPage: 500 });
    if (route === 'GET /api/orgs') return sendJson(res, 200, url.searchParams.get('page') === '0' ? list(orgs, 'name') : []);
    if (route === 'GET /api/teams/search') return sendJson(res, 200, { totalCount: teams.size, teams: list(teams, 'name'), page: 1, perPage: 500 });
    if (route === 'GET /api/serviceaccounts/search') return sendJson(res, 200, { totalCount: accounts.size, serviceAccounts: list(accounts, 'name'), page: 1, perPage: 500 });
    if (route === 'GET /api/org') return sendJson(res, 200, { id: 1, name: orgs.get(1), address: { address1: '', address2: '', city: '', zipCode: '', state: '', country: '' } });
    if (route === 'GET /api/org/users') return sendJson(res, 200, [...users].map(([userId, login]) => ({ orgId: 1, userId, login, email: `${login}@x`, role: userId === 1 ? 'Admin' : 'Viewer' })));
    if (route === 'GET /api/org/preferences' || route === 'GET /api/user/preferences') return sendJson(res, 200, { theme: '' });
    const orgId = Number(req.headers['x-grafana-org-id'] ?? 1);
    if (route === 'GET /api/org/invites') return sendJson(res, 200, invites.filter((i) => i.orgId === orgId && i.pending).map(({ code, email }) => ({ code, email })));
    if (route === 'GET /api/users/lookup') {
      const found = [...users].find(([, login]) => login === url.searchParams.get('loginOrEmail'));
      return found ? sendJson(res, 200, { id: found[0], login: found[1], email: 'x@x', name: '', isGrafanaAdmin: false }) : sendJson(res, 404, { message: 'user not found' });
    }
    if (route === 'POST /api/user/invite/complete' && options.makesInvitations) {
      const invite = invites.find((i) => i.code === body.inviteCode);
      if (!invite) return sendJson(res, 404, { message: 'Invite not found' });
      if (!invite.pending) return sendJson(res, 412, { message: 'Invite cannot be used in status Completed' });
      invite.pending = false;
      const id = nextId++;
      make('user', users, id, String(body.username));
      return sendJson(res, 200, { message: 'User created and logged in', id });
    }
    if (route === 'GET /api/org/quotas' || /^GET \/api\/admin\/users\/\d+\/quotas$/.test(route)) return sendJson(res, 403, { message: 'Quotas not enabled' });
    if (route === 'POST /api/admin/users') {
      const id = nextId++;
      make('user', users, id, String(body.login));
      return sendJson(res, 200, { id, message: 'User created' });
    }
    if ((m = /^GET \/api\/users\/(\d+)$/.exec(route)) && users.has(Number(m[1]))) return sendJson(res, 200, { id: Number(m[1]), uid: `uid${m[1]}`, login: users.get(Number(m[1])), email: 'x@x', name: '', isGrafanaAdmin: false });
    if (route === 'POST /api/orgs') {
      const orgId = nextId++;
      make('org', orgs, orgId, String(body.name));
      return sendJson(res, 200, { orgId, message: 'Organization created' });
    }
    if (/^POST \/api\/orgs\/\d+\/users$/.test(route)) return sendJson(res, 200, { message: 'User added to organization', userId: 1 });
    if (route === 'POST /api/org/invites' && options.makesInvitations) {
      invites.push({ orgId, code: `code${nextId++}`, email: String(body.loginOrEmail), pending: true });
      return sendJson(res, 200, { message: `Created invite for ${String(body.loginOrEmail)}` });
    }
    if (route === 'POST /api/org/invites') return sendJson(res, 412, { message: 'the fake makes no invitations' });
    if (route === 'POST /api/teams') {
      const teamId = nextId++;
      make('team', teams, teamId, String(body.name));
      return sendJson(res, 200, { teamId, message: 'Team created' });
    }
    if (/^POST \/api\/teams\/\d+\/members$/.test(route)) return sendJson(res, 200, { message: 'Member added to Team' });
    if (route === 'POST /api/dashboards/db') {
      const id = nextId++;
      make('dashboard', dashboards, `dash${id}`, String((body.dashboard as { title?: string }).title));
      return sendJson(res, 200, { id, uid: `dash${id}`, url: `/d/dash${id}`, status: 'success', version: 1, slug: 'x' });
    }
    if (route === 'POST /api/serviceaccounts') {
      const id = nextId++;
      make('serviceAccount', accounts, id, String(body.name));
      return sendJson(res, 201, { id, name: body.name, login: `sa-${String(body.name)}`, orgId: 1, isDisabled: false, role: body.role, tokens: 0, avatarUrl: '' });
    }
    if (/^POST \/api\/serviceaccounts\/\d+\/tokens$/.test(route)) return sendJson(res, 200, { id: nextId++, name: body.name, key: 'glsa_fake_token_value' });
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
    /** What was created through the API and is still there. */
    remaining: () => created.filter((c) => !deleted.includes(c)),
    /** Someone else's work on the shared server: adds a user directly. */
    addUserDirectly: (login: string) => users.set(nextId++, login),
  };
}
