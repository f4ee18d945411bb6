import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TOOLS } from './support/cache.js';
import { exec, execOk, type ExecResult } from './support/exec.js';
import { toolchainsPresent } from './support/gate.js';
import { GO_ENV } from './support/go-driver.js';
import { itChecksEveryCall, knownDefects, NOT_IN_EITHER_CLIENT, parseCallResults, resultsTable, type CallResult, type RealClientExpectations } from './support/real-client-checks.js';
import { findToolchain } from './support/toolchains.js';

// Grafana's own Go client (github.com/grafana/grafana-openapi-client-go, pinned in tools.json and in
// the program's go.mod) against the mock (the one the project shares, tests/support/shared-mock.ts):
// every client method that maps to an operation of the spec is called by
// real-clients/go-grafana-openapi-client/main.go, which prints one JSON line per call. A call must
// be accepted by the mock (2xx, no request-validation error) and its answer parsed by the client,
// unless it is listed under "go" in real-clients/known-client-defects.json (a defect of the client
// itself, which a real Grafana would show too); a listed call must still fail. The module is fetched through the Go module proxy into Go's module cache, outside the repo;
// the binary is built into a temporary folder.

// What this client must do (RealClientExpectations says what each bar means). notInClient was
// checked by hand against the pinned version: no operation of the client has the path.
const EXPECTED: RealClientExpectations = {
  minMappedCalls: 93,
  minOperations: 89,
  notInClient: {
    updateUserActiveOrg: 'no method for POST /api/users/{userId}/using/{orgId}',
    removeTeamGroupApi: 'only the query form (RemoveTeamGroupAPIQuery); no method for DELETE /api/teams/{id}/groups/{groupId}',
    getFrontendSettings: 'no method for GET /api/frontend/settings',
    getStars: 'no method for GET /api/user/stars',
    starDashboard: 'only the UID form (StarDashboardByUID); no method for POST /api/user/stars/dashboard/{dashboardId}',
    unstarDashboard: 'only the UID form (UnstarDashboardByUID); no method for DELETE /api/user/stars/dashboard/{dashboardId}',
    searchOrgUsersWithPaging: 'no method for GET /api/org/users/search (only the by-ID SearchOrgUsers, without query parameters)',
    ...NOT_IN_EITHER_CLIENT,
    startEmailVerification: `${NOT_IN_EITHER_CLIENT.startEmailVerification} (User.UpdateUserEmail calls /api/user/email/update, a page route: errata E79)`,
  },
  defects: knownDefects('go'),
};

const MODULE_DIR = fileURLToPath(new URL('./real-clients/go-grafana-openapi-client/', import.meta.url));

describe.runIf(toolchainsPresent('go grafana-openapi-client-go', ['go']))(`real client: grafana-openapi-client-go ${TOOLS.grafanaOpenapiClientGo} (Go)`, () => {
  let binDir: string | undefined;
  let vet: ExecResult;
  let run: ExecResult;
  let results: CallResult[] = [];

  beforeAll(async () => {
    const go = findToolchain('go')!;
    binDir = mkdtempSync(join(tmpdir(), 'grafana-openapi-client-go-'));
    const bin = join(binDir, 'grafana-openapi-client-check');
    await execOk(go, ['build', '-o', bin, '.'], { cwd: MODULE_DIR, env: GO_ENV });
    vet = await exec(go, ['vet', './...'], { cwd: MODULE_DIR, env: GO_ENV });
    run = await exec(bin, [inject('sharedMockUrl')], { timeoutMs: 300_000 });
    results = parseCallResults(run, 'the Go program');
    console.log(`grafana-openapi-client-go ${TOOLS.grafanaOpenapiClientGo} against the mock (${results.length} calls):\n${resultsTable(results, EXPECTED)}`);
  });

  afterAll(() => {
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

  itChecksEveryCall(EXPECTED, () => ({ run, results }));
});
