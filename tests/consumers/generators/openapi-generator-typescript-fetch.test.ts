import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOLS } from '../support/cache.js';
import { toolchainsPresent } from '../support/gate.js';
import { BUNDLES, unexcusedWarnings } from '../support/openapi-generator.js';
import { generateTypescriptFetch, runDriver, typeCheckAndCompile } from '../support/openapi-generator-typescript-fetch.js';
import { startRecordingServer } from '../support/recording-server.js';
import { expectWireCalls, wireEnv } from '../support/wire.js';

describe.runIf(toolchainsPresent('openapi-generator typescript-fetch', ['java', 'mvn']))(`generator: openapi-generator ${TOOLS.openapiGeneratorCli} typescript-fetch`, () => {
  describe.each(BUNDLES)('$name', ({ name, path }) => {
    let root: string;
    let warnings: string[];

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'openapi-typescript-fetch-'));
      warnings = await generateTypescriptFetch(path, root);
    });
    afterAll(() => {
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('generates without unexcused warnings', () => {
      expect(unexcusedWarnings('typescript-fetch', warnings, name)).toEqual([]);
    });

    it('passes tsc --strict, the generated client and the driver', async () => {
      const tsc = await typeCheckAndCompile(root);
      expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe('');
      expect(tsc.code).toBe(0);
    });

    it('sends exactly the calls of wire/calls.json through the generated client', async () => {
      const server = await startRecordingServer();
      try {
        const run = await runDriver(root, wireEnv(server.url));
        expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
        expectWireCalls(server.requests);
      } finally {
        await server.close();
      }
    });
  });
});
