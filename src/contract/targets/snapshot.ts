import type { GrafanaClient } from '../../client.js';

/** What a server holds that a run could leave behind: users, orgs, teams and service accounts. */
export interface ServerSnapshot {
  users: string[];
  orgs: string[];
  teams: string[];
  serviceAccounts: string[];
}

const PAGE = 1000;

/**
 * Reads the server's users, orgs, and the current org's teams and service accounts through the
 * spec's list operations (GET requests only). Each entry is `id name`, sorted.
 */
export async function takeSnapshot(api: GrafanaClient): Promise<ServerSnapshot> {
  const users = await api.GET('/api/users/search', { params: { query: { perpage: PAGE, page: 1 } } });
  // /api/orgs counts pages from 0 (a server quirk), so leave `page` out.
  const orgs = await api.GET('/api/orgs', { params: { query: { perpage: PAGE } } });
  const teams = await api.GET('/api/teams/search', { params: { query: { perpage: PAGE, page: 1 } } });
  const accounts = await api.GET('/api/serviceaccounts/search', { params: { query: { perpage: PAGE, page: 1 } } });
  const fail = (what: string, response: Response) => {
    throw new Error(`cannot list ${what} for the before/after check (HTTP ${response.status}): the run needs a server administrator.`);
  };
  if (!users.data) fail('users', users.response);
  if (!orgs.data) fail('orgs', orgs.response);
  if (!teams.data) fail('teams', teams.response);
  if (!accounts.data) fail('service accounts', accounts.response);
  const names = (items: Array<{ id?: number; login?: string; name?: string }>) => items.map((i) => `${i.id ?? '?'} ${i.login ?? i.name ?? ''}`).sort();
  return {
    users: names(users.data!.users),
    orgs: names(orgs.data!),
    teams: names(teams.data!.teams),
    serviceAccounts: names(accounts.data!.serviceAccounts),
  };
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
