#!/usr/bin/env node
// Measures the conformance run against the Prism mock, and prints it as a ratio to a floor: the
// same target started and the same requests sent without any check (no validators, no
// comparisons), so the ratio is what the suite adds to Prism. The full run compiles its
// validators while Prism starts, as the CLI does. Prints numbers; asserts nothing. Needs
// `npm run build` first.
//   node bench/run-mock.mjs [repeats]
import { buildCases } from '../dist/contract/cases/index.js';
import { buildRequest } from '../dist/contract/request.js';
import { prepareValidator, runCases } from '../dist/contract/runner.js';
import { startMockTarget } from '../dist/contract/targets/mock.js';
import { listOperations, loadBundledSpec } from '../dist/spec.js';

const repeats = Number(process.argv[2] ?? 3);
const doc = loadBundledSpec();
const cases = buildCases(doc, 'mock').filter((c) => !c.targets || c.targets.includes('mock'));
const percentile = (values, p) => values.slice().sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));

/** The floor: the same requests, sent with the same concurrency, bodies read, nothing checked. */
async function sendUnchecked(target, concurrency) {
  const runnable = cases.filter((c) => !c.requires?.({ fixtures: target.fixtures }) && target.authorization(c.as) !== null);
  let next = 0;
  const worker = async () => {
    while (next < runnable.length) {
      const c = runnable[next++];
      const op = operations.get(c.operationId);
      const request = c.request?.({ fixtures: target.fixtures }) ?? {};
      request.headers = { ...request.headers, ...target.headersFor?.(c) };
      const { url, init } = buildRequest(target.baseUrl, op.method, op.path, request, target.authorization(c.as));
      await (await fetch(url, init)).text();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const options = (concurrency) => ({ strict: true, readOnly: false, concurrency, timeoutMs: 10_000 });
const ratios = { 1: [], 8: [] };
for (let i = 1; i <= repeats; i++) {
  for (const concurrency of [1, 8]) {
    // Floor: start Prism, send the requests unchecked, stop.
    let t = performance.now();
    let started = await startMockTarget();
    const floorStartMs = performance.now() - t;
    await sendUnchecked(started.target, concurrency);
    const floorMs = performance.now() - t;
    await started.close();

    // The suite: validators compiled while Prism starts, then the checked run.
    t = performance.now();
    const validating = prepareValidator(doc, true);
    started = await startMockTarget();
    const startupMs = performance.now() - t;
    const validator = await validating;
    const readyMs = performance.now() - t;
    const results = await runCases(doc, started.target, cases, { ...options(concurrency), validator });
    const runMs = performance.now() - t;
    await started.close();

    const durations = results.map((r) => r.durationMs);
    const failed = results.filter((r) => r.outcome !== 'pass').length;
    console.log(`mock run ${i} concurrency ${concurrency}: ${cases.length} cases, ${failed} not passed; prism start ${startupMs.toFixed(0)} ms (validators ready ${readyMs.toFixed(0)} ms), whole run ${runMs.toFixed(0)} ms, per case p50 ${percentile(durations, 50)} ms p95 ${percentile(durations, 95)} ms max ${Math.max(...durations)} ms; floor (prism start ${floorStartMs.toFixed(0)} ms, unchecked requests) ${floorMs.toFixed(0)} ms; ratio to floor ${(runMs / floorMs).toFixed(3)}`);
    ratios[concurrency].push(runMs / floorMs);
  }
}
for (const [concurrency, values] of Object.entries(ratios)) {
  console.log(`mock run concurrency ${concurrency}: median ratio to floor ${percentile(values, 50).toFixed(3)} over ${values.length} runs (min ${Math.min(...values).toFixed(3)}, max ${Math.max(...values).toFixed(3)})`);
}
