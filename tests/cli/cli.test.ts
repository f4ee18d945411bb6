import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/contract/targets/free-port.js';
import { buildCases } from '../../src/contract/cases/index.js';
import { REPORT_FORMATS } from '../../src/report/write.js';
import { listOperations, loadBundledSpec } from '../../src/spec.js';
import { startFakeGrafana } from '../support/fake-grafana.js';
import { listenOnBlockedPort } from '../support/blocked-port.js';
import { startTestServer } from '../support/http-server.js';
import { ROOT, runCli, runCliProcess } from './run-cli.js';

const TOKEN = 'glsa_SecretTokenFromTheCommandLine_1234567890';
const PASSWORD = 'Admin-Pa55word-do-not-print';
const work = mkdtempSync(join(tmpdir(), 'gac-cli-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The JSON report format that other tools read (issue: contract runner). */
const reportSchema = {
  type: 'object',
  required: ['tool', 'target', 'startedAt', 'durationMs', 'summary', 'results'],
  properties: {
    tool: { type: 'object', required: ['name', 'version'], properties: { name: { const: 'grafana-api-contract' }, version: { type: 'string' } } },
    target: { type: 'object', required: ['kind', 'url', 'grafanaVersion'], properties: { kind: { enum: ['mock', 'url', 'local'] }, url: { type: 'string' }, grafanaVersion: { type: ['string', 'null'] } } },
    startedAt: { type: 'string', format: 'date-time' },
    durationMs: { type: 'integer', minimum: 0 },
    summary: {
      type: 'object',
      required: ['passed', 'failed', 'skipped', 'skippedBy'],
      properties: { skippedBy: { type: 'object', additionalProperties: { type: 'integer', minimum: 1 } } },
      additionalProperties: { type: 'integer', minimum: 0 },
    },
    caller: { type: 'string' },
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: ['case', 'operationId', 'method', 'path', 'expectedStatus', 'actualStatus', 'outcome', 'durationMs', 'problems'],
        properties: {
          method: { enum: ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'] },
          path: { type: 'string', pattern: '^/api/' },
          expectedStatus: { type: 'integer' },
          actualStatus: { type: ['integer', 'null'] },
          outcome: { enum: ['pass', 'fail', 'skip'] },
          problems: { type: 'array', items: { type: 'string' } },
          skip: { type: 'object', required: ['kind', 'reason'], properties: { kind: { type: 'string' }, reason: { type: 'string' } } },
        },
      },
    },
  },
};

// A run of two tags' operations and one more: the whole case set on the mock is run by the README's own command
// (tests/consumers/readme-commands.test.ts) and, in process, by the mock project (tests/mock/).
// The built CLI as its own process: it must exit by itself and leave no Prism behind.
describe('conformance --mock', () => {
  let result: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    result = await runCliProcess(['conformance', '--mock', '--only', 'Users,Teams,getHealth', '--report', join(work, 'mock.json'), '--report', join(work, 'mock.md'), '--report', join(work, 'mock.xml')]);
  }, 120_000);

  const jsonReport = () => JSON.parse(readFileSync(join(work, 'mock.json'), 'utf8')) as { summary: { passed: number; failed: number }; results: { path: string; operationId: string }[] };

  it('exits 0 with a summary table and the total time', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^getUserById\s+\d+\s+0\s+\d+$/m);
    expect(result.stdout).toMatch(/^\d+ passed, 0 failed, \d+ skipped$/m);
    expect(result.stdout).toMatch(/^Time: \d+\.\d s$/m);
  });

  it('--only runs just the named operations: those of the named tags, and those named by operationId', () => {
    const named = new Set(listOperations(loadBundledSpec()).filter((op) => ['Users', 'Teams'].includes(op.operation.tags?.[0] ?? '') || op.operationId === 'getHealth').map((op) => op.operationId));
    expect(named.size).toBeGreaterThan(20);
    expect(new Set(jsonReport().results.map((r) => r.operationId))).toEqual(named);
  });

  it('writes a JSON report in the documented format', () => {
    const report = jsonReport();
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
    expect(ajv.validate(reportSchema, report), JSON.stringify(ajv.errors)).toBe(true);
    expect(report.summary.failed).toBe(0);
    expect(report.results.map((r) => r.path)).toContain('/api/users/{id}');
    expect(report.results.map((r) => r.path)).toContain('/api/teams/{id}/members');
  });

  it('writes a JUnit report that parses as XML, a test case per case and a suite per operation', () => {
    const xml = readFileSync(join(work, 'mock.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { testsuites: { '@_tests': string; '@_failures': string; testsuite: unknown[] } };
    const report = jsonReport();
    expect(Number(parsed.testsuites['@_tests'])).toBe(report.results.length);
    expect(report.results.length).toBeGreaterThan(200);
    expect(parsed.testsuites['@_failures']).toBe('0');
    expect(parsed.testsuites.testsuite.length).toBe(new Set(report.results.map((r) => r.operationId)).size);
  });

  it('writes a Markdown report with a row per operation', () => {
    const md = readFileSync(join(work, 'mock.md'), 'utf8');
    expect(md).toMatch(/^\| getUserById \| GET \| `\/api\/users\/\{id\}` \| \d+ \| 0 \| \d+ \|$/m);
  });

  it('leaves no Prism process behind', () => {
    const port = /Target: mock http:\/\/127\.0\.0\.1:(\d+)/.exec(result.stdout)![1]!;
    const processes = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    expect(processes).not.toMatch(new RegExp(`prism-cli.* --port ${port}\\b`));
  });
});

