#!/usr/bin/env node
// How long producing one Grafana version's contract takes (each cut from the union, in a fresh
// process state per version, as `spec --grafana-version` does once), how big each bundle is, and
// how much of the union is version data. Prints numbers; asserts nothing. Needs `npm run build`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { contractFor, knownReleases, versionedFacts, operationRanges } = await import(new URL('../dist/versions/index.js', import.meta.url));
const { loadBundledSpec } = await import(new URL('../dist/spec.js', import.meta.url));

const union = loadBundledSpec();
const facts = versionedFacts(union);
const counts = new Map();
for (const fact of facts) counts.set(fact.kind, (counts.get(fact.kind) ?? 0) + 1);
const byKind = [...counts].map(([kind, n]) => `${kind} ${n}`).join(', ');
const bounded = facts.filter((f) => f.range !== '>=8.0.0');
console.log(`version data: ${facts.length} versioned facts (${byKind})`);
console.log(`  with a boundary inside 8.0.0 and later: ${bounded.length}; marked approximate: ${bounded.filter((f) => f.approximate).length}; exact or read: ${bounded.filter((f) => !f.approximate).length}`);
console.log(`  operations not in every version: ${operationRanges(union).filter((o) => o.range !== '>=8.0.0').length} of ${operationRanges(union).length}`);

const lines = knownReleases();
const rows = [];
for (const line of lines) {
  const started = performance.now();
  const contract = contractFor(line);
  const ms = performance.now() - started;
  const started30 = performance.now();
  const form30 = contractFor(line, '3.0');
  const ms30 = performance.now() - started30;
  rows.push({ line, ms, ms30, bytes: JSON.stringify(contract.document, null, 2).length + 1, bytes30: JSON.stringify(form30.document, null, 2).length + 1, operations: operationRanges(union).length - contract.absent.length });
}
console.log('\nGrafana  cut 3.1 (ms)  cut 3.0 (ms)  3.1 size (KB)  3.0 size (KB)  operations');
for (const r of rows) console.log(`${r.line.padEnd(7)}  ${r.ms.toFixed(0).padStart(12)}  ${r.ms30.toFixed(0).padStart(12)}  ${(r.bytes / 1024).toFixed(0).padStart(13)}  ${(r.bytes30 / 1024).toFixed(0).padStart(13)}  ${String(r.operations).padStart(10)}`);
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`median cut: ${median(rows.map((r) => r.ms)).toFixed(0)} ms (3.1), ${median(rows.map((r) => r.ms30)).toFixed(0)} ms (3.0); the first cut also reads the union`);

// The command as a user runs it, start to finish (process start, read, cut, write).
const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const times = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  execFileSync(process.execPath, [cli, 'spec', '--grafana-version', '10.4', '-o', '/dev/null'], { cwd: root, stdio: 'ignore' });
  times.push(performance.now() - started);
}
console.log(`spec --grafana-version 10.4 -o FILE, whole command: median ${median(times).toFixed(0)} ms of 5`);
