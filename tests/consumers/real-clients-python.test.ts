import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockTarget, type StartedTarget } from '../../src/contract/targets/mock.js';
import { pythonVenv, TOOLS } from './support/cache.js';
import { exec, type ExecResult } from './support/exec.js';
import { toolchainsPresent } from './support/gate.js';

// The real Python Grafana client (PyPI `grafana-client`, pinned in tools.json) against the mock
// target: every client method that maps to an operation of the spec is called once by
// real-clients/python-grafana-client/check_grafana_client.py, which prints one JSON line per call.
// A call must be accepted by the mock (2xx, no request-validation error) and its answer parsed by
// the client, unless it is listed in real-clients/known-client-defects.json (a defect of the
// client itself, which a real Grafana would show too); a listed call must still fail.

/** Fewer mapped calls than this means the program lost cases (or the client lost methods). */
const MIN_MAPPED_CALLS = 52;
/** Fewer distinct spec operations reached than this means the same. */
const MIN_OPERATIONS = 40;

interface CallResult {
  method: string;
  operationId: string;
  ok: boolean;
  detail: string;
}

interface KnownDefect {
  method: string;
  operationId: string;
  reason: string;
}

const PROGRAM = fileURLToPath(new URL('./real-clients/python-grafana-client/check_grafana_client.py', import.meta.url));
const DEFECTS = (JSON.parse(readFileSync(new URL('./real-clients/known-client-defects.json', import.meta.url), 'utf8')) as { python: KnownDefect[] }).python;
const SPEC = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const SPEC_OPERATIONS = new Set(Object.values(SPEC.paths).flatMap((item) => Object.values(item).map((op) => op.operationId).filter((id): id is string => !!id)));

const key = (c: { method: string; operationId: string }) => `${c.method} -> ${c.operationId}`;

function parseLines(run: ExecResult): CallResult[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`check_grafana_client.py printed a line that is not JSON: ${line}\nstderr:\n${run.stderr}`);
      }
      const r = value as CallResult;
      if (typeof r.method !== 'string' || typeof r.operationId !== 'string' || typeof r.ok !== 'boolean' || typeof r.detail !== 'string') {
        throw new Error(`check_grafana_client.py printed an unexpected object: ${line}`);
      }
      return r;
    });
}

function table(results: CallResult[], defects: Map<string, KnownDefect>): string {
  const rows = results.map((r) => {
    const defect = defects.get(key(r));
    const result = r.ok
      ? defect
        ? `FAILED: listed as a known client defect but accepted (stale entry)`
        : 'accepted'
      : defect
        ? `known client defect: ${r.detail}`
        : `FAILED: ${r.detail}`;
    return [r.method, r.operationId, result];
  });
  const header = ['client method', 'operation', 'result'];
  const widths = [0, 1].map((i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).concat('------').join('-|-'), ...rows.map(line)].join('\n');
}

describe.runIf(toolchainsPresent('python grafana-client', ['python']))(`real client: grafana-client ${TOOLS.grafanaClientPython} (Python)`, () => {
  let mock: StartedTarget | undefined;
  let run: ExecResult;
  let results: CallResult[] = [];
  const defects = new Map(DEFECTS.map((d) => [key(d), d]));

  beforeAll(async () => {
    const python = await pythonVenv([`grafana-client==${TOOLS.grafanaClientPython}`]);
    mock = await startMockTarget();
    run = await exec(python, [PROGRAM, mock.target.baseUrl], { env: { PYTHONDONTWRITEBYTECODE: '1' }, timeoutMs: 300_000 });
    results = parseLines(run);
    const reached = new Set(results.map((r) => r.operationId));
    const accepted = results.filter((r) => r.ok && !defects.has(key(r))).length;
    const known = results.filter((r) => !r.ok && defects.has(key(r))).length;
    console.log(
      [
        `grafana-client ${TOOLS.grafanaClientPython} against the mock: ${results.length} calls of client methods mapped to ${reached.size} operations`,
        table(results, defects),
        `accepted ${accepted}, known client defects ${known}, failed ${results.length - accepted - known}`,
        `operations no grafana-client method reaches: ${[...SPEC_OPERATIONS].filter((id) => !reached.has(id)).join(', ') || 'none'}`,
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await mock?.close();
  });

  it('runs every call to the end', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(results.length).toBeGreaterThanOrEqual(MIN_MAPPED_CALLS);
    expect(new Set(results.map((r) => r.operationId)).size).toBeGreaterThanOrEqual(MIN_OPERATIONS);
    expect(results.map((r) => r.operationId).filter((id) => !SPEC_OPERATIONS.has(id)), 'operationIds that are not in the spec').toEqual([]);
    const seen = results.map(key);
    expect(seen.filter((k, i) => seen.indexOf(k) !== i), 'calls reported twice').toEqual([]);
  });

  it('has every mapped call accepted by the mock and parsed by the client, except known client defects', () => {
    const failures = results.filter((r) => !r.ok && !defects.has(key(r))).map((r) => `${key(r)}: ${r.detail}`);
    expect(failures).toEqual([]);
  });

  it('still fails every call listed as a known client defect (so a stale entry is noticed)', () => {
    for (const d of DEFECTS) expect(d.reason.trim(), `the reason for ${key(d)}`).not.toBe('');
    const byKey = new Map(results.map((r) => [key(r), r]));
    const stale = DEFECTS.filter((d) => byKey.get(key(d))?.ok !== false).map((d) => `${key(d)}: ${byKey.has(key(d)) ? 'now accepted' : 'no longer called'}`);
    expect(stale).toEqual([]);
  });
});
