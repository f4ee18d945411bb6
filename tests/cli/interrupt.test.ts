import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { alive, prismChildrenOf } from '../support/processes.js';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

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
