import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec, type ExecResult } from './exec.js';
import { checkOnce, packageVersion } from '../../support/run-cache.js';

// openapi-typescript (the project's devDependency) generates generated/schema.d.ts, which types
// the project's own openapi-fetch client (src/client.ts). These run its generation and type-check
// its output with the project's typescript.
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const SCHEMA_DTS = join(REPO, 'generated', 'schema.d.ts');

/** `npm run generate`'s script, writing into `outDir` instead of generated/ (stderr holds any warning). */
export function generateInto(outDir: string): Promise<ExecResult> {
  return exec(process.execPath, [join(REPO, 'scripts', 'generate.mjs'), '--out', outDir], { cwd: REPO });
}

/** The openapi-typescript CLI (the project's devDependency) on a bundle, as a user runs it; writes `out`. */
export function generateFromBundle(bundle: string, out: string, cwd: string): Promise<ExecResult> {
  return exec(process.execPath, [join(REPO, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), bundle, '-o', out], { cwd });
}

/**
 * `tsc --strict` (plus noUncheckedIndexedAccess and exactOptionalPropertyTypes, and without
 * skipLibCheck) over one declaration file alone: no @types, only the ES2022 library.
 */
export function typeCheckAlone(file: string, workDir: string): Promise<ExecResult> {
  const tsconfig = join(workDir, 'tsconfig.schema.json');
  const compilerOptions = {
    strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, skipLibCheck: false,
    noEmit: true, types: [], lib: ['ES2022'], target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext',
  };
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions, files: [file] }));
  // A passing run on the same file with the same compiler and options is replayed (the run cache).
  return checkOnce({ tool: `tsc ${packageVersion('typescript')}`, args: ['--pretty', 'false', JSON.stringify(compilerOptions)], inputs: [file] }, () =>
    exec(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig, '--pretty', 'false'], { cwd: workDir }),
  );
}
