import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { UsageError } from '../../cli/usage-error.js';

export interface PrismServer {
  baseUrl: string;
  stop(): Promise<void>;
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
    throw new UsageError('the mock target needs @stoplight/prism-cli, which is not installed: run npm install (it is an optional dependency).');
  }
  const bin = (require(packageJson) as { bin: string | Record<string, string> }).bin;
  return join(dirname(packageJson), typeof bin === 'string' ? bin : bin.prism!);
}

/**
 * Starts Prism (`prism mock`, request validation on) on a free loopback port as a child process
 * and waits until it answers. The spec file defaults to the bundled generated/openapi.json.
 */
export async function startPrism(specPath = fileURLToPath(new URL('../../../generated/openapi.json', import.meta.url)), startupTimeoutMs = 60_000): Promise<PrismServer> {
  installExitHook();
  const port = await freePort();
  const child = spawn(process.execPath, [prismBin(), 'mock', specPath, '--host', '127.0.0.1', '--port', String(port), '--errors'], {
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
    if (/Prism is listening/.test(output)) return { baseUrl, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new UsageError(`the Prism mock did not start within ${startupTimeoutMs} ms: ${lastLine(output)}`);
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).at(-1)?.replace(/\x1b\[[0-9;]*m/g, '') ?? 'no output';
}
