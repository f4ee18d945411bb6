import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

// The per-version bundles the consumers tier hands to its generators: one of each family (the
// oldest release line the data knows, an 11.x, and the newest), in both OpenAPI forms, written by
// the built CLI as a user gets them (`grafana-api-contract spec --grafana-version X.Y [--openapi
// 3.0] -o FILE`). Vitest global set-up (after build-once): written once per run into a temp folder
// and provided to the test files, which read them with inject('versionBundles'); the generation
// cache (tests/support/run-cache.ts) keys on their content, not on where they are.

/** One bundle of one Grafana version. `name` is what the tests print, e.g. `Grafana 8.0 (OpenAPI 3.0)`. */
export interface VersionBundle { name: string; version: string; form: '3.1' | '3.0'; path: string }

declare module 'vitest' {
  export interface ProvidedContext {
    versionBundles: VersionBundle[];
  }
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The release lines the version data knows (`x-grafana-releases` of the union bundle), oldest first. */
export function knownReleaseLines(): string[] {
  const union = JSON.parse(readFileSync(join(ROOT, 'generated', 'openapi.json'), 'utf8')) as { 'x-grafana-releases': string[] };
  return union['x-grafana-releases'];
}

/** The families checked: the oldest line, an 11.x (11.6, the last before 12.0) and the newest. */
export function versionFamilies(lines = knownReleaseLines()): string[] {
  return [...new Set([lines[0]!, '11.6', lines[lines.length - 1]!])];
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'gac-version-bundles-'));
  const cli = join(ROOT, 'dist', 'cli', 'main.js');
  const jobs = versionFamilies().flatMap((version) =>
    (['3.1', '3.0'] as const).map(async (form): Promise<VersionBundle> => {
      const path = join(dir, `grafana-${version}-openapi-${form}.json`);
      await promisify(execFile)(process.execPath, [cli, 'spec', '--grafana-version', version, ...(form === '3.0' ? ['--openapi', '3.0'] : []), '-o', path], { cwd: ROOT });
      return { name: `Grafana ${version} (OpenAPI ${form})`, version, form, path };
    }),
  );
  project.provide('versionBundles', await Promise.all(jobs));
  return () => rmSync(dir, { recursive: true, force: true });
}
