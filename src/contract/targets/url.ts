import { authorizationHeader, type GrafanaAuth } from '../../auth.js';
import type { StartedTarget } from './mock.js';
import { probeGrafana } from './probe.js';
import { UsageError } from '../../errors.js';
import { createLiveFixtures, describeLeftover, type Leftover } from '../fixtures/live.js';
import { detectReadOnlySettings } from '../fixtures/server-settings.js';
import { STATIC_FIXTURES } from '../fixtures/static.js';
import { createGrafanaClient, type GrafanaClient } from '../../client.js';
import type { Fixtures, Skip } from '../types.js';
import { takeSnapshot, type ServerSnapshot } from './snapshot.js';
import { randomBytes } from 'node:crypto';
import { expectJson } from './answer.js';
import { attributeChanges, stateWrittenBy } from './changes.js';
import { sweepRunLeftovers } from './sweep.js';
import type { CloseReport } from './mock.js';
import type { CaseResult } from '../types.js';
import { RunInterrupted } from '../../errors.js';
import { canAdministerOrg, describeCaller, detectCaller, type Caller } from './caller.js';
import { plainUser, NEEDS_ORG_ADMIN, NEEDS_SERVER_ADMIN, NEEDS_USER, type Cast } from '../cast.js';
import { withUnavailable, type Unavailable } from '../fixtures/availability.js';

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
import { clientConnection, connectionTransport, type Connection } from './connection.js';

export interface UrlTargetOptions {
  baseUrl: string;
  auth: GrafanaAuth;
  timeoutMs: number;
  /** Read-only runs create nothing: cases only read, with the static fixtures' IDs. */
  readOnly: boolean;
  /** Let cases write to the current org itself (name, address, preferences) and write back what they read. */
  allowOrgWrites?: boolean;
  /** TLS settings, extra headers and org for every request. */
  connection?: Connection;
  /** Aborted when the run is told to stop: no more fixtures are created, and what was is removed. */
  signal?: AbortSignal;
}

/** A started URL target, with who the run signed in as. */
export interface StartedUrlTarget extends StartedTarget {
  caller: Caller;
  identity: string;
}

const NO_SECOND_ORG: Skip = { ...NEEDS_SERVER_ADMIN, reason: `needs a second organization, which only a server administrator can create: ${NEEDS_SERVER_ADMIN.reason.replace(/^needs a Grafana server administrator: /, '')}` };
const orgWritesSkip = (org: Caller['org']): Skip => ({
  kind: 'needs-allow-org-writes',
  reason: `writes to the organization ${org.id} "${org.name}" itself (name, address, preferences): run with --allow-org-writes to let the run write back what it read`,
});

/**
 * An existing Grafana at a URL. It must answer as a Grafana and accept the credentials. The run
 * makes what its caller may make (everything for a server administrator; teams, a dashboard,
 * service accounts and an invitation for an org admin; nothing for anyone else), and `close()`
 * removes it.
 */
