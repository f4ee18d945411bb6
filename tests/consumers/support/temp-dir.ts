import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

// Generated code goes into a temporary folder, never into the repo (see README.md); every suite
// makes one the same way and removes it even when its tests fail.

/**
 * A fresh folder under the OS temp dir for the enclosing describe: made before the suite's own
 * beforeAll hooks (so register this first), removed after its tests. The getter is for hooks and tests.
 */
export function tempDirForSuite(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => dir!;
}
