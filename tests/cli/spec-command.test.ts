import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// `grafana-api-contract spec`, run as a user runs it: the OpenAPI document of one Grafana version.
const dir = mkdtempSync(join(tmpdir(), 'gac-spec-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('grafana-api-contract spec', () => {
  it('prints the 3.1 document of the version asked for, named after it', async () => {
    const { code, stdout, stderr } = await runCli(['spec', '--grafana-version', '10.4']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const doc = JSON.parse(stdout) as { openapi: string; info: Record<string, string>; paths: object };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info['x-grafana-version']).toBe('10.4.0');
    expect(doc.info.title).toMatch(/\(Grafana 10\.4\)$/);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
  });

  it('writes the 3.0 form to a file with -o and says so on stderr', async () => {
    const file = join(dir, 'grafana-11.6.json');
    const { code, stdout, stderr } = await runCli(['spec', '--grafana-version', '11.6.2', '--openapi', '3.0', '-o', file]);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    expect(stderr.trim()).toBe(`wrote the Grafana 11.6.2 contract (OpenAPI 3.0) to ${file}`);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { openapi: string; info: Record<string, string> };
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.info['x-grafana-version']).toBe('11.6.2');
  });

  it('prints the newest contract without a version, and with a warning for a newer one', async () => {
    const newest = await runCli(['spec']);
    const newer = await runCli(['spec', '--grafana-version', '99.1']);
    expect(newer.code).toBe(0);
    expect(newer.stderr.trim()).toMatch(/^warning: Grafana 99\.1 is newer than the contract data knows \(up to \d+\.\d+\): using the Grafana \d+\.\d+ contract\.$/);
    expect(newer.stdout).toBe(newest.stdout);
  });

  it.each([
    [['--grafana-version', '7.5'], 'error: --grafana-version 7.5: Grafana 7.5 is older than the contract covers (8.0 and later); pass a version from 8.0 to'],
    [['--grafana-version', 'latest'], 'error: --grafana-version "latest": not a Grafana version; expected X.Y or X.Y.Z, e.g. 10.4 or 11.6.2.'],
    [['--openapi', '2.0'], 'error: spec --openapi 2.0: expected 3.1 (the default) or 3.0.'],
    [['--grafana'], 'error: spec: Unknown option \'--grafana\''],
    [['-o', join(dir, 'no', 'such', 'folder', 'x.json')], `error: spec -o ${join(dir, 'no', 'such', 'folder', 'x.json')}: cannot write it (ENOENT)`],
  ])('refuses %j in one line, exit 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli(['spec', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim().startsWith(message)).toBe(true);
  });

  it('has its own help, with examples', async () => {
    const { code, stdout } = await runCli(['spec', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: grafana-api-contract spec');
    expect(stdout).toContain('grafana-api-contract spec --grafana-version 10.4 -o grafana-10.4.json');
  });
});
