import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
/** PIDs of the Prism processes whose parent is `parent` (other test files may run their own Prism). */
const prismChildrenOf = (parent: number) =>
  execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, ppid, ...args]) => Number(ppid) === parent && /prism-cli/.test(args.join(' ')))
    .map(([pid]) => Number(pid));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('Ctrl-C during a mock run', () => {
  it('stops Prism and exits 130, leaving no process behind', async () => {
    const child = spawn(process.execPath, [CLI, 'conformance', '--mock'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Wait until Prism is up (the run announces itself), then interrupt.
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('Running') && resolve()));
    const prism = prismChildrenOf(child.pid!);
    expect(prism).toHaveLength(1);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/SIGINT: stopping and cleaning up the target/);
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(prism[0]!)).toBe(false);
  }, 60_000);
});
