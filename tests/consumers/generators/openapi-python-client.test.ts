import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
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
    const { code, output } = await mypyStrict(client, [DRIVER], root());
    expect(output).toMatch(/^Success: no issues found/m);
    expect(code).toBe(0);
  });

  it('sends exactly the calls of wire/calls.json through the generated client', async () => {
    await expectDriverSendsWireCalls((env) => exec(client.python, [DRIVER], { cwd: root(), env: { ...env, PYTHONPATH: client.site } }));
  });
});
