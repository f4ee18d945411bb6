import { authorizationFor } from './credentials.js';
import type { StartedTarget } from './mock.js';
import { checkCredentials, probeGrafana } from './probe.js';
import type { GrafanaAuth } from '../../auth.js';
import { UsageError } from '../../errors.js';
import { createLiveFixtures } from '../fixtures/live.js';
import { detectReadOnlySettings } from '../fixtures/server-settings.js';
import { STATIC_FIXTURES } from '../fixtures/static.js';
import { createGrafanaClient } from '../../client.js';
import type { Fixtures } from '../types.js';
import { takeSnapshot, type ServerSnapshot } from './snapshot.js';
import { randomBytes } from 'node:crypto';
import { expectJson } from './answer.js';
import { attributeChanges, stateWrittenBy } from './changes.js';
import { sweepRunLeftovers } from './sweep.js';
import type { CloseReport } from './mock.js';
import type { CaseResult } from '../types.js';
import { RunInterrupted } from '../../errors.js';

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
import { clientConnection, connectionTransport, type Connection } from './connection.js';

export interface UrlTargetOptions {
  baseUrl: string;
  auth: GrafanaAuth;
  timeoutMs: number;
  /** Read-only runs create nothing: cases only read, with the static fixtures' IDs. */
  readOnly: boolean;
  /** TLS settings, extra headers and org for every request. */
  connection?: Connection;
  /** Aborted when the run is told to stop: no more fixtures are created, and what was is removed. */
  signal?: AbortSignal;
}

/**
 * An existing Grafana at a URL. It must answer as a Grafana and accept the credentials. For a
 * full run the fixtures are created on it (basic auth as a server admin is needed for that),
 * and `close()` removes them.
 */
export async function startUrlTarget(options: UrlTargetOptions): Promise<StartedTarget> {
  const transport = connectionTransport(options.connection);
  const grafanaVersion = await probeGrafana(options.baseUrl, options.timeoutMs, transport);
  await checkCredentials(options.baseUrl, options.auth, options.timeoutMs, transport);
  const api = createGrafanaClient({ baseUrl: options.baseUrl, auth: options.auth, timeoutMs: options.timeoutMs, ...clientConnection(options.connection) });
  api.use(expectJson);
  // The prefix of everything the run creates: what carries it after the clean-up is the run's own.
  const run = `gac-${randomBytes(4).toString('hex')}`;
  // What the server holds before the run; compared after the clean-up. A read-only run with a
  // token may not be allowed to list everything: it changes nothing, so it goes without.
  let before: ServerSnapshot | null = null;
  try {
    before = await takeSnapshot(api);
  } catch (err) {
    if (!options.readOnly) throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  let fixtures: Fixtures;
  let cleanup = async (): Promise<string[]> => [];
  /** Removes what the run created, then compares the server with the before snapshot. */
  const finish = async (ran: readonly CaseResult[] = []): Promise<CloseReport> => {
    const leftovers = await cleanup();
    if (!before) return { leftovers, changedByOthers: [] };
    let after = await takeSnapshot(api);
    if ((await sweepRunLeftovers(api, before, after, run)).length) after = await takeSnapshot(api);
    const changes = attributeChanges(before, after, { prefix: run, written: stateWrittenBy(ran) });
    return { leftovers: [...leftovers, ...changes.ours], changedByOthers: changes.others };
  };
  if (options.readOnly) {
    fixtures = await readOnlyFixtures(options);
  } else {
    if ('token' in options.auth) {
      throw new UsageError('a full run creates users and orgs, which needs a server administrator with basic auth: pass --user and --password, or use --read-only with --token.');
    }
    try {
      const live = await createLiveFixtures(options.baseUrl, options.auth, options.timeoutMs, clientConnection(options.connection), { run, signal: options.signal });
      fixtures = live.fixtures;
      cleanup = live.cleanup;
    } catch (err) {
      // The fixtures removed what they had created; the before/after check says whether all went.
      let left: string[];
      try {
        left = (await finish()).leftovers;
      } catch (checkErr) {
        left = [`the check after the clean-up failed: ${messageOf(checkErr)}`];
      }
      if (err instanceof RunInterrupted) throw new RunInterrupted(err.signal, left);
      throw new UsageError(`${messageOf(err)}${left.length ? `; left on the server: ${left.join('; ')}` : ''}`);
    }
  }
  let closed = false;
  return {
    target: {
      kind: 'url',
      baseUrl: options.baseUrl,
      grafanaVersion,
      fixtures,
      authorization: authorizationFor(options.auth, options.readOnly ? null : fixtures),
      concurrentMutations: false,
      fetch: transport.fetch,
      headers: transport.headers,
    },
    async close(ran) {
      if (closed) return { leftovers: [], changedByOthers: [] };
      closed = true;
      return finish(ran);
    },
  };
}

/**
 * Fixtures for a read-only run, which creates nothing: the caller itself stands in for the users,
 * and its current org for the orgs. Cases that sign in as someone else are skipped.
 */
async function readOnlyFixtures(options: UrlTargetOptions): Promise<Fixtures> {
  const api = createGrafanaClient({ baseUrl: options.baseUrl, auth: options.auth, timeoutMs: options.timeoutMs, ...clientConnection(options.connection) });
  api.use(expectJson);
  const me = (await api.GET('/api/user')).data;
  const org = (await api.GET('/api/org')).data;
  const self = { id: me?.id ?? STATIC_FIXTURES.user.id, uid: me?.uid ?? '', login: me?.login ?? '', email: me?.email ?? '', password: '' };
  const mainOrg = org ? { id: org.id, name: org.name } : STATIC_FIXTURES.mainOrg;
  const quotasEnabled = (await api.GET('/api/org/quotas')).response.status === 200;
  const server = await detectReadOnlySettings(api, STATIC_FIXTURES.team.id);
  return { ...STATIC_FIXTURES, admin: { id: self.id, login: self.login }, user: self, member: self, spare: self, mainOrg, secondOrg: mainOrg, quotasEnabled, invite: { code: '', email: '' }, inviteToAccept: { code: '', email: '', login: '' }, server };
}
