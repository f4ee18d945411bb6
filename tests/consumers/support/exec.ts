import { execFile } from 'node:child_process';
import type { ExecResult } from '../../support/run-cache.js';
import { toolchainPath } from './toolchains.js';

export type { ExecResult };

/** Runs a command without a shell; never throws for a non-zero exit (the caller asserts on it). */
export function exec(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      {
        cwd: options.cwd,
        env: { ...process.env, PATH: toolchainPath(), ...options.env },
        timeout: options.timeoutMs ?? 600_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) + (error && typeof error.code !== 'number' ? `\n${error.message}` : '') });
      },
    );
  });
}

/** Runs a command and throws with its output when it fails. */
export async function execOk(cmd: string, args: string[], options: Parameters<typeof exec>[2] = {}): Promise<ExecResult> {
  const result = await exec(cmd, args, options);
  if (result.code !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${[cmd.split('/').pop(), ...args].join(' ')} exited with ${result.code}:\n${output}`);
  }
  return result;
}
