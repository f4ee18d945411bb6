import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { UsageError } from '../../errors.js';

export interface PrismServer {
  baseUrl: string;
  stop(): Promise<void>;
  /** The end of what Prism printed (it prints errors only). */
  output(): string;
  /** Settles when the Prism process has exited, stopped or not. */
  exited: Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Kills every Prism this process started when the process exits, however it exits (the CLI turns
 * Ctrl-C into an orderly exit; this is the last resort).
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));
}

function prismBin(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new UsageError(prismMissingMessage());
  }
  const bin = (require(packageJson) as { bin: string | Record<string, string> }).bin;
  return join(dirname(packageJson), typeof bin === 'string' ? bin : bin.prism!);
}

/**
 * What to do when Prism is not installed: it is an optional peer dependency, so that installing
 * the package for the typed client does not pull in Prism's ~200 packages. Names the exact range
 * this package declares.
 */
export function prismMissingMessage(): string {
  const require = createRequire(import.meta.url);
  const pkg = require('../../../package.json') as { name: string; peerDependencies?: Record<string, string> };
  const range = pkg.peerDependencies?.['@stoplight/prism-cli'] ?? 'latest';
  return `the mock (conformance --mock, and the mock command) needs @stoplight/prism-cli, which is not installed: run "npm install --save-dev @stoplight/prism-cli@${range}" next to ${pkg.name} (it is an optional peer dependency).`;
}

/**
 * Starts Prism (`prism mock`, request validation on) on a loopback port (default: a free one) as
 * a child process and waits until it answers. The spec file defaults to the bundled
 * generated/openapi.json.
 */
export async function startPrism(specPath = fileURLToPath(new URL('../../../generated/openapi.json', import.meta.url)), startupTimeoutMs = 60_000, port?: number): Promise<PrismServer> {
  installExitHook();
  port ??= await freePort();
  // Logging only errors: at the default level Prism writes a few lines per request, which costs it
  // more than answering. Readiness is polled over HTTP, not read from the log.
  const child = spawn(process.execPath, [prismBin(), 'mock', specPath, '--host', '127.0.0.1', '--port', String(port), '--errors', '--verboseLevel', 'error'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => { running.delete(child); resolve(); }));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + startupTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new UsageError(`the Prism mock exited during start-up: ${lastLine(output)}`);
    if (await answers(`${baseUrl}/api/health`)) return { baseUrl, stop, output: () => output, exited };
    await new Promise((r) => setTimeout(r, 20));
  }
  await stop();
  throw new UsageError(`the Prism mock did not start within ${startupTimeoutMs} ms: ${lastLine(output)}`);
}

/** Whether an HTTP server answers at `url` (any status): Prism listens once the spec is loaded. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

export function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).at(-1)?.replace(/\x1b\[[0-9;]*m/g, '') ?? 'no output';
}
