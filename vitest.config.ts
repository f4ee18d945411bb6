import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { CACHE_ROOT } from './scripts/toolchains.mjs';

// Four projects, so each can run alone: `unit` (spec, client, package, CLI),
// `types` (type-level tests in *.test-d.ts), `mock` (the contract cases against Prism) and
// `consumers` (clients generated from the spec in Go, Java, Python and TypeScript, and real
// Grafana clients against the mock; needs those toolchains).
export default defineConfig({
  // Vitest keeps each test file's last duration here and starts the longest files first; outside
  // the repository, like the tools' caches, so that a fresh clone (CI) orders its files too and
  // short files fill the end of the run instead of a long one starting last.
  cacheDir: join(CACHE_ROOT, 'vite'),
  test: {
    // Most test files wait on a child process (a generator, a compiler, the CLI, Prism) or on a
    // network timeout more than they compute, so more files run at once than there are cores
    // (Vitest's default is cores - 1: one file at a time on a 2-core machine). The projects share
    // these workers; `npm run test:unit` and the like use them too.
    maxWorkers: Math.max(3, availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/mock/**', 'tests/consumers/**'],
          globalSetup: ['tests/support/build-once.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'types',
          include: [],
          // Vitest runs tsc over the whole of tsconfig.test.json (src, tests, bench, examples,
          // scripts) and fails on an error in any file, not only in the *.test-d.ts files; so
          // this project is `npm test`'s type check, and `npm run typecheck` is the same tsc
          // run alone.
          typecheck: {
            enabled: true,
            only: true,
            include: ['tests/**/*.test-d.ts'],
            tsconfig: './tsconfig.test.json',
            ignoreSourceErrors: false,
          },
        },
      },
      {
        test: {
          name: 'mock',
          include: ['tests/mock/**/*.test.ts'],
          globalSetup: ['tests/support/shared-mock.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'consumers',
          include: ['tests/consumers/**/*.test.ts'],
          // The built CLI writes the per-version bundles the generators are given;
          // The real clients send their calls to the shared mock.
          globalSetup: ['tests/support/build-once.ts', 'tests/consumers/support/version-bundles.ts', 'tests/support/shared-mock.ts'],
          // Generators, compilers and type checkers: a cold first run downloads and builds them.
          testTimeout: 900_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
