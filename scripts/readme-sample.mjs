#!/usr/bin/env node
// Writes the README's sample output of `npm run conformance -- --mock` from a real run of the
// built CLI, so that the README shows what the tool prints today. `--check` compares instead
// (ports and times aside) and exits 1 when the README is stale; a test runs it.
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

/** The sample: the first line, the table's head and a few rows, the totals (progress lines left out). */
function sampleOf(stdout) {
  const lines = stdout.trimEnd().split('\n').filter((line) => !/^\[\s*\d+\/\d+\] /.test(line));
  const head = lines.findIndex((line) => /^operation\s+passed\s+failed\s+skipped$/.test(line));
  const target = lines.findIndex((line) => line.startsWith('Target: '));
  if (lines.length < 3 || head < 0 || target < 0) throw new Error(`the mock run printed something unexpected:\n${stdout}`);
  const rows = lines.slice(head + 1, target - 1);
  return [lines[0], '', lines[head], ...rows.slice(0, ROWS_AT_START), '…', ...rows.slice(-ROWS_AT_END), '', ...lines.slice(target)].join('\n');
}

const normalize = (text) => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT').replace(/^Time: [\d.]+ s$/m, 'Time: T s');

let stdout;
try {
  stdout = execFileSync(process.execPath, [`${root}dist/cli/main.js`, 'conformance', '--mock'], { encoding: 'utf8', maxBuffer: 1 << 26 });
} catch (err) {
  console.error(`readme-sample: the mock run failed (exit ${err.status}): run "npm run conformance -- --mock" to see why.`);
  process.exit(2);
}
const sample = sampleOf(stdout);
const readme = readFileSync(README, 'utf8');
const [before, rest] = readme.split(START);
if (rest === undefined || !rest.includes(END)) {
  console.error(`readme-sample: README.md has no ${START} … ${END} block: put it back around the sample output.`);
  process.exit(2);
}
const after = rest.slice(rest.indexOf(END));
const current = rest.slice(0, rest.indexOf(END)).replace(/^\n```text\n/, '').replace(/\n```\n$/, '');
if (process.argv.includes('--check')) {
  if (normalize(current) === normalize(sample)) process.exit(0);
  console.error(`readme-sample: README.md's sample output differs from what the tool prints; run "npm run readme:sample". The tool prints:\n${sample}`);
  process.exit(1);
}
writeFileSync(README, `${before}${START}\n\`\`\`text\n${sample}\n\`\`\`\n${after}`);
console.log('README.md sample output written.');
