import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderJunit } from '../../src/report/junit.js';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { summarize, type RunReport } from '../../src/report/model.js';
import { failure, report, result, results } from './sample-report.js';
import { distinctProblems, problemLine } from '../../src/report/problems.js';

describe('a failure, as a person reads it', () => {
  it('lists each distinct problem once, schema errors first, with the JSON pointer of the value', () => {
    expect(distinctProblems(failure).map(problemLine)).toEqual([
      '/0/login: must be string',
      '/1/login: must be string',
      "/1: must have required property 'email'",
      '/1: differs from the documented example: unexpected key "avatar"',
    ]);
  });

  it('keeps every problem, repeats included, in the JSON report', () => {
    expect((JSON.parse(renderJson(report)) as RunReport).results[1]!.problems).toEqual(failure.problems);
  });
});

const CALLER = 'Signed in as user "admin" (org 1 "Main Org.", role Admin, server administrator): 2 of 11 cases apply';
/** Where each text first appears, which must be in this order. */
const inOrder = (text: string, parts: string[]) => {
  const at = parts.map((part) => text.indexOf(part));
  expect(at.every((i) => i >= 0), parts.filter((_, i) => at[i]! < 0).join(', ')).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
};

describe('the Markdown report', () => {
  const md = renderMarkdown(report);

  it('opens with who signed in, the target and both versions, then the failures, the skips and the operations', () => {
    expect(md.split('\n').slice(0, 7)).toEqual([
      '# Grafana API contract conformance',
      '',
      `**${CALLER}**`,
      '',
      '- Target: url http://grafana.example',
      '- Grafana: 12.1.3',
      '- Contract: Grafana 12.1.0',
    ]);
    inOrder(md, ['## Failures (1)', '## Skipped (9), by reason', '## Operations', '## Failure details']);
  });

  it('links each failure to its details', () => {
    expect(md).toContain('1. [searchUsers: success](#failure-1): GET `/api/users`, expected 200, got 200');
    expect(md).toContain('### <a id="failure-1"></a>1. searchUsers: success');
  });

  it('has no caller line for a run without one (the mock), and no contract line when the report names none', () => {
    const mock = renderMarkdown({ ...report, caller: undefined, target: { kind: 'mock', url: 'http://127.0.0.1:1', grafanaVersion: null } });
    expect(mock).not.toContain('Signed in as');
    expect(mock).not.toContain('Contract:');
    expect(mock).toContain('- Grafana: version not reported');
  });

  it('shows a failure with its distinct problems, request and response', () => {
    const section = md.slice(md.indexOf('### <a id="failure-1"></a>'));
    expect(section).toContain('GET `/api/users`: expected 200, got 200');
    expect(section.match(/^- /gm)).toHaveLength(4);
    expect(section).toContain("- `/1`: must have required property 'email'");
    expect(section).toContain('request: GET http://grafana.example/api/users as admin');
  });

  it('lists the skipped cases by reason, most frequent first, and folds long lists', () => {
    expect(md).toContain('## Skipped (9), by reason');
    expect(md.indexOf('### needs a real Grafana: run with --url (8)')).toBeLessThan(md.indexOf('### needs quotas enabled on the server (1)'));
    expect(md).toContain('<details><summary>3 more cases</summary>');
    expect(md).toContain('- getUserById: token 7');
  });
});

describe('the HTML report', () => {
  const html = renderHtml(report);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: false }).parse(html.replace('<!DOCTYPE html>', '')) as { html: { head: { title: string }; body: Record<string, unknown> } };

  it('is one well-formed, self-contained page: no external script, style or image', () => {
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(XMLValidator.validate(html.replace('<!DOCTYPE html>', ''))).toBe(true);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(parsed.html.head.title).toBe('Grafana API contract conformance: 1 passed, 1 failed, 9 skipped');
  });

  it('escapes what a server answered, so a hostile body cannot run in the page', () => {
    const hostile = result({ outcome: 'fail', problems: ['body is not valid JSON: <img src=x onerror=alert(1)>'], response: { status: 200, contentType: 'text/html', excerpt: '<script>alert(1)</script>' } });
    const page = renderHtml({ ...report, results: [hostile], summary: summarize([hostile]) });
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('names what the run left on the target, as the other formats do', () => {
    const page = renderHtml({ ...report, leftovers: ['team 7 "gac-1a2b-team"'] });
    expect(page).toContain('<dt>Left on the target</dt>');
    expect(page).toContain('<dd class="error">team 7 "gac-1a2b-team"</dd>');
  });

  it('opens with who signed in, the target and both versions, then the failures, the skips and the operations', () => {
    expect(html).toContain(`<p id="caller">${CALLER}</p>`);
    expect(html).toMatch(/<dt>Target<\/dt>\s*<dd>url http:\/\/grafana\.example<\/dd>\s*<dt>Grafana<\/dt>\s*<dd>12\.1\.3<\/dd>\s*<dt>Contract<\/dt>\s*<dd>Grafana 12\.1\.0<\/dd>/);
    inOrder(html, ['<h1>', '<p id="caller">', '<dl id="summary">', '<section id="failures">', '<section id="skipped">', '<section class="operation"']);
  });

  it('links each failure to its row, where its details are', () => {
    const links = [...html.matchAll(/<li>\s*<a href="#(case-\d+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([['case-2', 'searchUsers: success']]);
    expect(html).toMatch(/<tr id="case-2" data-outcome="fail">/);
  });

  it('has no contract line when the report names none', () => {
    expect(renderHtml({ ...report, target: { ...report.target, contractVersion: null } })).not.toContain('<dt>Contract</dt>');
  });

  it('has a table per operation, a row per case, and a filter to the failures', () => {
    const sections = [...html.matchAll(/<section class="operation" id="op-(\w+)" data-failed="(\d+)">/g)].map((m) => [m[1], m[2]]);
    expect(sections).toEqual([['getUserById', '0'], ['searchUsers', '1']]);
    expect(html.match(/<tr id="case-\d+" data-outcome="/g)).toHaveLength(results.length);
    expect(html).toContain('<input type="checkbox" id="failures-only"/>');
    expect(html).toContain("getElementById('failures-only')");
  });

  it('shows each failure with its problems, request and response, and the skip reasons', () => {
    expect(html).toContain('<li>/1: differs from the documented example: unexpected key "avatar"</li>');
    expect(html).toMatch(/<pre class="exchange">request: GET http:\/\/grafana\.example\/api\/users as admin\nresponse: HTTP 200 \(application\/json\) \[\{"login":1\}/);
    expect(html).toContain('<summary>needs a real Grafana: run with --url</summary>');
  });
});

describe('the JSON and JUnit reports', () => {
  it('name the contract version the run checked against', () => {
    expect((JSON.parse(renderJson(report)) as RunReport).target.contractVersion).toBe('12.1.0');
    const junit = renderJunit(report);
    expect(junit).toContain('<property name="contractVersion" value="12.1.0"/>');
    expect(junit).toContain('<property name="grafanaVersion" value="12.1.3"/>');
    expect(renderJunit({ ...report, target: { ...report.target, contractVersion: null } })).not.toContain('contractVersion');
  });
});
