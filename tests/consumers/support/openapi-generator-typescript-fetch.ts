import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec, type ExecResult } from './exec.js';
import { generateOnce, packageVersion } from '../../support/run-cache.js';
import { runOpenapiGenerator } from './openapi-generator.js';

// openapi-generator's typescript-fetch client, generated as ES modules (`.js` import extensions)
// into <root>/src/client, with the driver copied next to it as <root>/src/driver.ts, so that one
// `tsc` run over <root> type-checks both (strict) and compiles them to <root>/dist for node.
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const DRIVER = fileURLToPath(new URL('../drivers/openapi-generator-typescript-fetch/driver.ts', import.meta.url));

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    types: ['node'],
    typeRoots: [join(REPO, 'node_modules', '@types')],
    rootDir: 'src',
    outDir: 'dist',
    noEmitOnError: true,
  },
  include: ['src'],
};

/**
 * Generates the client from `spec` into `root`/src/client; returns the generator's warnings.
 * `withDriver: false` leaves the driver out (a version's bundle may lack operations it calls).
 */
export async function generateTypescriptFetch(spec: string, root: string, { withDriver = true } = {}): Promise<string[]> {
  mkdirSync(join(root, 'src'), { recursive: true });
  const warnings = await runOpenapiGenerator('typescript-fetch', spec, join(root, 'src', 'client'), [
    '--global-property', 'apiTests=false,modelTests=false,apiDocs=false,modelDocs=false',
    '--additional-properties', 'supportsES6=true,importFileExtension=.js',
  ]);
  if (withDriver) copyFileSync(DRIVER, join(root, 'src', 'driver.ts'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(root, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  return warnings;
}

/** The compiler and the type declarations it reads, by version (part of the run cache's key). */
const TSC_TOOL = `tsc ${packageVersion('typescript')} with @types/node ${packageVersion('@types/node')}`;

/**
 * `tsc --strict` over the generated client and the driver, emitting JS into <root>/dist only when
 * there is no error; a passing run of the same sources and options is replayed from the run cache.
 */
export function typeCheckAndCompile(root: string): Promise<ExecResult> {
  // The options without the machine's path to the type declarations (which the tool names).
  const options = JSON.stringify({ ...TSCONFIG, compilerOptions: { ...TSCONFIG.compilerOptions, typeRoots: undefined } });
  return generateOnce({ tool: TSC_TOOL, args: ['--pretty', 'false', options], inputs: [join(root, 'src'), join(root, 'package.json')] }, join(root, 'dist'), (folder) =>
    exec(process.execPath, [TSC, '-p', root, '--pretty', 'false', '--outDir', folder], { cwd: root }),
  );
}

/** Runs the compiled driver with the wire environment. */
export function runDriver(root: string, env: NodeJS.ProcessEnv): Promise<ExecResult> {
  return exec(process.execPath, [join(root, 'dist', 'driver.js')], { cwd: root, env });
}
