import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packs the project, installs the tarball into an empty project (from the npm cache where
// possible), and uses it the way a consumer would: runtime import, JSON export, and types.
const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'gac-pack-'));
const consumer = join(work, 'consumer');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, stdio: 'pipe', encoding: 'utf8' });

beforeAll(() => {
  npm(['pack', '--pack-destination', work, '--silent'], root);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  execFileSync('mkdir', ['-p', consumer]);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // What a user of the typed client gets: a default install, less dev dependencies.
  npm(['install', join(work, tarball), '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts'], consumer);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('installs light for the typed client: no Prism, a few dozen packages at most', () => {
    const lock = JSON.parse(readFileSync(join(consumer, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const installed = Object.keys(lock.packages).filter((path) => path.startsWith('node_modules/'));
    expect(installed).not.toContain('node_modules/@stoplight/prism-cli');
    expect(installed.filter((path) => path.includes('@stoplight/'))).toEqual([]);
    // 15 to 20 packages today; with Prism it was about 195.
    expect(installed.length).toBeLessThan(40);
  });

  it.each([[['conformance', '--mock']], [['mock']]])('has %j name the exact package to install when Prism is missing', (args) => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> };
    const range = pkg.peerDependencies['@stoplight/prism-cli'];
    expect(pkg.peerDependenciesMeta['@stoplight/prism-cli']?.optional).toBe(true);
    const cli = join(consumer, 'node_modules', 'grafana-api-contract', 'dist', 'cli', 'main.js');
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: consumer, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`error: the mock (conformance --mock, and the mock command) needs @stoplight/prism-cli, which is not installed: run "npm install --save-dev @stoplight/prism-cli@${range}" next to grafana-api-contract (it is an optional peer dependency).\n`);
  });

  it('prints the contract of a Grafana version from the installed package (spec --grafana-version)', () => {
    const cli = join(consumer, 'node_modules', 'grafana-api-contract', 'dist', 'cli', 'main.js');
    const result = spawnSync(process.execPath, [cli, 'spec', '--grafana-version', '10.4', '--openapi', '3.0'], { cwd: consumer, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout) as { openapi: string; info: Record<string, string> };
    expect([doc.openapi, doc.info['x-grafana-version']]).toEqual(['3.0.3', '10.4.0']);
  });

  it('leaves out the build cache (dist/.tsbuildinfo, for `tsc -b` in a clone)', () => {
    expect(existsSync(join(root, 'dist', '.tsbuildinfo'))).toBe(true);
    expect(existsSync(join(consumer, 'node_modules', 'grafana-api-contract', 'dist', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(consumer, 'node_modules', 'grafana-api-contract', 'dist', '.tsbuildinfo'))).toBe(false);
  });

  it('ships the Apache-2.0 license that package.json names', () => {
    const installed = join(consumer, 'node_modules', 'grafana-api-contract');
    expect((JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { license: string }).license).toBe('Apache-2.0');
    const license = readFileSync(join(installed, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\//);
    expect(license).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(license).toContain('END OF TERMS AND CONDITIONS');
  });

  it('exports the client and the bundled spec at runtime', () => {
    writeFileSync(join(consumer, 'use.mjs'), [
      "import { createGrafanaClient, GrafanaClientError } from 'grafana-api-contract';",
      "import spec from 'grafana-api-contract/openapi.json' with { type: 'json' };",
      "const client = createGrafanaClient({ baseUrl: 'http://localhost:3000', auth: { token: 'glsa_x' } });",
      "let message = '';",
      "try { createGrafanaClient({ baseUrl: 'nope', auth: { token: 'x' } }); } catch (e) { message = e instanceof GrafanaClientError ? 'client-error' : 'other'; }",
      "console.log(JSON.stringify({ get: typeof client.GET, openapi: spec.openapi, paths: Object.keys(spec.paths).length, message }));",
    ].join('\n'));
    const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: consumer, encoding: 'utf8' })) as Record<string, unknown>;
    expect(out).toMatchObject({ get: 'function', openapi: '3.1.0', message: 'client-error' });
    expect(out.paths).toBeGreaterThan(30);
  });

  it('ships types a consumer can compile against', () => {
    writeFileSync(join(consumer, 'use.ts'), [
      "import { createGrafanaClient } from 'grafana-api-contract';",
      "import type { components, paths } from 'grafana-api-contract/schema';",
      "const client = createGrafanaClient({ baseUrl: 'http://localhost:3000', auth: { username: 'admin', password: 'x' } });",
      "export async function who(): Promise<components['schemas']['UserProfile'] | undefined> { return (await client.GET('/api/user')).data; }",
      "export type HasUser = paths['/api/user'] extends object ? true : false;",
      "// @ts-expect-error unknown path",
      "void client.GET('/api/nope');",
    ].join('\n'));
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['use.ts'] }));
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });
});
