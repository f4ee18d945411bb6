import { countsNothing, inInviteOrg, inSecondOrg, inWritableOrg, isEmptyList, messageIs, type CallSpec, type OperationCases, SCHEMA_INVALID_BODY, REQUIRED_FIELD_BEFORE_8_4 } from './define.js';
import type { CaseContext } from '../types.js';

// Organizations by ID and name (/api/orgs/...), the current organization's address, member
// search, quotas and invitations (/api/org/...), and user quotas. On a real server every
// change lands in the fixtures' second org (the run's admin is its only Admin; `user` and `spare`
// are Viewers there), or is a no-op, so the server keeps its own data.

type Requirement = NonNullable<CallSpec['requires']>;

/** Quotas are off in Grafana's default configuration; a quota case holds only for one setting. */
const quotasOn: Requirement = ({ fixtures }) => (fixtures.quotasEnabled ? undefined : 'needs quotas enabled on the server: they are off here (`[quota] enabled = false`, the default); set `[quota] enabled = true` to run it');
const quotasOff: Requirement = ({ fixtures }) => (fixtures.quotasEnabled ? 'needs quotas disabled on the server (Grafana\'s default): they are on here (`[quota] enabled = true`)' : undefined);
const hasInvite: Requirement = ({ fixtures }) => (fixtures.invite.code ? undefined : 'needs an invitation, which the server refused to make for the run (login form disabled?)');
/** The token's org is the main org: the run's invitation must be in another one (which only a server admin can create). */
const inviteInAnotherOrg: Requirement = (ctx) => hasInvite(ctx) ?? (ctx.fixtures.invite.orgId !== ctx.fixtures.mainOrg.id ? undefined
  : { kind: 'needs-server-admin', reason: 'needs an invitation in a second organization, which only a server administrator can create: run with a server administrator\'s --user/--password' });

// The disabled-quota answer can only come from a real server: the mock describes quotas enabled
// (and replays the documented 403 through its own cases).
const REAL_SERVER_SETTING = 'the answer depends on the server\'s [quota] setting; the mock describes quotas enabled';
// A path value outside the spec's enum: the mock rejects it by the spec.
const OUTSIDE_ENUM = 'a quota target outside the spec\'s enum: the mock rejects it by the spec, a real server answers';

/** Runs in the second org, where the run's admin is the only Admin. */
const secondOrg = ({ fixtures }: CaseContext) => ({ orgId: fixtures.secondOrg.id });

/** The list contains the fixture user (by `userId`). */
const listsUser = (body: unknown, { fixtures }: CaseContext) =>
  (body as { userId?: number }[]).some((m) => m.userId === fixtures.user.id) ? undefined : `expected user ${fixtures.user.id} among the members`;

const quotasDisabled = (request: CallSpec['request'], as: CallSpec['as'] = 'admin'): CallSpec & { what: string } => ({
  what: 'quotas disabled (Grafana\'s default configuration)', as, request, status: 403, example: 'quotasDisabled',
  checks: [messageIs('Quotas not enabled')], requires: quotasOff, targets: ['url', 'local'], targetsReason: REAL_SERVER_SETTING,
});

const address = { address1: '1 Example Street', city: 'Stockholm', zipcode: '11122', country: 'Sweden' };

