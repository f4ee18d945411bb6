import { authorizationHeader, type GrafanaAuth } from '../../auth.js';
import { UsageError } from '../../cli/usage-error.js';

/**
 * Checks that a URL serves Grafana (`GET /api/health` answers Grafana's health JSON) and returns
 * its version (null when the server hides it). Every failure is a one-line UsageError.
 */
export async function probeGrafana(baseUrl: string, timeoutMs: number): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(timeoutMs), headers: { Accept: 'application/json' } });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code ?? (err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'unreachable');
    throw new UsageError(`cannot reach ${baseUrl} (${code}): check the URL and that Grafana is running.`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const health = body as { database?: unknown; version?: unknown } | undefined;
  if (!health || typeof health !== 'object' || typeof health.database !== 'string') {
    throw new UsageError(`${baseUrl} is not a Grafana server: GET /api/health answered HTTP ${response.status} without Grafana's health JSON.`);
  }
  return typeof health.version === 'string' ? health.version : null;
}

/** Checks that the run's credentials are accepted (`GET /api/user`), with a one-line error if not. */
export async function checkCredentials(baseUrl: string, auth: GrafanaAuth, timeoutMs: number): Promise<void> {
  const response = await fetch(`${baseUrl}/api/user`, {
    signal: AbortSignal.timeout(timeoutMs),
    headers: { Accept: 'application/json', Authorization: authorizationHeader(auth) },
  });
  await response.body?.cancel();
  if (response.status === 401) {
    const which = 'token' in auth ? 'the token' : `user "${auth.username}" and the given password`;
    throw new UsageError(`${baseUrl} refused ${which} (HTTP 401): check --user/--password or --token.`);
  }
  if (!response.ok && response.status !== 304) {
    throw new UsageError(`${baseUrl} answered GET /api/user with HTTP ${response.status}: check the credentials and the URL.`);
  }
}
