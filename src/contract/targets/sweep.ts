import type { GrafanaClient } from '../../client.js';
import { deleteCreated } from '../fixtures/live.js';
import type { ServerSnapshot } from './snapshot.js';

/** The snapshot lists a create can leave an entry in without the run learning its id, in the order they are deleted. */
const SWEPT = [
  ['serviceAccounts', deleteCreated.serviceAccount],
  ['teams', deleteCreated.team],
  ['orgs', deleteCreated.org],
  ['users', deleteCreated.user],
] as const;

/**
 * Deletes what the run created but never learnt the id of: a create whose answer was lost (a
 * timeout, a reset) may still have happened on the server. Such an entry appeared during the run
 * and its name carries the run's unique prefix (`gac-<hex>`), so nothing else can match. Snapshot
 * entries are `<id> <login or name>`. Returns what it deleted, as `kind id name`.
 */
export async function sweepRunLeftovers(api: GrafanaClient, before: ServerSnapshot, after: ServerSnapshot, prefix: string): Promise<string[]> {
  const deleted: string[] = [];
  for (const [kind, remove] of SWEPT) {
    for (const entry of after[kind]) {
      if (before[kind].includes(entry) || !entry.includes(prefix)) continue;
      const id = Number(/^(\d+) /.exec(entry)?.[1]);
      if (!Number.isSafeInteger(id)) continue;
      try {
        const { response } = await remove(api, id);
        if (response.ok) deleted.push(`${kind} ${entry}`);
      } catch {
        // Still there: the after-check reports it as left behind.
      }
    }
  }
  return deleted;
}
