import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run conformance` (and `npm run cli`) build first; an up-to-date build must not be redone
// (`tsc -b` with its build info in dist/). Checked in a copy of the project, so that rebuilding
// never touches the dist/ that other tests run. The copy starts from this checkout's build (the
// unit project's global set-up runs the same `tsc -b`), times kept: building from nothing is what
// the README-commands test's fresh clone does first.
const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'gac-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
for (const entry of ['src', 'generated', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'dist']) cpSync(join(root, entry), join(work, entry), { recursive: true, preserveTimestamps: true });
symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));

// The built CLI answers without a target (its help), so that the time here is the build's.
const conformance = () => execFileSync('npm', ['run', 'conformance', '--silent', '--', '--help'], { cwd: work, encoding: 'utf8', stdio: 'pipe' });
const RAN = /^Usage: grafana-api-contract conformance /m;
const builtAt = () => statSync(join(work, 'dist', 'cli', 'main.js')).mtimeMs;

describe('npm run conformance', () => {
  it('runs on an up-to-date build without rebuilding it, and rebuilds after a source change', () => {
    const first = builtAt();
    const started = performance.now();
    expect(conformance()).toMatch(RAN);
    console.log(`npm run conformance -- --help (up-to-date build): ${Math.round(performance.now() - started)} ms`);
    expect(builtAt()).toBe(first);

    // The control: a changed source is built again, so the check above can see a rebuild.
    const file = join(work, 'src', 'cli', 'main.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n// changed\n`);
    expect(conformance()).toMatch(RAN);
    expect(builtAt()).toBeGreaterThan(first);
  }, 180_000);
});
