import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/contract/targets/free-port.js';
import { startFakeGrafana } from '../support/fake-grafana.js';
import { ROOT, runCli } from './run-cli.js';

// Reports, runs that execute no case, failure diagnostics, progress and `list`, against a FAKE
// Grafana (tests/support/fake-grafana.ts: Grafana-like /api/health, /api/user and /api/org, 418
// elsewhere). It stands for no server's behaviour; the runs' verdicts here are about the CLI.
const TOKEN = 'glsa_RunOutputToken_abcdefghijklmn';
const work = mkdtempSync(join(tmpdir(), 'gac-output-'));
let server: Awaited<ReturnType<typeof startFakeGrafana>>;
beforeAll(async () => {
  server = await startFakeGrafana({ acceptAuthorization: `Bearer ${TOKEN}` });
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});
const readOnly = (...extra: string[]) => ['conformance', '--url', server.url, '--token', TOKEN, '--read-only', ...extra];
const xml = (file: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) }).parse(readFileSync(file, 'utf8')) as {
  testsuites: { '@_errors': string; testsuite: Array<{ '@_name': string; '@_time'?: string; properties?: { property: Array<{ '@_name': string; '@_value': string }> }; testcase: Array<{ '@_name': string; skipped?: { '@_message'?: string; '@_type'?: string }; error?: { '@_message': string } }> }> };
};

describe('reports', () => {
  it('open with the caller line the run printed, then the target and the Grafana version', async () => {
    const files = ['caller.md', 'caller.html', 'caller.json'].map((f) => join(work, f));
    const { stdout } = await runCli(readOnly('--only', 'getHealth,getCurrentOrg', ...files.flatMap((f) => ['--report', f])));
    const printed = /^Signed in as .+: \d+ of \d+ cases apply$/m.exec(stdout)?.[0];
    expect(printed, stdout.slice(0, 400)).toBeDefined();
    const md = readFileSync(files[0]!, 'utf8').split('\n');
    expect(md.slice(2, 6)).toEqual([`**${printed}**`, '', `- Target: url ${server.url}`, '- Grafana: 10.4.3']);
    expect(readFileSync(files[1]!, 'utf8')).toContain(`<p id="caller">${printed!.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`);
    const json = JSON.parse(readFileSync(files[2]!, 'utf8')) as { caller: string; casesThatApply: number; results: unknown[] };
    expect(`Signed in as ${json.caller}: ${json.casesThatApply} of ${json.results.length} cases apply`).toBe(printed);
  });

  it('a report path in a missing folder is refused before the run sends anything', async () => {
    const before = server.requests.length;
    const { code, stdout, stderr } = await runCli(readOnly('--report', join(work, 'no-such-folder', 'r.json')));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --report .*no-such-folder\/r\.json: the folder .*no-such-folder does not exist: create it first/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
    expect(server.requests.length).toBe(before);
  });

  it('a report path that is a folder is refused before the run', async () => {
    const { code, stderr } = await runCli(readOnly('--report', `${work}/`));
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown format|is a folder/);
    const folder = join(work, 'folder.json');
    execFileSync('mkdir', ['-p', folder]);
    const second = await runCli(readOnly('--report', folder));
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/folder\.json is a folder: name a file/);
  });

  it('a run that ends with exit 2 still writes every report, with the error', async () => {
    const port = await freePort();
    const files = ['unreachable.json', 'unreachable.xml', 'unreachable.md'].map((f) => join(work, f));
    const { code, stderr } = await runCli(['conformance', '--url', `http://127.0.0.1:${port}`, '--token', TOKEN, '--read-only', ...files.flatMap((f) => ['--report', f])]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/ECONNREFUSED/);
    const json = JSON.parse(readFileSync(files[0]!, 'utf8')) as { error: string; summary: object; results: unknown[] };
    expect(json.error).toMatch(/ECONNREFUSED/);
    expect(json.summary).toEqual({ passed: 0, failed: 0, skipped: 0, skippedBy: {} });
    const junit = xml(files[1]!);
    expect(junit.testsuites['@_errors']).toBe('1');
    expect(junit.testsuites.testsuite[0]!.testcase[0]!.error!['@_message']).toMatch(/ECONNREFUSED/);
    expect(readFileSync(files[2]!, 'utf8')).toMatch(/^- Error: .*ECONNREFUSED/m);
    expect([readFileSync(files[0]!, 'utf8'), readFileSync(files[1]!, 'utf8')].join()).not.toContain(TOKEN);
  });

  it('JUnit: skipped cases say why in <skipped message>, and every suite has a time', async () => {
    const file = join(work, 'skips.xml');
    await runCli(readOnly('--only', 'getCurrentOrg,updateCurrentOrg', '--report', file));
    const suites = xml(file).testsuites.testsuite;
    expect(suites.length).toBe(2);
    for (const suite of suites) expect(suite['@_time'], suite['@_name']).toMatch(/^\d+\.\d{3}$/);
    const skipped = suites.flatMap((s) => s.testcase).filter((c) => c.skipped !== undefined);
    expect(skipped.length).toBeGreaterThan(3);
    for (const c of skipped) expect(c.skipped!['@_message'], c['@_name']).toMatch(/^--read-only (sends GET requests only|creates no users or tokens to sign in as): run without --read-only/);
    // The category of each skip, and each suite's count per category.
    for (const c of skipped) expect(c.skipped!['@_type'], c['@_name']).toBe('read-only');
    for (const suite of suites) {
      const counted = suite.properties!.property.find((p) => p['@_name'] === 'skipped.read-only');
      expect(Number(counted?.['@_value'] ?? 0), suite['@_name']).toBe(suite.testcase.filter((c) => c.skipped).length);
    }
  });
});

