import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockTarget, type StartedTarget } from '../../src/contract/targets/mock.js';
import { TOOLS } from './support/cache.js';
import { exec, execOk, type ExecResult } from './support/exec.js';
import { toolchainsPresent } from './support/gate.js';
import { findToolchain } from './support/toolchains.js';

// Grafana's own Go client (github.com/grafana/grafana-openapi-client-go, pinned in tools.json and in
// the program's go.mod) against the mock target: every client method that maps to an operation of
// the spec is called by real-clients/go-grafana-openapi-client/main.go, which prints one JSON line
// per call. A call must be accepted by the mock (2xx, no request-validation error) and its answer
// parsed by the client, unless it is listed under "go" in real-clients/known-client-defects.json
// (a defect of the client itself, which a real Grafana would show too); a listed call must still
// fail. The module is fetched through the Go module proxy into Go's module cache, outside the repo;
// the binary is built into a temporary folder.

/** Fewer calls than this means the program lost cases (or the client lost methods). */
const MIN_MAPPED_CALLS = 90;
/** Fewer distinct spec operations reached than this means the same. */
const MIN_OPERATIONS = 86;

/**
 * Operations of the spec that this client has no method for (checked by hand against the pinned
 * version: no operation of the client has the path). Every other operation of the spec must be
 * called, so a new operation in the spec is noticed here.
 */
const NOT_IN_CLIENT: Record<string, string> = {
  updateUserActiveOrg: 'no method for POST /api/users/{userId}/using/{orgId}',
  getStars: 'no method for GET /api/user/stars',
  starDashboard: 'only the UID form (StarDashboardByUID); no method for POST /api/user/stars/dashboard/{dashboardId}',
  unstarDashboard: 'only the UID form (UnstarDashboardByUID); no method for DELETE /api/user/stars/dashboard/{dashboardId}',
  searchOrgUsersWithPaging: 'no method for GET /api/org/users/search (only the by-ID SearchOrgUsers, without query parameters)',
};

interface CallResult {
  method: string;
  variant?: string;
  operationId: string;
  ok: boolean;
  status?: number;
  detail: string;
}

interface KnownDefect {
  method: string;
  operationId: string;
  reason: string;
}

const MODULE_DIR = fileURLToPath(new URL('./real-clients/go-grafana-openapi-client/', import.meta.url));
const DEFECTS = (JSON.parse(readFileSync(new URL('./real-clients/known-client-defects.json', import.meta.url), 'utf8')) as { go: KnownDefect[] }).go;
const SPEC = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const SPEC_OPERATIONS = new Set(Object.values(SPEC.paths).flatMap((item) => Object.values(item).map((op) => op.operationId).filter((id): id is string => !!id)));

/** The method as listed in the table and in known-client-defects.json, e.g. `AdminUsers.AdminUpdateUserPermissions (revoke)`. */
const label = (r: CallResult) => (r.variant ? `${r.method} (${r.variant})` : r.method);
const key = (c: { method: string; operationId: string }) => `${c.method} -> ${c.operationId}`;
const resultKey = (r: CallResult) => key({ method: label(r), operationId: r.operationId });

// Go must not reach for a toolchain download or a workspace file, and must use the committed go.sum.
const GO_ENV = { GOTOOLCHAIN: 'local', GOWORK: 'off', GOFLAGS: '-mod=readonly' };

function parseLines(run: ExecResult): CallResult[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`the Go program printed a line that is not JSON: ${line}\nstderr:\n${run.stderr}`);
      }
      const r = value as CallResult;
      if (typeof r.method !== 'string' || typeof r.operationId !== 'string' || typeof r.ok !== 'boolean' || typeof r.detail !== 'string') {
        throw new Error(`the Go program printed an unexpected object: ${line}`);
      }
      return r;
    });
}

function table(results: CallResult[], defects: Map<string, KnownDefect>): string {
  const rows = results.map((r) => {
    const defect = defects.get(resultKey(r));
    const result = r.ok
      ? defect
        ? 'FAILED: listed as a known client defect but accepted (stale entry)'
        : 'accepted'
      : defect
        ? `known client defect: ${r.detail}`
        : `FAILED: ${r.detail}`;
    return [label(r), r.operationId, result];
  });
  for (const [operationId, why] of Object.entries(NOT_IN_CLIENT)) rows.push(['(none)', operationId, `not in this client: ${why}`]);
  const header = ['client method', 'operation', 'result'];
  const widths = [0, 1].map((i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).concat('------').join('-|-'), ...rows.map(line)].join('\n');
}

