import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
  npm(['install', join(work, tarball), '--prefer-offline', '--no-audit', '--no-fund', '--omit=optional', '--ignore-scripts'], consumer);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
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
