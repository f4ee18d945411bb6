import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { RecordedRequest } from '../../support/http-server.js';
import type { ExecResult } from './exec.js';
import { startRecordingServer } from './recording-server.js';

export interface WireCall { operationId: string; method: string; path: string; query?: Record<string, string>; body?: unknown }
export const WIRE = JSON.parse(readFileSync(new URL('../wire/calls.json', import.meta.url), 'utf8')) as { username: string; password: string; calls: WireCall[] };

/** The environment every driver reads: where to send, and which credentials. */
export function wireEnv(baseUrl: string): NodeJS.ProcessEnv {
  return { WIRE_BASE_URL: baseUrl, WIRE_USERNAME: WIRE.username, WIRE_PASSWORD: WIRE.password };
}

/** What arrived, in the shape of a WireCall (query as a flat map, body parsed), for exact comparison. */
export function asWireCall(req: RecordedRequest): Omit<WireCall, 'operationId'> {
  const url = new URL(req.url, 'http://recorder');
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  const call: Omit<WireCall, 'operationId'> = { method: req.method, path: url.pathname };
  if (Object.keys(query).length > 0) call.query = query;
  if (req.body.length > 0) call.body = JSON.parse(req.body);
  return call;
}

/** Asserts that exactly the calls of calls.json arrived, in order, each with basic auth. */
export function expectWireCalls(received: RecordedRequest[]): void {
  const expected = WIRE.calls.map(({ operationId: _id, ...call }) => call);
  expect(received.map(asWireCall)).toEqual(expected);
  const basic = `Basic ${Buffer.from(`${WIRE.username}:${WIRE.password}`).toString('base64')}`;
  expect(received.map((r) => r.headers.authorization)).toEqual(received.map(() => basic));
  for (const r of received.filter((x) => x.body.length > 0)) expect(r.headers['content-type'] ?? '').toMatch(/^application\/json/);
}

/**
 * Runs a driver (given the wire environment) against a fresh recording server and asserts that it
 * exited 0 and sent exactly the calls of calls.json: the last step of every non-Go generator suite.
 */
export async function expectDriverSendsWireCalls(runDriver: (env: NodeJS.ProcessEnv) => Promise<ExecResult>): Promise<void> {
  const server = await startRecordingServer();
  try {
    const run = await runDriver(wireEnv(server.url));
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expectWireCalls(server.requests);
  } finally {
    await server.close();
  }
}
