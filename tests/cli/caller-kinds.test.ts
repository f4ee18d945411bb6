import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStatefulFakeGrafana } from '../support/stateful-fake-grafana.js';
import { CALLERS, IDENTITIES } from '../support/fake-identities.js';
import { ROOT, runCli } from './run-cli.js';

// Runs by each kind of caller against a FAKE Grafana that enforces sign-in and org roles (its own
// simplified model, not evidence of Grafana's behaviour): what runs, what the run makes and
// removes, and that nothing is written to the org itself or its members without --allow-org-writes.

type CallerName = keyof typeof CALLERS;

interface Report { summary: { passed: number; failed: number; skipped: number; skippedBy: Record<string, number> }; caller?: string; results: Array<{ case: string; outcome: string; skip?: { kind: string }; request?: { caller: string } }> }

const dir = mkdtempSync(join(tmpdir(), 'gac-callers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A whole run by one kind of caller against a fresh fake; the report, output and what the fake saw. */
async function run(name: CallerName, extra: string[] = []) {
  const fake = await startStatefulFakeGrafana({ identities: IDENTITIES });
  const file = join(dir, `${name.replace(/\W+/g, '-')}${extra.join('')}.json`);
  const r = await runCli(['conformance', '--url', fake.url, ...CALLERS[name], '--report', file, ...extra]);
  await fake.close();
  const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  const ran = report.results.filter((x) => x.outcome !== 'skip').length;
  return { ...r, fake, report, ran };
}

/** The number of cases of a --url run (from the identity line). */
let totalCases = 0;

/** The number of cases the identity line says apply, checked against the cases that ran. */
function applying(stdout: string, identity: string): number {
  const total = /^Running (\d+) cases against url /m.exec(stdout)?.[1];
  const line = new RegExp(`^Signed in as ${identity.replace(/[()".]/g, '\\$&')}: (\\d+) of ${total} cases apply$`, 'm').exec(stdout);
  expect(line, stdout.split('\n').slice(0, 3).join('\n')).not.toBeNull();
  totalCases = Number(total);
  return Number(line![1]);
}

/** docs/safety.md's table of cases per kind of caller, by row name: [without, with --allow-org-writes]. */
function readmeCounts(): Record<string, [string, string]> {
  const guide = readFileSync(join(ROOT, 'docs', 'safety.md'), 'utf8');
  const rows = [...guide.matchAll(/^\| (.+?) \| (\d+) \| (\d+|same) \|$/gm)];
  return Object.fromEntries(rows.map((m) => [m[1]!, [m[2]!, m[3]!]]));
}

describe('conformance --url by kind of caller (fake Grafana with roles)', () => {
  const counts: Partial<Record<CallerName, [number, number]>> = {};

  it('an org-Admin token: makes teams, a dashboard, service accounts and an invitation, removes them all, writes nothing to the org without --allow-org-writes', async () => {
    const { code, stdout, stderr, fake, report, ran } = await run('org-Admin service account token');
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
    expect(applying(stdout, 'service account "ci" (org 1 "Main Org.", role Admin, not a server administrator)')).toBe(ran);
    expect(ran).toBeGreaterThan(150);
    // What an org admin can make, and nothing else (no users, no org).
    const kinds = fake.created.map((c) => c.split(' ')[0]).sort();
    expect(kinds).toEqual(['dashboard', 'invite', 'serviceAccount', 'serviceAccount', 'team', 'team']);
    expect(fake.remaining()).toEqual([]);
    expect(fake.orgWrites).toEqual([]);
    expect(report.summary.skippedBy).toMatchObject({ 'needs-server-admin': expect.any(Number), 'needs-user-the-run-cannot-create': expect.any(Number), 'needs-allow-org-writes': expect.any(Number) });
    expect(stdout).toMatch(/^Not checked with these credentials: .*need a server administrator.*need --allow-org-writes/m);
    // The run's Viewer service account plays the plain user in the refusals of org-admin operations.
    expect(report.results.filter((r) => r.outcome !== 'skip' && r.request?.caller === 'plain user').length).toBeGreaterThan(10);
    counts['org-Admin service account token'] = [ran, 0];
  });

  it('--allow-org-writes runs more cases, and those write to the org itself', async () => {
    const { code, stdout, fake, report, ran } = await run('org-Admin service account token', ['--allow-org-writes']);
    expect([0, 1]).toContain(code);
    expect(stdout).toMatch(/^Running \d+ cases against url .*, org writes allowed$/m);
    expect(ran).toBeGreaterThan(counts['org-Admin service account token']![0]);
    expect(report.summary.skippedBy['needs-allow-org-writes']).toBeUndefined();
    expect(fake.orgWrites.length).toBeGreaterThan(0);
    expect(fake.orgWrites.every((w) => /^(PUT|PATCH) \/api\/org(\/address|\/preferences)?$/.test(w))).toBe(true);
    expect(fake.remaining()).toEqual([]);
    counts['org-Admin service account token']![1] = ran;
  });

  it('an org-Viewer token: makes nothing, runs only what a Viewer can (refusals, no-credential cases)', async () => {
    const { code, stdout, stderr, fake, report, ran } = await run('org-Viewer service account token');
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
    expect(applying(stdout, 'service account "dash" (org 1 "Main Org.", role unknown, not Admin, not a server administrator)')).toBe(ran);
    expect(ran).toBeGreaterThan(0);
    expect(fake.created).toEqual([]);
    expect(fake.orgWrites).toEqual([]);
    expect(report.summary.skippedBy['needs-org-admin']).toBeGreaterThan(100);
    const withWrites = await run('org-Viewer service account token', ['--allow-org-writes']);
    counts['org-Viewer service account token'] = [ran, withWrites.ran];
  });

  it('a basic-auth org admin who is not a server administrator runs like an org-Admin token', async () => {
    const { code, stdout, stderr, fake, ran } = await run('org Admin with basic auth, not a server administrator');
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
    expect(applying(stdout, 'user "orgadmin" (org 1 "Main Org.", role Admin, not a server administrator)')).toBe(ran);
    expect(fake.created.some((c) => c.startsWith('user') || c.startsWith('org'))).toBe(false);
    expect(fake.created.filter((c) => c.startsWith('team'))).toHaveLength(2);
    expect(fake.remaining()).toEqual([]);
    expect(fake.orgWrites).toEqual([]);
    const withWrites = await run('org Admin with basic auth, not a server administrator', ['--allow-org-writes']);
    expect(withWrites.fake.remaining()).toEqual([]);
    counts['org Admin with basic auth, not a server administrator'] = [ran, withWrites.ran];
  });

  it('a server administrator runs the most, writing only to its own second org (the flag changes nothing)', async () => {
    const { code, stdout, fake, ran } = await run('server administrator with basic auth');
    expect([0, 1]).toContain(code);
    expect(applying(stdout, 'user "admin" (org 1 "Main Org.", role Admin, a server administrator)')).toBe(ran);
    expect(fake.remaining()).toEqual([]);
    expect(fake.orgWrites).toEqual([]);
    const withWrites = await run('server administrator with basic auth', ['--allow-org-writes']);
    expect(withWrites.fake.remaining()).toEqual([]);
    expect(withWrites.fake.orgWrites).toEqual([]);
    counts['server administrator with basic auth'] = [ran, withWrites.ran];
    expect(ran).toBeGreaterThan(counts['org-Admin service account token']![0]);
  });

  it('the docs/safety.md table of cases per kind of caller shows these counts', () => {
    const table = readmeCounts();
    expect(readFileSync(join(ROOT, 'docs', 'safety.md'), 'utf8')).toContain(`Cases that run, of ${totalCases}, per kind of caller`);
    for (const [name, [without, withWrites]] of Object.entries(counts)) {
      expect(table[name], `docs/safety.md row "${name}"`).toEqual([String(without), withWrites === without ? 'same' : String(withWrites)]);
    }
  });
});
