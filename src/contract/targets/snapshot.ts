import type { GrafanaClient } from '../../client.js';
import { UsageError } from '../../errors.js';

/**
 * What a server holds that a run could leave behind or change: users, orgs, the main org's teams
 * and service accounts (read on every page), and the main org's name and address, members and
 * their roles, preferences, quotas and pending invites, and the admin's own preferences and
 * quotas. Each kind is a sorted list of one-line entries.
 */
export interface ServerSnapshot {
  users: string[];
  orgs: string[];
  teams: string[];
  serviceAccounts: string[];
  mainOrg: string[];
  mainOrgMembers: string[];
  mainOrgPreferences: string[];
  mainOrgQuotas: string[];
  mainOrgInvites: string[];
  adminPreferences: string[];
  adminQuotas: string[];
}

const PAGE = 500;
/** A bound on the pages read per list, so that a server that ignores paging cannot loop us. */
const MAX_PAGES = 200;

interface Listed { data?: unknown; response: Response }

function failed(what: string, response: Response): never {
  throw new Error(`cannot list ${what} for the before/after check (HTTP ${response.status}): the run needs an Admin of the organization (or a server administrator).`);
}

function otherShape(what: string, response: Response): never {
  throw new UsageError(`GET ${response.url} answered JSON of another shape (no list of ${what}): is this Grafana's URL, and its API not rewritten by a proxy?`);
}

/** Reads every page of a paged list; `page` is the page number the server expects first. */
async function allPages<T>(what: string, firstPage: number, read: (page: number) => Promise<Listed>, items: (data: never) => T[]): Promise<T[]> {
  const all: T[] = [];
  for (let i = 0; i < MAX_PAGES; i++) {
    const { data, response } = await read(firstPage + i);
    if (data === undefined) failed(what, response);
    const page = items(data as never);
    if (!Array.isArray(page)) otherShape(what, response);
    all.push(...page);
    if (page.length < PAGE) return all;
  }
  throw new Error(`cannot list ${what} for the before/after check: more than ${MAX_PAGES} pages of ${PAGE}.`);
}

const names = (items: Array<{ id?: number; login?: string; name?: string }>) => items.map((i) => `${i.id ?? '?'} ${i.login ?? i.name ?? ''}`).sort();
/** One line per top-level field, so a change names the field. */
const fields = (value: unknown) => Object.entries((value ?? {}) as Record<string, unknown>).map(([k, v]) => `${k}=${JSON.stringify(v)}`).sort();

/** A read that may be refused by the server's configuration (quotas off): the refusal is the state. */
async function optional(read: Promise<Listed>, toLines: (data: never) => string[]): Promise<string[]> {
  const { data, response } = await read;
  return data === undefined ? [`not readable: HTTP ${response.status}`] : toLines(data as never);
}

/**
 * Reads everything the before/after check compares, with GET requests only: for a server
 * administrator (`server`) the server's users and orgs too; for an org admin (`org`) only what it
 * may read, the current org's teams, service accounts, members and settings.
 */
export async function takeSnapshot(client: GrafanaClient, scope: 'server' | 'org' = 'server'): Promise<ServerSnapshot> {
  const api = retryingReads(client);
  const me = await api.GET('/api/user');
  if (!me.data) failed('the signed-in user', me.response);
  const adminId = me.data.id ?? failed('the signed-in user\'s id', me.response);
  const server = scope === 'server';
  const users = server ? await allPages('users', 1, (page) => api.GET('/api/users/search', { params: { query: { perpage: PAGE, page } } }), (d: { users: Array<{ id: number; login: string }> }) => d.users) : [];
  // /api/orgs counts pages from 0 (a server quirk).
  const orgs = server ? await allPages('orgs', 0, (page) => api.GET('/api/orgs', { params: { query: { perpage: PAGE, page } } }), (d: Array<{ id: number; name: string }>) => d) : [];
  const teams = await allPages('teams', 1, (page) => api.GET('/api/teams/search', { params: { query: { perpage: PAGE, page } } }), (d: { teams: Array<{ id: number; name: string }> }) => d.teams);
  const accounts = await allPages('service accounts', 1, (page) => api.GET('/api/serviceaccounts/search', { params: { query: { perpage: PAGE, page } } }), (d: { serviceAccounts: Array<{ id: number; name: string }> }) => d.serviceAccounts);
  const org = await api.GET('/api/org');
  if (!org.data) failed('the current org', org.response);
  const members = await api.GET('/api/org/users');
  if (!members.data) failed('the org members', members.response);
  if (!Array.isArray(members.data)) otherShape('org members', members.response);
  return {
    users: names(users),
    orgs: names(orgs),
    teams: names(teams),
    serviceAccounts: names(accounts),
    mainOrg: fields(org.data),
    mainOrgMembers: members.data.map((m) => `${m.userId} ${m.login} ${m.role}`).sort(),
    mainOrgPreferences: await optional(api.GET('/api/org/preferences'), fields),
    mainOrgQuotas: await optional(api.GET('/api/org/quotas'), (d: Array<{ target: string; limit: number }>) => d.map((q) => `${q.target}=${q.limit}`).sort()),
    mainOrgInvites: await optional(api.GET('/api/org/invites'), (d: Array<{ code?: string; email?: string }>) => d.map((i) => `${i.email ?? ''} ${i.code ?? ''}`).sort()),
    adminPreferences: await optional(api.GET('/api/user/preferences'), fields),
    adminQuotas: server ? await optional(api.GET('/api/admin/users/{id}/quotas', { params: { path: { id: adminId } } }), (d: Array<{ target: string; limit: number }>) => d.map((q) => `${q.target}=${q.limit}`).sort()) : [],
  };
}

/** How often the check tries a read when the server fails (5xx, no answer): a GET is safe to repeat. */
const READ_ATTEMPTS = 3;

/** The client's GET, each read tried again when the server fails, so that one failure does not lose the check. */
function retryingReads(api: GrafanaClient): Pick<GrafanaClient, 'GET'> {
  const get = api.GET as unknown as (...args: unknown[]) => Promise<{ response: Response }>;
  const GET = async (...args: unknown[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await get(...args);
        if (result.response.status < 500 || attempt >= READ_ATTEMPTS) return result;
      } catch (err) {
        if (attempt >= READ_ATTEMPTS) throw err;
      }
    }
  };
  return { GET: GET as unknown as GrafanaClient['GET'] };
}

/** Lines saying what differs between two snapshots; empty when nothing does. */
export function compareSnapshots(before: ServerSnapshot, after: ServerSnapshot): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(before) as Array<keyof ServerSnapshot>) {
    const added = after[key].filter((x) => !before[key].includes(x));
    const removed = before[key].filter((x) => !after[key].includes(x));
    if (added.length) problems.push(`${key} added by the run: ${added.join(', ')}`);
    if (removed.length) problems.push(`${key} removed by the run: ${removed.join(', ')}`);
  }
  return problems;
}
