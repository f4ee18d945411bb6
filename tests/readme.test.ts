import { CONFORMANCE_USAGE } from '../src/cli/args.js';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listOperations, loadBundledSpec } from '../src/spec.js';
import { documentShellBlocks, documents, NOT_RUN, readmeShellBlocks } from './support/readme-blocks.js';
import { readmeSampleProblem, sampleOf } from '../scripts/readme-sample.mjs';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

const ROOT = fileURLToPath(new URL('../', import.meta.url));

describe('README', () => {
  it('fits on a screen or two: at most 200 lines', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(200);
  });

  it('says on its first screen how to get the contract of your Grafana version, as a command that is run', () => {
    const firstScreen = read('README.md').split('\n').slice(0, 40).join('\n');
    expect(firstScreen).toContain('npm run cli -- spec --grafana-version 10.4 -o grafana-10.4.json');
    expect(firstScreen).toContain('npx grafana-api-contract spec --grafana-version 10.4 -o grafana-10.4.json');
    expect(readmeShellBlocks().find((b) => b.name === 'spec-for-version')?.script).toBe('npm run cli -- spec --grafana-version 10.4 -o grafana-10.4.json');
  });

  it("speaks of Grafana's licence, not of a workplace's rules", () => {
    const text = documents().map(read).join('\n');
    expect(read('README.md')).toMatch(/AGPL/);
    expect(text).not.toMatch(/workplace|package rules/i);
  });

  it('links only to files that exist, in the README and the guides', () => {
    const broken: string[] = [];
    for (const file of documents()) {
      for (const [, target] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const path = join(ROOT, dirname(file), target!.split('#')[0]!);
        if (!existsSync(path)) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('docs/clients.md', () => {
  it('shows the client example that the type check compiles, unchanged', () => {
    expect(read('docs/clients.md')).toContain(read('examples/basic-usage.ts').trimEnd());
  });

  it('gives, in "Generating a client", the generator versions that the consumers tier pins and tests', () => {
    const guide = read('docs/clients.md');
    const section = guide.slice(guide.indexOf('## Generating a client'));
    const tools = JSON.parse(read('tests/consumers/tools.json')) as Record<string, string>;
    expect(section).toContain(`openapi-generator-cli:${tools.openapiGeneratorCli}`);
    expect(section).toContain(`oapi-codegen/v2/cmd/oapi-codegen@${tools.oapiCodegen}`);
    expect(section).toContain(`openapi-python-client==${tools.openapiPythonClient}`);
    expect(section).toContain(`grafana-client\` ${tools.grafanaClientPython}`);
    const openapiTs = (JSON.parse(read('node_modules/openapi-typescript/package.json')) as { version: string }).version;
    expect(section).toContain(`openapi-typescript@${openapiTs}`);
    for (const generator of ['typescript-fetch', 'go', 'java --library native', 'python']) expect(section).toContain(`-g ${generator}`);
  });

});

describe('README facts', () => {
  it('names the test command that .ci/run runs', () => {
    expect(read('README.md')).toContain('npm ci && npm test');
    expect(read('.ci/run')).toMatch(/^npm ci --no-audit --no-fund\nnpm test$/m);
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

describe('shell blocks of the README and the guides', () => {
  it('are each marked to be run by the readme-commands test, or listed with the reason they are not', () => {
    const blocks = documentShellBlocks();
    const unmarked = blocks.filter((b) => b.name === null).map((b) => b.script.split('\n')[0]!);
    expect(unmarked.sort()).toEqual(Object.keys(NOT_RUN).sort());
    const names = blocks.map((b) => b.name).filter((n): n is string => n !== null);
    expect(new Set(names).size).toBe(names.length);
    for (const block of blocks) for (const need of block.needs) expect(names, `${block.name} needs ${need}`).toContain(need);
  });

  it('that may be replayed from the run cache never run this project\'s CLI, and name what they read: every generated file their commands name', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
    const blocks = documentShellBlocks();
    const replayable = blocks.filter((b) => b.replay);
    expect(replayable.map((b) => b.name)).toContain('openapi-generator-java');
    for (const block of blocks.filter((b) => !b.replay)) expect(block.reads, `${block.name}: reads without replay=yes`).toEqual([]);
    for (const block of replayable) {
      const script = [...block.needs.map((need) => blocks.find((b) => b.name === need)!.script), block.script].join('\n');
      expect(script, `${block.name}: a block that runs the CLI always runs`).not.toMatch(/npm (run|ci|test)|npx grafana-api-contract/);
      for (const path of block.reads) expect(tracked.some((file) => file === path || file.startsWith(`${path}/`)), `${block.name} reads ${path}`).toBe(true);
      for (const file of script.match(/generated\/[\w.-]+/g) ?? []) expect(block.reads, `${block.name} reads ${file}`).toContain(file);
    }
  });

  it('write generated clients into clients/, which git ignores', () => {
    expect(read('.gitignore').split('\n')).toContain('/clients/');
    for (const block of documentShellBlocks().filter((b) => /generate|openapi-typescript|oapi-codegen/.test(b.script) && !/spec --grafana-version/.test(b.script))) {
      expect(block.script, `${block.file}:${block.line}`).toMatch(/(-o|--output-path|> ?[\w.]*|mkdir -p) clients\//);
    }
  });

  it('call the CLI as it works in a clone, never through a bin that only an installed package has', () => {
    for (const block of documentShellBlocks()) expect(block.script).not.toMatch(/(^|\s)(npx )?grafana-api-contract\s/m);
  });
});

describe('docs/cli.md', () => {
  it('shows the conformance help as the CLI prints it', () => {
    const text = readFileSync(new URL('../docs/cli.md', import.meta.url), 'utf8');
    const shown = /```text\n(Usage: grafana-api-contract conformance[\s\S]*?)\n```/.exec(text)?.[1];
    expect(shown).toBe(CONFORMANCE_USAGE);
  });
});

describe("the README's sample output check (run on the README command's own output by the readme-commands test)", () => {
  // A run's output rebuilt from the README's sample: its rows with the "…" line left out, after
  // the lines npm prints before the tool's own (`npm run conformance -- --mock`).
  const sample = /<!-- sample-output:start[^\n]*\n```text\n([\s\S]*?)\n```/.exec(read('README.md'))![1]!;
  const npmBanner = '\n> grafana-api-contract@0.1.0 conformance\n> npm run build --silent && node dist/cli/main.js conformance --mock\n\n';
  const runOutput = npmBanner + sample.split('\n').filter((line) => line !== '…').join('\n').replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:40123').replace(/^Time: [\d.]+ s$/m, 'Time: 9.9 s');

  it('accepts the output it was written from, whatever the port and time', () => {
    expect(sampleOf(runOutput)).toBe(sample.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:40123').replace(/^Time: [\d.]+ s$/m, 'Time: 9.9 s'));
    expect(readmeSampleProblem(runOutput)).toBeNull();
  });

  it('reports a changed total or a changed row as a stale README', () => {
    expect(readmeSampleProblem(runOutput.replace(/^(\d+) passed/m, (_, n: string) => `${Number(n) + 1} passed`))).toMatch(/differs from what the tool prints; run "npm run readme:sample"/);
    expect(readmeSampleProblem(runOutput.replace(/^(getUserById\s+)(\d+)/m, (_, head: string, n: string) => `${head}${Number(n) + 1}`))).toMatch(/differs from what the tool prints/);
  });
});
