import type { TestProject } from 'vitest/node';
import { startMockServer, type MockServer } from '../../src/contract/targets/mock.js';
import { unionContract } from '../../src/versions/index.js';

// Vitest global set-up: one mock of the union of every covered version (Prism of
// generated/openapi.json behind the router front; `grafana-api-contract mock` serves one version's cut) for the test files that only send requests to a mock,
// instead of a Prism start-up each; they read its URL with inject('sharedMockUrl'). The mock is
// stateless, so files may use it at the same time. Tests of starting and stopping the mock itself
// (the CLI's `mock` and `--mock`) still start their own.
//
// Several projects list this file; Vitest loads it once per project, so the one server is kept on
// globalThis (one Vitest process) and stopped when the last project's teardown runs.

declare module 'vitest' {
  export interface ProvidedContext {
    sharedMockUrl: string;
  }
}

const KEY = Symbol.for('grafana-api-contract.shared-mock');
interface Shared { server: Promise<MockServer>; users: number }
const registry = globalThis as typeof globalThis & { [KEY]?: Shared };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (registry[KEY] ??= { server: startMockServer(unionContract()), users: 0 });
  shared.users++;
  const server = await shared.server;
  project.provide('sharedMockUrl', server.baseUrl);
  return async () => {
    if (--shared.users > 0) return;
    delete registry[KEY];
    await server.stop();
  };
}
