import { isEmptyList, messageIs, type OperationCases } from './define.js';
import type { CaseContext, Fixtures } from '../types.js';

// Teams by ID and their members; service accounts by ID and their tokens. On a real server the
// cases change only the run's own fixtures: the fixture team (its name is written back; its
// memberships change, and the team is deleted at the end) and the fixture service account (its
// role is written back as Admin; it is deleted at the end).

const NEWEST_CHECKS_TEAM_FIRST = 'from 12.0 the handler reads the team first (added with SCIM-provisioned teams, PR #103454)';

/** A check that a list answer has an item with `key` equal to the value `pick` takes from the fixtures. */
const listHas = (key: string, pick: (f: Fixtures) => number) =>
  (body: unknown, { fixtures }: CaseContext) =>
    Array.isArray(body) && body.some((item) => (item as Record<string, unknown>)[key] === pick(fixtures))
      ? undefined
      : `expected an item with ${key} ${pick(fixtures)}`;

const notEmpty = (body: unknown) => (Array.isArray(body) && body.length > 0 ? undefined : 'expected at least one item');

export const teamsAndServiceAccountsCases: OperationCases[] = [
  {
    operationId: 'getTeamByID',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id } }), status: 200, example: 'teamPlatform' },
    errors: [
      { what: 'plain user who is in the team (Viewer)', needsFixtureUser: true, as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.team.id } }), status: 200, example: 'teamPlatform' },
      { what: 'service account token (Admin role)', as: 'token', request: ({ fixtures }) => ({ path: { id: fixtures.team.id } }), status: 200, example: 'teamPlatform' },
      { what: 'unknown team', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 404, example: 'teamNotFound', checks: [messageIs('Team not found')] },
      { what: 'plain user, team they are not in (403, not 404)', as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 403, example: 'missingTeamsRead' },
    ],
  },
  {
    operationId: 'updateTeam',
    // The request example is sent with the fixture team's own name and no email (as created).
    exampleOverrides: ({ fixtures }) => ({ name: fixtures.team.name, email: '' }),
    // Writes back the fixture team's name and (empty) email.
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { name: fixtures.team.name, email: '' } }), status: 200, example: 'teamUpdated', checks: [messageIs('Team updated')] },
    errors: [
      { what: 'name of another team (400, not 409)', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { name: fixtures.otherTeam.name } }), status: 400, example: 'teamNameTaken' },
      {
        what: 'unknown team',
        as: 'admin',
        request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId }, body: { name: 'No such team' } }),
        status: 404,
        example: 'teamNotFound',
        versions: { range: '>=12.0.0', otherwise: { status: 500, example: 'failedToUpdateTeam' }, note: `before 12.0 an unknown team answers 500 Failed to update Team; ${NEWEST_CHECKS_TEAM_FIRST}` },
      },
      { what: 'name that is not a string', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { name: 123 } }), status: 400, example: 'badRequestData' },
      { what: 'plain user who is in the team (Viewer)', needsFixtureUser: true, as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { name: fixtures.team.name } }), status: 403, example: 'missingTeamsWrite' },
    ],
  },
  {
    operationId: 'getTeamMembers',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id } }), status: 200, example: 'members', checks: [listHas('userId', (f) => f.user.id)] },
    errors: [
      { what: 'plain user who is in the team (Viewer)', needsFixtureUser: true, as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.team.id } }), status: 403, example: 'missingTeamsPermissionsRead' },
      { what: 'unknown team (server quirk: 200 [])', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 200, example: 'noMembers', checks: [isEmptyList] },
    ],
  },
  {
    operationId: 'setTeamMemberships',
    // The request example is sent with the fixture users' emails: user and member as members.
    exampleOverrides: ({ fixtures }) => ({ members: [fixtures.user.email, fixtures.member.email], admins: [] }),
    // Leaves user (and member) in the fixture team; the team's creator (the admin) is removed
    // from it. The team is deleted at the end of the run.
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { members: [fixtures.user.email, fixtures.member.email], admins: [] } }), status: 200, example: 'membershipsUpdated', checks: [messageIs('Team memberships have been updated')] },
    errors: [
      { what: 'email no user has (nothing changes)', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { members: [fixtures.user.email, 'no-user-has-this-email-0000@example.invalid'] } }), status: 404, example: 'userNotFound', checks: [messageIs('user not found')] },
      {
        what: 'unknown team',
        as: 'admin',
        request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId }, body: { members: [] } }),
        status: 404,
        example: 'teamNotFound',
        versions: { range: '>=12.0.0', otherwise: { status: 404, example: 'teamNotFoundOlder' }, note: `11.x answers "team not found" without traceID; ${NEWEST_CHECKS_TEAM_FIRST}` },
      },
      { what: 'members that is not a list', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { members: 'everyone' } }), status: 400, example: 'badRequestData' },
      { what: 'plain user who is in the team (Viewer)', needsFixtureUser: true, as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { members: [fixtures.user.email] } }), status: 403, example: 'missingTeamsPermissionsWrite' },
    ],
  },
  {
    operationId: 'updateTeamMember',
    // Every request example is sent as permission 0, so that the plain user stays a plain member.
    exampleOverrides: () => ({ permission: 0 }),
    // The plain user is a plain member of the fixture team: writes back permission 0.
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id, userId: fixtures.user.id }, body: { permission: 0 } }), status: 200, example: 'memberUpdated', checks: [messageIs('Team member updated')] },
    errors: [
      { what: 'user who is not in the team', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id, userId: fixtures.spare.id }, body: { permission: 4 } }), status: 404, example: 'memberNotFound', checks: [messageIs('Team member not found.')] },
      {
        what: 'unknown team',
        as: 'admin',
        request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId, userId: fixtures.user.id }, body: { permission: 0 } }),
        status: 404,
        example: 'teamNotFound',
        versions: { range: '>=12.0.0', otherwise: { status: 404, example: 'memberNotFound' }, note: `before 12.0 an unknown team answers "Team member not found."; ${NEWEST_CHECKS_TEAM_FIRST}` },
      },
      { what: 'permission that is not a number', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id, userId: fixtures.user.id }, body: { permission: 'Admin' } }), status: 400, example: 'badRequestData' },
      { what: 'plain user making themselves team admin', as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.team.id, userId: fixtures.user.id }, body: { permission: 4 } }), status: 403, example: 'missingTeamsPermissionsWrite' },
    ],
  },
  {
    operationId: 'removeTeamMember',
    // Removes the member fixture user, whom setTeamMemberships (and addTeamMember) put in the team.
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id, userId: fixtures.member.id } }), status: 200, example: 'memberRemoved', checks: [messageIs('Team Member removed')] },
    errors: [
      // Runs after the success case, so the member fixture user is no longer in the team.
      { what: 'user who is not in the team', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id, userId: fixtures.member.id } }), status: 404, example: 'memberNotFound', checks: [messageIs('Team member not found')] },
      { what: 'unknown user (server quirk: 500)', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id, userId: fixtures.unknown.userId } }), status: 500, example: 'failedToRemoveMember' },
      {
        what: 'unknown team',
        as: 'admin',
        request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId, userId: fixtures.user.id } }),
        status: 404,
        example: 'teamNotFound',
        versions: { range: '>=12.0.0', otherwise: { status: 404, example: 'teamNotFoundOlder' }, note: `before 12.0 "Team not found" comes without traceID; ${NEWEST_CHECKS_TEAM_FIRST}` },
      },
      { what: 'plain user who is in the team (Viewer)', needsFixtureUser: true, as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.team.id, userId: fixtures.user.id } }), status: 403, example: 'missingTeamsPermissionsWrite' },
    ],
  },
  {
    operationId: 'retrieveServiceAccount',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id } }), status: 200, example: 'ciBot' },
    errors: [
      { what: 'service account token (Admin role)', as: 'token', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id } }), status: 200, example: 'ciBot' },
      { what: 'unknown service account', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 404, example: 'notFound' },
      { what: 'plain user (Viewer)', as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id } }), status: 403, example: 'missingServiceAccountsRead' },
    ],
  },
  {
    operationId: 'updateServiceAccount',
    // The fixture service account keeps the Admin role and stays enabled (its token is the
    // `token` credential); a rename by a request example is harmless, it is deleted at the end.
    exampleOverrides: () => ({ role: 'Admin', isDisabled: false }),
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id }, body: { role: 'Admin', isDisabled: false } }), status: 200, example: 'updated', checks: [messageIs('Service account updated')] },
    errors: [
      { what: 'role Grafana does not know (400 at parsing)', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id }, body: { role: 'Owner' } }), status: 400, example: 'badRequestData' },
      { what: 'unknown service account', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId }, body: { isDisabled: false } }), status: 404, example: 'notFound' },
      { what: 'plain user (Viewer)', as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id }, body: { name: 'not-allowed' } }), status: 403, example: 'missingServiceAccountsWrite' },
    ],
  },
  {
    operationId: 'listTokens',
    // No example: `lastUsedAt` is null or a time depending on whether the token was used yet.
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id } }), status: 200, checks: [notEmpty] },
    errors: [
      { what: 'unknown service account (server quirk: 200 [])', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 200, example: 'noTokens', checks: [isEmptyList] },
      { what: 'plain user (Viewer)', as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id } }), status: 403, example: 'missingServiceAccountsRead' },
    ],
  },
  {
    operationId: 'deleteToken',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id, tokenId: fixtures.serviceAccount.spareTokenId } }), status: 200, example: 'tokenDeleted' },
    errors: [
      { what: 'unknown token', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id, tokenId: fixtures.unknown.authTokenId } }), status: 404, example: 'tokenNotFound' },
      { what: 'unknown service account', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId, tokenId: fixtures.unknown.authTokenId } }), status: 404, example: 'notFound' },
      { what: 'plain user (Viewer)', as: 'user', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id, tokenId: fixtures.unknown.authTokenId } }), status: 403, example: 'missingServiceAccountsWrite' },
    ],
  },
];
