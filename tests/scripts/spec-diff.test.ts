import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolchainsPresent } from '../consumers/support/gate.js';

// `npm run spec:diff -- <ref>` in a throw-away git repository: the bundled spec is committed as
// it is today, then deliberately changed in the working tree, and the check must call each
// breaking change breaking (exit 1) and let compatible ones pass (exit 0).
const root = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(root, 'scripts', 'spec-diff.mjs');
const spec = JSON.parse(readFileSync(join(root, 'generated', 'openapi.json'), 'utf8')) as Spec;
type Schema = { type?: string; required?: string[]; properties?: Record<string, unknown>; enum?: string[] };
type Spec = { paths: Record<string, Record<string, { operationId?: string; parameters?: unknown[] }>>; components: { schemas: Record<string, Schema>; parameters: Record<string, { name: string }> } };

const repo = mkdtempSync(join(tmpdir(), 'gac-spec-diff-test-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, stdio: 'pipe' });

/** Writes a changed copy of today's spec into the repository's working tree and runs the check against HEAD. */
function diffAgainstHead(change: (doc: Spec) => void) {
  const doc = structuredClone(spec);
  change(doc);
  writeFileSync(join(repo, 'generated', 'openapi.json'), JSON.stringify(doc, null, 2));
  return spawnSync(process.execPath, [SCRIPT, 'HEAD'], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 300_000 });
}

// The usage needs no Go: it is printed before anything is built.
describe('npm run spec:diff -- --help', () => {
  it('prints the usage, both modes included, with exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const result = spawnSync(process.execPath, [SCRIPT, flag], { cwd: root, encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Usage: npm run spec:diff -- <git-ref>\n {7}npm run spec:diff -- --grafana-versions A B\n/);
      expect(result.stdout).toContain('--grafana-versions A B    what changed in the API from Grafana A to B\n');
    }
  });

  it('a wrong command line is one line with exit 2', () => {
    const result = spawnSync(process.execPath, [SCRIPT], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('error: expected one git ref: npm run spec:diff -- <git-ref> (e.g. main, v0.1.0, HEAD~3), or --grafana-versions A B; see --help.\n');
  });
});

describe.runIf(toolchainsPresent('spec:diff (oasdiff is built with Go)', ['go']))('npm run spec:diff', () => {
  beforeAll(() => {
    mkdirSync(join(repo, 'generated'));
    writeFileSync(join(repo, 'generated', 'openapi.json'), JSON.stringify(spec, null, 2));
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'spec as it is today');
    // The first run may build oasdiff into the cache.
    expect(diffAgainstHead(() => undefined).status).toBe(0);
  }, 300_000);

  it('passes an unchanged spec', () => {
    const result = diffAgainstHead(() => undefined);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No breaking change for clients generated from the spec at HEAD.');
  });

  it('calls a removed response field breaking', () => {
    const result = diffAgainstHead((doc) => {
      const profile = doc.components.schemas.UserProfile!;
      delete profile.properties!.login;
      profile.required = profile.required!.filter((name) => name !== 'login');
    });
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/error\s+\[response-required-property-removed\][^\n]*\n\s+in API GET \/api\/user\n\s+removed the required property `login`/);
    expect(result.stdout).toMatch(/Breaking: \d+ change\(s\) marked "error" break clients generated from the spec at HEAD\./);
  });

  it('calls a renamed query parameter breaking (a client generated before still sends the old name)', () => {
    const result = diffAgainstHead((doc) => {
      doc.components.parameters.PerPage!.name = 'perPage';
    });
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/error\s+\[request-parameter-removed\][^\n]*\n\s+in API GET \/api\/users\/search\n\s+deleted the `query` request parameter `perpage`/);
  });

  it('calls a renamed path parameter breaking (generated code names it)', () => {
    const result = diffAgainstHead((doc) => {
      doc.paths['/api/teams/{id}/members/{memberId}'] = doc.paths['/api/teams/{id}/members/{userId}']!;
      delete doc.paths['/api/teams/{id}/members/{userId}'];
      doc.components.parameters.TeamMemberUserId!.name = 'memberId';
    });
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('in API PUT /api/teams/{id}/members/{userId}');
  });

  it('calls a narrowed request type breaking (an enum value removed)', () => {
    const result = diffAgainstHead((doc) => {
      doc.components.schemas.OrgRole!.enum = ['Viewer', 'Editor', 'Admin'];
    });
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/error\s+\[request-property-enum-value-removed\][^\n]*\n\s+in API POST \/api\/org\/users\n\s+removed the enum value `None` of the request property `role`/);
  });

  it('passes compatible changes: a new optional response field, a new optional parameter, a new operation', () => {
    const result = diffAgainstHead((doc) => {
      doc.components.schemas.UserProfile!.properties!.nickname = { type: 'string', description: 'A new field.' };
      doc.paths['/api/users']!.get!.parameters!.push({ name: 'extra', in: 'query', required: false, schema: { type: 'string' } });
      doc.paths['/api/users/{id}/nickname'] = { get: { ...doc.paths['/api/users/{id}']!.get!, operationId: 'getUserNickname' } };
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/info\s+\[endpoint-added\][^\n]*\n\s+in API GET \/api\/users\/\{id\}\/nickname/);
    expect(result.stdout).toContain('No breaking change for clients generated from the spec at HEAD.');
  });

  it('refuses a ref that is not a commit, in one line', () => {
    const result = spawnSync(process.execPath, [SCRIPT, 'no-such-ref'], { cwd: repo, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('error: "no-such-ref" is not a commit of this repository: pass a branch, tag or commit (a shallow clone may lack it: git fetch --unshallow).\n');
  });
});
