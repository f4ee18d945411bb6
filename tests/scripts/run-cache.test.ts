import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkOnce, generateOnce, generationKey } from '../support/run-cache.js';

// The run cache (tests/support/run-cache.ts) replays a generator's, compiler's or checker's
// passing run for the same inputs. What it must never do is replay for inputs that differ, or
// replay a failure. Each test uses a tool name of its own, so entries of other runs never match.
const work = mkdtempSync(join(tmpdir(), 'gac-run-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => delete process.env.GAC_NO_RUN_CACHE);
const unique = (name: string) => `${name} ${process.pid} ${Date.now()} ${Math.random()}`;

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(work, 'project-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('the run cache key', () => {
  const base = { 'src/a.ts': 'export const a = 1;\n', 'src/b/c.ts': 'export const c = 2;\n' };
  const key = (dir: string, args = ['--strict']) => generationKey({ tool: 'tsc 5.9.3', args, inputs: [dir] });

  it('is the same for the same bytes in another folder', () => {
    expect(key(project(base))).toBe(key(project(base)));
  });

  it('changes with a byte of a file, a file name, an added file, an option or the tool', () => {
    const same = key(project(base));
    expect(key(project({ ...base, 'src/a.ts': 'export const a = 2;\n' }))).not.toBe(same);
    expect(key(project({ 'src/a2.ts': base['src/a.ts'], 'src/b/c.ts': base['src/b/c.ts'] }))).not.toBe(same);
    expect(key(project({ ...base, 'src/d.ts': '' }))).not.toBe(same);
    expect(key(project(base), ['--strict', '--noImplicitAny'])).not.toBe(same);
    expect(generationKey({ tool: 'tsc 5.9.4', args: ['--strict'], inputs: [project(base)] })).not.toBe(same);
  });

  it("leaves out Python's bytecode, which pip writes with the time of the install", () => {
    expect(key(project({ ...base, 'src/__pycache__/a.cpython-311.pyc': String(Date.now()) }))).toBe(key(project(base)));
  });
});

describe('a run through the cache', () => {
  it('is replayed, output and files, when it passed; the tool does not run again', async () => {
    const tool = unique('generator');
    const input = project({ 'spec.json': '{}' });
    let runs = 0;
    const generate = (out: string) => generateOnce({ tool, args: [], inputs: [input] }, out, async (folder) => {
      runs++;
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'client.ts'), 'generated');
      return { code: 0, stdout: 'made it', stderr: '' };
    });
    const first = await generate(join(work, 'out-1'));
    const second = await generate(join(work, 'out-2'));
    expect([first.cached, second.cached, runs]).toEqual([false, true, 1]);
    expect(second.stdout).toBe('made it');
    expect(readFileSync(join(work, 'out-2', 'client.ts'), 'utf8')).toBe('generated');
  });

  it('runs again after a failure (a failure is never replayed)', async () => {
    const tool = unique('checker');
    const input = project({ 'a.py': 'x = 1\n' });
    let runs = 0;
    const check = () => checkOnce({ tool, args: [], inputs: [input] }, async () => ({ code: 1, stdout: `error ${++runs}`, stderr: '' }));
    expect((await check()).stdout).toBe('error 1');
    expect((await check()).stdout).toBe('error 2');
  });

  it("is not kept when the caller's own test of it fails, whatever the exit code", async () => {
    const tool = unique('linter');
    const input = project({ 'bundle.json': '{}' });
    let runs = 0;
    const lint = () => checkOnce({ tool, args: [], inputs: [input] }, async () => ({ code: 0, stdout: `1 warning (${++runs})`, stderr: '' }), (r) => !/warning/.test(r.stdout));
    await lint();
    await lint();
    expect(runs).toBe(2);
  });

  it('with GAC_NO_RUN_CACHE=1, still gives the tool a folder of its own and puts what it wrote into the output folder', async () => {
    const out = join(work, 'out-no-cache');
    mkdirSync(join(out, 'target'), { recursive: true });
    process.env.GAC_NO_RUN_CACHE = '1';
    // As a Maven build does: the tool writes in place, and the run copies that into its folder.
    const result = await generateOnce({ tool: unique('maven'), args: [], inputs: [project({ 'pom.xml': '<project/>' })] }, join(out, 'target'), async (folder) => {
      expect(folder).not.toBe(join(out, 'target'));
      writeFileSync(join(out, 'target', 'classes.txt'), 'compiled');
      cpSync(join(out, 'target'), folder, { recursive: true });
      return { code: 0, stdout: '', stderr: '' };
    });
    expect(result.cached).toBe(false);
    expect(readFileSync(join(out, 'target', 'classes.txt'), 'utf8')).toBe('compiled');
  });

  it('runs every time with GAC_NO_RUN_CACHE=1', async () => {
    const tool = unique('compiler');
    const input = project({ 'Main.java': 'class Main {}' });
    let runs = 0;
    const compile = () => checkOnce({ tool, args: [], inputs: [input] }, async () => ({ code: 0, stdout: String(++runs), stderr: '' }));
    process.env.GAC_NO_RUN_CACHE = '1';
    await compile();
    await compile();
    expect(runs).toBe(2);
  });
});
