import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/contract/targets/free-port.js';
import { documentShellBlocks, type ReadmeBlock } from '../support/readme-blocks.js';
import { readmeSampleProblem } from '../../scripts/readme-sample.mjs';
import { exec } from './support/exec.js';
import { toolchainsPresent } from './support/gate.js';
import { jvmShellEnv } from './support/jvm.js';
import { toolchainIdentity, toolchainPath } from './support/toolchains.js';
import { cacheOff, checkOnce, generationKey, storedOutcome, type ExecResult } from '../support/run-cache.js';
import { answersText, exchangesNow, startExchangeRecorder, storedExchanges, storeExchanges, type MockExchange } from './support/mock-exchanges.js';

// The marked shell blocks of the README and the guides under docs/, run with bash as a user runs
// them, in a fresh clone of this repository (its history, for `spec:diff`, and the working tree's
// tracked files, so an uncommitted README is what is tested). What differs from a user's
// terminal, and why:
// - `npm ci` (the README's set-up command) is replaced by a link to this checkout's node_modules,
//   installed from the same lock file: a leading `npm ci && ` is dropped;
// - the mock listens on a free port instead of 3000 (a Grafana may run there), so `--port N` is
//   added to `npm run cli -- mock` and `127.0.0.1:3000` becomes `127.0.0.1:N` in every block;
// - the mock block starts first (it builds the project, as `npm run cli` does) and keeps running
//   in the background; the other blocks then run side by side in the same clone (Vitest's
//   maxConcurrency at a time), each in its own shell after the blocks it `needs`: no block reads
//   what another writes, so the order a reader takes does not change what they do;
// - a block marked `twice=yes` runs a second time, as a reader who runs it again would;
// - a block marked `replay=yes` (the client generators, and the Python blocks that call the mock)
//   is kept in the run cache (tests/support/run-cache.ts) once it passes, under a hash of its text,
//   the text of the blocks it needs, the bytes of the files it `reads`, .gitignore (which decides
//   the check of what it leaves in the clone), Node's version and the toolchains; a block that
//   calls the mock does so through a front that records what it sent and got
//   (support/mock-exchanges.ts), and its key also holds the answers the mock gives those requests
//   now. While none of these changes, its passing run (exit code and output) is replayed and the
//   output checked again instead of running it; any change runs it, and GAC_NO_RUN_CACHE=1 runs
//   every block. Blocks that run this project's CLI always run;
// - JVMs run with the options of support/jvm.ts (through JDK_JAVA_OPTIONS and MAVEN_OPTS), which
//   make the short Java runs cheaper without changing what they produce, and Go with
//   GOFLAGS=-trimpath, so that Go's build cache serves what an earlier run's clone built (the
//   clone's path is new each time; the builds and vet checks are the same).
const root = fileURLToPath(new URL('../../', import.meta.url));
const blocks = documentShellBlocks().filter((b): b is ReadmeBlock & { name: string } => b.name !== null);
const byName = new Map(blocks.map((b) => [b.name, b]));
const read = (file: string) => readFileSync(join(root, file), 'utf8');
// Blocks run twice are the longest: they start first, so the others fill in beside them.
const runnable = blocks.filter((b) => b.name !== 'mock-start').sort((a, b) => Number(b.twice) - Number(a.twice));

