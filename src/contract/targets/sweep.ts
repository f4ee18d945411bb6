import type { GrafanaClient } from '../../client.js';
import type { ServerSnapshot } from './snapshot.js';

/** The kinds a create can leave without the run learning its id, in the order they are deleted. */
const SWEPT = ['serviceAccounts', 'teams', 'orgs', 'users'] as const;

/**
 * Deletes what the run created but never learnt the id of: a create whose answer was lost (a
 * timeout, a reset) may still have happened on the server. Such an entry appeared during the run
 * and its name carries the run's unique prefix (`gac-<hex>`), so nothing else can match. Snapshot
 * entries are `<id> <login or name>`. Returns what it deleted, as `kind id name`.
 */
export async function sweepRunLeftovers(api: GrafanaClient, before: ServerSnapshot, after: ServerSnapshot, prefix: string): Promise<string[]> {
  const deleted: string[] = [];
  for (const kind of SWEPT) {
    for (const entry of after[kind]) {
      if (before[kind].includes(entry) || !entry.includes(prefix)) continue;
      const id = Number(/^(\d+) /.exec(entry)?.[1]);
      if (!Number.isSafeInteger(id)) continue;
      const path = { params: { path: { id } } };
      try {
        const { response } = await (kind === 'serviceAccounts' ? api.DELETE('/api/serviceaccounts/{id}', path)
          : kind === 'teams' ? api.DELETE('/api/teams/{id}', path)
            : kind === 'orgs' ? api.DELETE('/api/orgs/{orgId}', { params: { path: { orgId: id } } })
              : api.DELETE('/api/admin/users/{id}', path));
        if (response.ok) deleted.push(`${kind} ${entry}`);
      } catch {
        // Still there: the after-check reports it as left behind.
      }
    }
  }
  return deleted;
}
