import { messageIs, type OperationCases, type Requirement } from './define.js';

const emailVerificationRoute: Requirement = ({ fixtures }) => (fixtures.server.emailVerificationRoute ? undefined : 'POST /api/user/email/start-verify is not registered on this server (it needs `[smtp] enabled` and `[user] verify_email_enabled`)');
const noEmailVerificationRoute: Requirement = ({ fixtures }) => (fixtures.server.emailVerificationRoute ? 'this server registers POST /api/user/email/start-verify (SMTP and email verification on)' : undefined);
const tokenRotationRoute: Requirement = ({ fixtures }) => (fixtures.server.tokenRotationRoute ? undefined : 'POST /api/user/auth-tokens/rotate is not registered on this server (before 9.5.0, or the clientTokenRotation toggle off, its default until 10.2.2)');
const noTokenRotationRoute: Requirement = ({ fixtures }) => (fixtures.server.tokenRotationRoute ? 'this server registers POST /api/user/auth-tokens/rotate' : undefined);

const ROUTE_ABSENT = 'the answer of a server without this route; the mock has every route of the spec';

// /api/user/*: the signed-in user. Cases sign in as the fixture's plain user so that what they
// change (password, active org, stars) is thrown away with it.
export const signedInUserCases: OperationCases[] = [
  {
    operationId: 'getSignedInUser',
    ok: {
      as: 'user', status: 200, example: 'plainUser',
      checks: [(body, { fixtures }) => ((body as { login?: string }).login === fixtures.user.login ? undefined : 'profile is not the signed-in user')],
    },
    errors: [{ what: 'wrong password', as: 'wrongPassword', status: 401, example: 'invalidCredentials', checks: [messageIs('Invalid username or password')] }],
  },
  {
    operationId: 'updateSignedInUser',
    exampleOverrides: ({ fixtures }) => ({ login: fixtures.user.login, email: fixtures.user.email }),
    ok: { as: 'user', request: ({ fixtures }) => ({ body: { login: fixtures.user.login, name: 'Contract Test User', theme: 'light' } }), status: 200, example: 'userUpdated', checks: [messageIs('User updated')] },
    errors: [
      { what: 'neither login nor email', as: 'user', request: () => ({ body: { name: 'No login' } }), status: 400, example: 'needUsernameOrEmail', checks: [messageIs('Need to specify either username or email')] },
      { what: 'login of another user', as: 'user', request: ({ fixtures }) => ({ body: { login: fixtures.member.login } }), status: 409, example: 'loginConflict' },
    ],
  },
  {
    operationId: 'changeUserPassword',
    exampleOverrides: ({ fixtures }) => ({ oldPassword: fixtures.user.password, newPassword: fixtures.user.password }),
    ok: { as: 'user', request: ({ fixtures }) => ({ body: { oldPassword: fixtures.user.password, newPassword: fixtures.user.password } }), status: 200, example: 'passwordChanged', checks: [messageIs('User password changed')] },
    errors: [
      { what: 'wrong old password', as: 'user', request: () => ({ body: { oldPassword: 'not-the-password', newPassword: 'another-Pa55word' } }), status: 400, example: 'invalidOldPassword', checks: [messageIs('Invalid old password')],
        versions: { range: '>=11.3.0', otherwise: { status: 401, example: 'invalidOldPasswordLegacy' }, note: 'before Grafana 11.3 a wrong old password answered 401' } },
    ],
  },
  {
    operationId: 'userSetUsingOrg',
    ok: { as: 'user', request: ({ fixtures }) => ({ path: { orgId: fixtures.mainOrg.id } }), status: 200, example: 'activeOrgChanged', checks: [messageIs('Active organization changed')] },
    errors: [
      { what: 'org the user is not a member of', as: 'user', request: ({ fixtures }) => ({ path: { orgId: fixtures.unknown.orgId } }), status: 401, example: 'notAValidOrganization', checks: [messageIs('Not a valid organization')] },
    ],
  },
  { operationId: 'getSignedInUserOrgList', ok: { as: 'user', status: 200, example: 'twoOrgs' } },
  { operationId: 'getSignedInUserTeamList', ok: { as: 'user', status: 200, example: 'oneTeam' } },
  {
    operationId: 'getStars',
    ok: { as: 'user', status: 200, example: 'twoStars' },
  },
  {
    operationId: 'starDashboard',
    ok: { as: 'user', request: ({ fixtures }) => ({ path: { dashboardId: fixtures.dashboard.id } }), status: 200, example: 'dashboardStarred' },
    errors: [{ what: 'id zero', as: 'user', request: () => ({ path: { dashboardId: 0 } }), status: 400, example: 'missingDashboardId' }],
  },
  {
    operationId: 'unstarDashboard',
    ok: { as: 'user', request: ({ fixtures }) => ({ path: { dashboardId: fixtures.dashboard.id } }), status: 200, example: 'dashboardUnstarred' },
    errors: [{ what: 'id zero', as: 'user', request: () => ({ path: { dashboardId: 0 } }), status: 400, example: 'missingDashboardId' }],
  },
  {
    operationId: 'starDashboardByUid',
    ok: { as: 'user', request: ({ fixtures }) => ({ path: { dashboardUid: fixtures.dashboard.uid } }), status: 200, example: 'dashboardStarred', checks: [messageIs('Dashboard starred!')] },
    errors: [{ what: 'unknown dashboard', as: 'user', request: ({ fixtures }) => ({ path: { dashboardUid: fixtures.unknown.uid } }), status: 404, example: 'dashboardNotFound' }],
  },
  {
    operationId: 'unstarDashboardByUid',
    ok: { as: 'user', request: ({ fixtures }) => ({ path: { dashboardUid: fixtures.dashboard.uid } }), status: 200, example: 'dashboardUnstarred', checks: [messageIs('Dashboard unstarred')] },
  },
  {
    operationId: 'getUserAuthTokens',
    ok: { as: 'user', status: 200, example: 'basicAuthOnly' },
    errors: [{ what: 'service account token', as: 'token', status: 403, example: 'entityNotAllowed' }],
  },
  {
    operationId: 'startEmailVerification',
    requires: emailVerificationRoute,
    // A user's verification would email the user's address: the success case is the mock's only.
    ok: { as: 'user', status: 200, example: 'emailSent', targets: ['mock'], targetsReason: 'a real server would email the user: a live run never makes Grafana send an email' },
    errors: [
      { what: 'service account token (400, nothing sent)', as: 'token', status: 400, example: 'onlyUsers', checks: [messageIs('Only users can verify their email')] },
      { what: 'route not registered (SMTP or email verification off, the default)', as: 'user', status: 404, example: 'notFound', requires: noEmailVerificationRoute, targets: ['url', 'local'], targetsReason: ROUTE_ABSENT },
    ],
  },
  {
    operationId: 'rotateUserAuthToken',
    requires: tokenRotationRoute,
    ok: { as: 'user', status: 200, example: 'rotated', targets: ['mock'], targetsReason: 'needs a browser session cookie, which a conformance run does not have' },
    errors: [
      // Older versions may answer without a trace ID: the message is checked, not the example's keys.
      { what: 'basic auth, no session cookie', as: 'user', status: 401, checks: [messageIs('Unauthorized')] },
      { what: 'no credentials', as: 'none', status: 401, checks: [messageIs('Unauthorized')] },
      { what: 'route not registered (the clientTokenRotation toggle off)', as: 'user', status: 404, example: 'notFound', requires: noTokenRotationRoute, targets: ['url', 'local'], targetsReason: ROUTE_ABSENT },
    ],
  },
  {
    operationId: 'setHomeDashboard',
    // The plain user's own preferences, thrown away with the user.
    exampleOverrides: ({ fixtures }) => ({ homeDashboardId: fixtures.dashboard.id }),
    ok: { as: 'user', request: ({ fixtures }) => ({ body: { homeDashboardId: fixtures.dashboard.id } }), status: 200, example: 'homeDashboardSet', checks: [messageIs('Home dashboard set')] },
    errors: [{ what: 'malformed body', as: 'user', request: () => ({ body: '{"homeDashboardId":' }), status: 400, example: 'badRequestData', targets: ['url', 'local'], targetsReason: 'malformed JSON: the mock refuses it by the spec, a real server answers' }],
  },
  {
    operationId: 'revokeUserAuthToken',
    // A basic-auth user has no sessions, so the success case can only be replayed by the mock.
    ok: { as: 'user', request: () => ({ body: { authTokenId: 364 } }), status: 200, example: 'revoked', targets: ['mock'], targetsReason: 'needs a browser session of the user to revoke' },
    errors: [
      { what: 'unknown token', as: 'user', request: ({ fixtures }) => ({ body: { authTokenId: fixtures.unknown.authTokenId } }), status: 404, example: 'tokenNotFound', checks: [messageIs('User auth token not found')] },
      { what: 'service account token', as: 'token', request: () => ({ body: { authTokenId: 1 } }), status: 403, example: 'entityNotAllowed' },
    ],
  },
];