describe.runIf(toolchainsPresent('go grafana-openapi-client-go', ['go']))(`real client: grafana-openapi-client-go ${TOOLS.grafanaOpenapiClientGo} (Go)`, () => {
  let mock: StartedTarget | undefined;
  let binDir: string | undefined;
  let vet: ExecResult;
  let run: ExecResult;
  let results: CallResult[] = [];
  const defects = new Map(DEFECTS.map((d) => [key(d), d]));

  beforeAll(async () => {
    const go = findToolchain('go')!;
    binDir = mkdtempSync(join(tmpdir(), 'grafana-openapi-client-go-'));
    const bin = join(binDir, 'grafana-openapi-client-check');
    await execOk(go, ['build', '-o', bin, '.'], { cwd: MODULE_DIR, env: GO_ENV });
    vet = await exec(go, ['vet', './...'], { cwd: MODULE_DIR, env: GO_ENV });
    mock = await startMockTarget();
    run = await exec(bin, [mock.target.baseUrl], { timeoutMs: 300_000 });
    results = parseLines(run);
    console.log(`grafana-openapi-client-go ${TOOLS.grafanaOpenapiClientGo} against the mock (${results.length} calls):\n${table(results, defects)}`);
  });

  afterAll(async () => {
    await mock?.close();
    if (binDir) rmSync(binDir, { recursive: true, force: true });
  });

  it('pins the client version that tools.json names', () => {
    const goMod = readFileSync(join(MODULE_DIR, 'go.mod'), 'utf8');
    const pinned = /^\s*github\.com\/grafana\/grafana-openapi-client-go (\S+)$/m.exec(goMod)?.[1];
    expect(pinned).toBe(TOOLS.grafanaOpenapiClientGo);
  });

  it('is vet-clean', () => {
    expect(vet.code, `${vet.stdout}\n${vet.stderr}`).toBe(0);
  });

  it('runs every call to the end', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(results.length).toBeGreaterThanOrEqual(MIN_MAPPED_CALLS);
    expect(new Set(results.map((r) => r.operationId)).size).toBeGreaterThanOrEqual(MIN_OPERATIONS);
    expect(results.map((r) => r.operationId).filter((id) => !SPEC_OPERATIONS.has(id)), 'operationIds that are not in the spec').toEqual([]);
    const seen = results.map(resultKey);
    expect(seen.filter((k, i) => seen.indexOf(k) !== i), 'calls reported twice').toEqual([]);
  });

  it('calls every operation of the spec that the client has a method for', () => {
    const called = new Set(results.map((r) => r.operationId));
    expect([...SPEC_OPERATIONS].filter((id) => !called.has(id) && !(id in NOT_IN_CLIENT)), 'spec operations neither called nor listed in NOT_IN_CLIENT').toEqual([]);
    expect(Object.keys(NOT_IN_CLIENT).filter((id) => called.has(id) || !SPEC_OPERATIONS.has(id)), 'stale NOT_IN_CLIENT entries').toEqual([]);
  });

  it('has every mapped call accepted by the mock and parsed by the client, except known client defects', () => {
    const failures = results.filter((r) => !r.ok && !defects.has(resultKey(r))).map((r) => `${resultKey(r)}: ${r.detail}`);
    expect(failures).toEqual([]);
  });

  it('still fails every call listed as a known client defect (so a stale entry is noticed)', () => {
    for (const d of DEFECTS) expect(d.reason.trim(), `the reason for ${key(d)}`).not.toBe('');
    const byKey = new Map(results.map((r) => [resultKey(r), r]));
    const stale = DEFECTS.filter((d) => byKey.get(key(d))?.ok !== false).map((d) => `${key(d)}: ${byKey.has(key(d)) ? 'now accepted' : 'no longer called'}`);
    expect(stale).toEqual([]);
  });
});
