import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const CLI = join(SRC, 'cli') + sep;

/** Every .ts file under a directory. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the library and the CLI', () => {
  it('the library (src/ outside src/cli) never imports from src/cli', () => {
    const offenders: string[] = [];
    for (const file of walk(SRC).filter((f) => !f.startsWith(CLI))) {
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), spec!);
        if (target.startsWith(CLI)) offenders.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('UsageError is one of the library\'s errors', () => {
    const err = new UsageError('x');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('UsageError');
  });
});
