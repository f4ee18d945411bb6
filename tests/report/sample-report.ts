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
export const report: RunReport = { tool: { name: 'grafana-api-contract', version: '0' }, target: { kind: 'url', url: 'http://grafana.example', grafanaVersion: '12.1.0' }, startedAt: '2026-12-02T00:00:00.000Z', durationMs: 1200, summary: summarize(results), results };

