import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec, type ExecResult } from './exec.js';
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

/** `tsc --strict` over the generated client and the driver, emitting JS only when there is no error. */
export function typeCheckAndCompile(root: string): Promise<ExecResult> {
  return exec(process.execPath, [TSC, '-p', root, '--pretty', 'false'], { cwd: root });
}

/** Runs the compiled driver with the wire environment. */
export function runDriver(root: string, env: NodeJS.ProcessEnv): Promise<ExecResult> {
  return exec(process.execPath, [join(root, 'dist', 'driver.js')], { cwd: root, env });
}
