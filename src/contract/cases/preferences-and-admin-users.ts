import type { CaseContext } from '../types.js';
import { inSecondOrg, inSecondOrgIfAny, inWritableOrg, isEmptyList, messageIs, type CallSpec, type OperationCases } from './define.js';

// Preferences (user, current org, team), the signed-in user's help flags, and the server-admin
// user operations disable/enable/logout/sessions. Every change touches only the run's own
// fixtures: the `user` fixture's own preferences and help flags, the second org's preferences
// (as admin, through X-Grafana-Org-Id), the fixture team's preferences, and the `member`
// fixture (disabled, then enabled again; signed out). Non-GET cases run one at a time in this
// order, so the enable case always follows the disable case.


const NEEDS_SESSION = 'needs a session (auth token) of a fixture user, created by a browser-style login; the fixtures have none yet';
const NEEDS_EXTERNAL_USER = 'needs a user linked to an external authentication module (LDAP, OAuth, auth proxy); the fixtures have none';
const NOT_A_NUMBER_ON_REAL_SERVERS = 'a non-numeric value on an integer-typed path parameter: the mock rejects it by the spec, a real server answers 400';

/** A non-user identity on a help-flag operation: 304 with no body from 11.3, 403 before. */
const nonUserIdentity = (request?: CallSpec['request']): CallSpec & { what: string } => ({
  what: 'service account token (not a user)', as: 'token', request, status: 304,
  versions: { range: '>=11.3.0', otherwise: { status: 403, example: 'endpointOnlyForUsers' }, note: 'non-user identities get 304 from Grafana 11.3, 403 from 10.3 to 11.2' },
});

/**
 * The preferences of the org the run writes to, to send back as read: PUT replaces them all (so
 * every value read goes back), PATCH refuses an empty theme (so an empty value is left out, and
 * a request example's own value for that key with it: `undefined` is not sent).
 */
const putBack = ({ fixtures }: CaseContext) => fixtures.writableOrg.preferences;
const patchBack = ({ fixtures }: CaseContext) =>
  Object.fromEntries(Object.entries(fixtures.writableOrg.preferences).map(([key, value]) => [key, value === '' && key !== 'homeDashboardUID' ? undefined : value]));

const helpFlagsIs = (expected: number) => (body: unknown) => {
  const flags = (body as { helpFlags1?: unknown } | undefined)?.helpFlags1;
  return flags === expected ? undefined : `expected helpFlags1 ${expected}, got ${JSON.stringify(flags)}`;
};

