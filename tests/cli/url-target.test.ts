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
  it('as an org admin (the mock\'s /api/user is no server admin): creates org fixtures through the API, runs the cases, then deletes every fixture', async () => {
    const { code, stderr } = await runCli(['conformance', '--url', proxyUrl, '--user', 'admin', '--password', 'admin-password']);
    expect(stderr).toBe('');
    expect(code).toBe(1); // a stateless mock cannot satisfy a real server's cases
    const created = ['POST /api/teams', 'POST /api/dashboards/db', 'POST /api/serviceaccounts'];
    for (const call of created) expect(seen).toContain(call);
    // An org admin makes no users and no org: the set-up ends with the third token (the Admin
    // service account's two, the Viewer's one), and sends none of those creates before it.
    const tokens = seen.map((call, i) => (/^POST \/api\/serviceaccounts\/\d+\/tokens$/.test(call) ? i : -1)).filter((i) => i >= 0);
    const setUp = seen.slice(0, tokens[2]! + 1);
    expect(setUp.filter((call) => call.startsWith('POST /api/admin/users') || call === 'POST /api/orgs')).toEqual([]);
    // Before anything is created, what an org admin may read is listed.
    const lists = [
      'GET /api/user', 'GET /api/teams/search?perpage=500&page=1', 'GET /api/serviceaccounts/search?perpage=500&page=1', 'GET /api/org',
      'GET /api/org/users', 'GET /api/org/preferences', 'GET /api/org/quotas', 'GET /api/org/invites', 'GET /api/user/preferences',
    ];
    const firstCreate = seen.indexOf('POST /api/teams');
    const at = (list: string) => seen.indexOf(list);
    for (const list of lists) expect(at(list), list).toBeGreaterThanOrEqual(0);
    for (const list of lists) expect(at(list), list).toBeLessThan(firstCreate);
    // The run ends with the clean-up, in reverse order of creation (the Viewer and the Admin
    // service account, dashboard, two teams), then the same lists again for the before/after check.
    const account = /^DELETE \/api\/serviceaccounts\/\d+$/;
    const cleanup = [account, account, /^DELETE \/api\/dashboards\/uid\/\S+$/, /^DELETE \/api\/teams\/\d+$/, /^DELETE \/api\/teams\/\d+$/];
    const tail = seen.slice(-(cleanup.length + lists.length));
    cleanup.forEach((pattern, i) => expect(tail[i], String(pattern)).toMatch(pattern));
    expect(tail.slice(cleanup.length)).toEqual(lists);
  }, 120_000);
});

describe('an org-Admin token run against the mock used as a --url target', () => {
  const run = async (...extra: string[]) => {
    const r = await runCli(['conformance', '--url', proxyUrl, '--token', 'glsa_prism_as_url_token_0001', ...extra]);
    const applying = /^Signed in as .*: (\d+) of \d+ cases apply$/m.exec(r.stdout);
    const summary = /^(\d+) passed, (\d+) failed, (\d+) skipped$/m.exec(r.stdout);
    expect(applying, r.stdout.slice(0, 400) + r.stderr).not.toBeNull();
    expect(summary).not.toBeNull();
    const executed = Number(summary![1]) + Number(summary![2]);
    expect(executed).toBe(Number(applying![1]));
    return { ...r, executed };
  };

  it('executes at least 200 cases without --read-only, and more with --allow-org-writes', async () => {
    const plain = await run();
    expect([0, 1]).toContain(plain.code);
    expect(plain.executed).toBeGreaterThanOrEqual(200);
    const writes = await run('--allow-org-writes');
    expect([0, 1]).toContain(writes.code);
    expect(writes.executed).toBeGreaterThan(plain.executed);
  }, 120_000);
});
