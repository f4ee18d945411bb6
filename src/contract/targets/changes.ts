import type { CaseResult } from '../types.js';
import type { ServerSnapshot } from './snapshot.js';

/**
 * Tells the run's own traces on a shared server from other people's work. An entry that differs
 * between the before and after snapshots is the run's own when it contains the run's name prefix
 * (`gac-<hex>`, which every fixture carries), or when it is part of the main org's state that a
 * case of this run wrote to (for example the org's preferences after a `PUT /api/org/preferences`
 * case). The run fails on its own; the rest was changed by someone else during the run, and is
 * reported without failing the run.
 */
export interface AttributedChanges {
  /** What the run left behind or changed: the run fails. */
  ours: string[];
  /** What someone else changed during the run: reported only. */
  others: string[];
}

/** Main-org state each kind of write changes (path templates of the spec). */
const STATE_WRITES: Array<[RegExp, Array<keyof ServerSnapshot>]> = [
  [/^\/api\/org(\/address)?$|^\/api\/orgs\/\{orgId\}(\/address)?$/, ['mainOrg', 'orgs']],
  [/^\/api\/org\/preferences$/, ['mainOrgPreferences']],
  [/^\/api\/org\/quotas|^\/api\/orgs\/\{orgId\}\/quotas/, ['mainOrgQuotas']],
  [/^\/api\/org\/invites/, ['mainOrgInvites']],
  [/^\/api\/user\/preferences$/, ['adminPreferences']],
  [/^\/api\/admin\/users\/\{id\}\/quotas/, ['adminQuotas']],
];

/** The kinds of main-org state that the run's cases wrote to: every non-GET case that was sent. */
export function stateWrittenBy(ran: readonly CaseResult[]): Set<keyof ServerSnapshot> {
  const written = new Set<keyof ServerSnapshot>();
  for (const r of ran) {
    if (r.method === 'GET' || r.outcome === 'skip') continue;
    for (const [path, kinds] of STATE_WRITES) if (path.test(r.path)) kinds.forEach((k) => written.add(k));
  }
  return written;
}

/** Sorts what differs between two snapshots into the run's own changes and other people's. */
export function attributeChanges(before: ServerSnapshot, after: ServerSnapshot, run: { prefix: string; written: ReadonlySet<keyof ServerSnapshot> }): AttributedChanges {
  const ours: string[] = [];
  const others: string[] = [];
  for (const key of Object.keys(before) as Array<keyof ServerSnapshot>) {
    const isOurs = (entry: string) => entry.includes(run.prefix) || run.written.has(key);
    for (const [verb, entries] of [['added', after[key].filter((x) => !before[key].includes(x))], ['removed', before[key].filter((x) => !after[key].includes(x))]] as const) {
      const own = entries.filter(isOurs);
      const foreign = entries.filter((e) => !isOurs(e));
      if (own.length) ours.push(`${key} ${verb} by the run: ${own.join(', ')}`);
      if (foreign.length) others.push(`${key} ${verb} by someone else: ${foreign.join(', ')}`);
    }
  }
  return { ours, others };
}
