import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { oapiCodegenBin, TOOLS } from '../support/cache.js';
import { exec, type ExecResult } from '../support/exec.js';
import { generateOnce } from '../../support/run-cache.js';
import { toolchainsPresent } from '../support/gate.js';
import { buildAndRunDriver, buildGenerated, driverModule, output, removeModule, type GoDriverRun } from '../support/go-driver.js';
import { itChecksGoDriverRun } from '../support/go-driver-checks.js';
import { BUNDLES } from '../support/openapi-generator.js';

// oapi-codegen v2 (pinned in tools.json) with its default configuration plus only what a client
// needs (`-generate types,client -package grafana`), on both bundles. The code is written to
// grafana/client.gen.go in a copy of drivers/oapi-codegen, whose go.mod and go.sum pin
// github.com/oapi-codegen/runtime; the driver calls the generated ClientWithResponses, so every
// answer is parsed into its typed field. oapi-codegen prints nothing when it succeeds: anything it
// prints counts as a warning.

const PACKAGE = 'grafana';

describe.runIf(toolchainsPresent('oapi-codegen', ['go']))(`oapi-codegen ${TOOLS.oapiCodegen}`, () => {
  describe.each(BUNDLES)('$name', (bundle) => {
    let dir: string | undefined;
    let generate: ExecResult;
    let result: GoDriverRun;

    beforeAll(async () => {
      dir = driverModule('oapi-codegen');
      const args = ['-generate', 'types,client', '-package', PACKAGE];
      generate = await generateOnce({ tool: `oapi-codegen ${TOOLS.oapiCodegen}`, args, inputs: [bundle.path] }, dir, async () => exec(await oapiCodegenBin(), [...args, bundle.path]));
      mkdirSync(join(dir, PACKAGE));
      writeFileSync(join(dir, PACKAGE, 'client.gen.go'), generate.stdout);
      result = await buildAndRunDriver(dir, []);
    });

    afterAll(() => removeModule(dir));

    it('generates without a warning', () => {
      expect(generate.code, generate.stderr).toBe(0);
      expect(generate.stderr.trim()).toBe('');
    });

    itChecksGoDriverRun(() => result);
  });

  // Each version family's bundle (the 3.0 form, oapi-codegen's own): generated the same way,
  // built and vetted without the driver (a version may lack operations it calls).
  describe.each(inject('versionBundles').filter((b) => b.form === '3.0'))('$name', (bundle) => {
    let dir: string | undefined;
    let generate: ExecResult;
    let result: Awaited<ReturnType<typeof buildGenerated>>;

    beforeAll(async () => {
      dir = driverModule('oapi-codegen', { withDriver: false });
      const args = ['-generate', 'types,client', '-package', PACKAGE];
      generate = await generateOnce({ tool: `oapi-codegen ${TOOLS.oapiCodegen}`, args, inputs: [bundle.path] }, dir, async () => exec(await oapiCodegenBin(), [...args, bundle.path]));
      mkdirSync(join(dir, PACKAGE));
      writeFileSync(join(dir, PACKAGE, 'client.gen.go'), generate.stdout);
      result = await buildGenerated(dir, ['./...']);
    });

    afterAll(() => removeModule(dir));

    it('generates without a warning', () => {
      expect(generate.code, generate.stderr).toBe(0);
      expect(generate.stderr.trim()).toBe('');
    });

    it('compiles', () => {
      expect(result.build.code, output(result.build)).toBe(0);
    });

    it('is vet-clean', () => {
      expect(result.vet.code, output(result.vet)).toBe(0);
    });
  });
});