export async function startUrlTarget(options: UrlTargetOptions): Promise<StartedUrlTarget> {
  const transport = connectionTransport(options.connection);
  const grafanaVersion = await probeGrafana(options.baseUrl, options.timeoutMs, transport);
  const caller = await detectCaller(options.baseUrl, options.auth, options.timeoutMs, transport);
  const api = createGrafanaClient({ baseUrl: options.baseUrl, auth: caller.auth, timeoutMs: options.timeoutMs, ...clientConnection(options.connection) });
  api.use(expectJson);
  const orgAdmin = canAdministerOrg(caller);
  const makes = options.readOnly ? 'nothing' : caller.serverAdmin ? 'server' : orgAdmin ? 'org' : 'nothing';
  // The prefix of everything the run creates: what carries it after the clean-up is the run's own.
  const run = `gac-${randomBytes(4).toString('hex')}`;
  // What the server holds before the run; compared after the clean-up. Only what the caller may
  // read: the server-wide lists for a server admin, the org's own for an org admin. A run that
  // makes nothing may go without.
  let before: ServerSnapshot | null = null;
  try {
    before = await takeSnapshot(api, caller.serverAdmin ? 'server' : 'org');
  } catch (err) {
    if (makes !== 'nothing') throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  let fixtures: Fixtures;
  let viewerToken: string | null = null;
  let settingsUnknown: Skip | undefined;
  let cleanup = async (): Promise<Leftover[]> => [];
  const scope = caller.serverAdmin ? 'server' : 'org';
  /** Removes what the run created, then compares the server with the before snapshot. */
  const finish = async (ran: readonly CaseResult[] = []): Promise<CloseReport> => {
    const failed = await cleanup();
    if (!before) return { leftovers: failed.map(describeLeftover), changedByOthers: [] };
    let after: ServerSnapshot;
    try {
      after = await takeSnapshot(api, scope);
      if ((await sweepRunLeftovers(api, before, after, run)).length) after = await takeSnapshot(api, scope);
    } catch (err) {
      // Without the check, what the run may have made without learning of it is unknown: say so.
      return { leftovers: [...failed.map(describeLeftover), `the check after the clean-up failed (${messageOf(err)}): look for names starting with "${run}"`], changedByOthers: [] };
    }
    // A removal that failed and was then swept by the prefix is gone; the check names the rest.
    const stillThere = failed.filter((f) => !goneFrom(after, f));
    const changes = attributeChanges(before, after, { prefix: run, written: stateWrittenBy(ran) });
    return { leftovers: [...stillThere.map(describeLeftover), ...changes.ours], changedByOthers: changes.others };
  };
  // The current org is the one the cases write to only with --allow-org-writes, where the run has no org of its own.
  const current = makes !== 'server' && !options.readOnly && options.allowOrgWrites ? await readCurrentOrg(api, caller) : null;
  if (makes === 'nothing') {
    const quotasEnabled = (await api.GET('/api/org/quotas')).response.status === 200;
    // Only GET requests find out settings here: the others need fixtures (see fixtures/server-settings.ts).
    const server = await detectReadOnlySettings(api, STATIC_FIXTURES.team.id);
    fixtures = callerOnlyFixtures(caller, quotasEnabled, server, current && !('kind' in current) ? current : null);
  } else {
    try {
      const live = await createLiveFixtures(options.baseUrl, caller.auth, options.timeoutMs, clientConnection(options.connection), { run, signal: options.signal }, makes);
      cleanup = live.cleanup;
      viewerToken = live.viewerToken;
      settingsUnknown = live.settingsUnknown;
      fixtures = current && !('kind' in current) ? { ...live.fixtures, writableOrg: current } : live.fixtures;
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
  const unavailable = unavailableFixtures(caller, makes, options.readOnly, current && 'kind' in current ? current : options.allowOrgWrites ? undefined : orgWritesSkip(caller.org), settingsUnknown);
  let closed = false;
  return {
    caller,
    identity: describeCaller(caller),
    secrets: makes === 'nothing' ? [] : [...(makes === 'server' ? [fixtures.user.password] : []), fixtures.serviceAccount.token, ...(viewerToken ? [viewerToken] : [])],
    target: {
      kind: 'url',
      baseUrl: options.baseUrl,
      grafanaVersion,
      fixtures: withUnavailable(fixtures, unavailable),
      placeholders: withUnavailable({ ...fixtures, ...placeholdersFor(fixtures, unavailable) }, unavailable.writableOrg ? { writableOrg: unavailable.writableOrg } : {}),
      cast: castFor(caller, orgAdmin, makes, fixtures, viewerToken, options.readOnly),
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

/** The snapshot list each kind of leftover shows in (dashboards are in none). */
const LISTED_IN: Partial<Record<Leftover['kind'], keyof ServerSnapshot>> = { serviceAccount: 'serviceAccounts', team: 'teams', org: 'orgs', user: 'users', invite: 'mainOrgInvites' };

/** Whether a leftover is no longer on the server, by the after snapshot (unknown kinds: not gone). */
function goneFrom(after: ServerSnapshot, leftover: Leftover): boolean {
  const list = LISTED_IN[leftover.kind];
  if (!list) return false;
  const key = leftover.kind === 'invite' ? ` ${leftover.key}` : `${leftover.key} `;
  return !after[list].some((entry) => (leftover.kind === 'invite' ? entry.endsWith(key) : entry.startsWith(key)));
}

/** Who plays each caller: the run's own credentials, and what the run made. */
function castFor(caller: Caller, orgAdmin: boolean, makes: 'server' | 'org' | 'nothing', fixtures: Fixtures, viewerToken: string | null, readOnly: boolean): Cast {
  const ownToken = 'token' in caller.auth ? { authorization: caller.authorization, admin: orgAdmin } : null;
  const madeToken = makes === 'nothing' ? null : { authorization: authorizationHeader({ token: fixtures.serviceAccount.token }), admin: true };
  return {
    caller: { authorization: caller.authorization, serverAdmin: caller.serverAdmin, orgAdmin },
    user: makes === 'server' ? plainUser(fixtures.user) : null,
    // A caller who is no org admin is a plain member itself, and plays the refusals; read-only runs send no refusals.
    viewer: readOnly ? null : makes === 'org' ? viewerToken && authorizationHeader({ token: viewerToken }) : makes === 'nothing' ? caller.authorization : null,
    // Server-admin operations refuse every token: a token run checks that with its own (read-only too: it makes none).
    token: readOnly ? ownToken : ownToken ?? madeToken,
    readOnly,
  };
}

/** The fixtures this run could not make, with the reason a case that reads one is skipped. */
function unavailableFixtures(caller: Caller, makes: 'server' | 'org' | 'nothing', readOnly: boolean, noOrgWrites: Skip | undefined, settingsUnknown?: Skip): Unavailable {
  if (makes === 'server') return {};
  const noUser = NEEDS_USER;
  const unavailable: Unavailable = { user: noUser, member: noUser, spare: noUser, secondOrg: NO_SECOND_ORG };
  // A read-only run uses the caller as the users' stand-in and its org as the second org (as before).
  if (readOnly) return {};
  if (noOrgWrites) unavailable.writableOrg = noOrgWrites;
  // Accepting an invitation creates a user, which only a server administrator can delete again.
  unavailable.inviteToAccept = { ...NEEDS_SERVER_ADMIN, reason: `accepts an invitation, which creates a user that only a server administrator can delete: ${NEEDS_SERVER_ADMIN.reason.replace(/^needs a Grafana server administrator: /, '')}` };
  if (makes === 'nothing') {
    for (const key of ['team', 'otherTeam', 'dashboard', 'serviceAccount', 'invite'] as const) unavailable[key] = NEEDS_ORG_ADMIN;
    // The settings that only requests with fixtures find out (sign-up, password reset, sessions).
    unavailable.server = { kind: 'needs-server-setting', reason: 'depends on server settings that only a run making fixtures finds out: run as an Admin of the organization' };
  } else if (settingsUnknown) {
    unavailable.server = settingsUnknown;
  }
  return unavailable;
}

/**
 * Values that name nothing on the server, for the fixtures the run could not make: a request the
 * server refuses before reading it (no credentials, not a server admin) may carry them. The org
 * the cases write to is not among them: no write goes to the current org without the flag.
 */
function placeholdersFor(fixtures: Fixtures, unavailable: Unavailable): Partial<Fixtures> {
  const { unknown } = fixtures;
  const nobody = { id: unknown.userId, uid: unknown.uid, login: `nobody-${unknown.uid}`, email: `nobody-${unknown.uid}@example.invalid`, password: 'not-a-password' };
  const values: Partial<Fixtures> = {
    user: nobody, member: nobody, spare: nobody,
    secondOrg: { id: unknown.orgId, name: `no-org-${unknown.uid}` },
    team: { id: unknown.userId, name: `no-team-${unknown.uid}` },
    otherTeam: { id: unknown.userId, name: `no-team-${unknown.uid}` },
    dashboard: { id: unknown.userId, uid: unknown.uid },
    serviceAccount: { id: unknown.userId, token: '', spareTokenId: unknown.authTokenId },
    invite: { code: `no-invite-${unknown.uid}`, email: nobody.email, orgId: unknown.orgId },
  };
  return Object.fromEntries(Object.keys(unavailable).filter((key) => key in values).map((key) => [key, values[key as keyof Fixtures]]));
}

/**
 * With --allow-org-writes: the current org as the org the cases write to, with its address and
 * every preference as read now, so that the cases write them back. When either cannot be read,
 * nothing could be written back: the cases that write are skipped with that reason.
 */
async function readCurrentOrg(api: GrafanaClient, caller: Caller): Promise<Fixtures['writableOrg'] | Skip> {
  const org = await api.GET('/api/org');
  const prefs = await api.GET('/api/org/preferences');
  if (!org.data || !prefs.data) {
    const what = !org.data ? `GET /api/org answered HTTP ${org.response.status}` : `GET /api/org/preferences answered HTTP ${prefs.response.status}`;
    return { kind: 'needs-allow-org-writes', reason: `writes to the organization ${caller.org.id} "${caller.org.name}" itself, and the run could not read what to write back (${what})` };
  }
  const read = (org.data.address ?? {}) as Record<string, unknown>;
  const address: Record<string, string> = {};
  // GET /api/org says zipCode, PUT /api/org/address takes zipcode.
  for (const [from, to] of [['address1', 'address1'], ['address2', 'address2'], ['city', 'city'], ['zipCode', 'zipcode'], ['state', 'state'], ['country', 'country']] as const) {
    if (typeof read[from] === 'string') address[to] = read[from];
  }
  return { id: caller.org.id, name: org.data.name, address, preferences: prefs.data as Record<string, unknown> };
}

/**
 * Fixtures for a run that makes nothing (read-only, or a caller who may not): the caller itself
 * stands in for the users, and its current org for the orgs.
 */
function callerOnlyFixtures(caller: Caller, quotasEnabled: boolean, server: Fixtures['server'], writableOrg: Fixtures['writableOrg'] | null): Fixtures {
  const self = { id: caller.id, uid: '', login: caller.login, email: '', password: '' };
  const mainOrg = caller.org.name === '?' ? STATIC_FIXTURES.mainOrg : caller.org;
  return {
    ...STATIC_FIXTURES,
    admin: { id: self.id, login: self.login },
    user: self,
    member: self,
    spare: self,
    mainOrg,
    secondOrg: mainOrg,
    quotasEnabled,
    invite: { code: '', email: '', orgId: mainOrg.id },
    inviteToAccept: { code: '', email: '', login: '' },
    server,
    writableOrg: writableOrg ?? { ...STATIC_FIXTURES.writableOrg, id: mainOrg.id, name: mainOrg.name },
  };
}
