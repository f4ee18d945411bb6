import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TOOLS } from '../support/cache.js';
import { toolchainsPresent } from '../support/gate.js';
import { buildAndRunDriver, buildGenerated, driverModule, output, removeModule, type GoDriverRun } from '../support/go-driver.js';
import { itChecksGoDriverRun } from '../support/go-driver-checks.js';
import { BUNDLES, runOpenapiGenerator, unexcusedWarnings } from '../support/openapi-generator.js';

// openapi-generator's `go` generator (the pinned jar), with its default options, on both bundles.
// The client is generated into client/ of a copy of drivers/openapi-generator-go, whose go.mod
// replaces the generator's default module path (github.com/GIT_USER_ID/GIT_REPO_ID) with it and
// pins testify, which the generated test stubs import. The generated code itself needs only the
// standard library. `go vet` covers the driver and every generated package (the client and its
// test stubs). The driver then makes the wire calls against the recording server.

const GENERATOR = 'go';
const CLIENT_MODULE = 'github.com/GIT_USER_ID/GIT_REPO_ID';

describe.runIf(toolchainsPresent('openapi-generator go', ['java', 'mvn', 'go']))(`openapi-generator ${TOOLS.openapiGeneratorCli} go`, () => {
  describe.each(BUNDLES)('$name', (bundle) => {
    let dir: string | undefined;
    let warnings: string[] = [];
    let result: GoDriverRun;

    beforeAll(async () => {
      dir = driverModule('openapi-generator-go');
      warnings = await runOpenapiGenerator(GENERATOR, bundle.path, join(dir, 'client'));
      result = await buildAndRunDriver(dir, [`${CLIENT_MODULE}/...`]);
    });

    afterAll(() => removeModule(dir));

    it('generates without warnings outside the allow-list', () => {
      expect(unexcusedWarnings(GENERATOR, warnings, bundle.name)).toEqual([]);
    });

    itChecksGoDriverRun(() => result);
  });

  // Each version family's bundle (the 3.0 form, as the README gives openapi-generator): generated
  // the same way, built and vetted without the driver (a version may lack operations it calls).
  describe.each(inject('versionBundles').filter((b) => b.form === '3.0'))('$name', (bundle) => {
    let dir: string | undefined;
    let warnings: string[] = [];
    let result: Awaited<ReturnType<typeof buildGenerated>>;

    beforeAll(async () => {
      dir = driverModule('openapi-generator-go', { withDriver: false });
      warnings = await runOpenapiGenerator(GENERATOR, bundle.path, join(dir, 'client'));
      result = await buildGenerated(dir, [`${CLIENT_MODULE}/...`]);
    });

    afterAll(() => removeModule(dir));

    it('generates without warnings outside the allow-list', () => {
      expect(unexcusedWarnings(GENERATOR, warnings, 'OpenAPI 3.0.3')).toEqual([]);
    });

    it('compiles', () => {
      expect(result.build.code, output(result.build)).toBe(0);
    });

    it('is vet-clean', () => {
      expect(result.vet.code, output(result.vet)).toBe(0);
    });
  });
});
