import { buildCases } from '../contract/cases/index.js';
import { planCases, prepareValidator, runCases } from '../contract/runner.js';
import { startMockTarget, type StartedTarget } from '../contract/targets/mock.js';
import { startUrlTarget } from '../contract/targets/url.js';
import type { CaseResult } from '../contract/types.js';
import { countSkips, skipCountsLine, summarize, type RunReport } from '../report/model.js';
import { longSecretRedactor, secretsOfAuth } from '../secrets.js';
import { diagnosticBlock, operationLine, progressLine, renderSummary } from '../report/terminal.js';
import { reportPathProblem } from '../report/write.js';
import { colourEnabled, paintFor } from './colour.js';
import { errorReport, noCaseRanMessage, writeReports } from './run-report.js';
import { resolveOnly } from './select.js';
import { createRecorder, prepareRecordFolder } from '../evidence/record.js';
import { listOperations, loadBundledSpec } from '../spec.js';
import { contractFor, type Contract } from '../versions/index.js';
import type { ConformanceOptions } from './args.js';
import { RunInterrupted, UsageError } from '../errors.js';

/** Prints what the run left on the target, if anything; true when it did. */
function reportLeftovers(io: Output, leftovers: readonly string[], redact: (line: string) => string = (line) => line): boolean {
  if (leftovers.length) io.err(redact(`error: the target differs after the run: ${leftovers.join('; ')}`));
  return leftovers.length > 0;
}

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
  /** On a terminal: a progress line per case, in colour (unless NO_COLOR); otherwise a line per operation. */
  isTTY: boolean;
  /** The environment, for NO_COLOR (default: none set). */
  env?: NodeJS.ProcessEnv;
}

/**
 * The `conformance` command: starts the target, runs the cases, prints the summary, writes the
 * reports and always cleans up (also on Ctrl-C). Returns the exit code.
 */
