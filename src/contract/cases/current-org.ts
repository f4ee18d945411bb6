import { inSecondOrg, inWritableOrg, isEmptyList, messageIs, type OperationCases, SCHEMA_INVALID_BODY, REQUIRED_FIELD_BEFORE_8_4 } from './define.js';

// /api/org*: the current organization (the caller's active org, or X-Grafana-Org-Id).
export const currentOrgCases: OperationCases[] = [
  {
    operationId: 'getCurrentOrg',
    ok: { as: 'admin', status: 200, example: 'mainOrg' },
    errors: [
      { what: 'service account token (Admin role)', as: 'token', status: 200, example: 'mainOrg' },
      { what: 'org header of an org the caller is not in', as: 'user', request: ({ fixtures }) => ({ headers: { 'X-Grafana-Org-Id': String(fixtures.unknown.orgId) } }), status: 401, needsFixtureUser: true },
    ],
  },
  {
    operationId: 'updateCurrentOrg',
    exampleOverrides: ({ fixtures }) => ({ name: fixtures.writableOrg.name }),
    // Renames the org the run may write to (its second org; the current org only with
    // --allow-org-writes) to its own name, so that it keeps its name.
    ok: { as: 'admin', request: (ctx) => ({ headers: inWritableOrg(ctx), body: { name: ctx.fixtures.writableOrg.name } }), status: 200, example: 'organizationUpdated', checks: [messageIs('Organization updated')] },
    errors: [
      { what: 'empty name', as: 'admin', request: (ctx) => ({ headers: inWritableOrg(ctx), body: { name: '' } }), status: 400, example: 'badRequestData', ...SCHEMA_INVALID_BODY, versions: REQUIRED_FIELD_BEFORE_8_4 },
      { what: 'name of another org (400, not 409)', as: 'admin', request: (ctx) => ({ headers: inSecondOrg(ctx), body: { name: ctx.fixtures.mainOrg.name } }), status: 400, example: 'nameTaken', checks: [messageIs('Organization name taken')] },
      { what: 'plain user (Viewer)', as: 'user', request: (ctx) => ({ headers: inWritableOrg(ctx), body: { name: 'Not allowed' } }), status: 403, example: 'missingOrgsWrite' },
    ],
  },
  {
    operationId: 'getOrgUsersForCurrentOrg',
    ok: { as: 'admin', status: 200, example: 'members' },
    errors: [{ what: 'plain user (Viewer)', as: 'user', status: 403, example: 'missingOrgUsersRead' }],
  },
  {
    operationId: 'addOrgUserToCurrentOrg',
    ok: { as: 'admin', request: ({ fixtures }) => ({ body: { loginOrEmail: fixtures.member.login, role: 'Viewer' } }), status: 200, example: 'userAdded', targets: ['mock'], targetsReason: 'the fixtures add their users to the main org, which checks this answer' },
    errors: [
      { what: 'already a member', as: 'admin', request: ({ fixtures }) => ({ body: { loginOrEmail: fixtures.user.login, role: 'Viewer' } }), status: 409, example: 'alreadyMember', checks: [(body, { fixtures }) => ((body as { userId?: number }).userId === fixtures.user.id ? undefined : 'expected the member\'s userId in the 409 body')] },
      { what: 'unknown login', as: 'admin', request: () => ({ body: { loginOrEmail: 'no-user-has-this-login-0000', role: 'Viewer' } }), status: 404, example: 'userNotFound' },
      { what: 'invalid role', as: 'admin', request: ({ fixtures }) => ({ body: { loginOrEmail: fixtures.member.login, role: 'Owner' } }), status: 400, example: 'badRequestData', ...SCHEMA_INVALID_BODY },
    ],
  },
  {
    operationId: 'getOrgUsersForCurrentOrgLookup',
    ok: { as: 'admin', request: ({ fixtures }) => ({ query: { query: fixtures.user.login, limit: 10 } }), status: 200, example: 'members' },
    errors: [
      { what: 'query that matches nothing', as: 'admin', request: () => ({ query: { query: 'no-user-has-this-login-0000' } }), status: 200, example: 'noMatch', checks: [isEmptyList] },
      { what: 'plain user (Viewer)', as: 'user', status: 403, example: 'noneOfThePermissions' },
    ],
  },
  {
    operationId: 'updateOrgUserForCurrentOrg',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { userId: fixtures.member.id }, body: { role: 'Editor' } }), status: 200, example: 'orgUserUpdated', checks: [messageIs('Organization user updated')] },
    errors: [
      { what: 'invalid role', as: 'admin', request: ({ fixtures }) => ({ path: { userId: fixtures.member.id }, body: { role: 'Owner' } }), status: 400, example: 'badRequestData', ...SCHEMA_INVALID_BODY },
      { what: 'unknown user (server quirk: 500)', as: 'admin', request: ({ fixtures }) => ({ path: { userId: fixtures.unknown.userId }, body: { role: 'Viewer' } }), status: 500, example: 'notAMember' },
    ],
  },
  {
    operationId: 'removeOrgUserForCurrentOrg',
    // The spare user is also in the second org, so it is removed from the main org, not deleted.
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { userId: fixtures.spare.id } }), status: 200, example: 'userRemoved', checks: [messageIs('User removed from organization')] },
    errors: [
      { what: 'unknown user (server quirk: 500)', as: 'admin', request: ({ fixtures }) => ({ path: { userId: fixtures.unknown.userId } }), status: 500, example: 'unknownUser' },
      { what: 'plain user (Viewer)', as: 'user', request: ({ fixtures }) => ({ path: { userId: fixtures.spare.id } }), status: 403, example: 'missingOrgUsersRemove' },
    ],
  },
];