describe('conformance options', () => {
  it('--read-only sends nothing but GET requests and says what it skipped', async () => {
    const server = await startFakeGrafana({ acceptAuthorization: `Bearer ${TOKEN}` });
    try {
      const file = join(work, 'read-only.json');
      // As its own process: a --url run exits by itself once it is done.
      const { code, stdout } = await runCliProcess(['conformance', '--url', server.url, '--token', TOKEN, '--read-only', '--report', file]);
      expect(code).toBe(1); // the fake is not a real Grafana, so cases fail
      expect(server.requests.length).toBeGreaterThan(20);
      expect(new Set(server.requests.map((r) => r.method))).toEqual(new Set(['GET']));
      const report = JSON.parse(readFileSync(file, 'utf8')) as { results: { method: string; outcome: string; problems: string[] }[] };
      const skipped = report.results.filter((r) => r.method !== 'GET');
      expect(skipped.length).toBeGreaterThan(20);
      expect(skipped.every((r) => r.outcome === 'skip')).toBe(true);
      expect(skipped.filter((r) => /--read-only sends GET requests only/.test(r.problems[0]!)).length).toBeGreaterThan(20);
      expect(stdout).toMatch(/read-only/);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('help', () => {
  const COMMANDS = ['conformance', 'evidence', 'list', 'mock', 'spec'];

  it('--help and help print the overview: every command, an example, and how to get a command\'s help', async () => {
    const [dashes, word] = await Promise.all([runCli(['--help']), runCli(['help'])]);
    for (const run of [dashes, word]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    }
    expect(word.stdout).toBe(dashes.stdout);
    for (const command of COMMANDS) expect(dashes.stdout).toMatch(new RegExp(`^  ${command} {2,}\\S`, 'm'));
    expect(dashes.stdout).toMatch(/^  help COMMAND /m);
    expect(dashes.stdout).toMatch(/^Examples:\n {2}grafana-api-contract conformance --mock$/m);
  }, 60_000);

  it.each(COMMANDS)('%s has its own help, the same from "COMMAND --help", "COMMAND -h" and "help COMMAND", with examples', async (command) => {
    const runs = await Promise.all([runCli([command, '--help']), runCli([command, '-h']), runCli(['help', command])]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(runs[0]!.stdout);
    }
    const help = runs[0]!.stdout;
    expect(help).toMatch(new RegExp(`^Usage: grafana-api-contract ${command}\\b`));
    // One or two examples, each a command line of this command.
    const examples = /\nExamples?:\n((?: {2}.+\n)+)/.exec(help)?.[1]?.trimEnd().split('\n') ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(1);
    expect(examples.length).toBeLessThanOrEqual(2);
    expect(examples.some((line) => line.includes(`grafana-api-contract ${command}`))).toBe(true);
    // Not another command's help.
    for (const other of COMMANDS.filter((c) => c !== command)) expect(help).not.toMatch(new RegExp(`^Usage: grafana-api-contract ${other}\\b`, 'm'));
  }, 60_000);

  it('the conformance help says how to turn colour off (NO_COLOR)', async () => {
    const { stdout } = await runCli(['conformance', '--help']);
    expect(stdout).toMatch(/NO_COLOR=1/);
  });

  it.each([
    [['hepl'], 'error: unknown command "hepl" (did you mean help?): the commands are "conformance", "evidence", "list", "mock", "spec" and "help"; see --help.\n'],
    [['help', 'mokc'], 'error: help: no command "mokc" (did you mean mock?): the commands are "conformance", "evidence", "list", "mock", "spec".\n'],
    [['conformance', '--urll', 'http://localhost:3000'], 'error: Unknown option \'--urll\' (did you mean --url?): see "grafana-api-contract conformance --help".\n'],
    [['conformance', '--mock', '--reprot', 'r.json'], 'error: Unknown option \'--reprot\' (did you mean --report?): see "grafana-api-contract conformance --help".\n'],
    [['mock', '--prot', '3001'], "error: mock: Unknown option '--prot' (did you mean --port?): it takes --port N, --host H and --grafana-version V only.\n"],
    [['spec', '--grafana-verison', '10.4'], "error: spec: Unknown option '--grafana-verison' (did you mean --grafana-version?): it takes --grafana-version, --openapi and -o only.\n"],
    [['list', '--all'], "error: list: Unknown option '--all': it takes no arguments; run \"grafana-api-contract list\".\n"],
    [['evidence', '--dir', 'x'], "error: evidence: Unknown option '--dir': it takes folders only; run \"grafana-api-contract evidence DIR...\".\n"],
  ])('%j: one line, with the nearest name when there is one', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toBe(message);
    expect(stdout).toBe('');
  }, 60_000);
});

describe('bad input and unusable targets exit 2 with one line', () => {
  const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);

  it.each([
    [['conformance'], /^error: no target: pass --mock, or --url URL/],
    [['conformance', '--mock', '--url', 'http://localhost:3000'], /two targets/],
    [['conformance', '--url', 'localhost:3000', '--user', 'admin', '--password', 'x'], /^error: --url: "localhost:3000" has no scheme: add http:\/\/ \(or https:\/\/\), e\.g\. http:\/\/localhost:3000\.$/m],
    [['conformance', '--url', 'http://localhost:3000'], /no credentials for --url/],
    [['conformance', '--url', 'http://localhost:3000', '--token', 'x', '--read-only', '--allow-org-writes'], /^error: --allow-org-writes and --read-only contradict each other/m],
    [['conformance', '--mock', '--allow-org-writes'], /^error: --allow-org-writes is for an existing Grafana \(--url\)/m],
    [['conformance', '--mock', '--report', 'out.txt'], /unknown format "\.txt"/],
    [['conformance', '--mock', '--token', 'abc'], /^error: --token is for an existing Grafana \(--url\), not the mock/],
    [['conformance', '--mock', '--user', 'admin'], /^error: --user is for an existing Grafana \(--url\), not the mock/],
    [['conformanc', '--mock'], /^error: unknown command "conformanc" \(did you mean conformance\?\)/],
    [['conformance', '--mock', '--bogus'], /Unknown option '--bogus'/],
    [['conformance', '--mock', '--only', 'noSuchOperation'], /^error: --only: no operationId or tag "noSuchOperation"/],
    [['conform'], /unknown command "conform"/],
    [['evidense'], /unknown command "evidense" \(did you mean evidence\?\)/],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    oneLine(stderr);
    expect(stdout).toBe('');
  }, 60_000);

  it('an unreachable URL', async () => {
    const port = await freePort();
    const { code, stderr } = await runCli(['conformance', '--url', `http://127.0.0.1:${port}`, '--user', 'admin', '--password', PASSWORD]);
    expect(code).toBe(2);
    expect(stderr).toBe(`error: cannot reach http://127.0.0.1:${port} (ECONNREFUSED): check the URL and that Grafana is running.\n`);
  });

  it('a URL that serves something other than Grafana', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>hello</html>');
    });
    try {
      const { code, stderr } = await runCli(['conformance', '--url', server.url, '--user', 'admin', '--password', PASSWORD]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^error: http:\/\/127\.0\.0\.1:\d+ is not a Grafana server: GET \/api\/health answered HTTP 200/);
      oneLine(stderr);
    } finally {
      await server.close();
    }
  });

  it('wrong credentials, without printing the password', async () => {
    const server = await startFakeGrafana({ acceptAuthorization: 'Basic something-else' });
    try {
      const { code, stdout, stderr } = await runCli(['conformance', '--url', server.url, '--user', 'admin', '--password', PASSWORD]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/refused user "admin" and the given password \(HTTP 401\): check --user\/--password or --token/);
      oneLine(stderr);
      expect(`${stdout}${stderr}`).not.toContain(PASSWORD);
    } finally {
      await server.close();
    }
  });

  it('the same checks read GRAFANA_URL and GRAFANA_TOKEN from the environment', async () => {
    const port = await freePort();
    const { code, stderr } = await runCli(['conformance', '--read-only'], { GRAFANA_URL: `http://127.0.0.1:${port}`, GRAFANA_TOKEN: TOKEN });
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot reach/);
  });
});

