import junitModule, { type Builder } from 'junit-report-builder';
import type { RunReport } from './model.js';

// A CommonJS package whose types declare an ES default export: unwrap it for NodeNext.
const junit = ((junitModule as unknown as { default?: Builder }).default ?? junitModule) as unknown as Builder;

/** JUnit XML: one test suite per operation, one test case per contract case. */
export function renderJunit(report: RunReport): string {
  const builder = junit.newBuilder();
  const suites = new Map<string, ReturnType<typeof builder.testSuite>>();
  for (const r of report.results) {
    let suite = suites.get(r.operationId);
    if (!suite) {
      suite = builder.testSuite().name(`${r.operationId} (${r.method} ${r.path})`);
      suite.property('target', `${report.target.kind} ${report.target.url}`);
      if (report.target.grafanaVersion) suite.property('grafanaVersion', report.target.grafanaVersion);
      suites.set(r.operationId, suite);
    }
    const test = suite.testCase().className(`grafana-api-contract.${r.operationId}`).name(r.case).time(r.durationMs / 1000);
    if (r.outcome === 'fail') test.failure(r.problems.join('\n'), 'ContractViolation');
    if (r.outcome === 'skip') test.skipped().standardOutput(r.problems.join('\n'));
  }
  return builder.build();
}
