import { describe, expectTypeOf, it } from 'vitest';
import { createGrafanaClient, type components } from '../../src/index.js';

const client = createGrafanaClient({ baseUrl: 'http://localhost:3000', auth: { token: 'glsa_x' } });

describe('the typed client', () => {
  it('types success bodies from the spec', async () => {
    const { data } = await client.GET('/api/user');
    expectTypeOf(data).toEqualTypeOf<components['schemas']['UserProfile'] | undefined>();
    const orgs = await client.GET('/api/user/orgs');
    expectTypeOf(orgs.data).toEqualTypeOf<components['schemas']['UserOrg'][] | undefined>();
  });

  it('rejects a wrong path parameter type', () => {
    // @ts-expect-error orgId is an integer, not a string
    void client.GET('/api/orgs/{orgId}', { params: { path: { orgId: 'main' } } });
    void client.GET('/api/orgs/{orgId}', { params: { path: { orgId: 1 } } });
  });

  it('types user, team and service-account ids as numbers, so a client cannot put anything else on the wire', () => {
    // @ts-expect-error the spec types the user id as an integer (UIDs, 11.4+, are described, not typed)
    void client.PUT('/api/users/{id}', { params: { path: { id: 'ce4ctzwq1qbr4c' } }, body: { login: 'jane' } });
    void client.PUT('/api/users/{id}', { params: { path: { id: 2 } }, body: { login: 'jane' } });
    // @ts-expect-error team ids are integers
    void client.DELETE('/api/teams/{id}', { params: { path: { id: 'de4ctzwq1qbr4d' } } });
    // @ts-expect-error service-account ids are integers
    void client.DELETE('/api/serviceaccounts/{id}', { params: { path: { id: '5' } } });
    expectTypeOf<components['parameters']['UserIdOrUid']>().toEqualTypeOf<number>();
  });

  it('lets a server-admin flag be omitted, as Grafana does (an empty body removes the flag)', () => {
    void client.PUT('/api/admin/users/{id}/permissions', { params: { path: { id: 2 } }, body: {} });
    // @ts-expect-error the flag is a boolean
    void client.PUT('/api/admin/users/{id}/permissions', { params: { path: { id: 2 } }, body: { isGrafanaAdmin: 'yes' } });
  });

  it('rejects an unknown path', () => {
    // @ts-expect-error there is no /api/userz
    void client.GET('/api/userz');
    // @ts-expect-error /api/org has no DELETE
    void client.DELETE('/api/org');
  });

  it('rejects a body without a required field', () => {
    // @ts-expect-error role is required
    void client.POST('/api/org/users', { body: { loginOrEmail: 'jane' } });
    void client.POST('/api/org/users', { body: { loginOrEmail: 'jane', role: 'Viewer' } });
    // @ts-expect-error an org role must be one of None, Viewer, Editor, Admin
    void client.PATCH('/api/org/users/{userId}', { params: { path: { userId: 2 } }, body: { role: 'Owner' } });
  });

  it('rejects options that are not a client option', () => {
    // @ts-expect-error auth needs a token or a username and password
    createGrafanaClient({ baseUrl: 'http://localhost:3000', auth: { user: 'admin' } });
  });
});
