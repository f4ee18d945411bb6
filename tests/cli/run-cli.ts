import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../src/cli/command.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** The environment a run gets: only PATH and HOME of this one, plus what the test gives. */
const envOf = (env: Record<string, string>) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env });

/**
 * Runs a command line in this process, through the function the bin runs (src/cli/command.ts;
 * main.ts only binds it to the process's arguments, environment, streams and exit code), and
 * collects its exit code and output. A CLI process costs about 0.8 s of CPU to start and load
 * the contract before it sends anything; in process, a run of a few operations after the first
 * costs under 0.1 s.
 */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCommand(args, { env: envOf(env), stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTTY: false });
  return { code, stdout, stderr };
}

/**
 * Runs the built CLI as a user would, as its own process, for what only a process shows: that it
 * exits by itself once the command is done (no timer or socket left open), its exit code, and
 * what it leaves running.
 */
export function runCliProcess(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: envOf(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
