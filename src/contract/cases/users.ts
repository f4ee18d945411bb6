import { isEmptyList, countsNothing, messageIs, type OperationCases, SCHEMA_INVALID_BODY, REQUIRED_FIELD_BEFORE_8_4 } from './define.js';

// Server-wide user administration (/api/users, /api/admin/users) and organizations by ID
// (/api/orgs). Server-admin operations also get derived "plain user -> 403" and "service account
// token -> 403" cases (src/contract/cases/index.ts).

// The spec types user ids as integers so that every client generator sends a number; the UID
// that Grafana 11.4+ also accepts can only be sent to a real server (the mock validates the type).
const UID_ON_REAL_SERVERS = 'a UID on an integer-typed path parameter: the mock rejects it by the spec, real servers (11.4+) accept it';

export const usersCases: OperationCases[] = [
  {
    operationId: 'searchUsers',
    ok: { as: 'admin', request: () => ({ query: { perpage: 10, page: 1, sort: 'login-asc,email-asc' } }), status: 200, example: 'twoUsers' },
    errors: [
      { what: 'unknown sort option', as: 'admin', request: () => ({ query: { sort: 'favourite-asc' } }), status: 400, example: 'unknownSortingOption' },
    ],
  },
  {
    operationId: 'searchUsersWithPaging',
    ok: { as: 'admin', request: ({ fixtures }) => ({ query: { perpage: 10, page: 1, query: fixtures.user.login } }), status: 200, example: 'twoUsers' },
    errors: [
      { what: 'query that matches nothing', as: 'admin', request: () => ({ query: { query: 'no-user-has-this-login-0000' } }), status: 200, example: 'noMatch', checks: [countsNothing] },
    ],
  },
  {
    operationId: 'getUserById',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.user.id } }), status: 200, example: 'plainUser' },
    errors: [
      { what: 'unknown id', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 404, example: 'userNotFound', checks: [messageIs('user not found')] },
      { what: 'unknown UID', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.uid } }), status: 404, example: 'userUidNotFound', checks: [messageIs('User not found')],
        targets: ['url'], targetsReason: UID_ON_REAL_SERVERS,
        versions: { range: '>=11.4.0', otherwise: { status: 400, example: 'idInvalid' }, note: 'user UIDs are accepted from Grafana 11.4' } },
    ],
  },
  {
    operationId: 'getUserByLoginOrEmail',
    ok: { as: 'admin', request: ({ fixtures }) => ({ query: { loginOrEmail: fixtures.user.email } }), status: 200, example: 'withUid' },
    errors: [
      { what: 'login that matches nothing', as: 'admin', request: () => ({ query: { loginOrEmail: 'no-user-has-this-login-0000' } }), status: 404, example: 'userNotFound', checks: [messageIs('user not found')] },
    ],
  },
  {
    operationId: 'updateUser',
    exampleOverrides: ({ fixtures }) => ({ login: fixtures.member.login, email: fixtures.member.email }),
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id }, body: { login: fixtures.member.login, email: fixtures.member.email, name: 'Contract Test Member' } }), status: 200, example: 'userUpdated', checks: [messageIs('User updated')] },
    errors: [
      { what: 'neither login nor email', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id }, body: { name: 'No login' } }), status: 400, example: 'needUsernameOrEmail' },
      { what: 'login of another user', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id }, body: { login: fixtures.user.login } }), status: 409, example: 'loginConflict' },
      { what: 'unknown id (server quirk: 500)', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId }, body: { login: 'nobody-0000' } }), status: 500, example: 'unknownUserId' },
    ],
  },
  {
    operationId: 'getUserOrgList',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.user.id } }), status: 200, example: 'twoOrgs' },
    errors: [
      { what: 'unknown id gives an empty list', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 200, example: 'unknownUser', checks: [isEmptyList] },
    ],
  },
  {
    operationId: 'getUserTeams',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.user.id } }), status: 200, example: 'oneTeam' },
  },
  {
    operationId: 'updateUserActiveOrg',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { userId: fixtures.user.id, orgId: fixtures.mainOrg.id } }), status: 200, example: 'activeOrgChanged', checks: [messageIs('Active organization changed')] },
    errors: [
      { what: 'org the user is not a member of', as: 'admin', request: ({ fixtures }) => ({ path: { userId: fixtures.user.id, orgId: fixtures.unknown.orgId } }), status: 401, example: 'notAValidOrganization', checks: [messageIs('Not a valid organization')] },
    ],
  },
  {
    operationId: 'adminCreateUser',
    ok: { as: 'admin', request: () => ({ body: { login: 'contract-created', email: 'contract-created@example.com', password: 'a-long-Pa55word' } }), status: 200, example: 'userCreated', targets: ['mock'], targetsReason: 'on a real server users are created by the fixtures, which check this answer' },
    errors: [
      { what: 'login already taken', as: 'admin', request: ({ fixtures }) => ({ body: { login: fixtures.user.login, email: fixtures.user.email, password: 'a-long-Pa55word' } }), status: 412, example: 'userAlreadyExists' },
      { what: 'no password', as: 'admin', request: () => ({ body: { login: 'no-password' } }), status: 400, example: 'badRequestData', ...SCHEMA_INVALID_BODY, versions: REQUIRED_FIELD_BEFORE_8_4 },
    ],
  },
  {
    operationId: 'adminDeleteUser',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id } }), status: 200, example: 'userDeleted', targets: ['mock'], targetsReason: 'on a real server the fixtures delete their users, which checks this answer' },
    errors: [{ what: 'unknown id', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 404, example: 'userNotFound' }],
  },
  {
    operationId: 'adminUpdateUserPassword',
    exampleOverrides: ({ fixtures }) => ({ password: fixtures.user.password }),
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.user.id }, body: { password: fixtures.user.password } }), status: 200, example: 'userPasswordUpdated', checks: [messageIs('User password updated')] },
    errors: [{ what: 'unknown UID', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.uid }, body: { password: 'a-long-Pa55word' } }), status: 404, example: 'userUidNotFound', targets: ['url'], targetsReason: UID_ON_REAL_SERVERS,
      versions: { range: '>=11.4.0', otherwise: { status: 400, example: 'idInvalid' }, note: 'user UIDs are accepted from Grafana 11.4' } }],
  },
  {
    operationId: 'adminUpdateUserPermissions',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id }, body: { isGrafanaAdmin: false } }), status: 200, example: 'userPermissionsUpdated', checks: [messageIs('User permissions updated')] },
    errors: [{ what: 'flag of the wrong type', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id }, body: { isGrafanaAdmin: 'yes' } }), status: 400, example: 'badRequestData' }],
  },
  {
    operationId: 'createOrg',
    ok: { as: 'admin', request: () => ({ body: { name: 'Contract test org' } }), status: 200, example: 'orgCreated', targets: ['mock'], targetsReason: 'on a real server the second org is created by the fixtures, which check this answer' },
    errors: [{ what: 'name already taken', as: 'admin', request: ({ fixtures }) => ({ body: { name: fixtures.mainOrg.name } }), status: 409, example: 'orgNameTaken' }],
  },
  {
    operationId: 'searchOrgs',
    ok: { as: 'admin', request: () => ({ query: { perpage: 1000 } }), status: 200, example: 'twoOrgs' },
    errors: [
      { what: 'name that matches nothing', as: 'admin', request: () => ({ query: { name: 'no-org-has-this-name-0000' } }), status: 200, example: 'noMatch', checks: [isEmptyList] },
    ],
  },
  {
    operationId: 'getOrgById',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { orgId: fixtures.secondOrg.id } }), status: 200, example: 'staging' },
    errors: [{ what: 'unknown org', as: 'admin', request: ({ fixtures }) => ({ path: { orgId: fixtures.unknown.orgId } }), status: 404, example: 'orgNotFound' }],
  },
  {
    operationId: 'deleteOrgById',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { orgId: fixtures.secondOrg.id } }), status: 200, example: 'orgDeleted', targets: ['mock'], targetsReason: 'on a real server the fixtures delete their org, which checks this answer' },
    errors: [{ what: 'unknown org', as: 'admin', request: ({ fixtures }) => ({ path: { orgId: fixtures.unknown.orgId } }), status: 404, example: 'orgNotFound' }],
  },
  {
    operationId: 'addOrgUser',
    exampleOverrides: { mockOnly: 'on a real server the success case already added this user (409)' },
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { orgId: fixtures.secondOrg.id }, body: { loginOrEmail: fixtures.member.login, role: 'Viewer' } }), status: 200, example: 'userAdded' },
    errors: [
      { what: 'already a member', as: 'admin', request: ({ fixtures }) => ({ path: { orgId: fixtures.secondOrg.id }, body: { loginOrEmail: fixtures.user.login, role: 'Viewer' } }), status: 409, example: 'alreadyMember' },
      { what: 'unknown login', as: 'admin', request: ({ fixtures }) => ({ path: { orgId: fixtures.secondOrg.id }, body: { loginOrEmail: 'no-user-has-this-login-0000', role: 'Viewer' } }), status: 404, example: 'userNotFound' },
    ],
  },
];