export const orgsAndQuotasCases: OperationCases[] = [
  // --- organizations by ID and name ---
  {
    operationId: 'getOrgByName',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { orgName: fixtures.secondOrg.name } }), status: 200, example: 'staging', checks: [(body, { fixtures }) => ((body as { id?: number }).id === fixtures.secondOrg.id ? undefined : `expected org ${fixtures.secondOrg.id}`)] },
    errors: [{ what: 'unknown name', as: 'admin', request: () => ({ path: { orgName: 'no-org-has-this-name-0000' } }), status: 404, example: 'orgNotFound', checks: [messageIs('Organization not found')] }],
  },
  {
    operationId: 'updateOrg',
    // Renames the second org to its own name; the request example gets that name too.
    exampleOverrides: ({ fixtures }) => ({ name: fixtures.secondOrg.name }),
    ok: { as: 'admin', request: (ctx) => ({ path: secondOrg(ctx), body: { name: ctx.fixtures.secondOrg.name } }), status: 200, example: 'organizationUpdated', checks: [messageIs('Organization updated')] },
    errors: [
      { what: 'name of another org (400, not 409)', as: 'admin', request: (ctx) => ({ path: secondOrg(ctx), body: { name: ctx.fixtures.mainOrg.name } }), status: 400, example: 'nameTaken', checks: [messageIs('Organization name taken')] },
      { what: 'empty name', as: 'admin', request: (ctx) => ({ path: secondOrg(ctx), body: { name: '' } }), status: 400, example: 'badRequestData', ...SCHEMA_INVALID_BODY, versions: REQUIRED_FIELD_BEFORE_8_4 },
      { what: 'Viewer of the org', as: 'user', request: (ctx) => ({ path: secondOrg(ctx), body: { name: 'Not allowed' } }), status: 403, example: 'missingOrgsWrite' },
    ],
  },
  {
    operationId: 'updateOrgAddress',
    ok: { as: 'admin', request: (ctx) => ({ path: secondOrg(ctx), body: address }), status: 200, example: 'addressUpdated', checks: [messageIs('Address updated')] },
    errors: [
      { what: 'field of the wrong type', as: 'admin', request: (ctx) => ({ path: secondOrg(ctx), body: { city: 5 } }), status: 400, example: 'badRequestData' },
      { what: 'Viewer of the org', as: 'user', request: (ctx) => ({ path: secondOrg(ctx), body: address }), status: 403, example: 'missingOrgsWrite' },
    ],
  },
  {
    operationId: 'getOrgUsers',
    ok: { as: 'admin', request: (ctx) => ({ path: secondOrg(ctx) }), status: 200, example: 'members', checks: [listsUser] },
    errors: [
      { what: 'unknown org gives an empty list', as: 'admin', request: ({ fixtures }) => ({ path: { orgId: fixtures.unknown.orgId } }), status: 200, example: 'noMatch', checks: [isEmptyList] },
      { what: 'Viewer of the org', as: 'user', request: (ctx) => ({ path: secondOrg(ctx) }), status: 403, example: 'missingOrgUsersRead' },
    ],
  },
  {
    operationId: 'searchOrgUsers',
    ok: { as: 'admin', request: (ctx) => ({ path: secondOrg(ctx), query: { perpage: 10, page: 1, sort: 'login-asc' } }), status: 200, example: 'twoUsers' },
    errors: [
      { what: 'query that matches nothing', as: 'admin', request: (ctx) => ({ path: secondOrg(ctx), query: { query: 'no-user-has-this-login-0000' } }), status: 200, example: 'noMatch', checks: [countsNothing] },
      { what: 'unknown sort option', as: 'admin', request: (ctx) => ({ path: secondOrg(ctx), query: { sort: 'favourite-asc' } }), status: 400, example: 'unknownSortingOption',
        versions: { range: '>=10.2.0', otherwise: { status: 200 }, note: 'org user search sorts from Grafana 10.2; older versions ignore `sort`' } },
      { what: 'Viewer of the org', as: 'user', request: (ctx) => ({ path: secondOrg(ctx) }), status: 403, example: 'missingOrgUsersRead' },
    ],
  },
  {
    operationId: 'updateOrgUser',
    // `user` keeps the role it has (Viewer); the request example makes it an Editor at the very end.
    ok: { as: 'admin', request: (ctx) => ({ path: { ...secondOrg(ctx), userId: ctx.fixtures.user.id }, body: { role: 'Viewer' } }), status: 200, example: 'orgUserUpdated', checks: [messageIs('Organization user updated')] },
    errors: [
      { what: 'the only Admin would lose the role', as: 'admin', request: (ctx) => ({ path: { ...secondOrg(ctx), userId: ctx.fixtures.admin.id }, body: { role: 'Viewer' } }), status: 400, example: 'lastAdmin', checks: [messageIs('Cannot change role so that there is no organization admin left')] },
      { what: 'not a member (server quirk: 500)', as: 'admin', request: (ctx) => ({ path: { ...secondOrg(ctx), userId: ctx.fixtures.unknown.userId }, body: { role: 'Viewer' } }), status: 500, example: 'notAMember' },
      { what: 'invalid role', as: 'admin', request: (ctx) => ({ path: { ...secondOrg(ctx), userId: ctx.fixtures.user.id }, body: { role: 'Owner' } }), status: 400, example: 'badRequestData', ...SCHEMA_INVALID_BODY },
      { what: 'Viewer of the org', as: 'user', request: (ctx) => ({ path: { ...secondOrg(ctx), userId: ctx.fixtures.spare.id }, body: { role: 'Viewer' } }), status: 403, example: 'missingOrgUsersWrite' },
    ],
  },
  {
    operationId: 'removeOrgUser',
    // `member` joined the second org in the addOrgUser case; it stays in the main org.
    ok: { as: 'admin', request: (ctx) => ({ path: { ...secondOrg(ctx), userId: ctx.fixtures.member.id } }), status: 200, example: 'userRemoved', checks: [messageIs('User removed from organization')] },
    errors: [
      { what: 'the only Admin', as: 'admin', request: (ctx) => ({ path: { ...secondOrg(ctx), userId: ctx.fixtures.admin.id } }), status: 400, example: 'lastAdmin', checks: [messageIs('Cannot remove last organization admin')] },
      { what: 'unknown user (server quirk: 500)', as: 'admin', request: (ctx) => ({ path: { ...secondOrg(ctx), userId: ctx.fixtures.unknown.userId } }), status: 500, example: 'unknownUser' },
      { what: 'Viewer of the org', as: 'user', request: (ctx) => ({ path: { ...secondOrg(ctx), userId: ctx.fixtures.spare.id } }), status: 403, example: 'missingOrgUsersRemove' },
    ],
  },
  {
    operationId: 'getOrgQuota',
    ok: { as: 'admin', request: (ctx) => ({ path: secondOrg(ctx) }), status: 200, example: 'orgQuotas', requires: quotasOn },
    errors: [
      quotasDisabled((ctx) => ({ path: secondOrg(ctx) })),
      { what: 'not a member of the org', as: 'user', request: ({ fixtures }) => ({ path: { orgId: fixtures.unknown.orgId } }), status: 403, example: 'missingOrgsQuotasRead' },
    ],
  },
  {
    operationId: 'updateOrgQuota',
    // The quota row outlives the second org (deleting an org leaves its quotas), but nothing uses it.
    ok: { as: 'admin', request: (ctx) => ({ path: { ...secondOrg(ctx), target: 'org_user' }, body: { limit: 100 } }), status: 200, example: 'quotaUpdated', checks: [messageIs('Organization quota updated')], requires: quotasOn },
    errors: [
      quotasDisabled((ctx) => ({ path: { ...secondOrg(ctx), target: 'org_user' }, body: { limit: 100 } })),
      { what: 'unknown target (server quirk: 500)', as: 'admin', request: (ctx) => ({ path: { ...secondOrg(ctx), target: 'no_such_target' }, body: { limit: 100 } }), status: 500, example: 'unknownTarget', requires: quotasOn, targets: ['url', 'local'], targetsReason: OUTSIDE_ENUM },
      { what: 'limit that is not a number', as: 'admin', request: (ctx) => ({ path: { ...secondOrg(ctx), target: 'org_user' }, body: { limit: 'ten' } }), status: 400, example: 'badRequest' },
    ],
  },

  // --- the current organization ---
  {
    operationId: 'updateCurrentOrgAddress',
    // Writes the address of the org the run may write to back (the second org's is the test address).
    exampleOverrides: ({ fixtures }) => fixtures.writableOrg.address,
    ok: { as: 'admin', request: (ctx) => ({ headers: inWritableOrg(ctx), body: ctx.fixtures.writableOrg.address }), status: 200, example: 'addressUpdated', checks: [messageIs('Address updated')] },
    errors: [{ what: 'plain user (Viewer)', as: 'user', request: (ctx) => ({ headers: inWritableOrg(ctx), body: address }), status: 403, example: 'missingOrgsWrite' }],
  },
  {
    operationId: 'searchOrgUsersWithPaging',
    ok: { as: 'admin', request: ({ fixtures }) => ({ query: { query: fixtures.user.login, perpage: 10, page: 1 } }), status: 200, example: 'twoUsers' },
    errors: [
      { what: 'query that matches nothing', as: 'admin', request: () => ({ query: { query: 'no-user-has-this-login-0000' } }), status: 200, example: 'noMatch', checks: [countsNothing] },
      { what: 'unknown sort option', as: 'admin', request: () => ({ query: { sort: 'favourite-asc' } }), status: 400, example: 'unknownSortingOption',
        versions: { range: '>=10.2.0', otherwise: { status: 200 }, note: 'org user search sorts from Grafana 10.2; older versions ignore `sort`' } },
      { what: 'plain user (Viewer)', as: 'user', status: 403, example: 'missingOrgUsersRead' },
    ],
  },
  {
    operationId: 'getCurrentOrgQuota',
    // Every member may read the quotas, Viewers included.
    ok: { as: 'user', status: 200, example: 'orgQuotas', requires: quotasOn },
    errors: [quotasDisabled(undefined, 'user')],
  },
  {
    operationId: 'getPendingOrgInvites',
    ok: { as: 'admin', request: (ctx) => ({ headers: inInviteOrg(ctx) }), status: 200, example: 'oneInvite', checks: [(body, { fixtures }) =>
      (!fixtures.invite.code || (body as { code?: string }[]).some((i) => i.code === fixtures.invite.code) ? undefined : 'expected the run\'s invitation among the pending ones')] },
    errors: [{ what: 'plain user (Viewer)', as: 'user', status: 403, example: 'missingOrgUsersAdd' }],
  },
  {
    operationId: 'addOrgInvite',
    ok: { as: 'admin', request: (ctx) => ({ headers: inSecondOrg(ctx), body: { loginOrEmail: `${ctx.fixtures.spare.login}-invitee@example.invalid`, role: 'Viewer', sendEmail: false } }), status: 200, example: 'inviteCreated' },
    errors: [
      { what: 'existing member (412, not 409)', as: 'admin', request: (ctx) => ({ headers: inSecondOrg(ctx), body: { loginOrEmail: ctx.fixtures.user.login, role: 'Viewer' } }), status: 412, example: 'alreadyMember',
        checks: [(body, ctx) => messageIs(`User ${ctx.fixtures.user.login} is already added to organization`)(body, ctx)] },
      { what: 'invalid role', as: 'admin', request: (ctx) => ({ headers: inSecondOrg(ctx), body: { loginOrEmail: 'someone@example.invalid', role: 'Owner' } }), status: 400, example: 'badRequestData', ...SCHEMA_INVALID_BODY },
      { what: 'plain user (Viewer)', as: 'user', request: () => ({ body: { loginOrEmail: 'someone@example.invalid', role: 'Viewer' } }), status: 403, example: 'missingOrgUsersAdd' },
    ],
  },
  {
    operationId: 'revokeInvite',
    ok: { as: 'admin', request: (ctx) => ({ headers: inInviteOrg(ctx), path: { code: ctx.fixtures.invite.code } }), status: 200, example: 'inviteRevoked', checks: [messageIs('Invite revoked')], requires: hasInvite },
    errors: [
      { what: 'revoked a second time (still 200)', as: 'admin', request: (ctx) => ({ headers: inInviteOrg(ctx), path: { code: ctx.fixtures.invite.code } }), status: 200, example: 'inviteRevoked', checks: [messageIs('Invite revoked')], requires: hasInvite },
      { what: 'unknown code', as: 'admin', request: () => ({ path: { code: 'no-invite-has-this-code-0000' } }), status: 404, example: 'inviteNotFound', checks: [messageIs('Invite not found')] },
      // The token's service account is an Admin of the main org only, and not a server admin.
      { what: 'invitation of another org', as: 'token', request: ({ fixtures }) => ({ path: { code: fixtures.invite.code } }), status: 403, example: 'otherOrganization', requires: inviteInAnotherOrg },
      { what: 'plain user (Viewer)', as: 'user', request: (ctx) => ({ headers: inInviteOrg(ctx), path: { code: ctx.fixtures.invite.code } }), status: 403, example: 'missingOrgUsersAdd', requires: hasInvite },
    ],
  },

  // --- user quotas ---
  {
    operationId: 'getUserQuotas',
    ok: { as: 'user', status: 200, example: 'userQuotas', targets: ['mock'], targetsReason: 'the handler looks for a user ID in a path that has none: real servers answer 400 (the next case)' },
    errors: [{ what: 'server quirk: no user ID in the path (400)', as: 'user', status: 400, example: 'badRequest', checks: [messageIs('Bad request')] }],
  },
  {
    operationId: 'getUserQuota',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.user.id } }), status: 200, example: 'userQuotas', requires: quotasOn },
    errors: [quotasDisabled(({ fixtures }) => ({ path: { id: fixtures.user.id } }))],
  },
  {
    operationId: 'updateUserQuota',
    // The quota is deleted with the member at the end of the run.
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id, target: 'org_user' }, body: { limit: 100 } }), status: 200, example: 'quotaUpdated', checks: [messageIs('Organization quota updated')], requires: quotasOn },
    errors: [
      quotasDisabled(({ fixtures }) => ({ path: { id: fixtures.member.id, target: 'org_user' }, body: { limit: 100 } })),
      { what: 'unknown target (server quirk: 500)', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id, target: 'no_such_target' }, body: { limit: 100 } }), status: 500, example: 'unknownTarget', requires: quotasOn, targets: ['url', 'local'], targetsReason: OUTSIDE_ENUM },
      { what: 'limit that is not a number', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.member.id, target: 'org_user' }, body: { limit: 'ten' } }), status: 400, example: 'badRequest' },
    ],
  },
];
