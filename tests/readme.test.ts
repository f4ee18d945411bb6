import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('README', () => {
  it('shows the client example that the type check compiles, unchanged', () => {
    expect(read('README.md')).toContain(read('examples/basic-usage.ts').trimEnd());
  });

  it('names the test command that .ci/run runs', () => {
    expect(read('README.md')).toContain('npm ci && npm test');
    expect(read('.ci/run')).toMatch(/^npm ci --no-audit --no-fund\nnpm test$/m);
  });
});
