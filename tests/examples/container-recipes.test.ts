import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The recipes for a real Grafana in a container (compose.yaml, the GitHub Actions example) cannot
// run here (no Docker engine), so they are checked statically: the compose file with dclint
// (the compose-spec JSON schema plus its rules), the workflow with actionlint (GitHub's workflow
// syntax, expressions, matrix). Each check is also shown to fail on a file with a typo.
const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const COMPOSE = 'compose.yaml';
const WORKFLOW = 'examples/github-actions/grafana-conformance.yml';
const work = mkdtempSync(join(tmpdir(), 'gac-recipes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The newest release of each major version when the example was written (Grafana's release
// versions, as published with its npm packages).
const NEWEST = ['10.4.19', '11.6.16', '12.4.10', '13.2.3'];

function dclint(file: string) {
  const bin = join(root, 'node_modules', 'dclint', 'bin', 'dclint.cjs');
  return spawnSync(process.execPath, [bin, file, '--max-warnings', '0', '--color', 'false'], { encoding: 'utf8' });
}

// actionlint, pinned, built once with `go install` from the Go module proxy into a cache outside
// the repository (a second run finds it there).
const ACTIONLINT_VERSION = 'v1.7.12';
let actionlintBin = '';
beforeAll(() => {
  const dir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'grafana-api-contract', `actionlint-${ACTIONLINT_VERSION}`);
  actionlintBin = join(dir, 'actionlint');
  if (existsSync(actionlintBin)) return;
  mkdirSync(dir, { recursive: true });
  const go = spawnSync('go', ['install', `github.com/rhysd/actionlint/cmd/actionlint@${ACTIONLINT_VERSION}`], {
    env: { ...process.env, GOBIN: dir, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod' },
    encoding: 'utf8',
  });
  if (go.error || go.status !== 0) {
    throw new Error(`could not build actionlint ${ACTIONLINT_VERSION} with Go (needed to check ${WORKFLOW}; install Go 1.22+): ${go.error?.message ?? go.stderr.trim().split('\n').at(-1)}`);
  }
}, 300_000);

function actionlint(file: string) {
  return spawnSync(actionlintBin, ['-no-color', '-shellcheck=', '-pyflakes=', file], { encoding: 'utf8' });
}

function withTypo(file: string, from: string, to: string): string {
  const text = read(file);
  expect(text).toContain(from);
  const copy = join(work, file.replaceAll('/', '_'));
  writeFileSync(copy, text.replace(from, to));
  return copy;
}

describe('compose.yaml', () => {
  it('is a valid Compose file with no dclint warnings', () => {
    const result = dclint(join(root, COMPOSE));
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('fails the check with a typo in a key', () => {
    const result = dclint(withTypo(COMPOSE, 'healthcheck:', 'healthchek:'));
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/must NOT have additional properties/);
  });

  it('starts Grafana at GRAFANA_VERSION with the admin password from the environment and a health check', () => {
    const compose = parse(read(COMPOSE)) as { services: Record<string, { image: string; environment: Record<string, string>; ports: string[]; healthcheck: { test: string[] } }> };
    const grafana = compose.services.grafana!;
    expect(grafana.image).toMatch(/^grafana\/grafana:\$\{GRAFANA_VERSION:-\d+\.\d+\.\d+\}$/);
    expect(NEWEST).toContain(/:-([\d.]+)\}/.exec(grafana.image)![1]);
    expect(grafana.environment.GF_SECURITY_ADMIN_PASSWORD).toMatch(/^\$\{GRAFANA_ADMIN_PASSWORD:\?[^}]+\}$/);
    expect(grafana.healthcheck.test.join(' ')).toContain('http://localhost:3000/api/health');
    expect(grafana.ports).toEqual(['127.0.0.1:${GRAFANA_PORT:-3000}:3000']);
  });

  it('is in docs/containers-and-ci.md with the two commands that start it and run the suite', () => {
    const readme = read('docs/containers-and-ci.md');
    expect(readme).toContain('GRAFANA_ADMIN_PASSWORD=choose-one docker compose up -d --wait\n');
    expect(readme).toContain('GRAFANA_PASSWORD=choose-one npm run conformance -- --url http://localhost:3000 --user admin');
  });
});

describe(WORKFLOW, () => {
  it('passes actionlint', () => {
    const result = actionlint(join(root, WORKFLOW));
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('fails actionlint with a typo in a key', () => {
    const result = actionlint(withTypo(WORKFLOW, 'runs-on:', 'run-on:'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/unexpected key "run-on"/);
  });

  it('runs the suite against the newest 10.x to 13.x as service containers and publishes the JUnit report', () => {
    type Step = { name?: string; run?: string; uses?: string; with?: Record<string, unknown> };
    const workflow = parse(read(WORKFLOW)) as { jobs: Record<string, { strategy: { matrix: { grafana: string[] } }; services: { grafana: { image: string; options: string } }; steps: Step[] }> };
    const job = workflow.jobs.conformance!;
    expect(job.strategy.matrix.grafana).toEqual(NEWEST);
    expect(job.services.grafana.image).toBe('grafana/grafana:${{ matrix.grafana }}');
    expect(job.services.grafana.options).toContain('/api/health');
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('http://localhost:3000/api/health');
    expect(runs).toMatch(/npx grafana-api-contract conformance --url http:\/\/localhost:3000 .*--report report\.xml/);
    const junit = job.steps.find((s) => s.uses?.startsWith('mikepenz/action-junit-report@'));
    expect(junit?.with?.report_paths).toBe('report.xml');
    const waitIndex = job.steps.findIndex((s) => s.run?.includes('/api/health'));
    const runIndex = job.steps.findIndex((s) => s.run?.includes('conformance --url'));
    expect(waitIndex).toBeGreaterThanOrEqual(0);
    expect(waitIndex).toBeLessThan(runIndex);
  });
});

type Step = { name?: string; run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Workflow = { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { needs?: string; steps: Step[] }> };
const PUBLISH_DOCS = 'examples/github-actions/publish-docs.yml';
const SPEC_DIFF = 'examples/github-actions/spec-diff.yml';

describe(PUBLISH_DOCS, () => {
  it('passes actionlint', () => {
    const result = actionlint(join(root, PUBLISH_DOCS));
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('fails actionlint with a typo in a key', () => {
    expect(actionlint(withTypo(PUBLISH_DOCS, 'needs:', 'need:')).status).toBe(1);
  });

  it('builds site/ with npm run docs on a push to main and deploys it to GitHub Pages', () => {
    const workflow = parse(read(PUBLISH_DOCS)) as Workflow;
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const build = workflow.jobs.build!.steps;
    const docsStep = build.findIndex((s) => s.run === 'npm run docs');
    const upload = build.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(docsStep).toBeGreaterThan(build.findIndex((s) => s.run?.startsWith('npm ci')));
    expect(upload).toBeGreaterThan(docsStep);
    expect(build[upload]!.with?.path).toBe('site');
    expect(JSON.parse(read('package.json')).scripts.docs).toBe('node scripts/docs.mjs');
    expect(read('scripts/docs.mjs')).toContain("join(root, 'site', 'index.html')");
    expect(workflow.jobs.deploy!.needs).toBe('build');
    expect(workflow.jobs.deploy!.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });
});

describe(SPEC_DIFF, () => {
  it('passes actionlint', () => {
    const result = actionlint(join(root, SPEC_DIFF));
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('fails actionlint with a typo in a key', () => {
    expect(actionlint(withTypo(SPEC_DIFF, 'runs-on:', 'run-on:')).status).toBe(1);
  });

  it('runs npm run spec:diff against the target branch on pull requests, with the history it needs', () => {
    const workflow = parse(read(SPEC_DIFF)) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    const steps = workflow.jobs['spec-diff']!.steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    const check = steps.find((s) => s.run?.includes('npm run spec:diff'))!;
    expect(check.run).toBe('npm run spec:diff -- "origin/$BASE_REF"');
    expect(check.env?.BASE_REF).toBe('${{ github.base_ref }}');
    expect(steps.some((s) => s.uses?.startsWith('actions/setup-go@'))).toBe(true);
  });
});
