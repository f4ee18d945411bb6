import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listOperations, loadBundledSpec } from '../src/spec.js';
import { NOT_RUN, readmeShellBlocks } from './support/readme-blocks.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('README', () => {
  it('shows the client example that the type check compiles, unchanged', () => {
    expect(read('README.md')).toContain(read('examples/basic-usage.ts').trimEnd());
  });

  it('names the test command that .ci/run runs', () => {
    expect(read('README.md')).toContain('npm ci && npm test');
    expect(read('.ci/run')).toMatch(/^npm ci --no-audit --no-fund\nnpm test$/m);
  });

  it('gives, in "Generate a client", the generator versions that the consumers tier pins and tests', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Generate a client'), readme.indexOf('## Working on the spec'));
    const tools = JSON.parse(read('tests/consumers/tools.json')) as Record<string, string>;
    expect(section).toContain(`openapi-generator-cli:${tools.openapiGeneratorCli}`);
    expect(section).toContain(`oapi-codegen/v2/cmd/oapi-codegen@${tools.oapiCodegen}`);
    expect(section).toContain(`openapi-python-client==${tools.openapiPythonClient}`);
    expect(section).toContain(`grafana-client\` ${tools.grafanaClientPython}`);
    const openapiTs = (JSON.parse(read('node_modules/openapi-typescript/package.json')) as { version: string }).version;
    expect(section).toContain(`openapi-typescript@${openapiTs}`);
    for (const generator of ['typescript-fetch', 'go', 'java --library native', 'python']) expect(section).toContain(`-g ${generator}`);
  });

  it('counts the operations per tag as the spec has them', () => {
    const counts = new Map<string, number>();
    for (const { operation } of listOperations(loadBundledSpec())) counts.set(operation.tags![0]!, (counts.get(operation.tags![0]!) ?? 0) + 1);
    const readme = read('README.md');
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(readme).toContain(`The spec covers ${total} operations`);
    for (const [tag, count] of counts) expect(readme, tag).toMatch(new RegExp(`^\\| ${tag} \\|[^\\n]*\\| ${count} \\|$`, 'm'));
  });
});

describe('README shell blocks', () => {
  it('are each marked to be run by the readme-commands test, or listed with the reason they are not', () => {
    const blocks = readmeShellBlocks();
    const unmarked = blocks.filter((b) => b.name === null).map((b) => b.script.split('\n')[0]!);
    expect(unmarked.sort()).toEqual(Object.keys(NOT_RUN).sort());
    const names = blocks.map((b) => b.name).filter((n): n is string => n !== null);
    expect(new Set(names).size).toBe(names.length);
    for (const block of blocks) for (const need of block.needs) expect(names, `${block.name} needs ${need}`).toContain(need);
  });

  it('call the CLI as it works in a clone, never through a bin that only an installed package has', () => {
    for (const block of readmeShellBlocks()) expect(block.script).not.toMatch(/(^|\s)(npx )?grafana-api-contract\s/m);
  });
});
