import { authorizationHeader } from '../../auth.js';
import { plainUser, type Cast } from '../cast.js';
import { freePort } from './free-port.js';
import { lastLine, startPrism } from './prism.js';
import { startRouterFront, type FrontOptions } from './router-front.js';
import { summarizeViolations } from './violations.js';
import { STATIC_FIXTURES } from '../fixtures/static.js';
import type { RunTarget } from '../runner.js';
import type { CaseResult } from '../types.js';
import { contractFor, contractVersionOf, type Contract } from '../../versions/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What closing a target found: the run's own leftovers (the run fails) and other people's changes (reported). */
export interface CloseReport {
  leftovers: string[];
  changedByOthers: string[];
}

export interface StartedTarget {
  target: RunTarget;
  /** Who the run signs in as, in a few words (a URL target), e.g. `service account "ci" (org 1 "Main Org.", role Admin, …)`. */
  identity?: string;
  /** Secrets the target made for the run (passwords and tokens of the callers it created), to keep out of the output. */
  secrets: string[];
  /**
   * Removes what the run created and stops what it started; returns what it could not remove,
   * and what others changed meanwhile. `ran`: the results of the cases that ran (their writes
   * tell the run's own changes from others'). Safe to call twice.
   */
  close(ran?: readonly CaseResult[]): Promise<CloseReport>;
}

/** The mock as a server: Prism (request validation on) behind the Grafana-like router front. */
export interface MockServer {
  /** The front's URL, where clients send their requests. */
  baseUrl: string;
  stop(): Promise<void>;
  /** Settles with Prism's last output line when Prism exits (after stop(), or on its own). */
  prismExited: Promise<string>;
}

/**
 * Starts the router front on `listen` (default: a free loopback port; `onAnswer` hears of every
 * answer), then Prism with the contract of one Grafana version (default: the newest) on a free
 * loopback port behind it. Requests reach Prism through the front, which ignores a trailing
 * slash as Grafana's router does. The front listens first, so that a port in use is an error
 * at once, before Prism's few seconds of start-up; a Prism that fails to start closes the front.
 */
export async function startMockServer(contract: Contract = contractFor(null), listen: FrontOptions = {}): Promise<MockServer> {
  const prismPort = await freePort();
  const front = await startRouterFront(`http://127.0.0.1:${prismPort}`, listen);
  // Prism reads the document from a file: the version's cut, in a folder of its own.
  const folder = mkdtempSync(join(tmpdir(), 'grafana-api-contract-mock-'));
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  const specPath = join(folder, `grafana-${contract.version}.json`);
  let prism;
  try {
    writeFileSync(specPath, JSON.stringify(contract.document));
    prism = await startPrism(specPath, undefined, prismPort);
  } catch (err) {
    await front.stop();
    removeFolder();
    throw err;
  }
  const exited = prism.exited;
  return {
    baseUrl: front.baseUrl,
    stop: async () => {
      await front.stop();
      await prism.stop();
      removeFolder();
    },
    prismExited: exited.then(() => lastLine(prism.output())),
  };
}

/**
 * The Prism mock of one Grafana version's contract (default: the newest) as a run target; it
 * answers as that version (/api/health, /api/frontend/settings). Every case asks Prism for its expected status and example
 * with `Prefer: code=…, example=…`; Prism still validates the request (and answers 401 itself
 * when credentials are missing). Requests reach Prism through a front that ignores a trailing
 * slash, as Grafana's router does.
 */
export async function startMockTarget(contract: Contract = contractFor(null)): Promise<StartedTarget> {
  return mockTarget(await startMockServer(contract), contract);
}

/** A mock server of a version's contract that is already running, as a run target; closing the target stops the server. */
export function mockTarget(server: Pick<MockServer, 'baseUrl' | 'stop'>, contract: Contract = contractFor(null)): StartedTarget {
  return {
    target: {
      kind: 'mock',
      baseUrl: server.baseUrl,
      // The union (unionContract) names no version: its cases keep their own expectations.
      grafanaVersion: contractVersionOf(contract.document),
      fixtures: STATIC_FIXTURES,
      cast: MOCK_CAST,
      headersFor: (_c, expected) => ({ Prefer: `code=${expected.status}${expected.example ? `, example=${expected.example}` : ''}` }),
      // A success case whose request Prism finds invalid means the case, or the spec, is wrong.
      inspect: (c, response) => {
        const violations = response.headers.get('sl-violations');
        return violations && c.status < 400 ? [`the mock found the request invalid: ${summarizeViolations(violations)}`] : [];
      },
      concurrentMutations: true,
    },
    secrets: [],
    close: async () => {
      await server.stop();
      return { leftovers: [], changedByOthers: [] };
    },
  };
}

/** On the mock every caller is the spec's example one: a server admin, a plain user and an Admin's token. */
const MOCK_CAST: Cast = {
  caller: { authorization: authorizationHeader({ username: 'admin', password: 'mock-admin-password' }), serverAdmin: true, orgAdmin: true },
  user: plainUser(STATIC_FIXTURES.user),
  viewer: null,
  token: { authorization: authorizationHeader({ token: STATIC_FIXTURES.serviceAccount.token }), admin: true },
  readOnly: false,
};
