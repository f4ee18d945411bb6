// Wire-check driver for the client that openapi-generator's typescript-fetch generates from the
// spec. The test copies it next to the generated client (./client/), type-checks both with
// `tsc --strict`, compiles them and runs this with node. It makes the calls of
// tests/consumers/wire/calls.json, in order, through the generated API classes with basic auth,
// against WIRE_BASE_URL, and exits non-zero when a call throws, answers with an unexpected status,
// or its answer lacks what the operation's success schema requires.
// (Excluded from the repository's own type check: ./client exists only in the test's temp dir.)
import {
  AdminApi,
  Configuration,
  CurrentOrganizationApi,
  OrganizationsApi,
  OrgRole,
  ServiceAccountsApi,
  TeamsApi,
  UsersApi,
  instanceOfAddOrgUserResult,
  instanceOfServiceAccount,
  instanceOfSuccessMessage,
  instanceOfTeamSearchPage,
  instanceOfUserProfile,
  instanceOfUserSearchPage,
  type ApiResponse,
} from './client/index.js';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** The parsed answer of a call, after checking its status and that it is the success model. */
async function parsed<T extends object>(name: string, call: Promise<ApiResponse<T>>, status: number, is: (value: object) => boolean): Promise<T> {
  const response = await call;
  if (response.raw.status !== status) throw new Error(`${name}: expected status ${status}, got ${response.raw.status}`);
  const value = await response.value();
  if (typeof value !== 'object' || value === null || !is(value)) throw new Error(`${name}: the answer is not the success model: ${JSON.stringify(value)}`);
  return value;
}

async function main(): Promise<void> {
  const config = new Configuration({ basePath: env('WIRE_BASE_URL'), username: env('WIRE_USERNAME'), password: env('WIRE_PASSWORD') });
  const users = new UsersApi(config);
  const admin = new AdminApi(config);
  const currentOrg = new CurrentOrganizationApi(config);
  const orgs = new OrganizationsApi(config);
  const teams = new TeamsApi(config);
  const serviceAccounts = new ServiceAccountsApi(config);

  const page = await parsed('searchUsersWithPaging', users.searchUsersWithPagingRaw({ perpage: 10, page: 2, query: 'jane' }), 200, instanceOfUserSearchPage);
  if (page.totalCount < page.users.length) throw new Error(`searchUsersWithPaging: totalCount ${page.totalCount} < ${page.users.length} users`);

  const user = await parsed('getUserByLoginOrEmail', users.getUserByLoginOrEmailRaw({ loginOrEmail: 'jane@example.com' }), 200, instanceOfUserProfile);
  if (user.login === '') throw new Error('getUserByLoginOrEmail: the profile has no login');

  await parsed('updateUser', users.updateUserRaw({ id: 2, updateUserRequest: { email: 'jane@example.com', login: 'jane', name: 'Jane Doe' } }), 200, instanceOfSuccessMessage);
  await parsed('adminUpdateUserPermissions', admin.adminUpdateUserPermissionsRaw({ id: 2, adminUpdateUserPermissionsRequest: { isGrafanaAdmin: true } }), 200, instanceOfSuccessMessage);
  await parsed('updateOrgUserForCurrentOrg', currentOrg.updateOrgUserForCurrentOrgRaw({ userId: 3, updateOrgUserRequest: { role: OrgRole.Editor } }), 200, instanceOfSuccessMessage);
  await parsed('addOrgUser', orgs.addOrgUserRaw({ orgId: 2, addOrgUserRequest: { loginOrEmail: 'jane', role: OrgRole.Viewer } }), 200, instanceOfAddOrgUserResult);
  await parsed('deleteOrgById', orgs.deleteOrgByIdRaw({ orgId: 2 }), 200, instanceOfSuccessMessage);

  const found = await parsed('searchTeams', teams.searchTeamsRaw({ perpage: 5, page: 1, query: 'platform' }), 200, instanceOfTeamSearchPage);
  if (found.totalCount < found.teams.length) throw new Error(`searchTeams: totalCount ${found.totalCount} < ${found.teams.length} teams`);

  const account = await parsed('createServiceAccount', serviceAccounts.createServiceAccountRaw({ createServiceAccountRequest: { name: 'ci-bot', role: OrgRole.Viewer } }), 201, instanceOfServiceAccount);
  if (!Object.values(OrgRole).includes(account.role)) throw new Error(`createServiceAccount: role ${String(account.role)} is not an OrgRole`);

  // An LDAP DN as a query value: '=' and ',' must arrive intact.
  await parsed('removeTeamGroupApiQuery', teams.removeTeamGroupApiQueryRaw({ id: 1, groupId: 'cn=editors,ou=groups,dc=grafana,dc=org' }), 200, instanceOfSuccessMessage);

  console.log('typescript-fetch driver: 10 calls made and parsed');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
