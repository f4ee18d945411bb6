import { authorizationHeader, type GrafanaAuth } from '../../auth.js';
import { UsageError } from '../../errors.js';
import { describeNotJson, noAnswer, otherShape, readJson } from './answer.js';

/** How the probe sends its requests: the run's fetch (TLS settings) and extra headers. */
export interface ProbeTransport {
  fetch: typeof globalThis.fetch;
  headers: Record<string, string>;
}
const DIRECT: ProbeTransport = { fetch: (...args) => globalThis.fetch(...args), headers: {} };

/**
 * Checks that a URL serves Grafana (`GET /api/health` answers Grafana's health JSON) and returns
 * its version (null when the server hides it). Every failure is a one-line UsageError.
 */
export async function probeGrafana(baseUrl: string, timeoutMs: number, transport: ProbeTransport = DIRECT): Promise<string | null> {
  const url = `${baseUrl}/api/health`;
  let response: Response;
  let text: string;
  try {
    response = await transport.fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { ...transport.headers, Accept: 'application/json' } });
    text = await response.text();
  } catch (err) {
    throw noAnswer(baseUrl, url, err, timeoutMs);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const what = /json/i.test(response.headers.get('content-type') ?? '') ? 'a body that is not valid JSON' : describeNotJson(response.headers.get('content-type'), text);
    throw new UsageError(`${baseUrl} is not a Grafana server: GET /api/health answered HTTP ${response.status} with ${what}.`);
  }
  const health = body as { database?: unknown; version?: unknown } | null;
  if (!health || typeof health !== 'object' || Array.isArray(health) || typeof health.database !== 'string') {
    throw new UsageError(`${baseUrl} is not a Grafana server: GET /api/health answered HTTP ${response.status} with JSON that is not Grafana's health answer (no "database" field).`);
  }
  return typeof health.version === 'string' ? health.version : null;
}

/**
 * Checks that the run's credentials are accepted (`GET /api/user` answers a user as JSON), with a
 * one-line error if not: refused, no answer, an HTML page (a proxy's login page), another shape.
 */
export async function checkCredentials(baseUrl: string, auth: GrafanaAuth, timeoutMs: number, transport: ProbeTransport = DIRECT): Promise<void> {
  const url = `${baseUrl}/api/user`;
  let response: Response;
  let text: string;
  try {
    response = await transport.fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { ...transport.headers, Accept: 'application/json', Authorization: authorizationHeader(auth) },
    });
    text = await response.text();
  } catch (err) {
    // The server answered /api/health: name the request that got no answer.
    throw noAnswer(`${url} (after a healthy /api/health)`, url, err, timeoutMs);
  }
  if (response.status === 401) {
    const which = 'token' in auth ? 'the token' : `user "${auth.username}" and the given password`;
    throw new UsageError(`${baseUrl} refused ${which} (HTTP 401): check --user/--password or --token.`);
  }
  if (!response.ok) {
    throw new UsageError(`${baseUrl} answered GET /api/user with HTTP ${response.status}: check the credentials and the URL.`);
  }
  const user = (await readJson('GET', url, response, text)) as { id?: unknown; login?: unknown } | null;
  if (!user || typeof user !== 'object' || typeof user.id !== 'number' || typeof user.login !== 'string') {
    throw otherShape('GET', url, 'no numeric "id" and string "login" of the signed-in user');
  }
}
