import { authorizationHeader, type GrafanaAuth } from '../../auth.js';
import type { Credential, Fixtures } from '../types.js';

/**
 * The Authorization header for each kind of caller: the run's own auth for `admin`, the fixture
 * user's and service account's for the others. `null` means the target has no such caller (a
 * read-only run creates no users), and cases that need one are skipped.
 */
export function authorizationFor(admin: GrafanaAuth, fixtures: Fixtures | null): (as: Credential) => string | undefined | null {
  const headers: Record<Credential, string | undefined | null> = {
    admin: authorizationHeader(admin),
    none: undefined,
    user: fixtures ? authorizationHeader({ username: fixtures.user.login, password: fixtures.user.password }) : null,
    token: fixtures ? authorizationHeader({ token: fixtures.serviceAccount.token }) : null,
    wrongPassword: fixtures ? authorizationHeader({ username: fixtures.user.login, password: `${fixtures.user.password}-wrong` }) : null,
  };
  return (as) => headers[as];
}
