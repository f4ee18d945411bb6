import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { CACHE_ROOT } from '../../scripts/toolchains.mjs';

/** A finished command: its exit code and what it printed. */
export interface ExecResult { code: number; stdout: string; stderr: string }

// Generated clients and compiled or checked ones, content-addressed: a run of a generator, a
// compiler or a type checker is kept in the cache (outside the repo) under a hash of what decides
// its outcome (the tool and its pinned version, its arguments, and the bytes and names of every
// input file, folders read whole), with what it printed, its exit code and the files it wrote. A
// later run with the same key, in this test run or the next one, copies the stored folder and
// replays the output instead of running the tool again: the tools are deterministic, so the same
// inputs give the same outcome. Any change to the spec, a generated file, a driver, a
// configuration, a pin or an option is a new key, and runs the tool. Failed runs (a non-zero exit,
// or what the caller says fails) are not kept, so a failure is always a fresh run.
// GAC_NO_RUN_CACHE=1 runs every tool (and stores nothing).

const DIR = join(CACHE_ROOT, 'generations');
/** Entries not used for this long are removed when a new one is stored. */
const KEEP_MS = 3 * 24 * 3600_000;

export interface Generation {
  /** The generator, with its pinned version, e.g. `openapi-generator-cli 7.25.0`. */
  tool: string;
  /** Every argument except where the output goes. */
  args: string[];
  /** Files and folders whose content the output depends on (the spec, a configuration file, a generated project). */
  inputs: string[];
}

export interface GenerationResult extends ExecResult {
  /** True when the output came from the cache. */
  cached: boolean;
}

export function generationKey(generation: Generation): string {
  const hash = createHash('sha256').update(JSON.stringify([generation.tool, generation.args]));
  for (const input of generation.inputs) {
    // A folder: every file in it, by its path inside the folder, in name order; Python's bytecode
    // (__pycache__, written by pip with the time of the install) is made from the sources.
    const files = statSync(input).isDirectory()
      ? readdirSync(input, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.split(sep).includes('__pycache__')).map((e) => join(e.parentPath, e.name)).sort()
      : [input];
    hash.update('\0');
    for (const file of files) hash.update(relative(input, file)).update('\0').update(createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return hash.digest('hex').slice(0, 24);
}

/** True when the cache is switched off (GAC_NO_RUN_CACHE=1): every tool runs. */
export const cacheOff = () => process.env.GAC_NO_RUN_CACHE === '1';

/**
 * The output of `generation` in `outDir`: copied from the cache, or made by `run(folder)`, which
 * writes it into the folder it is given (`outDir` when the generator writes to standard output
 * and the caller keeps that).
 */
export async function generateOnce(generation: Generation, outDir: string, run: (folder: string) => Promise<ExecResult>, passed = (result: ExecResult) => result.code === 0): Promise<GenerationResult> {
  if (cacheOff()) {
    // As below, without keeping anything: the tool writes into a folder of its own, then to outDir.
    const scratch = mkdtempSync(join(tmpdir(), 'gac-run-'));
    try {
      const result = await run(join(scratch, 'out'));
      if (outDir && existsSync(join(scratch, 'out'))) cpSync(join(scratch, 'out'), outDir, { recursive: true });
      return { ...result, cached: false };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const key = generationKey(generation);
  const entry = join(DIR, key);
  const stored = () => {
    if (existsSync(join(entry, 'out'))) cpSync(join(entry, 'out'), outDir, { recursive: true });
    return readEntry(entry);
  };
  if (existsSync(join(entry, 'result.json'))) return stored();
  return withLock(`generation-${key}`, async () => {
    if (existsSync(join(entry, 'result.json'))) return stored();
    const scratch = `${entry}.partial`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    const result = await run(join(scratch, 'out'));
    if (!passed(result)) {
      rmSync(scratch, { recursive: true, force: true });
      return { ...result, cached: false };
    }
    writeFileSync(join(scratch, 'result.json'), JSON.stringify({ code: result.code, stdout: result.stdout, stderr: result.stderr, generation }));
    renameSync(scratch, entry);
    prune();
    if (existsSync(join(entry, 'out'))) cpSync(join(entry, 'out'), outDir, { recursive: true });
    return { ...result, cached: false };
  });
}

/** Removes entries unused for KEEP_MS (each spec change makes new ones). */
function prune(): void {
  const cutoff = Date.now() - KEEP_MS;
  for (const name of readdirSync(DIR)) {
    const result = join(DIR, name, 'result.json');
    try {
      if (statSync(result).mtimeMs < cutoff) rmSync(join(DIR, name), { recursive: true, force: true });
    } catch {
      // Another run's partial entry, or one removed meanwhile.
    }
  }
}

/**
 * The outcome of a check that writes nothing a test reads afterwards (a type checker, a linter),
 * kept and replayed like a generation: `run` only when no passing run of the same key is stored.
 */
export function checkOnce(check: Generation, run: () => Promise<ExecResult>, passed?: (result: ExecResult) => boolean): Promise<GenerationResult> {
  return generateOnce(check, '', () => run(), passed);
}

/** The stored passing outcome of a check with this key, without running anything; null when there is none (or the cache is off). */
export function storedOutcome(check: Generation): GenerationResult | null {
  const entry = join(DIR, generationKey(check));
  return cacheOff() || !existsSync(join(entry, 'result.json')) ? null : readEntry(entry);
}

/** A stored entry's outcome, marked as used now (prune keeps what is used). */
function readEntry(entry: string): GenerationResult {
  const file = join(entry, 'result.json');
  const now = new Date();
  utimesSync(file, now, now);
  return { ...(JSON.parse(readFileSync(file, 'utf8')) as ExecResult), cached: true };
}

/** The version of a package installed in this repository's node_modules (for a run's key). */
export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
}

/** Serialises the preparation of one cache entry across test workers (a lock directory). */
export async function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(CACHE_ROOT, { recursive: true });
  const lock = join(CACHE_ROOT, `${name}.lock`);
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the cache lock ${lock}; remove it if no test is running`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
