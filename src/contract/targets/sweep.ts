import type { GrafanaClient } from '../../client.js';
import { deleteCreated } from '../fixtures/live.js';
import type { ServerSnapshot } from './snapshot.js';

/** An entry `<id> <login or name>` by its id. */
const byId = (remove: (api: GrafanaClient, id: number) => Promise<{ response: Response }>) => (api: GrafanaClient, entry: string) => {
  const id = Number(/^(\d+) /.exec(entry)?.[1]);
  return Number.isSafeInteger(id) ? remove(api, id) : undefined;
};

/** The snapshot lists a create can leave an entry in without the run learning its id, in the order they are deleted. */
const SWEPT: ReadonlyArray<readonly [keyof ServerSnapshot, (api: GrafanaClient, entry: string) => Promise<{ response: Response }> | undefined]> = [
  ['serviceAccounts', byId(deleteCreated.serviceAccount)],
  ['teams', byId(deleteCreated.team)],
  // An invitation's entry is `<email> <code>`: revoked by its code.
  ['mainOrgInvites', (api, entry) => (/ (\S+)$/.exec(entry) ? deleteCreated.invite(api, / (\S+)$/.exec(entry)![1]!) : undefined)],
  ['orgs', byId(deleteCreated.org)],
  ['users', byId(deleteCreated.user)],
];

/**
 * Deletes what the run created but never learnt the id of: a create whose answer was lost (a
 * timeout, a reset) may still have happened on the server. Such an entry appeared during the run
 * and its name carries the run's unique prefix (`gac-<hex>`), so nothing else can match. Snapshot
 * entries are `<id> <login or name>` (invitations: `<email> <code>`). Returns what it deleted, as `kind entry`.
 */
export async function sweepRunLeftovers(api: GrafanaClient, before: ServerSnapshot, after: ServerSnapshot, prefix: string): Promise<string[]> {
  const deleted: string[] = [];
  for (const [kind, remove] of SWEPT) {
    for (const entry of after[kind]) {
      if (before[kind].includes(entry) || !entry.includes(prefix)) continue;
      try {
        const answer = await remove(api, entry);
        if (answer?.response.ok) deleted.push(`${kind} ${entry}`);
      } catch {
        // Still there: the after-check reports it as left behind.
      }
    }
  }
  return deleted;
}
