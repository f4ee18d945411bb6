import { request as httpRequest, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism, type PrismServer } from '../../src/contract/targets/prism.js';
import { runCli } from './run-cli.js';

// The url target's full run (fixtures created through the typed client, cases, clean-up), driven
// against the Prism mock behind a recording proxy. Prism keeps no state, so most cases fail here;
// what this proves is the bookkeeping: everything created is deleted, after the cases ran.
let prism: PrismServer;
let proxyUrl: string;
const seen: string[] = [];
let closeProxy: () => void;

beforeAll(async () => {
  prism = await startPrism();
  const upstream = new URL(prism.baseUrl);
  const proxy = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  closeProxy = () => { proxy.closeAllConnections(); proxy.close(); };
}, 60_000);
afterAll(async () => {
  closeProxy?.();
  await prism?.stop();
});

describe('conformance --url with a full run', () => {
  it('creates fixtures through the API, runs the cases, then deletes every fixture', async () => {
    const { code, stderr } = await runCli(['conformance', '--url', proxyUrl, '--user', 'admin', '--password', 'admin-password']);
    expect(stderr).toBe('');
    expect(code).toBe(1); // a stateless mock cannot satisfy a real server's cases
    const created = ['POST /api/admin/users', 'POST /api/orgs', 'POST /api/teams', 'POST /api/dashboards/db', 'POST /api/serviceaccounts'];
    for (const call of created) expect(seen).toContain(call);
    // Before anything is created, the server's users, orgs, teams and service accounts are listed.
    const lists = [
      'GET /api/user', 'GET /api/users/search?perpage=500&page=1', 'GET /api/orgs?perpage=500&page=0', 'GET /api/teams/search?perpage=500&page=1',
      'GET /api/serviceaccounts/search?perpage=500&page=1', 'GET /api/org', 'GET /api/org/users', 'GET /api/org/preferences', 'GET /api/org/quotas',
      'GET /api/org/invites', 'GET /api/user/preferences', /^GET \/api\/admin\/users\/\d+\/quotas$/,
    ];
    const firstCreate = seen.indexOf('POST /api/admin/users');
    const at = (list: string | RegExp) => seen.findIndex((call) => (typeof list === 'string' ? call === list : list.test(call)));
    for (const list of lists) expect(at(list), String(list)).toBeGreaterThanOrEqual(0);
    for (const list of lists) expect(at(list), String(list)).toBeLessThan(firstCreate);
    // The run ends with the clean-up, in reverse order of creation (service account, dashboard,
    // two teams, second org, the three users), then the same lists again for the before/after check.
    const user = /^DELETE \/api\/admin\/users\/\d+$/;
    const cleanup = [/^DELETE \/api\/serviceaccounts\/\d+$/, /^DELETE \/api\/dashboards\/uid\/\S+$/, /^DELETE \/api\/teams\/\d+$/, /^DELETE \/api\/teams\/\d+$/, /^DELETE \/api\/orgs\/\d+$/, user, user, user];
    const tail = seen.slice(-(cleanup.length + lists.length));
    cleanup.forEach((pattern, i) => expect(tail[i], String(pattern)).toMatch(pattern));
    tail.slice(cleanup.length).forEach((call, i) => (typeof lists[i] === 'string' ? expect(call).toBe(lists[i]) : expect(call).toMatch(lists[i]!)));
  }, 120_000);
});
