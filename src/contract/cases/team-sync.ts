import { messageIs, type OperationCases, type Requirement } from './define.js';
import type { CaseContext } from '../types.js';

// Team Sync (Grafana Enterprise and Cloud): the external groups of the fixture team. Open-source
// Grafana does not register these routes, so there every case but the 404 one is skipped; on
// Enterprise the group the cases add to the fixture team goes with the team at the end.

const teamSync: Requirement = ({ fixtures }) => (fixtures.server.teamSync ? undefined : 'Team Sync is a Grafana Enterprise feature; this server answers 404');
const noTeamSync: Requirement = ({ fixtures }) => (fixtures.server.teamSync ? 'this server has Team Sync (Grafana Enterprise)' : undefined);

/** An LDAP-like group name that no directory has. */
const GROUP = 'cn=contract-test,ou=groups,dc=example,dc=invalid';
const fixtureTeam = ({ fixtures }: CaseContext) => ({ path: { id: fixtures.team.id } });
const OPEN_SOURCE = 'open-source Grafana (no Team Sync): 404';

export const teamSyncCases: OperationCases[] = [
  {
    operationId: 'getTeamGroupsApi',
    requires: teamSync,
    ok: { as: 'admin', request: fixtureTeam, status: 200, example: 'none' },
    errors: [
      { what: 'plain user (Viewer)', as: 'user', request: fixtureTeam, status: 403, example: 'missingTeamsPermissionsRead' },
      { what: OPEN_SOURCE, as: 'admin', request: fixtureTeam, status: 404, example: 'notFound', checks: [messageIs('Not found')], requires: noTeamSync, targets: ['url', 'local'], targetsReason: 'the answer of open-source Grafana; the mock has the Enterprise routes' },
    ],
  },
  {
    operationId: 'addTeamGroupApi',
    requires: teamSync,
    ok: { as: 'admin', request: (ctx) => ({ ...fixtureTeam(ctx), body: { groupId: GROUP } }), status: 200, example: 'groupAdded' },
    exampleOverrides: { mockOnly: 'on a real server the example\'s group would be added to the fixture team next to the success case\'s' },
    errors: [
      { what: 'group already added', as: 'admin', request: (ctx) => ({ ...fixtureTeam(ctx), body: { groupId: GROUP } }), status: 400, example: 'alreadyAdded' },
      { what: 'plain user (Viewer)', as: 'user', request: (ctx) => ({ ...fixtureTeam(ctx), body: { groupId: GROUP } }), status: 403, example: 'missingTeamsPermissionsWrite' },
      { what: OPEN_SOURCE, as: 'admin', request: (ctx) => ({ ...fixtureTeam(ctx), body: { groupId: GROUP } }), status: 404, example: 'notFound', checks: [messageIs('Not found')], requires: noTeamSync, targets: ['url', 'local'], targetsReason: 'the answer of open-source Grafana; the mock has the Enterprise routes' },
    ],
  },
  {
    operationId: 'removeTeamGroupApiQuery',
    requires: teamSync,
    ok: { as: 'admin', request: (ctx) => ({ ...fixtureTeam(ctx), query: { groupId: GROUP } }), status: 200, example: 'groupRemoved' },
    errors: [
      { what: 'group not in the team (after its removal)', as: 'admin', request: (ctx) => ({ ...fixtureTeam(ctx), query: { groupId: GROUP } }), status: 404, example: 'groupNotFound' },
      { what: OPEN_SOURCE, as: 'admin', request: (ctx) => ({ ...fixtureTeam(ctx), query: { groupId: GROUP } }), status: 404, example: 'notFound', checks: [messageIs('Not found')], requires: noTeamSync, targets: ['url', 'local'], targetsReason: 'the answer of open-source Grafana; the mock has the Enterprise routes' },
    ],
  },
  {
    operationId: 'removeTeamGroupApi',
    requires: teamSync,
    ok: { as: 'admin', request: (ctx) => ({ path: { ...fixtureTeam(ctx).path, groupId: GROUP } }), status: 200, example: 'groupRemoved' },
    errors: [
      { what: 'group not in the team (after its removal)', as: 'admin', request: (ctx) => ({ path: { ...fixtureTeam(ctx).path, groupId: GROUP } }), status: 404, example: 'groupNotFound' },
      { what: OPEN_SOURCE, as: 'admin', request: (ctx) => ({ path: { ...fixtureTeam(ctx).path, groupId: GROUP } }), status: 404, example: 'notFound', checks: [messageIs('Not found')], requires: noTeamSync, targets: ['url', 'local'], targetsReason: 'the answer of open-source Grafana; the mock has the Enterprise routes' },
    ],
  },
];
