import { countsNothing, messageIs, type OperationCases, SCHEMA_INVALID_BODY } from './define.js';

// Operations a suite needs to set up and tear down its data: teams, dashboards, service
// accounts, and the health check. On a real server the fixtures call the creating and deleting
// operations and check their answers, so those success cases run on the mock only.
const FIXTURES_DO_THIS = 'on a real server the fixtures make this call and check its answer';

export const supportCases: OperationCases[] = [
  {
    operationId: 'searchTeams',
    ok: { as: 'admin', request: ({ fixtures }) => ({ query: { query: fixtures.team.name, perpage: 10, page: 1 } }), status: 200, example: 'oneTeam' },
    errors: [
      { what: 'query that matches nothing', as: 'admin', request: () => ({ query: { query: 'no-team-has-this-name-0000' } }), status: 200, example: 'noMatch', checks: [countsNothing] },
      { what: 'service account token (Admin role)', as: 'token', status: 200, example: 'oneTeam' },
    ],
  },
  {
    operationId: 'createTeam',
    ok: { as: 'admin', request: () => ({ body: { name: 'Contract test team' } }), status: 200, example: 'teamCreated', targets: ['mock'], targetsReason: FIXTURES_DO_THIS },
    errors: [{ what: 'name already taken', as: 'admin', request: ({ fixtures }) => ({ body: { name: fixtures.team.name } }), status: 409, example: 'teamNameTaken' }],
  },
  {
    operationId: 'deleteTeamById',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id } }), status: 200, example: 'teamDeleted', targets: ['mock'], targetsReason: FIXTURES_DO_THIS },
    errors: [{ what: 'unknown team', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 404, example: 'teamNotFound' }],
  },
  {
    operationId: 'addTeamMember',
    exampleOverrides: { mockOnly: 'on a real server the success case already added this member (400)' },
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { userId: fixtures.member.id } }), status: 200, example: 'memberAdded', checks: [messageIs('Member added to Team')] },
    errors: [{ what: 'already a member', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.team.id }, body: { userId: fixtures.user.id } }), status: 400, example: 'alreadyMember' }],
  },
  {
    operationId: 'postDashboard',
    ok: { as: 'admin', request: () => ({ body: { dashboard: { title: 'Contract test dashboard', panels: [] }, overwrite: false } }), status: 200, example: 'dashboardSaved', targets: ['mock'], targetsReason: FIXTURES_DO_THIS },
    errors: [
      { what: 'stale version', as: 'admin', request: ({ fixtures }) => ({ body: { dashboard: { uid: fixtures.dashboard.uid, title: 'Contract test dashboard', version: 0 } } }), status: 412, example: 'versionMismatch' },
      { what: 'no title', as: 'admin', request: () => ({ body: { dashboard: { title: '' } } }), status: 400, example: 'titleEmpty', ...SCHEMA_INVALID_BODY },
    ],
  },
  {
    operationId: 'deleteDashboardByUid',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { uid: fixtures.dashboard.uid } }), status: 200, example: 'dashboardDeleted', targets: ['mock'], targetsReason: FIXTURES_DO_THIS },
    errors: [{ what: 'unknown dashboard', as: 'admin', request: ({ fixtures }) => ({ path: { uid: fixtures.unknown.uid } }), status: 404, example: 'dashboardNotFound' }],
  },
  {
    operationId: 'searchOrgServiceAccountsWithPaging',
    ok: { as: 'admin', request: () => ({ query: { perpage: 10, page: 1 } }), status: 200, example: 'oneServiceAccount' },
    errors: [
      { what: 'query that matches nothing', as: 'admin', request: () => ({ query: { query: 'no-account-has-this-name-0000' } }), status: 200, example: 'noMatch', checks: [countsNothing] },
      { what: 'plain user (Viewer)', as: 'user', status: 403, example: 'missingServiceAccountsRead' },
    ],
  },
  {
    operationId: 'createServiceAccount',
    ok: { as: 'admin', request: () => ({ body: { name: 'contract-ci-bot', role: 'Viewer' } }), status: 201, example: 'created', targets: ['mock'], targetsReason: FIXTURES_DO_THIS },
    errors: [{ what: 'plain user (Viewer)', as: 'user', request: () => ({ body: { name: 'not-allowed' } }), status: 403, example: 'missingServiceAccountsCreate' }],
  },
  {
    operationId: 'createServiceAccountToken',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id }, body: { name: 'contract-extra-token', secondsToLive: 3600 } }), status: 200, example: 'created', targets: ['mock'], targetsReason: FIXTURES_DO_THIS },
    errors: [{ what: 'unknown service account', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId }, body: { name: 'x' } }), status: 404, example: 'notFound' }],
  },
  {
    operationId: 'deleteServiceAccount',
    ok: { as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.serviceAccount.id } }), status: 200, example: 'deleted', targets: ['mock'], targetsReason: FIXTURES_DO_THIS },
    errors: [{ what: 'unknown service account', as: 'admin', request: ({ fixtures }) => ({ path: { id: fixtures.unknown.userId } }), status: 404, example: 'notFound' }],
  },
  {
    operationId: 'getFrontendSettings',
    ok: { as: 'admin', status: 200, example: 'buildInfo', checks: [reportsAVersion] },
  },
  {
    operationId: 'getHealth',
    ok: { as: 'none', status: 200, example: 'healthy' },
    errors: [{ what: 'database failing', as: 'none', status: 503, example: 'databaseFailing', targets: ['mock'], targetsReason: 'a healthy server cannot be made to fail its database check' }],
  },
];

/** `buildInfo.version` names a Grafana version (what clients read it for). */
function reportsAVersion(body: unknown): string | undefined {
  const version = (body as { buildInfo?: { version?: unknown } } | undefined)?.buildInfo?.version;
  return typeof version === 'string' && /^\d+\.\d+\.\d+/.test(version) ? undefined : `expected buildInfo.version to be a Grafana version, got ${JSON.stringify(version)}`;
}
