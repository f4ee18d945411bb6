import { parseArgs } from 'node:util';
import { normalizeBaseUrl } from '../base-url.js';
import type { GrafanaAuth } from '../auth.js';
import { UsageError } from './usage-error.js';
import { REPORT_FORMATS } from '../report/write.js';
import { extname } from 'node:path';

export const USAGE = `Usage: grafana-api-contract conformance [target] [options]

Runs the contract cases of the Grafana user and organization API spec against a target.

Target (one of):
  --mock                 a Prism mock of the spec, started and stopped by the tool
  --url URL              an existing Grafana (env GRAFANA_URL)

Credentials for --url (a full run needs a server administrator with basic auth):
  --user USER            basic auth login (env GRAFANA_USER)
  --password PASSWORD    basic auth password (env GRAFANA_PASSWORD)
  --token TOKEN          service account token (env GRAFANA_TOKEN), only with --read-only

Options:
  --only IDS             run only these operations (comma-separated operationIds)
  --read-only            send GET requests only: no fixtures, other cases are skipped
  --report FILE          write a report: .json, .md or .xml (JUnit); may be repeated
  --no-strict            accept response properties the spec does not declare
  --concurrency N        requests in flight for independent cases (default 4)
  --timeout MS           per-request timeout in milliseconds (default 15000)
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 all cases passed, 1 a case failed, 2 bad usage or an unusable target.`;

export interface ConformanceOptions {
  target: { kind: 'mock' } | { kind: 'url'; url: string; auth: GrafanaAuth };
  only: string[] | null;
  readOnly: boolean;
  reports: string[];
  strict: boolean;
  concurrency: number;
  timeoutMs: number;
}

export type ParsedCommand = { command: 'help' } | { command: 'version' } | { command: 'conformance'; options: ConformanceOptions };

/** Parses the command line (and GRAFANA_* variables); every mistake is a one-line UsageError. */
export function parseCommand(argv: string[], env: NodeJS.ProcessEnv): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        mock: { type: 'boolean' },
        url: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
        token: { type: 'string' },
        only: { type: 'string' },
        'read-only': { type: 'boolean' },
        report: { type: 'string', multiple: true },
        'no-strict': { type: 'boolean' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    // Node's messages are one line, e.g. "Unknown option '--foo'"; keep them, drop the hint text.
    throw new UsageError(`${(err as Error).message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '')}: see --help.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  if (positionals[0] !== 'conformance' || positionals.length > 1) {
    throw new UsageError(positionals.length ? `unknown command "${positionals.join(' ')}": the command is "conformance"; see --help.` : 'no command given: run "grafana-api-contract conformance --mock" or see --help.');
  }

  const url = values.url ?? env.GRAFANA_URL;
  if (values.mock && values.url) throw new UsageError('--mock and --url name two targets: pass one of them.');
  let target: ConformanceOptions['target'];
  if (values.mock) target = { kind: 'mock' };
  else if (url) target = { kind: 'url', url: parseUrl(url), auth: parseAuth(values, env) };
  else throw new UsageError('no target: pass --mock, or --url URL (or set GRAFANA_URL) for an existing Grafana.');

  const reports = values.report ?? [];
  for (const file of reports) {
    if (!REPORT_FORMATS[extname(file).toLowerCase()]) throw new UsageError(`--report ${file}: unknown format "${extname(file) || '(no extension)'}"; use .json, .md or .xml.`);
  }
  if (target.kind === 'url' && 'token' in target.auth && !values['read-only']) {
    throw new UsageError('a full run creates users and orgs, which needs a server administrator with basic auth: pass --user and --password, or add --read-only to use a token.');
  }
  return {
    command: 'conformance',
    options: {
      target,
      only: values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : null,
      readOnly: Boolean(values['read-only']),
      reports,
      strict: !values['no-strict'],
      concurrency: positiveInt('--concurrency', values.concurrency, 4),
      timeoutMs: positiveInt('--timeout', values.timeout, 15_000),
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
  // Credentials on the command line replace the environment's as a whole.
  const fromFlags = values.user !== undefined || values.password !== undefined || values.token !== undefined;
  const { user, password, token } = fromFlags ? values : { user: env.GRAFANA_USER, password: env.GRAFANA_PASSWORD, token: env.GRAFANA_TOKEN };
  if (token && (user || password)) throw new UsageError('a token and a user/password are two ways to sign in: pass one of them.');
  if (user || password) {
    if (!user) throw new UsageError('a password was given without a user: pass --user (or set GRAFANA_USER).');
    if (!password) throw new UsageError(`no password for user "${user}": pass --password (or set GRAFANA_PASSWORD).`);
    return { username: user, password };
  }
  if (token) return { token };
  throw new UsageError('no credentials for --url: pass --user and --password (a server administrator), or --token with --read-only.');
}

function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} ${value}: expected a positive whole number.`);
  return n;
}
