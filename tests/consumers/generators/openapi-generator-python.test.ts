import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mypyOnce, pipInstallOnce, pythonVenv, TOOLS } from '../support/cache.js';
import { exec, type ExecResult } from '../support/exec.js';
import { toolchainsPresent } from '../support/gate.js';
import { BUNDLES, outDirFor, runOpenapiGenerator, staleAllowListEntries, unexcusedWarnings } from '../support/openapi-generator.js';
import { tempDirForSuite } from '../support/temp-dir.js';
import { expectDriverSendsWireCalls } from '../support/wire.js';

// openapi-generator's `python` generator (pydantic v2 and urllib3), on both bundles. The generated
// package is pip-installed (no dependencies, no build isolation; replayed from the run cache for the
// same package bytes) into a folder of the temp dir that
// goes on PYTHONPATH, so the cached venv (the client's runtime dependencies and mypy, all pinned
// in tools.json) stays unchanged. mypy checks the package and
// drivers/openapi-generator-python/driver.py with the mypy.ini beside the driver: the whole of
// --strict for the driver, --strict less what the generator's templates break for every spec for
// the package (the file says which flags, and why). The driver then makes the wire calls.

const GENERATOR = 'python';
/** A name no other generator's package uses (openapi-python-client's is grafana_api_client). */
const PACKAGE = 'grafana_openapi_generator_client';
const DRIVER = fileURLToPath(new URL('../drivers/openapi-generator-python/driver.py', import.meta.url));
const MYPY_INI = fileURLToPath(new URL('../drivers/openapi-generator-python/mypy.ini', import.meta.url));

/** What the generated pyproject.toml depends on (urllib3, python-dateutil, pydantic, typing-extensions), pinned, and the checkers. */
const REQUIREMENTS = [
  `urllib3==${TOOLS.urllib3}`,
  `python-dateutil==${TOOLS.pythonDateutil}`,
  `pydantic==${TOOLS.pydantic}`,
  `typing-extensions==${TOOLS.typingExtensions}`,
  `types-python-dateutil==${TOOLS.typesPythonDateutil}`,
  `mypy==${TOOLS.mypy}`,
  `setuptools==${TOOLS.setuptools}`,
];

/** The error codes plain --strict reports for the templates' own code (see mypy.ini). */
const TEMPLATE_ERROR_CODES = ['no-any-return', 'no-untyped-def', 'no-untyped-call', 'typeddict-item', 'attr-defined'];

const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-');

/** The error codes in mypy's output that mypy.ini does not explain as the templates' own. */
const unexplained = (output: string) => Object.keys(countByCode(output)).filter((code) => !TEMPLATE_ERROR_CODES.includes(code));

/** mypy's error lines, counted by error code. */
function countByCode(output: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of output.matchAll(/: error: .*\[([\w-]+)\]$/gm)) counts[m[1]!] = (counts[m[1]!] ?? 0) + 1;
  return counts;
}

describe.runIf(toolchainsPresent('openapi-generator python', ['java', 'mvn', 'python']))(`generator: openapi-generator ${TOOLS.openapiGeneratorCli} python`, () => {
  const root = tempDirForSuite('openapi-generator-python-');
  let python: string;
  const printed: string[] = [];

  beforeAll(async () => {
    python = await pythonVenv(REQUIREMENTS);
  });

  /** mypy with a config file and `flags` over `files` (MYPYPATH: their folder), replayed when it passed before. */
  const mypy = (config: string, flags: string[], cacheDir: string, files: string[], passed?: (result: ExecResult) => boolean) =>
    mypyOnce(python, REQUIREMENTS, { config, flags, files, mypyPath: dirname(files[0]!), cacheDir, cwd: root() }, passed);

  describe.each(BUNDLES)('$name', (bundle) => {
    let project: string;
    let site: string;
    let warnings: string[] = [];

    beforeAll(async () => {
      project = outDirFor(root(), bundle.name);
      site = join(root(), `site-${slug(bundle.name)}`);
      warnings = await runOpenapiGenerator(GENERATOR, bundle.path, project, ['--package-name', PACKAGE]);
      printed.push(...warnings);
      console.log(`openapi-generator python on the ${bundle.name} bundle: ${warnings.length} warning(s)${warnings.map((w) => `\n  ${w}`).join('')}`);
      await pipInstallOnce(python, project, site);
    });

    it('generates without unexcused warnings', () => {
      expect(unexcusedWarnings(GENERATOR, warnings, bundle.name)).toEqual([]);
    });

    it('passes mypy (mypy.ini: --strict for the driver, --strict less the template flags for the package)', async () => {
      const cache = join(root(), `mypy-cache-${slug(bundle.name)}`);
      // For the record: plain --strict over the package, which the templates alone fail.
      const plainIni = join(root(), 'mypy-plain.ini');
      writeFileSync(plainIni, '[mypy]\n');
      const plain = await mypy(plainIni, ['--strict'], cache, [join(site, PACKAGE)], (result) => unexplained(result.stdout).length === 0);
      const counts = countByCode(plain.stdout);
      console.log(`plain mypy --strict on the ${bundle.name} package: ${plain.stdout.trim().split('\n').pop()} ${JSON.stringify(counts)}`);
      // Only the kinds of error mypy.ini explains as the templates' own; a new kind needs a look.
      expect(unexplained(plain.stdout), plain.stdout).toEqual([]);

      const run = await mypy(MYPY_INI, [], cache, [join(site, PACKAGE), DRIVER]);
      const output = `${run.stdout}${run.stderr}`.trim();
      expect(output).toMatch(/^Success: no issues found/m);
      expect(run.code).toBe(0);
    });

    it('sends exactly the calls of wire/calls.json through the generated client', async () => {
      await expectDriverSendsWireCalls((env) => exec(python, [DRIVER], { cwd: root(), env: { ...env, PYTHONPATH: site, PYTHONDONTWRITEBYTECODE: '1' }, timeoutMs: 120_000 }));
    });
  });

  // Each version family's bundle (the 3.0 form, as the README gives openapi-generator): generated,
  // installed and checked with mypy.ini the same way, without the driver (a version may lack
  // operations it calls). mypy reuses the union 3.0.3 run's cache (it rechecks what changed).
  describe.each(inject('versionBundles').filter((b) => b.form === '3.0'))('$name', (bundle) => {
    let site: string;
    let warnings: string[] = [];

    beforeAll(async () => {
      const project = outDirFor(root(), bundle.name);
      site = join(root(), `site-${slug(bundle.name)}`);
      warnings = await runOpenapiGenerator(GENERATOR, bundle.path, project, ['--package-name', PACKAGE]);
      await pipInstallOnce(python, project, site);
    });

    it('generates without unexcused warnings', () => {
      expect(unexcusedWarnings(GENERATOR, warnings, 'OpenAPI 3.0.3')).toEqual([]);
    });

    it('passes mypy with mypy.ini (--strict less the template flags), the generated package', async () => {
      const run = await mypy(MYPY_INI, [], join(root(), `mypy-cache-${slug('OpenAPI 3.0.3')}`), [join(site, PACKAGE)]);
      expect(`${run.stdout}${run.stderr}`.trim()).toMatch(/^Success: no issues found/m);
      expect(run.code).toBe(0);
    });
  });

  it('needs every allow-list entry for this generator (none is stale)', () => {
    expect(staleAllowListEntries(GENERATOR, printed)).toEqual([]);
  });
});
