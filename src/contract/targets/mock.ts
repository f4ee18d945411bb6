import { authorizationHeader } from '../../auth.js';
import { plainUser, type Cast } from '../cast.js';
import { lastLine, startPrism } from './prism.js';
import { startRouterFront, type ListenOn } from './router-front.js';
import { STATIC_FIXTURES } from '../fixtures/static.js';
import type { RunTarget } from '../runner.js';
import type { CaseResult } from '../types.js';

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
 * Starts Prism on a free loopback port and the router front on `listen` (default: a free loopback
 * port). Requests reach Prism through the front, which ignores a trailing slash as Grafana's router
 * does. When the front cannot listen (a port in use), Prism is stopped before the error is thrown.
 */
export async function startMockServer(specPath?: string, listen: ListenOn = {}): Promise<MockServer> {
  const prism = await startPrism(specPath);
  let front;
  try {
    front = await startRouterFront(prism.baseUrl, listen);
  } catch (err) {
    await prism.stop();
    throw err;
  }
  return {
    baseUrl: front.baseUrl,
    stop: async () => {
      await front.stop();
      await prism.stop();
    },
    prismExited: prism.exited.then(() => lastLine(prism.output())),
  };
}

/**
 * The Prism mock of the bundled spec as a run target. Every case asks Prism for its expected status and example
 * with `Prefer: code=…, example=…`; Prism still validates the request (and answers 401 itself
 * when credentials are missing). Requests reach Prism through a front that ignores a trailing
 * slash, as Grafana's router does.
 */
export async function startMockTarget(specPath?: string): Promise<StartedTarget> {
  return mockTarget(await startMockServer(specPath));
}

/** A mock server that is already running as a run target; closing the target stops the server. */
export function mockTarget(server: Pick<MockServer, 'baseUrl' | 'stop'>): StartedTarget {
  return {
    target: {
      kind: 'mock',
      baseUrl: server.baseUrl,
      grafanaVersion: null,
      fixtures: STATIC_FIXTURES,
      cast: MOCK_CAST,
      headersFor: (c) => ({ Prefer: `code=${c.status}${c.example ? `, example=${c.example}` : ''}` }),
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

function summarizeViolations(header: string): string {
  try {
    return (JSON.parse(header) as { message: string }[]).map((v) => v.message).join('; ');
  } catch {
    return header;
  }
}
