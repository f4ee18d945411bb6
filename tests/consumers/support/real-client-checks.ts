import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { listOperations, loadBundledSpec } from '../../../src/spec.js';
import type { ExecResult } from './exec.js';
import { parseJsonLines } from './json-lines.js';

// What the real-client suites (real-clients-go and real-clients-python) share: each runs a program
// that calls every client method mapping to a spec operation against the mock and prints one
// CallResult a line; the results are judged the same way for every client, so that a rule
// (e.g. how a stale known-defect entry is noticed) cannot drift between the languages.

/** One call as the program prints it; `variant` tells two calls of one method apart (Go only). */
export interface CallResult { method: string; variant?: string; operationId: string; ok: boolean; status?: number; detail: string }

/** An entry of real-clients/known-client-defects.json: a call that fails because the client is wrong. */
export interface KnownDefect { method: string; operationId: string; reason: string }

/** The client's entries in real-clients/known-client-defects.json. */
export function knownDefects(client: 'go' | 'python'): KnownDefect[] {
  return (JSON.parse(readFileSync(new URL('../real-clients/known-client-defects.json', import.meta.url), 'utf8')) as Record<typeof client, KnownDefect[]>)[client];
}

export const SPEC_OPERATIONS = new Set(listOperations(loadBundledSpec()).map((op) => op.operationId));

/** The method as listed in the table and in known-client-defects.json, e.g. `AdminUsers.AdminUpdateUserPermissions (revoke)`. */
const label = (r: CallResult) => (r.variant ? `${r.method} (${r.variant})` : r.method);
const key = (c: { method: string; operationId: string }) => `${c.method} -> ${c.operationId}`;
export const resultKey = (r: CallResult) => key({ method: label(r), operationId: r.operationId });
export const defectsByKey = (defects: KnownDefect[]) => new Map(defects.map((d) => [key(d), d]));

/** The program's CallResult lines; `who` names the program in an error. */
export function parseCallResults(run: ExecResult, who: string): CallResult[] {
  return parseJsonLines<CallResult>(run, who, (r) => typeof r.method === 'string' && typeof r.operationId === 'string' && typeof r.ok === 'boolean' && typeof r.detail === 'string');
}

/**
 * Operations that neither real client has a method for, checked by hand against both pinned
 * versions (no request of the Go client's operations or of grafana_client's methods has the path):
 * the open sign-up, invitee and password-reset routes, e-mail verification, session rotation and
 * set-home-dash.
 */
export const NOT_IN_EITHER_CLIENT: Readonly<Record<string, string>> = {
  getSignUpOptions: 'no method for GET /api/user/signup/options',
  signUp: 'no method for POST /api/user/signup',
  completeSignUp: 'no method for POST /api/user/signup/step2',
  getInviteInfoByCode: 'no method for GET /api/user/invite/{code}',
  completeInvite: 'no method for POST /api/user/invite/complete',
  sendResetPasswordEmail: 'no method for POST /api/user/password/send-reset-email',
  resetPassword: 'no method for POST /api/user/password/reset',
  startEmailVerification: 'no method for POST /api/user/email/start-verify',
  rotateUserAuthToken: 'no method for POST /api/user/auth-tokens/rotate',
  setHomeDashboard: 'no method for POST /api/preferences/set-home-dash',
};

/** What one client must do; each real-client suite states its own. */
export interface RealClientExpectations {
  /** Fewer calls than this means the program lost cases (or the client lost methods). */
  minMappedCalls: number;
  /** Fewer distinct spec operations reached than this means the same. */
  minOperations: number;
  /**
   * Operations of the spec that the client has no method for, with why (NOT_IN_CLIENT in the
   * messages). Every other operation of the spec must be called, so a new one is noticed.
   */
  notInClient: Record<string, string>;
  /** The client's entries of known-client-defects.json (knownDefects). */
  defects: KnownDefect[];
}

/** The table printed for the record: every call with its verdict, then the operations the client lacks. */
export function resultsTable(results: CallResult[], { notInClient, defects: list }: RealClientExpectations): string {
  const defects = defectsByKey(list);
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
  for (const [operationId, why] of Object.entries(notInClient)) rows.push(['(none)', operationId, `not in this client: ${why}`]);
  const header = ['client method', 'operation', 'result'];
  const widths = [0, 1].map((i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).concat('------').join('-|-'), ...rows.map(line)].join('\n');
}

/**
 * Registers the four checks every real client gets. `ran` is called inside each test, so it sees
 * what the suite's beforeAll stored: the program's run and its parsed results.
 */
export function itChecksEveryCall(expected: RealClientExpectations, ran: () => { run: ExecResult; results: CallResult[] }): void {
  const { minMappedCalls, minOperations, notInClient, defects: list } = expected;
  const defects = defectsByKey(list);

  it('runs every call to the end', () => {
    const { run, results } = ran();
    expect(run.code, run.stderr).toBe(0);
    expect(results.length).toBeGreaterThanOrEqual(minMappedCalls);
    expect(new Set(results.map((r) => r.operationId)).size).toBeGreaterThanOrEqual(minOperations);
    expect(results.map((r) => r.operationId).filter((id) => !SPEC_OPERATIONS.has(id)), 'operationIds that are not in the spec').toEqual([]);
    const seen = results.map(resultKey);
    expect(seen.filter((k, i) => seen.indexOf(k) !== i), 'calls reported twice').toEqual([]);
  });

  it('calls every operation of the spec that the client has a method for', () => {
    const called = new Set(ran().results.map((r) => r.operationId));
    expect([...SPEC_OPERATIONS].filter((id) => !called.has(id) && !(id in notInClient)), 'spec operations neither called nor listed in NOT_IN_CLIENT').toEqual([]);
    expect(Object.keys(notInClient).filter((id) => called.has(id) || !SPEC_OPERATIONS.has(id)), 'stale NOT_IN_CLIENT entries').toEqual([]);
  });

  it('has every mapped call accepted by the mock and parsed by the client, except known client defects', () => {
    const failures = ran().results.filter((r) => !r.ok && !defects.has(resultKey(r))).map((r) => `${resultKey(r)}: ${r.detail}`);
    expect(failures).toEqual([]);
  });

  it('still fails every call listed as a known client defect (so a stale entry is noticed)', () => {
    for (const d of list) expect(d.reason.trim(), `the reason for ${key(d)}`).not.toBe('');
    const byKey = new Map(ran().results.map((r) => [resultKey(r), r]));
    const stale = list.filter((d) => byKey.get(key(d))?.ok !== false).map((d) => `${key(d)}: ${byKey.has(key(d)) ? 'now accepted' : 'no longer called'}`);
    expect(stale).toEqual([]);
  });
}