export async function conformance(options: ConformanceOptions, tool: { name: string; version: string }, io: Output): Promise<number> {
  // The union of every covered version: the cases are built from it; the contract of one version judges them.
  const doc = loadBundledSpec();
  // Known before the target starts when given, or for the mock (its newest); else what the server reports.
  let contract: Contract | undefined = options.grafanaVersion !== null || options.target.kind === 'mock' ? contractFor(options.grafanaVersion) : undefined;
  // A report that cannot be written is found before the run, not after every case has run.
  for (const file of options.reports) {
    const problem = reportPathProblem(file);
    if (problem) throw new UsageError(`--report ${file}: ${problem}`);
  }
  // From here on, a run that stops with an error (exit 2) still writes its reports, with the error.
  // The secrets the run was given; the login is not one of them (see src/secrets.ts).
  const runSecrets = [...(options.target.kind === 'url' ? secretsOfAuth(options.target.auth) : []), ...Object.values(options.connection.headers ?? {})];
  const reportError = (err: unknown, results: CaseResult[] = []) => {
    const message = err instanceof UsageError ? err.message : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    const url = options.target.kind === 'url' ? options.target.url : started?.target.baseUrl ?? '';
    const report = errorReport({ tool, target: { kind, url, grafanaVersion: started?.target.grafanaVersion ?? null, contractVersion: contract?.version ?? null }, startedAt: startedAt.toISOString(), durationMs: Math.round(performance.now() - startedTimer) }, message.split('\n')[0]!, results);
    writeReports(options.reports, report, longSecretRedactor(runSecrets), (line) => io.out(line), io.err);
  };
  if (options.connection.tls?.insecure) io.err(`warning: --insecure: the TLS certificate of ${options.target.kind === 'url' ? options.target.url : 'the target'} is not verified; anyone between here and the server can read the credentials. Use --ca-cert FILE instead where you can.`);
  const paint = paintFor(colourEnabled(io.isTTY, io.env ?? {}));

  if (options.record) prepareRecordFolder(options.record);

  const startedAt = new Date();
  const startedTimer = performance.now();
  const kind = options.target.kind;
  let started: StartedTarget | undefined;
  // Ctrl-C or SIGTERM stops the run at any moment: no new fixture or case starts, the requests in
  // flight are answered (so that what they create is known), then everything is removed and the
  // run exits 130 (SIGINT) or 143 (SIGTERM). A second signal exits at once.
  const stop = new AbortController();
  const exitCodeFor = (signal: unknown) => (signal === 'SIGINT' ? 130 : 143);
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) {
      io.err(`${signal} again: exiting before the clean-up finished; what the run created may be left on the target (names start with "gac-").`);
      process.exit(exitCodeFor(signal));
    }
    io.err(`${signal}: stopping and cleaning up the target…`);
    stop.abort(signal);
  };
  // An interrupted run still writes its reports (a CI job that is cancelled gets SIGTERM, and its
  // publishing step looks for them): the cases that ran, and the interruption as the run's error.
  const interrupted = (signal: unknown, ran: readonly CaseResult[], leftovers: readonly string[]) => {
    reportLeftovers(io, leftovers);
    const outcome = leftovers.length ? `left on the target: ${leftovers.join('; ')}` : 'nothing the run created is left on the target';
    reportError(new UsageError(`stopped by ${String(signal)} after ${ran.length} case(s) had run; ${outcome}.`), [...ran]);
    return exitCodeFor(signal);
  };
  const stopped = async (ran: readonly CaseResult[] = []) => {
    const closing = (await started?.close(ran)) ?? { leftovers: [], changedByOthers: [] };
    return interrupted(stop.signal.reason, ran, closing.leftovers);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const onlyIds = options.only ? resolveOnly(options.only, listOperations(doc)) : null;
    const onlySet = onlyIds ? new Set(onlyIds) : null;
    if (contract?.warning) io.err(`warning: ${contract.warning}`);
    // The response validators compile while the target starts (Prism is a child process).
    let validating = contract ? prepareValidator(contract.document, options.strict, onlySet) : undefined;
    validating?.catch(() => undefined);
    started = options.target.kind === 'mock'
      ? await startMockTarget(contract)
      : await startUrlTarget({ baseUrl: options.target.url, auth: options.target.auth, timeoutMs: options.timeoutMs, readOnly: options.readOnly, allowOrgWrites: options.allowOrgWrites, signal: stop.signal, connection: options.connection });
    if (stop.signal.aborted) return await stopped();
    const { target } = started;
    if (!contract) {
      contract = contractFor(target.grafanaVersion, '3.1', `the server's version`);
      if (target.grafanaVersion === null) io.err(`warning: the server does not say its version (hide_version?): its answers are judged by the newest contract, Grafana ${contract.version}; pass --grafana-version X.Y to name its version.`);
      else if (contract.warning) io.err(`warning: ${contract.warning}`);
      validating = prepareValidator(contract.document, options.strict, onlySet);
    }
    const judgedBy = options.grafanaVersion !== null ? '--grafana-version' : options.target.kind === 'mock' ? 'the mock\'s version' : target.grafanaVersion ? 'the version the server reports' : 'the newest; the server hides its version';
    // Plus the fixtures' own: the plain user's password and the service accounts' tokens.
    const secrets = options.target.kind === 'url' ? [...runSecrets, ...started.secrets] : [];
    const redact = longSecretRedactor(secrets);
    const say = (line: string) => io.out(redact(line));

    const cases = buildCases(contract.document, kind).filter((c) => !onlySet || onlySet.has(c.operationId));
    // The recorder also removes whatever secrets the cases' Authorization headers carried.
    const recorder = options.record ? createRecorder(target, secrets, cases.map((c) => c.id)) : null;
    say(`Running ${cases.length} cases against ${kind} ${target.baseUrl}${target.grafanaVersion ? ` (Grafana ${target.grafanaVersion})` : ''}${options.readOnly ? ', read-only' : ''}${options.allowOrgWrites ? ', org writes allowed' : ''}${options.strict ? '' : ', not strict'}`);
    say(`Contract: Grafana ${contract.version} (${judgedBy})`);
    // Who the run is, and what of the suite that lets it check, before any case runs.
    const plan = planCases(contract.document, target, cases, { readOnly: options.readOnly });
    const casesThatApply = plan.filter((skip) => !skip).length;
    if (started.identity) say(`Signed in as ${started.identity}: ${casesThatApply} of ${cases.length} cases apply`);
    const notHere = skipCountsLine(countSkips(plan));
    if (notHere && started.identity) say(`Not checked with these credentials: ${notHere}`);
    let done = 0;
    // Not on a terminal (CI logs): a line per operation once all of its cases have finished.
    const perOperation = new Map<string, { total: number; results: CaseResult[] }>();
    for (const c of cases) perOperation.set(c.operationId, { total: (perOperation.get(c.operationId)?.total ?? 0) + 1, results: [] });
    let operationsDone = 0;
    const results: CaseResult[] = await runCases(contract.document, target, cases, {
      strict: options.strict,
      readOnly: options.readOnly,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      onResult: (result) => {
        done++;
        if (io.isTTY || options.verbose) say(progressLine(result, done, cases.length, paint));
        if (options.verbose) diagnosticBlock(result).forEach(say);
        const op = perOperation.get(result.operationId)!;
        op.results.push(result);
        if (op.results.length === op.total) {
          operationsDone++;
          if (!io.isTTY && !options.verbose) say(operationLine(result.operationId, op.results, operationsDone, perOperation.size, paint));
        }
      },
      onExchange: recorder?.add,
      signal: stop.signal,
      validator: await validating,
    });
    if (stop.signal.aborted) return await stopped(results);
    const { leftovers, changedByOthers } = await started.close(results);
    // The signal came during the clean-up, which went on to the end.
    if (stop.signal.aborted) return interrupted(stop.signal.reason, results, leftovers.map(redact));
    const report: RunReport = {
      tool,
      target: { kind, url: target.baseUrl, grafanaVersion: target.grafanaVersion, contractVersion: contract.version },
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - startedTimer),
      summary: summarize(results),
      ...(started.identity ? { caller: started.identity, casesThatApply } : {}),
      results,
    };
    // A run that executed no case (all skipped, or none selected) is not a pass.
    const noneRan = report.summary.passed + report.summary.failed === 0 ? noCaseRanMessage(results) : undefined;
    if (noneRan) report.error = noneRan;
    if (leftovers.length) report.leftovers = [...leftovers];
    say('');
    say(renderSummary(report));
    writeReports(options.reports, report, redact, say, io.err);
    if (recorder && options.record) say(`Evidence recorded to ${recorder.write(options.record, tool)}`);
    // Other people's work on a shared server is not the run's fault: it is reported, not failed.
    if (changedByOthers.length) say(`Note: the target changed during the run, not by it: ${changedByOthers.join('; ')}`);
    if (reportLeftovers(io, leftovers, redact)) return 1;
    if (noneRan) {
      io.err(redact(`error: ${noneRan}`));
      return 2;
    }
    return report.summary.failed > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof RunInterrupted) return interrupted(err.signal, [], err.leftovers);
    reportError(err);
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await started?.close();
  }
}
