import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Vitest global set-up for the unit project: some tests run the built CLI (dist/) as its own
// process (signals, a closed pipe, the packed package), so build it once from the current sources
// before any test file starts (`tsc -b`: nothing to do when dist is up to date).
export default function setup(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
