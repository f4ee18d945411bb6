import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATIC_FIXTURES } from '../../src/contract/fixtures/static.js';
import { runCases, type RunTarget } from '../../src/contract/runner.js';
import type { CaseResult, ContractCase } from '../../src/contract/types.js';
import { renderJson } from '../../src/report/json.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { summarize, type RunReport } from '../../src/report/model.js';
import { renderSummary } from '../../src/report/terminal.js';
import { loadBundledSpec } from '../../src/spec.js';
import { sendJson, startTestServer } from '../support/http-server.js';

// A failed case carries the request it sent (method, URL, caller, body with secrets masked) and
// the start of the response (secrets masked), and every output shows them. The server is a small
// in-process stand-in that answers 500 with a body holding a token.
const doc = loadBundledSpec();
const OLD = 'old-Secret-pa55';
const NEW = 'new-Secret-pa55';
const LEAKED_KEY = 'glsa_LeakedKeyInTheBody_123456';
let server: Awaited<ReturnType<typeof startTestServer>>;
let result: CaseResult;
let report: RunReport;

beforeAll(async () => {
  server = await startTestServer((_req, res) => sendJson(res, 500, { message: 'Failed to change password', key: LEAKED_KEY }));
  const target: RunTarget = { kind: 'url', baseUrl: server.url, grafanaVersion: '12.0.0', fixtures: STATIC_FIXTURES, cast: { caller: { authorization: 'Basic eDp5', serverAdmin: true, orgAdmin: true }, user: { authorization: 'Basic eDp5', wrongPassword: 'Basic eDp6' }, viewer: null, token: null, readOnly: false }, concurrentMutations: false };
  const c: ContractCase = {
    id: 'changeUserPassword: success',
    operationId: 'changeUserPassword',
    as: 'user',
    status: 200,
    request: () => ({ query: { dryRun: 'no' }, body: { oldPassword: OLD, newPassword: NEW, confirmNew: NEW } }),
  };
  [result] = (await runCases(doc, target, [c], { strict: true, readOnly: false, concurrency: 1, timeoutMs: 2000 })) as [CaseResult];
  report = { tool: { name: 'grafana-api-contract', version: '0' }, target: { kind: 'url', url: server.url, grafanaVersion: '12.0.0' }, startedAt: new Date().toISOString(), durationMs: 5, summary: summarize([result]), results: [result] };
});
afterAll(() => server.close());

describe('failure diagnostics', () => {
  it('the result has the request (method, URL, caller, masked body) and a masked excerpt of the response', () => {
    expect(result.outcome).toBe('fail');
    expect(result.request).toEqual({
      method: 'PUT',
      url: `${server.url}/api/user/password?dryRun=no`,
      caller: 'plain user',
      body: '{"oldPassword":"***","newPassword":"***","confirmNew":"***"}',
    });
    expect(result.response).toEqual({ status: 500, contentType: 'application/json', excerpt: '{"message":"Failed to change password","key":"***"}' });
  });

  it.each([
    ['terminal', () => renderSummary(report)],
    ['JSON', () => renderJson(report)],
    ['Markdown', () => renderMarkdown(report)],
    ['JUnit', () => renderJunit(report)],
  ])('the %s output shows the request and the response, without the secrets', (_name, render) => {
    const text = render();
    // The JSON report has the same as fields: "method": "PUT", "url": "…".
    expect(text).toMatch(/(PUT |"url": ")http:\/\/127\.0\.0\.1:\d+\/api\/user\/password\?dryRun=no/);
    expect(text).toMatch(/plain user/);
    expect(text).toMatch(/Failed to change password/);
    for (const secret of [OLD, NEW, LEAKED_KEY]) expect(text).not.toContain(secret);
  });
});
