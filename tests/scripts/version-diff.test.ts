import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolchainsPresent } from '../consumers/support/gate.js';

// `npm run spec:diff -- --grafana-versions A B` in a throw-away copy of the project (its scripts,
// the built dist/ that the unit project's set-up builds, node_modules linked), whose union bundle
// is today's with synthetic version data: setTeamMemberships and a query parameter of searchUsers
// exist from Grafana 11.1.0 only. The copy's dist cuts the bundles from that union, as it does
// from the real one.
const root = fileURLToPath(new URL('../../', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'gac-version-diff-test-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

type Operation = { operationId?: string; parameters?: unknown[]; 'x-grafana-versions'?: string };
const union = JSON.parse(readFileSync(join(root, 'generated', 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, Operation>>; 'x-grafana-releases': string[] };
const newest = union['x-grafana-releases'].at(-1)!;
union.paths['/api/teams/{id}/members']!.put!['x-grafana-versions'] = '>=11.1.0';
union.paths['/api/users']!.get!.parameters!.push({ name: 'syntheticFilter', in: 'query', schema: { type: 'string' }, 'x-grafana-versions': '>=11.1.0' });

function diff(...versions: string[]) {
  return spawnSync(process.execPath, [join(project, 'scripts', 'spec-diff.mjs'), '--grafana-versions', ...versions], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 300_000 });
}

beforeAll(() => {
  mkdirSync(join(project, 'scripts'));
  for (const script of ['spec-diff.mjs', 'version-diff.mjs', 'toolchains.mjs']) copyFileSync(join(root, 'scripts', script), join(project, 'scripts', script));
  cpSync(join(root, 'dist'), join(project, 'dist'), { recursive: true });
  symlinkSync(realpathSync(join(root, 'node_modules')), join(project, 'node_modules'), 'dir');
  mkdirSync(join(project, 'generated'));
  writeFileSync(join(project, 'generated', 'openapi.json'), JSON.stringify(union));
});

describe('npm run spec:diff -- --grafana-versions: bad versions', () => {
  it.each([
    [['7.5', '10.4'], `error: --grafana-versions 7.5: Grafana 7.5 is older than the contract covers (8.0 and later); pass a version from 8.0 to ${newest}.\n`],
    [['10.4', 'eleven'], 'error: --grafana-versions "eleven": not a Grafana version; expected X.Y or X.Y.Z, e.g. 10.4 or 11.6.2.\n'],
    [['10.4'], 'error: --grafana-versions takes two Grafana versions: npm run spec:diff -- --grafana-versions A B (Grafana versions X.Y or X.Y.Z, e.g. 10.4 11.1).\n'],
  ])('refuses %j in one line, exit 2', (versions, message) => {
    const result = diff(...versions);
    expect(result.stderr).toBe(message);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
  });
});

describe.runIf(toolchainsPresent('spec:diff --grafana-versions (oasdiff is built with Go)', ['go']))('npm run spec:diff -- --grafana-versions', () => {
  it('lists an operation and a parameter that appeared in 11.1 as added, not breaking, from 10.4 to 11.1', () => {
    const result = diff('10.4', '11.1.2');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^What changed in the user and org API from Grafana 10\.4 \(10\.4\.0\) to Grafana 11\.1 \(11\.1\.2\)/);
    expect(result.stdout).toContain('- PUT /api/teams/{id}/members (setTeamMemberships): endpoint added [endpoint-added]\n');
    expect(result.stdout).toContain('- GET /api/users (searchUsers): added the new optional `query` request parameter `syntheticFilter` [new-optional-request-parameter]\n');
    expect(result.stdout).not.toContain('Breaking for clients (');
    expect(result.stdout).toMatch(/Totals: 0 breaking for clients, 0 warnings, \d+ other changes\.\n$/);
  });

  it('lists them as removed and breaking, first, from 11.1 to 10.4 (a removed parameter breaks a generated client)', () => {
    const result = diff('11.1', '10.4');
    expect(result.status, result.stderr).toBe(0);
    const breaking = /\nBreaking for clients \((\d+)\):\n((?:- .*\n)+)/.exec(result.stdout);
    expect(breaking, result.stdout).not.toBeNull();
    expect(breaking![2]).toContain('- PUT /api/teams/{id}/members (setTeamMemberships): API removed without deprecation [api-removed-without-deprecation]\n');
    expect(breaking![2]).toContain('- GET /api/users (searchUsers): deleted the `query` request parameter `syntheticFilter` [request-parameter-removed]\n');
    // Breaking changes lead: nothing else comes before them.
    expect(result.stdout.indexOf('\nBreaking for clients')).toBeLessThan(result.stdout.indexOf('\nOther changes'));
    expect(result.stdout.split('\n\n')[1]).toMatch(/^Breaking for clients/);
    expect(result.stdout).toContain(`Totals: ${breaking![1]} breaking for clients`);
  });

  it('warns about a version newer than the data knows and compares with the newest contract (no change)', () => {
    const result = diff('99.1', newest);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe(`warning: Grafana 99.1 is newer than the contract data knows (up to ${newest}): using the Grafana ${newest} contract.\n`);
    expect(result.stdout).toContain('No change: the two versions have the same contract.');
  });
});
