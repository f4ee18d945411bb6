import xmlbuilder from 'xmlbuilder';
import type { CaseResult } from '../contract/types.js';
import { byOperation, countSkips, skipReasonOf, type RunReport, type SkipCounts } from './model.js';
import { diagnosticLines } from './diagnostics.js';

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * JUnit XML: one test suite per operation (with its counts and time), one test case per contract
 * case; a skipped case has `<skipped message="why"/>`. A run that stopped with an error (exit 2)
 * is one suite with an `<error>` test case, so that a CI step that publishes results finds it.
 */
export function renderJunit(report: RunReport): string {
  const root = xmlbuilder.create('testsuites', { encoding: 'UTF-8' });
  const cases = report.results;
  root.att('name', 'grafana-api-contract');
  const leftBehind = report.leftovers?.length ? 1 : 0;
  root.att('tests', cases.length + (report.error ? 1 : 0) + leftBehind);
  root.att('failures', cases.filter((r) => r.outcome === 'fail').length + leftBehind);
  root.att('errors', report.error ? 1 : 0);
  root.att('skipped', cases.filter((r) => r.outcome === 'skip').length);
  root.att('time', seconds(report.durationMs));
  const properties = (suite: xmlbuilder.XMLElement, skips: SkipCounts = {}) => {
    const props = suite.ele('properties');
    props.ele('property', { name: 'target', value: `${report.target.kind} ${report.target.url}` });
    if (report.target.grafanaVersion) props.ele('property', { name: 'grafanaVersion', value: report.target.grafanaVersion });
    // The Grafana version whose contract the responses were checked against.
    if (report.target.contractVersion) props.ele('property', { name: 'contractVersion', value: report.target.contractVersion });
    if (report.caller) props.ele('property', { name: 'caller', value: report.caller });
    // The suite's skipped cases by category (`skipped.needs-server-admin` and the like).
    for (const [kind, n] of Object.entries(skips)) props.ele('property', { name: `skipped.${kind}`, value: n });
  };
  for (const op of byOperation(cases)) {
    const mine = cases.filter((r) => r.operationId === op.operationId);
    const suite = root.ele('testsuite', {
      name: `${op.operationId} (${op.method} ${op.path})`,
      tests: mine.length,
      failures: op.failed,
      errors: 0,
      skipped: op.skipped,
      time: seconds(mine.reduce((sum, r) => sum + r.durationMs, 0)),
      timestamp: report.startedAt,
    });
    properties(suite, countSkips(mine.map((r) => r.skip)));
    for (const r of mine) addCase(suite, r);
  }
  if (report.leftovers?.length) {
    // What the run left on the target fails the run: a failed test case, so that CI shows it.
    const suite = root.ele('testsuite', { name: 'grafana-api-contract clean-up', tests: 1, failures: 1, errors: 0, skipped: 0, time: '0.000', timestamp: report.startedAt });
    properties(suite);
    suite.ele('testcase', { classname: 'grafana-api-contract', name: 'clean-up', time: '0.000' }).ele('failure', { message: `left on the target: ${report.leftovers.join('; ')}`, type: 'Leftovers' });
  }
  if (report.error) {
    const suite = root.ele('testsuite', { name: 'grafana-api-contract run', tests: 1, failures: 0, errors: 1, skipped: 0, time: seconds(report.durationMs), timestamp: report.startedAt });
    properties(suite);
    suite.ele('testcase', { classname: 'grafana-api-contract', name: 'run', time: seconds(report.durationMs) }).ele('error', { message: report.error, type: 'RunError' });
  }
  return `${root.end({ pretty: true })}\n`;
}

function addCase(suite: xmlbuilder.XMLElement, r: CaseResult): void {
  const test = suite.ele('testcase', { classname: `grafana-api-contract.${r.operationId}`, name: r.case, time: seconds(r.durationMs) });
  if (r.outcome === 'fail') test.ele('failure', { message: r.problems[0] ?? 'failed', type: 'ContractViolation' }, [...r.problems, ...diagnosticLines(r)].join('\n'));
  if (r.outcome === 'skip') test.ele('skipped', { message: skipReasonOf(r), ...(r.skip ? { type: r.skip.kind } : {}) });
}
