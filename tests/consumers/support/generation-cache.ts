import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_ROOT, withLock } from './cache.js';
import type { ExecResult } from './exec.js';

// Generated clients, content-addressed: a generator run is kept in the cache (outside the repo)
// under a hash of what decides its output (the generator and its pinned version, its arguments,
// and the bytes of every input file), with what it printed and its exit code. A later run with the
// same key, in this test run or the next one, copies the stored folder and replays the output
// instead of running the generator again; any change to the spec, a pin or an option is a new key.
// Failed runs are not kept.

const DIR = join(CACHE_ROOT, 'generations');
/** Entries not used for this long are removed when a new one is stored. */
const KEEP_MS = 3 * 24 * 3600_000;

export interface Generation {
  /** The generator, with its pinned version, e.g. `openapi-generator-cli 7.25.0`. */
  tool: string;
  /** Every argument except where the output goes. */
  args: string[];
  /** Files whose content the output depends on (the spec, a configuration file). */
  inputs: string[];
}

export interface GenerationResult extends ExecResult {
  /** True when the output came from the cache. */
  cached: boolean;
}

export function generationKey(generation: Generation): string {
  const hash = createHash('sha256').update(JSON.stringify([generation.tool, generation.args]));
  for (const file of generation.inputs) hash.update('\0').update(createHash('sha256').update(readFileSync(file)).digest('hex'));
  return hash.digest('hex').slice(0, 24);
}

/**
 * The output of `generation` in `outDir`: copied from the cache, or made by `run(folder)`, which
 * writes it into the folder it is given (`outDir` when the generator writes to standard output
 * and the caller keeps that).
 */
export async function generateOnce(generation: Generation, outDir: string, run: (folder: string) => Promise<ExecResult>): Promise<GenerationResult> {
  const key = generationKey(generation);
  const entry = join(DIR, key);
  const stored = () => {
    const result = JSON.parse(readFileSync(join(entry, 'result.json'), 'utf8')) as ExecResult;
    if (existsSync(join(entry, 'out'))) cpSync(join(entry, 'out'), outDir, { recursive: true });
    const now = new Date();
    utimesSync(join(entry, 'result.json'), now, now);
    return { ...result, cached: true };
  };
  if (existsSync(join(entry, 'result.json'))) return stored();
  return withLock(`generation-${key}`, async () => {
    if (existsSync(join(entry, 'result.json'))) return stored();
    const scratch = `${entry}.partial`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    const result = await run(join(scratch, 'out'));
    if (result.code !== 0) {
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
