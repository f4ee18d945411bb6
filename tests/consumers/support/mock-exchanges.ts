import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer } from '../../support/http-server.js';
import { CACHE_ROOT } from '../../../scripts/toolchains.mjs';

// What a README block exchanged with the README's mock: the requests it sent and the answers it
// got. A block that calls the mock is replayed only while the mock answers those requests as it
// did when the block passed (readme-commands.test.ts): the block's text and the files it reads
// decide what it sends, and these answers are all it receives from the mock.

export interface MockExchange {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  status: number;
  contentType: string;
  answer: string;
}

type Request = Pick<MockExchange, 'method' | 'url' | 'headers' | 'body'>;

// Set by the connection, not by the client: not sent again.
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/** Sends a request to the mock and returns it with the answer. */
export async function exchange(mockUrl: string, request: Request): Promise<MockExchange> {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
  const response = await fetch(new URL(request.url, mockUrl), { method: request.method, headers, body: ['GET', 'HEAD'].includes(request.method) ? undefined : request.body });
  return { ...request, headers, status: response.status, contentType: response.headers.get('content-type') ?? '', answer: await response.text() };
}

/** A front for the mock on a port of its own that passes every request on and keeps the exchanges. */
export async function startExchangeRecorder(mockUrl: string) {
  const exchanges: MockExchange[] = [];
  const server = await startTestServer(async (req, res) => {
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : Array.isArray(value) ? [[name, value.join(', ')]] : [])));
    const done = await exchange(mockUrl, { method: req.method, url: req.url, headers, body: req.body });
    exchanges.push(done);
    res.writeHead(done.status, done.contentType ? { 'Content-Type': done.contentType } : {});
    res.end(done.answer);
  });
  return { url: server.url, exchanges, close: server.close };
}

/** The answers, as text for a run-cache input: what a block got, or what the mock gives its requests now (in a fixed order). */
export const answersText = (exchanges: readonly MockExchange[]) => JSON.stringify(exchanges.map((e) => [e.method, e.url, e.body, e.status, e.contentType, e.answer]).sort());

/** The same requests sent to the mock again, with its answers now. */
export const exchangesNow = (mockUrl: string, exchanges: readonly MockExchange[]) => Promise.all(exchanges.map((e) => exchange(mockUrl, e)));

const DIR = join(CACHE_ROOT, 'readme-mock-exchanges');
const fileOf = (key: string) => join(DIR, `${key}.json`);

/** The exchanges of the last passing run of a block with this key, or null. */
export function storedExchanges(key: string): MockExchange[] | null {
  return existsSync(fileOf(key)) ? (JSON.parse(readFileSync(fileOf(key), 'utf8')) as MockExchange[]) : null;
}

export function storeExchanges(key: string, exchanges: readonly MockExchange[]): void {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(`${fileOf(key)}.partial`, JSON.stringify(exchanges));
  renameSync(`${fileOf(key)}.partial`, fileOf(key));
}
