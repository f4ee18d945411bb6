// `npm run spec:diff -- --grafana-versions A B` (dispatched here by spec-diff.mjs): what changed
// in the user and org API from Grafana A to Grafana B, as a client author reads it. The two
// bundles are the ones `grafana-api-contract spec --grafana-version` prints (dist/, which
// `npm run spec:diff` builds first); oasdiff compares them. Breaking changes for clients come
// first, each named by method, path and operationId. Exit 0 whatever changed (a difference
// between two Grafana releases is information, not a failure); 2 on bad usage.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const USAGE = 'npm run spec:diff -- --grafana-versions A B (Grafana versions X.Y or X.Y.Z, e.g. 10.4 11.1)';
const DIST = new URL('../dist/versions/index.js', import.meta.url);

// oasdiff's levels, most serious first: what breaks a client generated from A's contract leads.
const LEVELS = [
  { level: 3, title: 'Breaking for clients' },
  { level: 2, title: 'Warnings (may break clients)' },
  { level: 1, title: 'Other changes' },
];

/**
 * Runs the diff for the arguments after `--grafana-versions`; returns the exit code. `tools`
 * comes from spec-diff.mjs: its oasdiff builder, its one-line `fail` (exit 2) and its severity
 * levels (so both modes judge a change alike).
 */
export async function versionDiff(argv, { oasdiff, fail, severityLevels }) {
  if (argv.length !== 2 || argv.some((arg) => arg.startsWith('-'))) fail(`--grafana-versions takes two Grafana versions: ${USAGE}.`);
  let versions;
  try {
    versions = await import(DIST.href);
  } catch (err) {
    const why = err?.code === 'ERR_MODULE_NOT_FOUND' ? 'dist/ is missing' : `dist/ could not be loaded (${String(err?.message ?? err).split('\n')[0]})`;
    fail(`${why}: run npm run build first (npm run spec:diff builds it).`);
  }
  const contracts = [];
  for (const asked of argv) {
    try {
      contracts.push(versions.contractFor(asked, '3.1', '--grafana-versions'));
    } catch (err) {
      if (err?.name === 'UsageError') fail(err.message);
      throw err;
    }
  }
  const [from, to] = contracts;
  for (const { warning } of contracts) if (warning) console.error(`warning: ${warning}`);

  const changes = runOasdiff(oasdiff(), from, to, severityLevels, fail);
  // Flushed before spec-diff.mjs exits (a pipe's writes are asynchronous on some systems).
  await new Promise((resolve) => process.stdout.write(renderChanges(changes, from, to), resolve));
  return 0;
}

/** oasdiff's changelog of the two bundles, as its JSON list of changes. */
function runOasdiff(bin, from, to, severityLevels, fail) {
  const work = mkdtempSync(join(tmpdir(), 'gac-version-diff-'));
  try {
    // oasdiff names each change's file: the folder names say which version each side is.
    const sides = [from, to].map((contract, i) => {
      const dir = `grafana-${contract.version}${i && contract.version === from.version ? '-again' : ''}`;
      mkdirSync(join(work, dir));
      writeFileSync(join(work, dir, 'openapi.json'), JSON.stringify(contract.document));
      return `${dir}/openapi.json`;
    });
    writeFileSync(join(work, 'severity-levels.txt'), `${severityLevels.join('\n')}\n`);
    const run = spawnSync(bin, ['changelog', ...sides, '--format', 'json', '--include-path-params', '--flatten-allof', '--severity-levels', 'severity-levels.txt'], {
      cwd: work,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error || run.status !== 0) fail(`oasdiff failed: ${(run.stderr || run.error?.message || `exit ${run.status}`).trim().split('\n').at(-1)}`);
    return JSON.parse(run.stdout || '[]') ?? [];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The changes as text: a heading, then one list per level (most serious first), then the totals. */
export function renderChanges(changes, from, to) {
  const name = (contract) => `Grafana ${contract.line} (${contract.version})`;
  const lines = [`What changed in the user and org API from ${name(from)} to ${name(to)}, for a client generated from the ${from.version} contract:`];
  const counts = [];
  for (const { level, title } of LEVELS) {
    const ofLevel = changes
      .filter((change) => change.level === level)
      .sort((a, b) => (a.path ?? '').localeCompare(b.path ?? '') || (a.operation ?? '').localeCompare(b.operation ?? '') || a.id.localeCompare(b.id));
    counts.push(`${ofLevel.length} ${title.split(' (')[0].toLowerCase()}`);
    if (!ofLevel.length) continue;
    lines.push('', `${title} (${ofLevel.length}):`);
    for (const change of ofLevel) {
      const where = change.path ? `${change.operation ?? ''} ${change.path}${change.operationId ? ` (${change.operationId})` : ''}`.trim() : 'the document';
      lines.push(`- ${where}: ${change.text} [${change.id}]`);
    }
  }
  if (!changes.length) lines.push('', 'No change: the two versions have the same contract.');
  lines.push('', `Totals: ${counts.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}