describe('secrets', () => {
  it('a token passed on the command line appears nowhere in output or reports, even when the server echoes it', async () => {
    const server = await startFakeGrafana({ acceptAuthorization: `Bearer ${TOKEN}`, leakAuthorizationOn: '/api/users' });
    try {
      const files = ['secret.json', 'secret.md', 'secret.xml'].map((f) => join(work, f));
      const { stdout, stderr } = await runCli(['conformance', '--url', server.url, '--token', TOKEN, '--read-only', ...files.flatMap((f) => ['--report', f])]);
      const everything = [stdout, stderr, ...files.map((f) => readFileSync(f, 'utf8'))].join('\n');
      expect(everything).toContain('body is not valid JSON: oops Bearer ***'); // the echo was seen, and redacted
      expect(everything).not.toContain(TOKEN);
      expect(everything).not.toContain(TOKEN.slice(5, 30));
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('secrets are hidden by what they are, not by their text', () => {
  const basic = (login: string, password: string) => `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
  const runAndRead = async (name: string, server: { url: string }, login: string, password: string) => {
    const files = ['json', 'md', 'xml', 'html'].map((ext) => join(work, `${name}.${ext}`)).filter((f) => !f.endsWith('.html') || REPORT_FORMATS['.html']);
    const record = join(work, `${name}-record`);
    const run = await runCli(['conformance', '--url', server.url, '--user', login, '--password', password, '--read-only', '--record', record, ...files.flatMap((f) => ['--report', f])]);
    const recorded = readdirSync(record).map((f) => readFileSync(join(record, f), 'utf8'));
    return { run, files, everything: [run.stdout, run.stderr, ...files.map((f) => readFileSync(f, 'utf8')), ...recorded].join('\n') };
  };

  it('a run as admin/admin keeps every /api/admin/… path, case name, caller and login intact', async () => {
    const server = await startFakeGrafana({ acceptAuthorization: basic('admin', 'admin') });
    try {
      const { run, files, everything } = await runAndRead('admin-admin', server, 'admin', 'admin');
      expect(run.code).toBe(1); // the fake answers 418 to the cases: they fail, and that is not the point here
      expect(everything).not.toContain('***');
      const report = JSON.parse(readFileSync(files[0]!, 'utf8')) as { results: Array<{ case: string; path: string; request?: { caller: string; url: string } }> };
      const specPaths = new Set(listOperations(loadBundledSpec()).map((op) => op.path));
      const caseIds = new Set(buildCases(loadBundledSpec(), 'url').map((c) => c.id));
      for (const r of report.results) {
        expect(specPaths.has(r.path), r.path).toBe(true);
        expect(caseIds.has(r.case), r.case).toBe(true);
      }
      expect(report.results.some((r) => r.request?.url.includes('/api/admin/users/'))).toBe(true);
      expect(report.results.filter((r) => r.request).every((r) => ['admin', 'none'].includes(r.request!.caller))).toBe(true);
      const junit = readFileSync(files[2]!, 'utf8');
      expect(junit).toContain('is not a server admin');
      expect(junit).toContain('/api/admin/users/');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('a real password, and the Basic encoding a server echoes, appear nowhere (output, reports, recording)', async () => {
    const password = 'Tr0ub4dor&3-correct-horse';
    const server = await startFakeGrafana({ acceptAuthorization: basic('ops', password), leakAuthorizationOn: '/api/users' });
    try {
      const { everything } = await runAndRead('real-password', server, 'ops', password);
      expect(everything).toContain('oops Basic ***'); // the echo was seen, and the encoding hidden
      expect(everything).not.toContain(password);
      expect(everything).not.toContain(encodeURIComponent(password));
      expect(everything).not.toContain(Buffer.from(`ops:${password}`).toString('base64'));
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('errors name the real cause', () => {
  it('a port that fetch refuses says so, with a server listening there', async () => {
    const server = await listenOnBlockedPort();
    try {
      const { code, stderr } = await runCli(['conformance', '--url', `http://127.0.0.1:${server.port}`, '--user', 'admin', '--password', PASSWORD]);
      expect(code).toBe(2);
      expect(stderr).toBe(`error: cannot reach http://127.0.0.1:${server.port}: port ${server.port} is one that fetch refuses to connect to (a "bad port" of the Fetch standard, like 6000, 6665-6669 or 10080), so nothing was sent: serve Grafana on another port (its default is 3000), or reach it through a proxy on an allowed port.\n`);
      expect(server.connections()).toBe(0);
    } finally {
      await server.close();
    }
  });
});
