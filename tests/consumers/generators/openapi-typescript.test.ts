import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createGrafanaClient } from '../../../src/index.js';
import { generateOnce } from '../../support/run-cache.js';
import { generateFromBundle, generateInto, SCHEMA_DTS, typeCheckAlone } from '../support/openapi-typescript.js';
import { startRecordingServer } from '../support/recording-server.js';
import { tempDirForSuite } from '../support/temp-dir.js';
import { expectWireCalls, WIRE } from '../support/wire.js';

// The project's own client: openapi-typescript's generated/schema.d.ts typing openapi-fetch,
// wrapped by createGrafanaClient. Needs no toolchain beyond Node, so it always runs.
const VERSION = (JSON.parse(readFileSync(new URL('../../../node_modules/openapi-typescript/package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe(`generator: openapi-typescript ${VERSION} + openapi-fetch (createGrafanaClient)`, () => {
  const root = tempDirForSuite('openapi-typescript-');

  it('generates without warnings', async () => {
    const run = await generateInto(join(root(), 'generated'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.trim()).toBe('');
  });

  it('passes tsc --strict on generated/schema.d.ts alone', async () => {
    const tsc = await typeCheckAlone(SCHEMA_DTS, root());
    expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe('');
    expect(tsc.code).toBe(0);
  });

  it('sends exactly the calls of wire/calls.json through createGrafanaClient', async () => {
    const server = await startRecordingServer();
    try {
      const client = createGrafanaClient({ baseUrl: server.url, auth: { username: WIRE.username, password: WIRE.password } });
      const ok = <T extends { response: Response; data?: unknown }>(name: string, status: number, result: T): NonNullable<T['data']> => {
        expect(result.response.status, name).toBe(status);
        expect(result.data, name).toBeTypeOf('object');
        return result.data as NonNullable<T['data']>;
      };

      const users = ok('searchUsersWithPaging', 200, await client.GET('/api/users/search', { params: { query: { perpage: 10, page: 2, query: 'jane' } } }));
      expect(users.totalCount).toBeGreaterThanOrEqual(users.users.length);
      const user = ok('getUserByLoginOrEmail', 200, await client.GET('/api/users/lookup', { params: { query: { loginOrEmail: 'jane@example.com' } } }));
      expect(user.login).toBeTypeOf('string');
      ok('updateUser', 200, await client.PUT('/api/users/{id}', { params: { path: { id: 2 } }, body: { email: 'jane@example.com', login: 'jane', name: 'Jane Doe' } }));
      ok('adminUpdateUserPermissions', 200, await client.PUT('/api/admin/users/{id}/permissions', { params: { path: { id: 2 } }, body: { isGrafanaAdmin: true } }));
      ok('updateOrgUserForCurrentOrg', 200, await client.PATCH('/api/org/users/{userId}', { params: { path: { userId: 3 } }, body: { role: 'Editor' } }));
      ok('addOrgUser', 200, await client.POST('/api/orgs/{orgId}/users', { params: { path: { orgId: 2 } }, body: { loginOrEmail: 'jane', role: 'Viewer' } }));
      ok('deleteOrgById', 200, await client.DELETE('/api/orgs/{orgId}', { params: { path: { orgId: 2 } } }));
      const teams = ok('searchTeams', 200, await client.GET('/api/teams/search', { params: { query: { perpage: 5, page: 1, query: 'platform' } } }));
      expect(teams.totalCount).toBeGreaterThanOrEqual(teams.teams.length);
      const account = ok('createServiceAccount', 201, await client.POST('/api/serviceaccounts', { body: { name: 'ci-bot', role: 'Viewer' } }));
      expect(['None', 'Viewer', 'Editor', 'Admin']).toContain(account.role);
      // An LDAP DN as a query value: '=' and ',' must arrive intact.
      ok('removeTeamGroupApiQuery', 200, await client.DELETE('/api/teams/{id}/groups', { params: { path: { id: 1 }, query: { groupId: 'cn=editors,ou=groups,dc=grafana,dc=org' } } }));

      expectWireCalls(server.requests);
    } finally {
      await server.close();
    }
  });
});

// Each version family's bundle (OpenAPI 3.1, from `grafana-api-contract spec`): generated and
// type-checked alone the same way. The wire calls are not made: a version may lack their operations.
describe.each(inject('versionBundles').filter((b) => b.form === '3.1'))(`generator: openapi-typescript ${VERSION} on $name`, (bundle) => {
  const root = tempDirForSuite('openapi-typescript-version-');
  let run: Awaited<ReturnType<typeof generateFromBundle>>;

  beforeAll(async () => {
    const generation = { tool: `openapi-typescript ${VERSION}`, args: [], inputs: [bundle.path] };
    run = await generateOnce(generation, join(root(), 'out'), (folder) => {
      mkdirSync(folder, { recursive: true });
      return generateFromBundle(bundle.path, join(folder, 'schema.d.ts'), root());
    });
  });

  it('generates without warnings', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.trim()).toBe('');
  });

  it('passes tsc --strict on the generated schema.d.ts alone', async () => {
    const tsc = await typeCheckAlone(join(root(), 'out', 'schema.d.ts'), root());
    expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe('');
    expect(tsc.code).toBe(0);
  });
});
