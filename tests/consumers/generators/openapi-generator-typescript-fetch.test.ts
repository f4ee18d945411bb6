import { beforeAll, describe, expect, it } from 'vitest';
import { TOOLS } from '../support/cache.js';
import { toolchainsPresent } from '../support/gate.js';
import { BUNDLES, unexcusedWarnings } from '../support/openapi-generator.js';
import { generateTypescriptFetch, runDriver, typeCheckAndCompile } from '../support/openapi-generator-typescript-fetch.js';
import { tempDirForSuite } from '../support/temp-dir.js';
import { expectDriverSendsWireCalls } from '../support/wire.js';

describe.runIf(toolchainsPresent('openapi-generator typescript-fetch', ['java', 'mvn']))(`generator: openapi-generator ${TOOLS.openapiGeneratorCli} typescript-fetch`, () => {
  describe.each(BUNDLES)('$name', ({ name, path }) => {
    const root = tempDirForSuite('openapi-typescript-fetch-');
    let warnings: string[];

    beforeAll(async () => {
      warnings = await generateTypescriptFetch(path, root());
    });

    it('generates without unexcused warnings', () => {
      expect(unexcusedWarnings('typescript-fetch', warnings, name)).toEqual([]);
    });

    it('passes tsc --strict, the generated client and the driver', async () => {
      const tsc = await typeCheckAndCompile(root());
      expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe('');
      expect(tsc.code).toBe(0);
    });

    it('sends exactly the calls of wire/calls.json through the generated client', async () => {
      await expectDriverSendsWireCalls((env) => runDriver(root(), env));
    });
  });
});
