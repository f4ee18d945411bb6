import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const out = mkdtempSync(join(tmpdir(), 'gac-generated-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('generated/', () => {
  it('is what `npm run generate` makes from spec/ now (run it and commit when this fails)', () => {
    execFileSync(process.execPath, ['scripts/generate.mjs', '--out', out], { cwd: root, stdio: 'pipe' });
    for (const file of ['openapi.json', 'openapi-3.0.json', 'schema.d.ts']) {
      const fresh = readFileSync(join(out, file), 'utf8');
      const committed = readFileSync(new URL(`generated/${file}`, root), 'utf8');
      expect(committed === fresh, `generated/${file} is stale`).toBe(true);
    }
  });

  it('has only internal references', () => {
    const text = readFileSync(new URL('generated/openapi.json', root), 'utf8');
    const refs = [...text.matchAll(/"\$ref": "([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter((r) => !r.startsWith('#/'))).toEqual([]);
  });
});
