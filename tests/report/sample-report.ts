import type { CaseResult } from '../../src/contract/types.js';
import { summarize, type RunReport } from '../../src/report/model.js';

// A made-up run for the report tests: one pass, one failure with repeated problems, nine skips.
export const result = (over: Partial<CaseResult>): CaseResult => ({
  case: 'getUserById: success', operationId: 'getUserById', method: 'GET', path: '/api/users/{id}', expectedStatus: 200, actualStatus: 200,
  outcome: 'pass', durationMs: 3, problems: [], grafanaVersion: null, ...over,
});

// A failure as the checker reports it: each schema error again as a difference from the example.
export const failure = result({
  case: 'searchUsers: success', operationId: 'searchUsers', path: '/api/users', actualStatus: 200, outcome: 'fail',
  problems: [
    'shape of example "twoUsers": /0/login: expected string, got integer',
    'body /0/login: must be string',
    'shape of example "twoUsers": /1/login: expected string, got integer',
    'body /1/login: must be string',
    'body /1: must have required property \'email\'',
    'shape of example "twoUsers": /1: missing key "email"',
    'shape of example "twoUsers": /1: unexpected key "avatar"',
    'body /1: must have required property \'email\'',
  ],
  request: { method: 'GET', url: 'http://grafana.example/api/users', caller: 'admin' },
  response: { status: 200, contentType: 'application/json', excerpt: '[{"login":1},{"login":2,"avatar":"x"}]' },
});
export const skips = [
  ...Array.from({ length: 8 }, (_, i) => result({ case: `getUserById: token ${i}`, outcome: 'skip', actualStatus: null, problems: ['skipped: needs a real Grafana: run with --url'] })),
  result({ case: 'getUserById: quotas', outcome: 'skip', actualStatus: null, problems: ['skipped: needs quotas enabled on the server'] }),
];
export const results = [result({}), failure, ...skips];
export const report: RunReport = {
  tool: { name: 'grafana-api-contract', version: '0' },
  target: { kind: 'url', url: 'http://grafana.example', grafanaVersion: '12.1.3', contractVersion: '12.1.0' },
  startedAt: '2026-12-02T00:00:00.000Z',
  durationMs: 1200,
  summary: summarize(results),
  caller: 'user "admin" (org 1 "Main Org.", role Admin, server administrator)',
  casesThatApply: 2,
  results,
};

// A failure whose answer is one long line without a space (a minified page, a big JSON array) and
// whose case name and URL are long too: the HTML report must still fit a 1,280 px window.
const longBody = JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ id: i, login: `user-with-a-rather-long-login-${i}`, email: `user${i}@example.com` })));
export const longFailure = result({
  case: `searchUsersWithPaging: ${'query-with-a-very-long-name-'.repeat(8)}`, operationId: 'searchUsersWithPaging', path: '/api/users/search', actualStatus: 500, outcome: 'fail',
  problems: [`status 500 is not documented for this operation; body ${longBody.slice(0, 600)}`],
  request: { method: 'GET', url: `http://grafana.example/api/users/search?query=${'x'.repeat(300)}&perpage=1000`, caller: 'admin' },
  response: { status: 500, contentType: 'application/json', excerpt: longBody },
});
export const longReport: RunReport = { ...report, results: [...results, longFailure], summary: summarize([...results, longFailure]) };