describe.runIf(toolchainsPresent('README commands', ['go', 'java', 'mvn', 'python']))('README commands in a fresh clone', () => {
  const clone = join(mkdtempSync(join(tmpdir(), 'gac-readme-')), 'grafana-api-contract');
  let port = 0;
  let mock: ChildProcess | undefined;
  let mockOutput = '';

  const prepare = (script: string, mockPort: number) => script.replace(/^npm ci && /gm, '').replaceAll('127.0.0.1:3000', `127.0.0.1:${mockPort}`);
  const scriptOf = (block: ReadmeBlock) => [...block.needs.map((need) => byName.get(need)!.script), block.script].join('\n');
  const callsMock = (block: ReadmeBlock) => scriptOf(block).includes('127.0.0.1:3000');
  const run = (block: ReadmeBlock, mockPort: number) =>
    exec('bash', ['-euo', 'pipefail', '-c', prepare(scriptOf(block), mockPort)], { cwd: clone, env: { PATH: toolchainPath(), CI: '', NO_COLOR: '1', GOFLAGS: '-trimpath', ...jvmShellEnv() }, timeoutMs: 900_000 });
  type Outcome = ExecResult & { run: string };
  /** The block run as a reader runs it: once, or twice when it is marked so (the second run's result, unless the first failed). */
  const runAsWritten = async (block: ReadmeBlock, mockPort = port): Promise<Outcome> => {
    const first = await run(block, mockPort);
    if (!block.twice || first.code !== block.exit) return { ...first, run: 'run' };
    return { ...(await run(block, mockPort)), run: 'run again' };
  };
  const passed = (block: ReadmeBlock) => (result: ExecResult) => result.code === block.exit;
  const replayed: string[] = [];
  let answerFiles = 0;
  /** runAsWritten, or a stored passing run while nothing it depends on changed (see above). */
  const outcome = async (block: ReadmeBlock & { name: string }): Promise<Outcome> => {
    if (!block.replay) return runAsWritten(block);
    const toolchains = (['go', 'java', 'mvn', 'python'] as const).map(toolchainIdentity);
    // The port of this run's mock is left out: the block's text is keyed as the README has it.
    const key = { tool: `README block, node ${process.version}, ${toolchains.join(', ')}`, args: [scriptOf(block), `twice=${block.twice}`, `exit=${block.exit}`], inputs: [...block.reads, '.gitignore'].map((path) => join(clone, path)) };
    if (!callsMock(block)) {
      let fresh: Outcome | undefined;
      const result = await checkOnce(key, async () => (fresh = await runAsWritten(block)), passed(block));
      if (result.cached) replayed.push(block.name);
      return fresh ?? { ...result, run: 'replay of a passing run' };
    }
    const mockUrl = `http://127.0.0.1:${port}`;
    const withAnswers = (exchanges: readonly MockExchange[]) => {
      // Beside the clone, in the test's temp folder; the file's name is not part of the key.
      const file = join(dirname(clone), `answers-${block.name}-${++answerFiles}.json`);
      writeFileSync(file, answersText(exchanges));
      return { ...key, inputs: [...key.inputs, file] };
    };
    const before = cacheOff() ? null : storedExchanges(generationKey(key));
    const stored = before && storedOutcome(withAnswers(await exchangesNow(mockUrl, before)));
    if (stored) {
      replayed.push(block.name);
      return { ...stored, run: 'replay of a passing run (the mock answers its requests as then)' };
    }
    const recorder = await startExchangeRecorder(mockUrl);
    try {
      const fresh = await runAsWritten(block, Number(new URL(recorder.url).port));
      if (passed(block)(fresh) && !cacheOff()) {
        storeExchanges(generationKey(key), recorder.exchanges);
        await checkOnce(withAnswers(recorder.exchanges), async () => fresh, passed(block));
      }
      return fresh;
    } finally {
      await recorder.close();
    }
  };

  beforeAll(async () => {
    execFileSync('git', ['clone', '--quiet', '--no-checkout', root, clone]);
    execFileSync('git', ['-C', clone, 'checkout', '--quiet', execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()]);
    for (const file of execFileSync('git', ['-C', root, 'ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean)) {
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      try {
        copyFileSync(join(root, file), join(clone, file));
      } catch {
        rmSync(join(clone, file), { force: true }); // deleted in the working tree
      }
    }
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
    port = await freePort();
    const start = byName.get('mock-start')!;
    expect(start.script).toBe('npm run cli -- mock');
    mock = spawn('bash', ['-c', `exec ${start.script} --port ${port}`], { cwd: clone, env: { ...process.env, PATH: toolchainPath() }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    await new Promise<void>((resolve, reject) => {
      mock!.stdout!.on('data', (d: Buffer) => {
        mockOutput += d.toString();
        if (mockOutput.includes('Ctrl-C')) resolve();
      });
      mock!.stderr!.on('data', (d: Buffer) => (mockOutput += d.toString()));
      mock!.once('exit', (code) => reject(new Error(`npm run cli -- mock exited with ${code}: ${mockOutput}`)));
    });
  }, 300_000);

  afterAll(async () => {
    // npm runs the CLI as its child: signal the whole group, as Ctrl-C in a terminal does.
    if (mock?.pid) {
      const closed = new Promise((resolve) => mock!.once('close', resolve));
      process.kill(-mock.pid, 'SIGINT');
      await closed;
    }
    rmSync(dirname(clone), { recursive: true, force: true });
    console.log(`README blocks replayed from the run cache (nothing they depend on changed since they passed): ${replayed.length ? replayed.sort().join(', ') : 'none'}`);
  });

  it('starts the mock with the README block of "Try your own client against the mock"', () => {
    expect(mockOutput).toMatch(new RegExp(`Mock of the Grafana \\d+\\.\\d+\\.\\d+ user and organization API at http://127\\.0\\.0\\.1:${port} `));
  });

  it.concurrent.for(runnable)('runs the "$name" block ($file line $line)', async (block, { expect }) => {
    const result = await outcome(block);
    expect(result.code, `${result.run}: ${block.script}\n--- output ---\n${result.stdout}\n${result.stderr}`.slice(-6000)).toBe(block.exit);
    const readme = read(block.file);
    // What the README says each block prints.
    if (block.name === 'openapi-python-client') expect(readme).toContain('answers with its example user, `jane`');
    if (block.name === 'openapi-python-client') expect(result.stdout.trim().split('\n').at(-1)).toBe('jane');
    if (block.name === 'mock-python-client') expect(result.stdout).toMatch(/'name': 'ci-bot'/);
    if (block.name === 'openapi-python-client') expect(result.stderr).not.toMatch(/ruff|Unable to/i);
    if (block.name === 'spec-diff') {
      expect(result.stdout.replace(/\s+/g, ' ')).toContain(/ends with `(Breaking: [^`]+)`/.exec(readme.replace(/\s+/g, ' '))![1]);
      // CHANGELOG.md's summary of the same comparison.
      const [, , errors, warnings, infos] = /(\d+) changes: (\d+) error, (\d+) warning, (\d+) info/.exec(result.stdout)!;
      const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8').replace(/\s+/g, ' ');
      expect(changelog).toContain(`reports against 0.1.0, ${errors} breaking changes and ${Number(warnings) + Number(infos)} others`);
    }
    if (block.name === 'conformance-mock') {
      expect(result.stdout).toMatch(/\d+ passed, 0 failed/);
      // The README's sample output is what this command prints (ports and times aside).
      expect(readmeSampleProblem(result.stdout)).toBeNull();
    }
    if (block.name === 'reports-mock') for (const f of ['report.html', 'report.md', 'report.json', 'junit.xml']) expect(readFileSync(join(clone, 'reports', f), 'utf8').length, f).toBeGreaterThan(0);
  });


  it('leaves nothing in the clone that git would pick up (what the blocks write is git-ignored)', () => {
    // node_modules is this test's link in place of `npm ci` (git ignores the folder, not a link).
    const untracked = execFileSync('git', ['-C', clone, 'status', '--porcelain', '--untracked-files=all'], { encoding: 'utf8' }).split('\n').filter((line) => line.startsWith('??') && line !== '?? node_modules');
    expect(untracked).toEqual([]);
  });
});
