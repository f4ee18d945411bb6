import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, sendJson } from '../support/http-server.js';
import { answersText, exchangesNow, startExchangeRecorder } from '../consumers/support/mock-exchanges.js';

// The README-commands test replays a block that calls the mock only while the mock answers that
// block's recorded requests as it did; here two FAKE mocks (not Prism, not Grafana) that differ in
// one answer show that the comparison sees the difference and nothing else.
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function fakeMock(login: string) {
  const server = await startTestServer((req, res) => (req.url === '/api/user' ? sendJson(res, 200, { login }) : sendJson(res, 404, { message: 'Not found' })));
  closers.push(server.close);
  return server;
}

describe('the exchanges of a README block with the mock', () => {
  it('are recorded as passed on, and compare equal on the same mock and unequal on one that answers differently', async () => {
    const jane = await fakeMock('jane');
    const recorder = await startExchangeRecorder(jane.url);
    closers.push(recorder.close);
    const response = await fetch(`${recorder.url}/api/user`, { headers: { Authorization: 'Basic YWRtaW46YWRtaW4=' } });
    expect(await response.json()).toEqual({ login: 'jane' });
    expect(recorder.exchanges.map((e) => [e.method, e.url, e.status, e.headers.authorization])).toEqual([['GET', '/api/user', 200, 'Basic YWRtaW46YWRtaW4=']]);
    expect(jane.requests.at(-1)!.headers.authorization).toBe('Basic YWRtaW46YWRtaW4=');

    const recorded = answersText(recorder.exchanges);
    expect(answersText(await exchangesNow(jane.url, recorder.exchanges))).toBe(recorded);
    const bob = await fakeMock('bob');
    expect(answersText(await exchangesNow(bob.url, recorder.exchanges))).not.toBe(recorded);
  });
});
