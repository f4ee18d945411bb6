#!/usr/bin/env node
// `npm run spec:diff -- <git-ref>` (see --help): what changed in the bundled spec (generated/openapi.json)
// since a git ref, as a client author reads it, with oasdiff (pinned, built once from the Go
// module proxy into the cache outside the repository). Exit 1 when a change breaks clients
// generated from the spec at that ref, 2 on bad usage or a missing tool. With --grafana-versions
// A B: what changed from Grafana A to B (scripts/version-diff.mjs), exit 0.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_ROOT, findExecutable } from './toolchains.mjs';

const OASDIFF_VERSION = 'v1.38.0';
const SPEC = 'generated/openapi.json';

// oasdiff's default levels judge a server's change by what it does to running clients. Here a
// client is generated from the spec, so two more changes break it:
// - a removed (or renamed) optional parameter: a client generated from the older spec still
//   sends it, and Grafana ignores it without an error (oasdiff calls this a warning);
// - a renamed path parameter (with --include-path-params): the URL on the wire is the same, but
//   generated code names the parameter (openapi-fetch's `params.path.userId`, Python keyword
//   arguments), so code written against the older client no longer compiles or runs.
const SEVERITY_LEVELS = ['request-parameter-removed ERR'];

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(2);
}

function git(args) {
  const result = spawnSync('git', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) fail(`git is needed but could not be run (${result.error.message}): install git.`);
  return result;
}

/** oasdiff from the cache, built with `go install` on first use. */
function oasdiff() {
  const dir = join(CACHE_ROOT, 'go-bin', `oasdiff-${OASDIFF_VERSION}`);
  const bin = join(dir, 'oasdiff');
  if (existsSync(bin)) return bin;
  const go = findExecutable('go');
  if (!go) fail(`oasdiff ${OASDIFF_VERSION} is built with Go on first use, and go was not found: install Go 1.24 or later (https://go.dev/doc/install).`);
  console.error(`Building oasdiff ${OASDIFF_VERSION} from the Go module proxy into ${dir} (once)…`);
  mkdirSync(dir, { recursive: true });
  const built = spawnSync(go, ['install', `github.com/oasdiff/oasdiff@${OASDIFF_VERSION}`], {
    env: { ...process.env, GOBIN: dir, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
    encoding: 'utf8',
  });
  if (built.status !== 0) fail(`could not build oasdiff ${OASDIFF_VERSION} with ${go}: ${(built.stderr || built.error?.message || '').trim().split('\n').at(-1)}`);
  return bin;
}

const USAGE = `Usage: npm run spec:diff -- <git-ref>
       npm run spec:diff -- --grafana-versions A B

  <git-ref>                 what changed in the bundled spec (generated/openapi.json) since a git
                            ref (a branch, tag or commit, e.g. main, v0.1.0, HEAD~3): exit 1 when
                            a change breaks clients generated from the spec at that ref
  --grafana-versions A B    what changed in the API from Grafana A to B
  -h, --help                show this help

Uses oasdiff ${OASDIFF_VERSION}, built with Go into a cache outside the repository on first use.
Exit 2 on bad usage or a missing tool.

Examples:
  npm run spec:diff -- main
  npm run spec:diff -- --grafana-versions 10.4 11.6`;

/** The command line: { help }, { ref }, or { versions: [A, B] }; a mistake ends the script with exit 2. */
function parseCommandLine(args) {
  if (args.includes('--help') || args.includes('-h')) return { help: true };
  if (args[0] === '--grafana-versions') {
    if (args.length !== 3 || args.slice(1).some((a) => a.startsWith('-'))) fail('--grafana-versions takes two Grafana versions: npm run spec:diff -- --grafana-versions A B (Grafana versions X.Y or X.Y.Z, e.g. 10.4 11.1).');
    return { versions: [args[1], args[2]] };
  }
  if (args.length !== 1 || args[0].startsWith('-')) fail('expected one git ref: npm run spec:diff -- <git-ref> (e.g. main, v0.1.0, HEAD~3), or --grafana-versions A B; see --help.');
  return { ref: args[0] };
}

const commandLine = parseCommandLine(process.argv.slice(2));
if (commandLine.help) {
  console.log(USAGE);
  process.exit(0);
}
if (commandLine.versions) {
  const { versionDiff } = await import('./version-diff.mjs');
  process.exit(await versionDiff(commandLine.versions, { oasdiff, fail, severityLevels: SEVERITY_LEVELS }));
}
const ref = commandLine.ref;
if (git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).status !== 0) fail(`"${ref}" is not a commit of this repository: pass a branch, tag or commit (a shallow clone may lack it: git fetch --unshallow).`);
const old = git(['show', `${ref}:${SPEC}`]);
if (old.status !== 0) fail(`${ref} has no ${SPEC}: pass a later commit.`);
if (!existsSync(SPEC)) fail(`no ${SPEC} here: run it from the project's folder (npm run spec:diff does), after npm run generate.`);

const bin = oasdiff();
const work = mkdtempSync(join(tmpdir(), 'gac-spec-diff-'));
let run;
try {
  // oasdiff names each change's file: run in the temp folder, so the names are short and say which side.
  const label = `at-${ref.replace(/[^\w.-]+/g, '_')}`;
  mkdirSync(join(work, label));
  mkdirSync(join(work, 'now'));
  writeFileSync(join(work, label, 'openapi.json'), old.stdout);
  copyFileSync(SPEC, join(work, 'now', 'openapi.json'));
  const levels = 'severity-levels.txt';
  writeFileSync(join(work, levels), `${SEVERITY_LEVELS.join('\n')}\n`);
  const color = process.stdout.isTTY && !process.env.NO_COLOR ? 'always' : 'never';
  run = spawnSync(bin, ['changelog', `${label}/openapi.json`, 'now/openapi.json', '--fail-on', 'ERR', '--include-path-params', '--flatten-allof', '--severity-levels', levels, '--color', color], { cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (run.error || (run.status !== 0 && run.status !== 1)) fail(`oasdiff failed: ${(run.stderr || run.error?.message || `exit ${run.status}`).trim().split('\n').at(-1)}`);
process.stdout.write(run.stdout);
const errors = /(\d+) error/.exec(run.stdout)?.[1] ?? '0';
console.log(run.status === 1
  ? `\nBreaking: ${errors} change(s) marked "error" break clients generated from the spec at ${ref}.`
  : `\nNo breaking change for clients generated from the spec at ${ref}.`);
process.exitCode = run.status;
