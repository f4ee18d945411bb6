import { authorizationHeader } from '../auth.js';
import { buildCases } from '../contract/cases/index.js';
import { runCases } from '../contract/runner.js';
import { startMockTarget, type StartedTarget } from '../contract/targets/mock.js';
import { startUrlTarget } from '../contract/targets/url.js';
import type { CaseResult } from '../contract/types.js';
import { summarize, type RunReport } from '../report/model.js';
import { createRedactor } from '../report/redact.js';
import { progressLine, renderSummary } from '../report/terminal.js';
import { writeReport } from '../report/write.js';
import { listOperations, loadBundledSpec } from '../spec.js';
import type { ConformanceOptions } from './args.js';
import { UsageError } from './usage-error.js';

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress lines are shown only on a terminal. */
  isTTY: boolean;
}

/**
 * The `conformance` command: starts the target, runs the cases, prints the summary, writes the
 * reports and always cleans up (also on Ctrl-C). Returns the exit code.
 */
export async function conformance(options: ConformanceOptions, tool: { name: string; version: string }, io: Output): Promise<number> {
  const doc = loadBundledSpec();
  const known = new Set(listOperations(doc).map((op) => op.operationId));
  const unknown = (options.only ?? []).filter((id) => !known.has(id));
  if (unknown.length) throw new UsageError(`--only: unknown operationId ${unknown.join(', ')}; the spec's operationIds are listed in generated/openapi.json.`);

  const startedAt = new Date();
  const startedTimer = performance.now();
  const kind = options.target.kind;
  let started: StartedTarget | undefined;
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    io.err(`${signal}: stopping and cleaning up the target…`);
    void (started?.close() ?? Promise.resolve([])).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    started = options.target.kind === 'mock'
      ? await startMockTarget()
      : await startUrlTarget({ baseUrl: options.target.url, auth: options.target.auth, timeoutMs: options.timeoutMs, readOnly: options.readOnly });
    const { target } = started;
    const secrets = options.target.kind === 'url'
      ? [...Object.values(options.target.auth), authorizationHeader(options.target.auth).split(' ')[1], target.fixtures.user.password, target.fixtures.serviceAccount.token]
      : [];
    const redact = createRedactor(secrets);
    const say = (line: string) => io.out(redact(line));

    const only = options.only ? new Set(options.only) : null;
    const cases = buildCases(doc, kind).filter((c) => !only || only.has(c.operationId));
    say(`Running ${cases.length} cases against ${kind} ${target.baseUrl}${target.grafanaVersion ? ` (Grafana ${target.grafanaVersion})` : ''}${options.readOnly ? ', read-only' : ''}${options.strict ? '' : ', not strict'}`);
    let done = 0;
    const results: CaseResult[] = await runCases(doc, target, cases, {
      strict: options.strict,
      readOnly: options.readOnly,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      onResult: (result) => {
        done++;
        if (io.isTTY) say(progressLine(result, done, cases.length));
      },
    });
    const leftovers = await started.close();
    const report: RunReport = {
      tool,
      target: { kind, url: target.baseUrl, grafanaVersion: target.grafanaVersion },
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - startedTimer),
      summary: summarize(results),
      results,
    };
    say('');
    say(renderSummary(report));
    for (const file of options.reports) {
      writeReport(file, report, redact);
      say(`Report written to ${file}`);
    }
    if (leftovers.length) {
      io.err(redact(`error: the target differs after the run: ${leftovers.join('; ')}`));
      return 1;
    }
    return report.summary.failed > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await started?.close();
  }
}
