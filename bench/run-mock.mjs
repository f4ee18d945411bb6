#!/usr/bin/env node
// Measures the conformance run against the Prism mock: Prism start-up, the case run, and
// per-case latency. Prints numbers; asserts nothing. Needs `npm run build` first.
//   node bench/run-mock.mjs [repeats]
import { buildCases } from '../dist/contract/cases/index.js';
import { runCases } from '../dist/contract/runner.js';
import { startMockTarget } from '../dist/contract/targets/mock.js';
import { loadBundledSpec } from '../dist/spec.js';

const repeats = Number(process.argv[2] ?? 3);
const doc = loadBundledSpec();
const cases = buildCases(doc, 'mock').filter((c) => !c.targets || c.targets.includes('mock'));
const percentile = (values, p) => values.slice().sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

for (let i = 1; i <= repeats; i++) {
  let t = performance.now();
  const started = await startMockTarget();
  const startupMs = performance.now() - t;
  for (const concurrency of [1, 8]) {
    t = performance.now();
    const results = await runCases(doc, started.target, cases, { strict: true, readOnly: false, concurrency, timeoutMs: 10_000 });
    const runMs = performance.now() - t;
    const durations = results.map((r) => r.durationMs);
    const failed = results.filter((r) => r.outcome !== 'pass').length;
    console.log(`run ${i} concurrency ${concurrency}: ${cases.length} cases, ${failed} not passed, prism start ${startupMs.toFixed(0)} ms, run ${runMs.toFixed(0)} ms, per case p50 ${percentile(durations, 50)} ms p95 ${percentile(durations, 95)} ms max ${Math.max(...durations)} ms`);
  }
  await started.close();
}
