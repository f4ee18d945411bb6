import { messageIs, type OperationCases } from './define.js';

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
    versions: { range: '<12.2.0', otherwise: { status: 404, example: 'notFound' }, note: 'the numeric-id star routes were removed in Grafana 12.2 (PR #110499)' },
    ok: { as: 'user', request: ({ fixtures }) => ({ path: { dashboardId: fixtures.dashboard.id } }), status: 200, example: 'dashboardStarred' },
    errors: [{ what: 'id zero', as: 'user', request: () => ({ path: { dashboardId: 0 } }), status: 400, example: 'missingDashboardId' }],
  },
  {
    operationId: 'unstarDashboard',
    versions: { range: '<12.2.0', otherwise: { status: 404, example: 'notFound' }, note: 'the numeric-id star routes were removed in Grafana 12.2 (PR #110499)' },
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
    operationId: 'revokeUserAuthToken',
    // A basic-auth user has no sessions, so the success case can only be replayed by the mock.
    ok: { as: 'user', request: () => ({ body: { authTokenId: 364 } }), status: 200, example: 'revoked', targets: ['mock'], targetsReason: 'needs a browser session of the user to revoke' },
    errors: [
      { what: 'unknown token', as: 'user', request: ({ fixtures }) => ({ body: { authTokenId: fixtures.unknown.authTokenId } }), status: 404, example: 'tokenNotFound', checks: [messageIs('User auth token not found')] },
      { what: 'service account token', as: 'token', request: () => ({ body: { authTokenId: 1 } }), status: 403, example: 'entityNotAllowed' },
    ],
  },
];
