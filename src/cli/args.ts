import { normalizeBaseUrl } from '../base-url.js';
import type { GrafanaAuth } from '../auth.js';
import { UsageError } from '../errors.js';
import { reportExtension } from '../report/formats.js';
import { didYouMean } from './select.js';
import { extname } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Connection } from '../contract/targets/connection.js';
import { parseMockArgs, type MockOptions } from './mock.js';
import { parseSpecArgs, type SpecOptions } from './spec.js';
import { parseListArgs } from './list.js';
import { parseEvidenceArgs } from './evidence.js';
import { parseOptions } from './parse.js';

/** The commands, for `help COMMAND` and for the suggestion on a typo. */
export const COMMANDS = ['conformance', 'evidence', 'list', 'mock', 'spec'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const CONFORMANCE_USAGE = `Usage: grafana-api-contract conformance (--mock | --url URL) [options]

Runs the contract cases of the Grafana user and organization API against a target, and prints a
table per operation.

Target (one of):
  --mock                 this project's mock of the contract (Prism), started and stopped by the tool
  --url URL              an existing Grafana (env GRAFANA_URL)

Credentials for --url (the run checks what its caller may do: a server administrator runs every
case; an organization Admin, e.g. a service account token with the Admin role, runs the rest):
  --user USER            basic auth login (env GRAFANA_USER)
  --password PASSWORD    basic auth password (env GRAFANA_PASSWORD)
  --token TOKEN          service account token (env GRAFANA_TOKEN)
                         (each of these falls back to its variable on its own)
  --org-id N             work in this organization, sent as X-Grafana-Org-Id (env GRAFANA_ORG_ID)

Connection for --url:
  --ca-cert FILE         trust the CA certificate(s) in this PEM file (a private CA, a self-signed server)
  --insecure             do not verify the server's TLS certificate (for testing only; prints a warning)
  --header 'Name: value' send this header with every request (a proxy in front of Grafana); may be repeated

Options:
  --grafana-version V    judge the answers by the contract of Grafana V (X.Y or X.Y.Z); default:
                         the version the server reports (/api/health), or the newest for --mock
  --only IDS             run only these operations (comma-separated operationIds or tags; see "list")
  --read-only            send GET requests only: no fixtures, other cases are skipped
  --allow-org-writes     let cases write to the current organization itself (name, address,
                         preferences); they write back what they read (default: skipped)
  --report FILE          write a report: .json, .md, .xml (JUnit) or .html; may be repeated
  --no-strict            accept response properties the spec does not declare
  --record DIR           write every request and response of the run as evidence entries into DIR
  --concurrency N        requests in flight for independent cases (default 4)
  --timeout MS           per-request timeout in milliseconds (default 15000)
  --verbose              print every case's request and response (failures always show theirs)
  -h, --help             show this help

Output: on a terminal, a line per case as it finishes, in colour (set NO_COLOR=1 for none);
elsewhere (a CI log, a pipe), a line per operation, without colour.

Examples:
  grafana-api-contract conformance --mock --report report.html
  grafana-api-contract conformance --url http://localhost:3000 --user admin --password admin

Exit codes: 0 all cases passed, 1 a case failed, 2 bad usage, an unusable target, or no case run;
130 (Ctrl-C) or 143 (SIGTERM) stopped, after removing what the run created.`;

const CONFORMANCE_OPTIONS = {
  mock: { type: 'boolean' },
  url: { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string' },
  token: { type: 'string' },
  only: { type: 'string' },
  'read-only': { type: 'boolean' },
  'allow-org-writes': { type: 'boolean' },
  report: { type: 'string', multiple: true },
  'no-strict': { type: 'boolean' },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  record: { type: 'string' },
  'org-id': { type: 'string' },
  'ca-cert': { type: 'string' },
  insecure: { type: 'boolean' },
  header: { type: 'string', multiple: true },
  verbose: { type: 'boolean' },
  'grafana-version': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** `help` and `help COMMAND`. */
function parseHelp(args: string[]): ParsedCommand {
  if (args.length > 1) throw new UsageError(`help takes one command at most, not "${args.join(' ')}": run "grafana-api-contract help COMMAND".`);
  const topic = args[0];
  if (topic === undefined) return { command: 'help', topic: null };
  const known = COMMANDS.find((c) => c === topic);
  if (!known) throw new UsageError(`help: no command "${topic}"${didYouMean(topic, COMMANDS)}: the commands are ${COMMANDS.map((c) => `"${c}"`).join(', ')}.`);
  return { command: 'help', topic: known };
}

export interface ConformanceOptions {
  target: { kind: 'mock' } | { kind: 'url'; url: string; auth: GrafanaAuth };
  only: string[] | null;
  readOnly: boolean;
  /** Cases may write to the current org itself and write back what they read. */
  allowOrgWrites: boolean;
  reports: string[];
  strict: boolean;
  concurrency: number;
  timeoutMs: number;
  /** A folder to write the run's requests and responses to, as evidence entries. */
  record: string | null;
  /** TLS settings, extra headers and org for an existing Grafana (empty for the mock). */
  connection: Connection;
  /** Print every case's request and response, not only the failures'. */
  verbose: boolean;
  /** The Grafana version whose contract judges the answers; null: the version the target reports. */
  grafanaVersion: string | null;
}

export type ParsedCommand =
  | { command: 'help'; topic: CommandName | null }
  | { command: 'version' }
  | { command: 'conformance'; options: ConformanceOptions }
  | { command: 'evidence'; dirs: string[] }
  | { command: 'list' }
  | { command: 'mock'; options: MockOptions }
  | { command: 'spec'; options: SpecOptions };

/** Parses the command line (and GRAFANA_* variables); every mistake is a one-line UsageError. */
export function parseCommand(argv: string[], env: NodeJS.ProcessEnv): ParsedCommand {
  // Each command but conformance parses its own options (src/cli/<command>.ts).
  if (argv[0] === 'help') return parseHelp(argv.slice(1));
  if (argv[0] === 'mock') return parseMockArgs(argv.slice(1));
  if (argv[0] === 'spec') return parseSpecArgs(argv.slice(1));
  if (argv[0] === 'list') return parseListArgs(argv.slice(1));
  if (argv[0] === 'evidence') return parseEvidenceArgs(argv.slice(1));
  const { values, positionals } = parseOptions(argv, CONFORMANCE_OPTIONS, { positionals: true, then: 'see "grafana-api-contract conformance --help".' });
  if (positionals.length && (positionals[0] !== 'conformance' || positionals.length > 1)) {
    const hint = positionals.length === 1 ? didYouMean(positionals[0]!, [...COMMANDS, 'help']) : '';
    throw new UsageError(`unknown command "${positionals.join(' ')}"${hint}: the commands are ${COMMANDS.map((c) => `"${c}"`).join(', ')} and "help"; see --help.`);
  }
  if (values.help) return { command: 'help', topic: positionals.length ? 'conformance' : null };
  if (values.version) return { command: 'version' };
  if (!positionals.length) throw new UsageError('no command given: run "grafana-api-contract conformance --mock" or see --help.');

  const url = values.url ?? env.GRAFANA_URL;
  if (values.mock && values.url) throw new UsageError('--mock and --url name two targets: pass one of them.');
  // The mock takes no credentials: a flag it would ignore is a mistake worth saying (variables are ambient, and ignored).
  const credentialFlag = (['token', 'user', 'password'] as const).find((flag) => values.mock && values[flag] !== undefined);
  if (credentialFlag) throw new UsageError(`--${credentialFlag} is for an existing Grafana (--url), not the mock, which accepts any caller: remove it, or pass --url URL.`);
  let target: ConformanceOptions['target'];
  if (values.mock) target = { kind: 'mock' };
  else if (url) target = { kind: 'url', url: parseUrl(url), auth: parseAuth(values, env) };
  else throw new UsageError('no target: pass --mock, or --url URL (or set GRAFANA_URL) for an existing Grafana.');

  const reports = values.report ?? [];
  for (const file of reports) {
    if (!reportExtension(file)) throw new UsageError(`--report ${file}: unknown format "${extname(file) || '(no extension)'}"; use .json, .md, .xml or .html.`);
  }
  if (values['allow-org-writes'] && target.kind === 'mock') throw new UsageError('--allow-org-writes is for an existing Grafana (--url); the mock keeps no state: remove it, or pass --url URL.');
  if (values['allow-org-writes'] && values['read-only']) throw new UsageError('--allow-org-writes and --read-only contradict each other: pass one of them.');
  return {
    command: 'conformance',
    options: {
      target,
      only: parseOnly(values.only),
      readOnly: Boolean(values['read-only']),
      allowOrgWrites: Boolean(values['allow-org-writes']),
      reports,
      strict: !values['no-strict'],
      concurrency: positiveInt('--concurrency', values.concurrency, 4),
      timeoutMs: positiveInt('--timeout', values.timeout, 15_000),
      record: values.record ?? null,
      connection: parseConnection(values, env, target.kind),
      verbose: Boolean(values.verbose),
      grafanaVersion: values['grafana-version'] ?? null,
    },
  };
}

function parseUrl(url: string): string {
  try {
    return normalizeBaseUrl(url);
  } catch (err) {
    throw new UsageError(`--url: ${(err as Error).message.replace(/^baseUrl /, '')}`);
  }
}

function parseAuth(values: { user?: string; password?: string; token?: string }, env: NodeJS.ProcessEnv): GrafanaAuth {
  // Each field falls back to its variable on its own (`--user admin` with GRAFANA_PASSWORD set).
  // The way of signing in named on the command line wins: a --token ignores GRAFANA_USER and
  // GRAFANA_PASSWORD, and --user or --password ignores GRAFANA_TOKEN.
  const flagBasic = values.user !== undefined || values.password !== undefined;
  const flagToken = values.token !== undefined;
  const user = values.user ?? (flagToken && !flagBasic ? undefined : env.GRAFANA_USER);
  const password = values.password ?? (flagToken && !flagBasic ? undefined : env.GRAFANA_PASSWORD);
  const token = values.token ?? (flagBasic ? undefined : env.GRAFANA_TOKEN);
  if (token && (user || password)) throw new UsageError('a token and a user/password are two ways to sign in: pass one of them.');
  if (user || password) {
    if (!user) throw new UsageError('a password was given without a user: pass --user (or set GRAFANA_USER).');
    if (!password) throw new UsageError(`no password for user "${user}": pass --password (or set GRAFANA_PASSWORD).`);
    return { username: user, password };
  }
  if (token) return { token };
  throw new UsageError('no credentials for --url: pass --user and --password, or --token (a service account token; see --help).');
}

function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} ${value}: expected a positive whole number.`);
  return n;
}

function parseOnly(only: string | undefined): string[] | null {
  if (only === undefined) return null;
  const names = only.split(',').map((s) => s.trim()).filter(Boolean);
  if (!names.length) throw new UsageError(`--only "${only}" names no operation: pass operationIds or tags separated by commas (see "grafana-api-contract list").`);
  return names;
}

/** Header names that other options own. */
const OWNED_HEADERS: Record<string, string> = { authorization: '--user/--password or --token', 'x-grafana-org-id': '--org-id' };

function parseConnection(
  values: { 'org-id'?: string; 'ca-cert'?: string; insecure?: boolean; header?: string[] },
  env: NodeJS.ProcessEnv,
  kind: 'mock' | 'url',
): Connection {
  const orgId = values['org-id'] ?? env.GRAFANA_ORG_ID;
  const given = [values['ca-cert'] !== undefined && '--ca-cert', values.insecure && '--insecure', values.header?.length && '--header', values['org-id'] !== undefined && '--org-id'].filter(Boolean);
  if (kind === 'mock') {
    if (given.length) throw new UsageError(`${given[0]} is for an existing Grafana (--url), not the mock: remove it, or pass --url URL.`);
    return {};
  }
  if (values['ca-cert'] !== undefined && values.insecure) throw new UsageError('--ca-cert and --insecure contradict each other: pass --ca-cert to verify against your CA, or --insecure to skip the check.');
  const connection: Connection = {};
  if (orgId !== undefined) connection.orgId = positiveInt(values['org-id'] !== undefined ? '--org-id' : 'GRAFANA_ORG_ID', orgId, 1);
  if (values['ca-cert'] !== undefined) connection.tls = { ca: readCaCert(values['ca-cert']) };
  if (values.insecure) connection.tls = { insecure: true };
  if (values.header?.length) connection.headers = Object.fromEntries(values.header.map(parseHeader));
  return connection;
}

function readCaCert(file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--ca-cert ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): pass a PEM file with the CA certificate.`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`--ca-cert ${file}: no PEM certificate in it (no "-----BEGIN CERTIFICATE-----" line): pass the CA certificate in PEM format.`);
  return pem;
}

function parseHeader(header: string): [string, string] {
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*?)\s*$/.exec(header);
  if (!match || match[2] === '') throw new UsageError(`--header "${header.split(/[:\s]/)[0]}…": expected 'Name: value', e.g. --header 'X-Proxy-Token: abc'.`);
  const owner = OWNED_HEADERS[match[1]!.toLowerCase()];
  if (owner) throw new UsageError(`--header ${match[1]}: this header comes from ${owner}; use that option instead.`);
  return [match[1]!, match[2]!];
}
