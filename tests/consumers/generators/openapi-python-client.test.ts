import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TOOLS } from '../support/cache.js';
import { exec } from '../support/exec.js';
import { toolchainsPresent } from '../support/gate.js';
import { SPEC_31, unexcusedWarnings } from '../support/openapi-generator.js';
import { generatePythonClient, mypyStrict, type PythonClient } from '../support/openapi-python-client.js';
import { tempDirForSuite } from '../support/temp-dir.js';
import { expectDriverSendsWireCalls } from '../support/wire.js';

// openapi-python-client supports OpenAPI 3.1, so it generates from the 3.1 bundle (the 3.0.3
// bundle gives the same client).
const DRIVER = fileURLToPath(new URL('../drivers/openapi-python-client/driver.py', import.meta.url));
/** One mypy cache for the file's runs, one after the other: the later ones reuse what httpx and attrs cost the first. */
const mypyCache = tempDirForSuite('openapi-python-client-mypy-cache-');

describe.runIf(toolchainsPresent('openapi-python-client', ['python']))(`generator: openapi-python-client ${TOOLS.openapiPythonClient} (OpenAPI 3.1)`, () => {
  const root = tempDirForSuite('openapi-python-client-');
  let client: PythonClient;

  beforeAll(async () => {
    client = await generatePythonClient(SPEC_31, root());
  });

  it('generates without unexcused warnings', () => {
    expect(unexcusedWarnings('openapi-python-client', client.warnings), client.output).toEqual([]);
  });

  it('passes mypy --strict, the generated package and the driver', async () => {
    const { code, output } = await mypyStrict(client, [DRIVER], root(), mypyCache());
    expect(output).toMatch(/^Success: no issues found/m);
    expect(code).toBe(0);
  });

  it('sends exactly the calls of wire/calls.json through the generated client', async () => {
    await expectDriverSendsWireCalls((env) => exec(client.python, [DRIVER], { cwd: root(), env: { ...env, PYTHONPATH: client.site } }));
  });
});

// Each version family's bundle (OpenAPI 3.1, from `grafana-api-contract spec`): generated,
// installed and checked with mypy --strict the same way. The driver is not run: a version may lack
// operations it calls.
describe.runIf(toolchainsPresent('openapi-python-client', ['python']))(`generator: openapi-python-client ${TOOLS.openapiPythonClient}, per version`, () => {
  describe.each(inject('versionBundles').filter((b) => b.form === '3.1'))('$name', (bundle) => {
    const root = tempDirForSuite('openapi-python-client-version-');
    let client: PythonClient;

    beforeAll(async () => {
      client = await generatePythonClient(bundle.path, root());
    });

    it('generates without unexcused warnings', () => {
      expect(unexcusedWarnings('openapi-python-client', client.warnings), client.output).toEqual([]);
    });

    it('passes mypy --strict, the generated package', async () => {
      const { code, output } = await mypyStrict(client, [], root(), mypyCache());
      expect(output).toMatch(/^Success: no issues found/m);
      expect(code).toBe(0);
    });
  });
});
