#!/usr/bin/env node
// Writes the README's sample output of `npm run conformance -- --mock` from a real run of the
// built CLI, so that the README shows what the tool prints today. `--check` compares instead
// (ports and times aside) and exits 1 when the README is stale. The README-commands test checks
// the output of the README's own command (`npm run conformance -- --mock`) with
// `readmeSampleProblem` (no second run).
//   npm run readme:sample [-- --check]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const README = `${root}README.md`;
const START = '<!-- sample-output:start (npm run readme:sample) -->';
const END = '<!-- sample-output:end -->';
const ROWS_AT_START = 5;
const ROWS_AT_END = 2;

/**
 * The sample of a mock run's standard output: the first line, the table's head and a few rows,
 * the totals (progress lines and "Report written" lines left out, and what npm prints before
 * the tool's first line when the run is `npm run conformance`).
 */
export function sampleOf(stdout) {
  const all = stdout.trimEnd().split('\n').filter((line) => !/^\[\s*\d+\/\d+\] /.test(line) && !line.startsWith('Report written to '));
  const lines = all.slice(Math.max(0, all.findIndex((line) => line.startsWith('Running '))));
  const head = lines.findIndex((line) => /^operation\s+passed\s+failed\s+skipped$/.test(line));
  const target = lines.findIndex((line) => line.startsWith('Target: '));
  if (lines.length < 3 || head < 0 || target < 0) throw new Error(`the mock run printed something unexpected:\n${stdout}`);
  const rows = lines.slice(head + 1, target - 1);
  return [lines[0], '', lines[head], ...rows.slice(0, ROWS_AT_START), '…', ...rows.slice(-ROWS_AT_END), '', ...lines.slice(target)].join('\n');
}

const normalize = (text) => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT').replace(/^Time: [\d.]+ s$/m, 'Time: T s');

/** The README's text around the sample block, or a one-line error. */
function readmeParts() {
  const readme = readFileSync(README, 'utf8');
  const [before, rest] = readme.split(START);
  if (rest === undefined || !rest.includes(END)) throw new Error(`README.md has no ${START} … ${END} block: put it back around the sample output.`);
  const current = rest.slice(0, rest.indexOf(END)).replace(/^\n```text\n/, '').replace(/\n```\n$/, '');
  return { before, current, after: rest.slice(rest.indexOf(END)) };
}

/** Why the README's sample is not what this mock run printed (ports and times aside), or null. */
export function readmeSampleProblem(stdout) {
  const sample = sampleOf(stdout);
  if (normalize(readmeParts().current) === normalize(sample)) return null;
  return `README.md's sample output differs from what the tool prints; run "npm run readme:sample". The tool prints:\n${sample}`;
}

function main() {
  let stdout;
  try {
    stdout = execFileSync(process.execPath, [`${root}dist/cli/main.js`, 'conformance', '--mock'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  } catch (err) {
    console.error(`readme-sample: the mock run failed (exit ${err.status}): run "npm run conformance -- --mock" to see why.`);
    process.exit(2);
  }
  let parts;
  try {
    parts = readmeParts();
  } catch (err) {
    console.error(`readme-sample: ${err.message}`);
    process.exit(2);
  }
  if (process.argv.includes('--check')) {
    const problem = readmeSampleProblem(stdout);
    if (problem === null) process.exit(0);
    console.error(`readme-sample: ${problem}`);
    process.exit(1);
  }
  writeFileSync(README, `${parts.before}${START}\n\`\`\`text\n${sampleOf(stdout)}\n\`\`\`\n${parts.after}`);
  console.log('README.md sample output written.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
