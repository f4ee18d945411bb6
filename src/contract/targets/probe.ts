import { UsageError } from '../../errors.js';
import { describeNotJson, noAnswer } from './answer.js';
import { MOCK_HEADER } from './router-front.js';

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
  // This project's own mock answers with examples, not as a server does: a --url run against it
  // would fail case after case for reasons that say nothing about the contract.
  const mock = response.headers.get(MOCK_HEADER);
  if (mock !== null) {
    throw new UsageError(`${baseUrl} is this project's own mock (grafana-api-contract mock ${mock}), not a Grafana: run "grafana-api-contract conformance --mock" instead, which asks the mock for each case's documented answer.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const what = /json/i.test(response.headers.get('content-type') ?? '') ? 'a body that is not valid JSON' : describeNotJson(response.headers.get('content-type'), text, response);
    throw new UsageError(`${baseUrl} is not a Grafana server: GET /api/health answered HTTP ${response.status} with ${what}.`);
  }
  const health = body as { database?: unknown; version?: unknown } | null;
  if (!health || typeof health !== 'object' || Array.isArray(health) || typeof health.database !== 'string') {
    throw new UsageError(`${baseUrl} is not a Grafana server: GET /api/health answered HTTP ${response.status} with JSON that is not Grafana's health answer (no "database" field).`);
  }
  return typeof health.version === 'string' ? health.version : null;
}
