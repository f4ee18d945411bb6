import { authorizationHeader, type GrafanaAuth } from '../../auth.js';
import type { Credential, Fixtures } from '../types.js';

/** The Authorization header for each kind of caller, from the run's admin auth and the fixtures. */
export function authorizationFor(admin: GrafanaAuth, fixtures: Fixtures): (as: Credential) => string | undefined {
  const headers: Record<Credential, string | undefined> = {
    admin: authorizationHeader(admin),
    user: authorizationHeader({ username: fixtures.user.login, password: fixtures.user.password }),
    token: authorizationHeader({ token: fixtures.serviceAccount.token }),
    wrongPassword: authorizationHeader({ username: fixtures.user.login, password: `${fixtures.user.password}-wrong` }),
    none: undefined,
  };
  return (as) => headers[as];
}