describe('a run that executes no case is not a pass', () => {
  it('--read-only --only updateUser: every case skipped, exit 2 with a message, and the report says so', async () => {
    const file = join(work, 'none.json');
    const { code, stdout, stderr } = await runCli(readOnly('--only', 'updateUser', '--report', file));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: no case ran: 0 passed, \d+ skipped \(\d+ × --read-only sends GET requests only: run without --read-only to send this one\): choose operations that can run on this target/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toMatch(/^0 passed, 0 failed, \d+ skipped$/m);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { error: string }).error).toMatch(/^no case ran/);
  });

  it.each([[','], [' , ']])('--only %j names nothing: exit 2 before the run', async (only) => {
    const { code, stderr } = await runCli(['conformance', '--mock', '--only', only]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --only ".*" names no operation/);
  });
});

describe('failure diagnostics on the terminal', () => {
  it('a failed case shows its request and the start of the response', async () => {
    const { code, stdout } = await runCli(readOnly('--only', 'getUserById'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}getUserById: success \(expected 200, got 418\)$/m);
    expect(stdout).toMatch(/^ {4}request: GET http:\/\/127\.0\.0\.1:\d+\/api\/users\/\d+ as admin$/m);
    expect(stdout).toMatch(/^ {4}response: HTTP 418 \(application\/json\) \{"message":"not implemented by the fake"\}$/m);
  });

  it('--verbose shows the request and response of every case that was sent, passed ones too', async () => {
    const { stdout } = await runCli(readOnly('--only', 'getHealth', '--verbose'));
    expect(stdout).toMatch(/ok {3}getHealth: success \(\d+ ms\)\n {4}request: GET http:\/\/127\.0\.0\.1:\d+\/api\/health as none\n {4}response: HTTP 200 \(application\/json\) \{"commit"/);
  });
});

describe('progress', () => {
  it('not on a terminal: a start line, then one line per operation as it completes, no colours', async () => {
    const { stdout } = await runCli(readOnly('--only', 'getHealth,getCurrentOrg,getUserById'));
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^Running \d+ cases against url http:\/\/127\.0\.0\.1:\d+ \(Grafana 10\.4\.3\), read-only$/);
    const progress = lines.filter((l) => /^\[\d\/3\] \w+: \d+ passed, \d+ failed, \d+ skipped \(\d+ ms\)$/.test(l));
    expect(progress.map((l) => l.split(':')[0]!.split(' ')[1]).sort()).toEqual(['getCurrentOrg', 'getHealth', 'getUserById']);
    expect(stdout).not.toMatch(/\[\d+\/\d+\] (ok|FAIL|skip) /); // no line per case
    expect(stdout).not.toContain('\u001b[');
  });

  // `script` (util-linux) runs the CLI on a pseudo-terminal, as a person at a terminal would
  // (asynchronously: the fake server answers from this process).
  const onTerminal = async (env: Record<string, string>) => {
    const command = [process.execPath, join(ROOT, 'dist/cli/main.js'), ...readOnly('--only', 'getHealth')].map((a) => `'${a}'`).join(' ');
    const { stdout } = await promisify(execFile)('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
    return stdout;
  };

  it('on a terminal: a line per case, in colour', async () => {
    const out = await onTerminal({ TERM: 'xterm' });
    expect(out).toMatch(/\[2\/2\] \u001b\[32mok {2}\u001b\[39m getHealth: success/);
  });

  it('on a terminal with NO_COLOR: no colour', async () => {
    const out = await onTerminal({ TERM: 'xterm', NO_COLOR: '1' });
    expect(out).toMatch(/\[2\/2\] ok {3}getHealth: success/);
    expect(out).not.toContain('\u001b[');
  });
});

describe('list and --only', () => {
  it('list prints every operation with its method, path, case counts and tags', async () => {
    const { code, stdout, stderr } = await runCli(['list']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^operation\s+request\s+cases\s+mock\s+tags$/m);
    expect(stdout).toMatch(/^getUserById\s+GET \/api\/users\/\{id\}\s+\d+\s+\d+\s+Users$/m);
    expect(stdout).toMatch(/^getHealth\s+GET \/api\/health\s+\d+\s+\d+\s+Health$/m);
    expect(stdout).toMatch(/^\d+ operations; \d+ cases against a Grafana \(--url\), \d+ against the mock\./m);
  });

  it('--only suggests the nearest operationId on a typo', async () => {
    const { code, stderr } = await runCli(['conformance', '--mock', '--only', 'getUsrById']);
    expect(code).toBe(2);
    expect(stderr).toBe('error: --only: no operationId or tag "getUsrById" (did you mean getUserById?); run "grafana-api-contract list" to see them.\n');
  });

  it('--only takes tags, in any case', async () => {
    const file = join(work, 'tag.json');
    await runCli(readOnly('--only', 'health,Current organization', '--report', file));
    const ops = new Set((JSON.parse(readFileSync(file, 'utf8')) as { results: { operationId: string }[] }).results.map((r) => r.operationId));
    expect(ops.has('getHealth')).toBe(true);
    expect(ops.has('getCurrentOrg')).toBe(true);
    expect(ops.has('getUserById')).toBe(false);
    expect(existsSync(file)).toBe(true);
  });
});
