import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOLS } from '../support/cache.js';
import { exec } from '../support/exec.js';
import { toolchainsPresent } from '../support/gate.js';
import { SPEC_31, unexcusedWarnings } from '../support/openapi-generator.js';
import { generatePythonClient, mypyStrict, type PythonClient } from '../support/openapi-python-client.js';
import { startRecordingServer } from '../support/recording-server.js';
import { expectWireCalls, wireEnv } from '../support/wire.js';

// openapi-python-client supports OpenAPI 3.1, so it generates from the 3.1 bundle (the 3.0.3
// bundle gives the same client).
const DRIVER = fileURLToPath(new URL('../drivers/openapi-python-client/driver.py', import.meta.url));

describe.runIf(toolchainsPresent('openapi-python-client', ['python']))(`generator: openapi-python-client ${TOOLS.openapiPythonClient} (OpenAPI 3.1)`, () => {
  let root: string;
  let client: PythonClient;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'openapi-python-client-'));
    client = await generatePythonClient(SPEC_31, root);
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('generates without unexcused warnings', () => {
    expect(unexcusedWarnings('openapi-python-client', client.warnings), client.output).toEqual([]);
  });

  it('passes mypy --strict, the generated package and the driver', async () => {
    const { code, output } = await mypyStrict(client, [DRIVER], root);
    expect(output).toMatch(/^Success: no issues found/m);
    expect(code).toBe(0);
  });

  it('sends exactly the calls of wire/calls.json through the generated client', async () => {
    const server = await startRecordingServer();
    try {
      const run = await exec(client.python, [DRIVER], { cwd: root, env: { ...wireEnv(server.url), PYTHONPATH: client.site } });
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expectWireCalls(server.requests);
    } finally {
      await server.close();
    }
  });
});
