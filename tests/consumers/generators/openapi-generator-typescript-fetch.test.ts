import { beforeAll, describe, expect, inject, it } from 'vitest';
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

  // Each version family's bundle (the 3.0 form, as the README gives openapi-generator): generated
  // and compiled the same way, without the driver (a version may lack operations it calls).
  describe.each(inject('versionBundles').filter((b) => b.form === '3.0'))('$name', (bundle) => {
    const root = tempDirForSuite('openapi-typescript-fetch-version-');
    let warnings: string[];

    beforeAll(async () => {
      warnings = await generateTypescriptFetch(bundle.path, root(), { withDriver: false });
    });

    it('generates without unexcused warnings', () => {
      expect(unexcusedWarnings('typescript-fetch', warnings, 'OpenAPI 3.0.3')).toEqual([]);
    });

    it('passes tsc --strict, the generated client', async () => {
      const tsc = await typeCheckAndCompile(root());
      expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe('');
      expect(tsc.code).toBe(0);
    });
  });
});
