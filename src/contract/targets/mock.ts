import { authorizationHeader } from '../../auth.js';
import type { Cast } from '../cast.js';
import { startPrism } from './prism.js';
import { startRouterFront } from './router-front.js';
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

/**
 * The Prism mock of the bundled spec. Every case asks Prism for its expected status and example
 * with `Prefer: code=…, example=…`; Prism still validates the request (and answers 401 itself
 * when credentials are missing). Requests reach Prism through a front that ignores a trailing
 * slash, as Grafana's router does.
 */
export async function startMockTarget(specPath?: string): Promise<StartedTarget> {
  const prism = await startPrism(specPath);
  let front;
  try {
    front = await startRouterFront(prism.baseUrl);
  } catch (err) {
    await prism.stop();
    throw err;
  }
  return {
    target: {
      kind: 'mock',
      baseUrl: front.baseUrl,
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
      await front.stop();
      await prism.stop();
      return { leftovers: [], changedByOthers: [] };
    },
  };
}

/** On the mock every caller is the spec's example one: a server admin, a plain user and an Admin's token. */
const MOCK_CAST: Cast = {
  caller: { authorization: authorizationHeader({ username: 'admin', password: 'mock-admin-password' }), serverAdmin: true, orgAdmin: true },
  user: {
    authorization: authorizationHeader({ username: STATIC_FIXTURES.user.login, password: STATIC_FIXTURES.user.password }),
    wrongPassword: authorizationHeader({ username: STATIC_FIXTURES.user.login, password: `${STATIC_FIXTURES.user.password}-wrong` }),
  },
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
