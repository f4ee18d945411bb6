import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alive, prismChildrenOf } from '../support/processes.js';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../src/contract/targets/free-port.js';
import { parseMockArgs } from '../../src/cli/mock.js';
import { runCli } from './run-cli.js';

// `grafana-api-contract mock`, run as a user runs it: the built CLI as a child process.
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
/** Whether nothing listens on the port any more (we can listen there ourselves). */
const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

let child: ChildProcessWithoutNullStreams | undefined;
let blocker: Server | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  blocker?.close();
  blocker = undefined;
});

/** Starts the mock command and resolves with its output once it has said where it listens. */
async function startMock(args: string[]) {
  child = spawn(process.execPath, [CLI, 'mock', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const io = { stdout: '', stderr: '' };
  child.stderr.on('data', (d: Buffer) => (io.stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child!.stdout.on('data', (d: Buffer) => {
      io.stdout += d.toString();
      if (io.stdout.includes('Ctrl-C')) resolve();
    });
    child!.once('exit', (code) => reject(new Error(`mock exited with ${code}: ${io.stderr}`)));
  });
  return { child: child!, io, closed: new Promise<number | null>((resolve) => child!.once('close', resolve)) };
}

describe('grafana-api-contract mock', () => {
  it('serves the mock on the given port, accepts a trailing slash, gives error examples, and stops Prism on SIGTERM', async () => {
    const port = await freePort();
    const { child: mock, io, closed } = await startMock(['--port', String(port)]);
    const base = `http://127.0.0.1:${port}`;
    expect(io.stdout).toContain(`at ${base} `);
    expect(io.stdout).toContain(`-H 'Prefer: code=404' ${base}/api/users/1`);
    const prism = prismChildrenOf(mock.pid!);
    expect(prism).toHaveLength(1);

    const auth = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, 'Content-Type': 'application/json' };
    // The Python grafana-client creates a service account with POST /api/serviceaccounts/.
    const created = await fetch(`${base}/api/serviceaccounts/`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'ci-bot', role: 'Viewer' }) });
    expect(created.status).toBe(201);
    expect(await created.json()).toHaveProperty('id');
    const notFound = await fetch(`${base}/api/users/1`, { headers: { ...auth, Prefer: 'code=404' } });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toHaveProperty('message');
    // Request validation is on: a create without its required name is refused, and says why.
    const invalid = await fetch(`${base}/api/serviceaccounts`, { method: 'POST', headers: auth, body: JSON.stringify({ role: 'Viewer' }) });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ message: "Bad request data (mock: Request body must have required property 'name')", traceID: '' });
    // Every answer names the mock and this tool's version.
    const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    for (const answer of [created, notFound, invalid]) expect(answer.headers.get('X-Grafana-Api-Contract-Mock')).toBe(version);
    // A line per request: method, path, status, and the reason for a refusal.
    await expect.poll(() => io.stdout.split('\n').filter((line) => line.startsWith('POST ') || line.startsWith('GET ')), { timeout: 5000 }).toEqual([
      'POST /api/serviceaccounts/ 201',
      'GET /api/users/1 404',
      "POST /api/serviceaccounts 400 refused: Request body must have required property 'name'",
    ]);

    mock.kill('SIGTERM');
    expect(await closed).toBe(0);
    expect(io.stderr).toContain('SIGTERM: the mock is stopped.');
    expect(alive(prism[0]!)).toBe(false);
    expect(await portFree(port)).toBe(true);
  }, 60_000);

  it('--grafana-version serves that version: /api/health and /api/frontend/settings answer it, and only its operations exist; Ctrl-C (SIGINT) stops it and its Prism', async () => {
    const port = await freePort();
    const { child: mock, io, closed } = await startMock(['--port', String(port), '--grafana-version', '10.1']);
    const prism = prismChildrenOf(mock.pid!);
    expect(prism).toHaveLength(1);
    const base = `http://127.0.0.1:${port}`;
    expect(io.stdout).toContain(`Mock of the Grafana 10.1.0 user and organization API at ${base} `);
    const auth = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
    expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({ version: '10.1.0' });
    expect(await (await fetch(`${base}/api/frontend/settings`, { headers: auth })).json()).toMatchObject({ buildInfo: { version: '10.1.0' } });
    // POST /api/user/email/start-verify came in about 11.1: the 10.1 mock has no such route.
    const verify = await fetch(`${base}/api/user/email/start-verify`, { method: 'POST', headers: auth });
    expect(verify.status).toBe(404);
    mock.kill('SIGINT');
    expect(await closed).toBe(0);
    expect(alive(prism[0]!)).toBe(false);
    expect(await portFree(port)).toBe(true);
  }, 60_000);

  it('says in one line that a port is in use, and leaves no Prism behind', async () => {
    const port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(port, '127.0.0.1', resolve));
    const result = await runCli(['mock', '--port', String(port)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: mock: 127.0.0.1:${port} is already in use (a Grafana or another mock?): stop it, or pass --port N.\n`);
    expect(execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' })).not.toMatch(new RegExp(`prism-cli.*--port ${port}\\b`));
  }, 60_000);

  it.each([
    [['--port', 'abc'], 'error: mock --port abc: expected a port number from 1 to 65535.\n'],
    [['--port', '70000'], 'error: mock --port 70000: expected a port number from 1 to 65535.\n'],
    [['--mock'], "error: mock: Unknown option '--mock': it takes --port N, --host H and --grafana-version V only.\n"],
  ])('refuses %j in one line', async (args, message) => {
    const result = await runCli(['mock', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
  });

  it("listens on Grafana's port 3000 on 127.0.0.1 unless told otherwise", () => {
    expect(parseMockArgs([])).toEqual({ command: 'mock', options: { host: '127.0.0.1', port: 3000, grafanaVersion: null } });
    expect(parseMockArgs(['--port', '8080', '--host', '0.0.0.0'])).toEqual({ command: 'mock', options: { host: '0.0.0.0', port: 8080, grafanaVersion: null } });
  });
});
