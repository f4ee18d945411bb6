import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { exec, execOk, type ExecResult } from './exec.js';
import { mavenEnv } from './jvm.js';
import { findToolchain, toolchainIdentity } from './toolchains.js';
import { CACHE_ROOT } from '../../../scripts/toolchains.mjs';
import { checkOnce, generateOnce, withLock } from '../../support/run-cache.js';

// Generators and checkers come from the package registries, pinned, and are cached outside the
// repository (Maven's ~/.m2, Go's module cache, and this folder), so only the first run pays.
export const TOOLS = JSON.parse(readFileSync(new URL('../tools.json', import.meta.url), 'utf8')) as Record<string, string>;
export { CACHE_ROOT };

function tool(name: string): string {
  const path = name === 'python' ? findToolchain('python') : findToolchain(name as 'go');
  if (!path) throw new Error(`${name} is not installed`);
  return path;
}

/** The openapi-generator-cli jar from Maven Central, through Maven's local repository. */
export async function openapiGeneratorJar(): Promise<string> {
  const version = TOOLS.openapiGeneratorCli!;
  const m2 = process.env.MAVEN_REPO_LOCAL ?? join(homedir(), '.m2', 'repository');
  const jar = join(m2, 'org', 'openapitools', 'openapi-generator-cli', version, `openapi-generator-cli-${version}.jar`);
  if (existsSync(jar)) return jar;
  return withLock('openapi-generator-cli', async () => {
    if (!existsSync(jar)) {
      await execOk(tool('mvn'), ['-q', '-B', 'dependency:get', `-Dartifact=org.openapitools:openapi-generator-cli:${version}`, '-Dtransitive=false'], { env: mavenEnv() });
    }
    return jar;
  });
}

/** oapi-codegen, built with `go install` from the Go module proxy into the cache. */
export async function oapiCodegenBin(): Promise<string> {
  const version = TOOLS.oapiCodegen!;
  const binDir = join(CACHE_ROOT, 'go-bin', `oapi-codegen-${version}`);
  const bin = join(binDir, 'oapi-codegen');
  if (existsSync(bin)) return bin;
  return withLock('oapi-codegen', async () => {
    if (!existsSync(bin)) {
      await execOk(tool('go'), ['install', `github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@${version}`], { env: { GOBIN: binDir, GOFLAGS: '-mod=mod' } });
    }
    return bin;
  });
}

/**
 * A Python virtual environment in the cache with exactly these pinned requirements; returns its
 * python. The folder name is a hash of the requirements, so a change of pin makes a new one.
 */
export async function pythonVenv(requirements: string[]): Promise<string> {
  const key = createHash('sha256').update(requirements.join('\n')).digest('hex').slice(0, 12);
  const dir = join(CACHE_ROOT, 'venvs', key);
  const python = join(dir, 'bin', 'python');
  const done = join(dir, '.installed');
  if (existsSync(done)) return python;
  return withLock(`venv-${key}`, async () => {
    if (!existsSync(done)) {
      rmSync(dir, { recursive: true, force: true });
      await execOk(tool('python'), ['-m', 'venv', dir]);
      await execOk(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', ...requirements]);
      writeFileSync(done, `${requirements.join('\n')}\n`);
    }
    return python;
  });
}

/**
 * Installs a generated Python project (no dependencies, no build isolation, no bytecode) into
 * `site` with the pip of the cached venv `python` (pythonVenv), or replays an earlier install of
 * the same project bytes with the same venv and Python from the run cache: building the wheel
 * takes pip about 2 s of CPU, a replay a copy.
 */
export async function pipInstallOnce(python: string, project: string, site: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const venv = basename(dirname(dirname(python)));
  const install = { tool: `pip install --no-deps --no-build-isolation --no-compile --target, venv ${venv}, ${toolchainIdentity('python')}`, args: [], inputs: [project] };
  const result = await generateOnce(install, site, (folder) =>
    exec(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-deps', '--no-build-isolation', '--no-compile', '--target', folder, project], { env }),
  );
  if (result.code !== 0) throw new Error(`pip install ${project} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
}

/** One mypy run: its configuration file (if any), flags, the files checked and where it looks for imports. */
export interface MypyRun { config?: string; flags: string[]; files: string[]; mypyPath: string; cacheDir: string; cwd: string }

/**
 * mypy from the cached venv `python` (made from `requirements`, which pin mypy), replayed from the
 * run cache for the same configuration, flags, files, pins and Python when it passed (`passed`:
 * what the caller counts as passing). The key names no path: the cache folder is mypy's own, and
 * where the files are changes nothing.
 */
export function mypyOnce(python: string, requirements: string[], run: MypyRun, passed?: (result: ExecResult) => boolean): Promise<ExecResult> {
  const config = run.config ? ['--config-file', run.config] : [];
  const check = { tool: `mypy ${TOOLS.mypy} on ${toolchainIdentity('python')}`, args: [...run.flags, ...requirements], inputs: [...(run.config ? [run.config] : []), ...run.files] };
  return checkOnce(check, () => exec(python, ['-m', 'mypy', ...config, '--cache-dir', run.cacheDir, ...run.flags, ...run.files], { cwd: run.cwd, env: { MYPYPATH: run.mypyPath } }), passed);
}