export const preferencesAndAdminUsersCases: OperationCases[] = [
  // --- the signed-in user's preferences (the fixture user's own, in the main org) ---
  {
    operationId: 'getUserPreferences',
    // GETs run before the mutations, so the fresh fixture user has nothing saved yet.
    ok: { as: 'user', status: 200, example: 'notSet' },
  },
  {
    operationId: 'updateUserPreferences',
    ok: { as: 'user', request: () => ({ body: { theme: 'dark', timezone: 'utc', weekStart: 'monday' } }), status: 200, example: 'preferencesUpdated', checks: [messageIs('Preferences updated')] },
    errors: [
      { what: 'unknown theme', as: 'user', request: () => ({ body: { theme: 'no-such-theme' } }), status: 400, example: 'invalidTheme', checks: [messageIs('Invalid theme')] },
      { what: 'unknown home dashboard UID', as: 'user', request: ({ fixtures }) => ({ body: { homeDashboardUID: fixtures.unknown.uid } }), status: 404, example: 'dashboardNotFound', checks: [messageIs('Dashboard not found')] },
      { what: 'wrong JSON type', as: 'user', request: () => ({ body: { theme: 5 } }), status: 400, example: 'badRequestData' },
    ],
  },
  {
    operationId: 'patchUserPreferences',
    ok: { as: 'user', request: () => ({ body: { theme: 'light' } }), status: 200, example: 'preferencesUpdated', checks: [messageIs('Preferences updated')] },
    errors: [
      { what: 'empty theme (PUT accepts it, PATCH does not)', as: 'user', request: () => ({ body: { theme: '' } }), status: 400, example: 'invalidTheme', checks: [messageIs('Invalid theme')] },
      { what: 'unknown home dashboard UID', as: 'user', request: ({ fixtures }) => ({ body: { homeDashboardUID: fixtures.unknown.uid } }), status: 404, example: 'dashboardNotFound' },
      { what: 'wrong JSON type', as: 'user', request: () => ({ body: { timezone: 42 } }), status: 400, example: 'badRequestData' },
    ],
  },

  // --- the current organization's preferences: the org the run may write to, as its Admin ---
  // (the second org; with --allow-org-writes the current org, whose preferences are written back)
  {
    operationId: 'getOrgPreferences',
    ok: { as: 'admin', request: (ctx) => ({ headers: inSecondOrgIfAny(ctx) }), status: 200, example: 'notSet' },
    errors: [
      { what: 'plain user (Viewer)', as: 'user', status: 403, example: 'missingOrgsPreferencesRead' },
      { what: 'org header of an org the caller is not in', as: 'user', request: ({ fixtures }) => ({ headers: { 'X-Grafana-Org-Id': String(fixtures.unknown.orgId) } }), status: 401, needsFixtureUser: true },
    ],
  },
  {
    operationId: 'updateOrgPreferences',
    exampleOverrides: putBack,
    ok: { as: 'admin', request: (ctx) => ({ headers: inWritableOrg(ctx), body: putBack(ctx) }), status: 200, example: 'preferencesUpdated', checks: [messageIs('Preferences updated')] },
    errors: [
      { what: 'plain user (Viewer)', as: 'user', request: (ctx) => ({ headers: inWritableOrg(ctx), body: { theme: 'dark' } }), status: 403, example: 'missingOrgsPreferencesWrite' },
      { what: 'unknown theme', as: 'admin', request: (ctx) => ({ headers: inWritableOrg(ctx), body: { theme: 'no-such-theme' } }), status: 400, example: 'invalidTheme' },
      // The fixture dashboard is in the main org, so in the second org it is unknown.
      { what: 'home dashboard of another org', as: 'admin', request: (ctx) => ({ headers: inSecondOrg(ctx), body: { homeDashboardUID: ctx.fixtures.dashboard.uid } }), status: 404, example: 'dashboardNotFound' },
    ],
  },
  {
    operationId: 'patchOrgPreferences',
    exampleOverrides: patchBack,
    ok: { as: 'admin', request: (ctx) => ({ headers: inWritableOrg(ctx), body: patchBack(ctx) }), status: 200, example: 'preferencesUpdated', checks: [messageIs('Preferences updated')] },
    errors: [
      { what: 'plain user (Viewer)', as: 'user', request: (ctx) => ({ headers: inWritableOrg(ctx), body: { theme: 'dark' } }), status: 403, example: 'missingOrgsPreferencesWrite' },
      { what: 'empty theme', as: 'admin', request: (ctx) => ({ headers: inWritableOrg(ctx), body: { theme: '' } }), status: 400, example: 'invalidTheme' },
    ],
  },

  // --- the fixture team's preferences ---
  {
    operationId: 'getTeamPreferences',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id } }), status: 200, example: 'notSet' },
    errors: [
      { what: 'team member (Viewer) may read', needsFixtureUser: true, as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.team.id } }), status: 200, example: 'notSet' },
      { what: 'plain user on a team they are not in', as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 403, example: 'missingTeamsRead' },
      { what: 'unknown team (server quirk: 200 {})', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 200, example: 'notSet' },
    ],
  },
  {
    operationId: 'updateTeamPreferences',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { weekStart: 'monday' } }), status: 200, example: 'preferencesUpdated', checks: [messageIs('Preferences updated')] },
    errors: [
      { what: 'team member without team admin', needsFixtureUser: true, as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { theme: 'dark' } }), status: 403, example: 'missingTeamsWrite' },
      { what: 'unknown theme', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { theme: 'no-such-theme' } }), status: 400, example: 'invalidTheme' },
      { what: 'unknown home dashboard UID', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { homeDashboardUID: fixtures.unknown.uid } }), status: 404, example: 'dashboardNotFound' },
    ],
  },

  // --- the signed-in user's help flags (the fixture user's own) ---
  {
    operationId: 'setHelpFlag',
    ok: { as: 'user', request: () => ({ path: { flagId: 1 } }), status: 200, example: 'flagSet', checks: [messageIs('Help flag set')] },
    errors: [
      { what: 'flag ID not a number', as: 'user', request: () => ({ path: { flagId: 'abc' } }), status: 400, example: 'idInvalid', targets: ['url', 'local'], targetsReason: NOT_A_NUMBER_ON_REAL_SERVERS },
      nonUserIdentity(() => ({ path: { flagId: 1 } })),
    ],
  },
  {
    operationId: 'clearHelpFlags',
    ok: { as: 'user', status: 200, example: 'flagsCleared', checks: [messageIs('Help flag set'), helpFlagsIs(0)] },
    errors: [nonUserIdentity()],
  },

  // --- server admin: disable, enable, sign out, sessions (the `member` fixture) ---
  {
    operationId: 'adminDisableUser',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id } }), status: 200, example: 'userDisabled', checks: [messageIs('User disabled')] },
    errors: [
      { what: 'unknown id', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 404, example: 'userNotFound', checks: [messageIs('user not found')] },
      { what: 'external user (server quirk: 500)', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id } }), status: 500, example: 'externalUser', targets: ['mock'], targetsReason: NEEDS_EXTERNAL_USER },
    ],
  },
  {
    operationId: 'adminEnableUser',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id } }), status: 200, example: 'userEnabled', checks: [messageIs('User enabled')] },
    errors: [
      { what: 'unknown id', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 404, example: 'userNotFound', checks: [messageIs('user not found')] },
      { what: 'external user (server quirk: 500)', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id } }), status: 500, example: 'externalUser', targets: ['mock'], targetsReason: NEEDS_EXTERNAL_USER },
    ],
  },
  {
    operationId: 'adminLogoutUser',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id } }), status: 200, example: 'userLoggedOut', checks: [messageIs('User logged out')] },
    errors: [
      { what: 'yourself', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.admin.id } }), status: 400, example: 'cannotLogoutYourself', checks: [messageIs('You cannot logout yourself')] },
      { what: 'unknown id', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 404, example: 'userNotFound', checks: [messageIs('User not found')] },
    ],
  },
  {
    operationId: 'adminGetUserAuthTokens',
    // The fixture user only ever used basic authentication: no sessions.
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.user.id } }), status: 200, example: 'basicAuthOnly', checks: [isEmptyList] },
    errors: [
      { what: 'unknown id', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 404, example: 'userNotFound', checks: [messageIs('User not found')] },
    ],
  },
  {
    operationId: 'adminRevokeUserAuthToken',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.user.id }, body: { authTokenId: 364 } }), status: 200, example: 'revoked', targets: ['mock'], targetsReason: NEEDS_SESSION },
    errors: [
      { what: 'unknown session id', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.user.id }, body: { authTokenId: fixtures.unknown.authTokenId } }), status: 404, example: 'tokenNotFound', checks: [messageIs('User auth token not found')] },
      { what: 'unknown user', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId }, body: { authTokenId: fixtures.unknown.authTokenId } }), status: 404, example: 'userNotFound', checks: [messageIs('User not found')] },
      { what: 'token id of the wrong type', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.user.id }, body: { authTokenId: 'x' } }), status: 400, example: 'badRequestData' },
    ],
  },
];
