import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { conformance } from '../../src/cli/conformance.js';
import { GrafanaClientError, GrafanaRequestError, UsageError } from '../../src/errors.js';
import { CALLERS, IDENTITIES } from '../support/fake-identities.js';
import { startStatefulFakeGrafana, type Kind, type StatefulFakeOptions } from '../support/stateful-fake-grafana.js';

// Whole runs against a FAKE Grafana that fails at random (seeded): it resets connections, never
// answers (a timeout), does the work and then drops the answer, or answers 5xx, on any request,
// the clean-up's included. Whatever happens: no stack trace, the reports are written, exit 0 only
// when nothing the run made is left, and what is left is named in the output and every report.

const RUNS_PER_CALLER = 20;
/** Each run's share of failing requests, from rare to frequent (a run sends about 70 requests). */
const FAULT_RATES = [0.01, 0.03, 0.06];
const FAULTS = ['reset', 'hang', 'after-reset', 500, 502, 503] as const;
/** In some runs the server keeps refusing to delete one kind of thing, so that something is left. */
const STUCK: Kind[] = ['team', 'serviceAccount', 'dashboard', 'user', 'org'];

/** A small seeded generator (mulberry32), so that a failing run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The CLI's conformance command run in this process, with main's handling of a thrown error (one line, exit 2). */
async function runInProcess(argv: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), isTTY: false, env: {} };
  try {
    const parsed = parseCommand(argv, {});
    if (parsed.command !== 'conformance') throw new Error('not a conformance command');
    return { code: await conformance(parsed.options, { name: 'grafana-api-contract', version: '0.0.0-test' }, io), output: lines.join('\n') };
  } catch (err) {
    const known = err instanceof UsageError || err instanceof GrafanaRequestError || err instanceof GrafanaClientError;
    lines.push(`error: ${known ? err.message.split('\n')[0] : `unexpected error: ${err instanceof Error ? err.stack : String(err)}`}`);
    return { code: 2, output: lines.join('\n') };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'gac-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KINDS = { token: CALLERS['org-Admin service account token'], 'basic auth': CALLERS['server administrator with basic auth'] };

describe('faults at random during whole runs (fake Grafana)', () => {
  for (const [kind, credentials] of Object.entries(KINDS)) {
    it(`${RUNS_PER_CALLER} ${kind} runs: no stack trace, reports written, exit 0 only with nothing left, leftovers named`, async () => {
      const outcomes: Record<string, number> = {};
      let faulted = 0;
      for (let run = 0; run < RUNS_PER_CALLER; run++) {
        const seed = 1000 * (kind === 'token' ? 1 : 2) + run;
        const random = seeded(seed);
        const rate = FAULT_RATES[run % FAULT_RATES.length]!;
        const fault: StatefulFakeOptions['fault'] = () => {
          if (random() >= rate) return undefined;
          faulted++;
          return FAULTS[Math.floor(random() * FAULTS.length)];
        };
        const stuck = run % 4 === 3 ? STUCK[Math.floor(random() * STUCK.length)] : undefined;
        const fake = await startStatefulFakeGrafana({ identities: IDENTITIES, fault, refuseDelete: (k) => k === stuck });
        const reports = ['json', 'md', 'xml'].map((ext) => join(dir, `${kind.replace(' ', '-')}-${run}.${ext}`));
        const { code, output } = await runInProcess(['conformance', '--url', fake.url, ...credentials, '--only', 'getHealth', '--timeout', '400', ...reports.flatMap((r) => ['--report', r])]);
        await fake.close();
        const left = fake.remainingNames();
        const where = `seed ${seed}, exit ${code}, left ${JSON.stringify(left)}:\n${output}`;
        expect(output, where).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        expect(output, where).not.toMatch(/unexpected error/);
        for (const report of reports) expect(existsSync(report), `${report} (${where})`).toBe(true);
        if (code === 0) expect(left, where).toEqual([]);
        for (const name of left) {
          expect(output, where).toContain(name);
          for (const report of reports) expect(readFileSync(report, 'utf8'), `${report} (${where})`).toContain(name);
        }
        outcomes[`exit ${code}`] = (outcomes[`exit ${code}`] ?? 0) + 1;
        if (left.length) outcomes.leftBehind = (outcomes.leftBehind ?? 0) + 1;
      }
      // The faults did happen, and the runs ended every way: passed, failed, stopped, and with something left.
      expect(faulted).toBeGreaterThan(RUNS_PER_CALLER);
      expect(Object.keys(outcomes).sort(), JSON.stringify(outcomes)).toEqual(['exit 0', 'exit 1', 'exit 2', 'leftBehind']);
    }, 300_000);
  }
});
