import { parseOptions } from './parse.js';
import type { MockServer } from '../contract/targets/mock.js';
import type { MockAnswer } from '../contract/targets/router-front.js';
import { UsageError } from '../errors.js';

export interface MockOptions {
  host: string;
  /** Grafana's own port by default, so a client set up for a local Grafana works unchanged. */
  port: number;
  /** The Grafana version whose contract the mock serves; null: the newest the data knows. */
  grafanaVersion: string | null;
}

export const MOCK_USAGE = `Usage: grafana-api-contract mock [--port N] [--host H] [--grafana-version X.Y[.Z]]

Serves the Prism mock of the spec for your own client until Ctrl-C or SIGTERM: any basic-auth
user or bearer token is accepted, requests are validated (a trailing slash is accepted, as
Grafana accepts it), and each answer is the spec's example. It prints a line per request:
method, path, status, and why the contract refused a request (the answer's "message" says it
too). To check the contract itself, run "grafana-api-contract conformance --mock", not --url.
  --port N               port to listen on (default 3000, Grafana's)
  --host H               address to listen on (default 127.0.0.1)
  --grafana-version V    serve the contract of Grafana V (default: the newest the data knows);
                         /api/health and /api/frontend/settings answer that version
  -h, --help             show this help

Examples:
  grafana-api-contract mock --port 3001
  curl -u admin:admin -H 'Prefer: code=404' http://127.0.0.1:3001/api/users/1`;

/** Parses the mock command's arguments (after "mock"); every mistake is a one-line UsageError. */
export function parseMockArgs(argv: string[]): { command: 'mock'; options: MockOptions } | { command: 'help'; topic: 'mock' } {
  const options = { port: { type: 'string' }, host: { type: 'string' }, 'grafana-version': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
  const { values } = parseOptions(argv, options, { prefix: 'mock: ', then: 'it takes --port N, --host H and --grafana-version V only.' });
  if (values.help) return { command: 'help', topic: 'mock' };
  const port = values.port === undefined ? 3000 : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`mock --port ${values.port}: expected a port number from 1 to 65535.`);
  const host = values.host ?? '127.0.0.1';
  if (!host.trim()) throw new UsageError('mock --host: empty; pass an address such as 127.0.0.1 or 0.0.0.0.');
  return { command: 'mock', options: { host, port, grafanaVersion: values['grafana-version'] ?? null } };
}

export interface MockOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * The `mock` command: starts the mock, says where it is and how to ask it for an error, and
 * serves until SIGINT or SIGTERM (exit 0 after Prism is stopped). A port in use is a one-line
 * error (exit 2); a Prism that dies on its own ends the command with exit 1.
 */
export async function mock(options: MockOptions, io: MockOutput): Promise<number> {
  // Loaded when the command runs, so that help and usage errors answer without them (see command.ts).
  const { contractFor } = await import('../versions/index.js');
  const { startMockServer } = await import('../contract/targets/mock.js');
  const contract = contractFor(options.grafanaVersion);
  if (contract.warning) io.err(`warning: ${contract.warning}`);
  let server: MockServer;
  try {
    server = await startMockServer(contract, { host: options.host, port: options.port, onAnswer: (answer) => io.out(answerLine(answer)) });
  } catch (err) {
    throw listenError(err, options);
  }
  const url = server.baseUrl;
  io.out(`Mock of the Grafana ${contract.version} user and organization API at ${url} (Prism, requests validated; any basic-auth user or bearer token is accepted)`);
  io.out(`Error examples: send "Prefer: code=404" (or "Prefer: example=NAME") with a request, e.g. curl -u admin:admin -H 'Prefer: code=404' ${url}/api/users/1`);
  io.out('A line per request follows: method, path, status, and why the contract refused a request. Press Ctrl-C to stop.');

  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // Ctrl-C on a terminal reaches Prism too (same process group), so a Prism exit just before our
  // own SIGINT is not "on its own": give the signal a moment to arrive.
  const prismDied = server.prismExited.then((last) => new Promise<{ last: string }>((resolve) => setTimeout(() => resolve({ last }), 300)));
  const ended = await Promise.race([signalled.then((signal) => ({ signal })), prismDied]);
  await server.stop();
  if ('last' in ended) {
    io.err(`error: the Prism mock exited on its own: ${ended.last}`);
    return 1;
  }
  io.err(`${ended.signal}: the mock is stopped.`);
  return 0;
}

/** `GET /api/users/1 200`, or `POST /api/serviceaccounts 400 refused: Request body must have required property 'name'`. */
export function answerLine(answer: MockAnswer): string {
  const line = `${answer.method} ${answer.path} ${answer.status}`;
  if (!answer.violations.length) return line;
  return `${line} ${answer.status >= 400 ? 'refused' : 'accepted, but'}: ${answer.violations.join('; ')}`;
}

function listenError(err: unknown, options: MockOptions): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  const where = `${options.host}:${options.port}`;
  if (code === 'EADDRINUSE') return new UsageError(`mock: ${where} is already in use (a Grafana or another mock?): stop it, or pass --port N.`);
  if (code === 'EACCES') return new UsageError(`mock: not allowed to listen on ${where} (ports below 1024 need privileges): pass --port N above 1023.`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new UsageError(`mock --host ${options.host}: not an address of this machine: pass 127.0.0.1, 0.0.0.0 or one of its addresses.`);
  return err;
}
