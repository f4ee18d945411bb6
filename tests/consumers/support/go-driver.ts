import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RecordedRequest } from '../../support/http-server.js';
import { exec, type ExecResult } from './exec.js';
import { parseJsonLines } from './json-lines.js';
import { answerFor, startRecordingServer } from './recording-server.js';
import { findToolchain } from './toolchains.js';
import { WIRE, wireEnv } from './wire.js';

// Builds and runs a Go wire-check driver (tests/consumers/drivers/<name>/: main.go with a committed
// go.mod and go.sum that pin every module the generated code needs) together with a client
// generated into the same temporary folder, against the recording server.

/**
 * Go must not reach for a toolchain download or a workspace file, and must use the committed
 * go.sum. -trimpath keeps the temporary folder's path out of what is built, so Go's build cache
 * serves a package built before from the same sources in another folder (without it, each new
 * folder compiles the generated client, and its dependencies, afresh); it changes no check.
 */
export const GO_ENV = { GOTOOLCHAIN: 'local', GOWORK: 'off', GOFLAGS: '-mod=readonly -trimpath' };

/**
 * A temporary module folder holding a copy of the driver (main.go, go.mod, go.sum); without
 * main.go when `withDriver` is false (a version's bundle may lack operations the driver calls).
 */
export function driverModule(name: string, { withDriver = true } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  for (const file of [...(withDriver ? ['main.go'] : []), 'go.mod', 'go.sum']) cpSync(new URL(`../drivers/${name}/${file}`, import.meta.url), join(dir, file));
  return dir;
}

/** `go build` and `go vet` of the generated packages alone (no driver). */
export async function buildGenerated(moduleDir: string, packages: string[]): Promise<{ build: ExecResult; vet: ExecResult }> {
  const go = findToolchain('go')!;
  const build = await exec(go, ['build', ...packages], { cwd: moduleDir, env: GO_ENV });
  const vet = await exec(go, ['vet', ...packages], { cwd: moduleDir, env: GO_ENV });
  return { build, vet };
}

export const removeModule = (dir: string | undefined) => dir && rmSync(dir, { recursive: true, force: true });

export interface DriverLine { operationId: string; status: number; response: unknown }

export interface GoDriverRun {
  build: ExecResult;
  vet: ExecResult;
  /** Null when the build failed. */
  run: ExecResult | null;
  lines: DriverLine[];
  received: RecordedRequest[];
}

const parseLines = (run: ExecResult) =>
  parseJsonLines<DriverLine>(run, 'the driver', (l) => typeof l.operationId === 'string' && typeof l.status === 'number' && 'response' in l);

/** `go build` and `go vet` (on the driver and on vetPackages), then the binary against the recording server. */
export async function buildAndRunDriver(moduleDir: string, vetPackages: string[]): Promise<GoDriverRun> {
  const go = findToolchain('go')!;
  const bin = join(moduleDir, 'wire-driver');
  const build = await exec(go, ['build', '-o', bin, '.'], { cwd: moduleDir, env: GO_ENV });
  const vet = await exec(go, ['vet', './...', ...vetPackages], { cwd: moduleDir, env: GO_ENV });
  if (build.code !== 0) return { build, vet, run: null, lines: [], received: [] };
  const server = await startRecordingServer();
  try {
    const run = await exec(bin, [], { env: wireEnv(server.url), timeoutMs: 120_000 });
    return { build, vet, run, lines: parseLines(run), received: [...server.requests] };
  } finally {
    await server.close();
  }
}

/** The value without its null-valued object properties, at any depth. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

/**
 * Every call of calls.json printed by the driver, in order, with the status the server answered
 * and the typed response the client parsed, which must equal the example the server sent (so no
 * field was lost or mistyped on the way in). A property that is null is the same as one left out:
 * Go reads both into a nil slice, map or pointer, and writes that back as absent.
 */
export function expectParsedAnswers(result: GoDriverRun): void {
  expect(result.lines.map((l) => l.operationId)).toEqual(WIRE.calls.map((c) => c.operationId));
  const sent = result.received.map((r) => answerFor(r.method, new URL(r.url, 'http://recorder').pathname));
  expect(result.lines.map((l) => l.status)).toEqual(sent.map((a) => a?.status));
  expect(result.lines.map((l) => withoutNulls(l.response))).toEqual(sent.map((a) => withoutNulls(a?.body)));
}

export const output = (r: ExecResult | null) => (r ? `${r.stdout}\n${r.stderr}`.trim() : 'not run');
