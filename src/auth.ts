import { GrafanaClientError } from './errors.js';

/** Basic authentication with a Grafana user's login (or email) and password. */
export interface BasicAuth {
  username: string;
  password: string;
}

/** Bearer authentication with a service account token (or an API key on older Grafana). */
export interface TokenAuth {
  token: string;
}

export type GrafanaAuth = BasicAuth | TokenAuth;

/** Checks the shape of `auth` and returns the `Authorization` header value for it. */
export function authorizationHeader(auth: GrafanaAuth | undefined): string {
  if (auth && 'token' in auth) {
    if (typeof auth.token !== 'string' || auth.token.trim() === '') {
      throw new GrafanaClientError('auth.token is empty: pass a service account token, or { username, password }.');
    }
    return `Bearer ${auth.token}`;
  }
  if (auth && 'username' in auth) {
    if (typeof auth.username !== 'string' || auth.username === '') {
      throw new GrafanaClientError('auth.username is empty: pass the Grafana login (or email) to sign in with.');
    }
    if (typeof auth.password !== 'string' || auth.password === '') {
      throw new GrafanaClientError(`auth.password is empty for user "${auth.username}": pass the user's password.`);
    }
    return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
  }
  throw new GrafanaClientError('auth is missing: pass { username, password } for basic auth or { token } for a service account token.');
}
