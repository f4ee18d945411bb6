import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openapiGeneratorJar, TOOLS } from './cache.js';
import { exec } from './exec.js';
import { generateOnce } from '../../support/run-cache.js';
import { JVM_OPTIONS } from './jvm.js';
import { findToolchain } from './toolchains.js';

export const SPEC_31 = new URL('../../../generated/openapi.json', import.meta.url).pathname;
export const SPEC_30 = new URL('../../../generated/openapi-3.0.json', import.meta.url).pathname;
export const BUNDLES = [{ name: 'OpenAPI 3.1', path: SPEC_31 }, { name: 'OpenAPI 3.0.3', path: SPEC_30 }] as const;

/** An allow-list entry; `bundles` (names from BUNDLES) limits it to the runs on those bundles. */
export interface AllowedWarning { generator: string; warning: string; reason: string; bundles?: string[] }

export const ALLOW_LIST = (JSON.parse(readFileSync(new URL('../warning-allowlist.json', import.meta.url), 'utf8')) as { entries: AllowedWarning[] }).entries;

/** The warnings a generator printed that the allow-list does not excuse (on `bundle`, when given). */
export function unexcusedWarnings(generator: string, warnings: string[], bundle?: string): string[] {
  const excused = ALLOW_LIST.filter((e) => e.generator === generator && (!e.bundles || (bundle !== undefined && e.bundles.includes(bundle))));
  return warnings.filter((w) => !excused.some((e) => w.includes(e.warning)));
}

/** The generator's allow-list entries that no printed warning needed (stale: they would hide a future warning). */
export function staleAllowListEntries(generator: string, printed: string[]): string[] {
  return ALLOW_LIST.filter((e) => e.generator === generator && !printed.some((w) => w.includes(e.warning))).map((e) => e.warning);
}

/**
 * Runs openapi-generator-cli (the pinned jar), or takes its output for the same spec and options
 * from the generation cache, and returns the warnings it printed.
 */
export async function runOpenapiGenerator(generator: string, spec: string, outDir: string, extra: string[] = []): Promise<string[]> {
  const java = findToolchain('java');
  if (!java) throw new Error('java is not installed');
  const generation = { tool: `openapi-generator-cli ${TOOLS.openapiGeneratorCli}`, args: ['generate', '-g', generator, ...extra], inputs: [spec] };
  const { code, stdout, stderr } = await generateOnce(generation, outDir, async (folder) =>
    exec(java, [...JVM_OPTIONS, '-jar', await openapiGeneratorJar(), 'generate', '-i', spec, '-g', generator, '-o', folder, ...extra]),
  );
  if (code !== 0) throw new Error(`openapi-generator ${generator} exited with ${code}:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n')}`);
  return `${stdout}\n${stderr}`.split('\n').filter((line) => /\bWARN\b/.test(line)).map((line) => line.replace(/^.*?WARN\s+/, ''));
}

export const outDirFor = (root: string, name: string) => join(root, name.replace(/[^a-z0-9]+/gi, '-'));
