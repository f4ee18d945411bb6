import xmlbuilder from 'xmlbuilder';
import type { CaseResult } from '../contract/types.js';
import { diagnosticLines } from './diagnostics.js';
import { byOperation, callerLine, contractLine, skipReasonOf, skipsByReason, type RunReport } from './model.js';
import { distinctProblems, problemLine } from './problems.js';

type Element = xmlbuilder.XMLElement;

// Inline, so that the report is one file a CI artifact viewer can open on its own.
// The page never scrolls sideways at 1,280 px, whatever a server answered: the tables have fixed
// column widths, long words break anywhere, and a long response scrolls inside its own box.
const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1f2328; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
#caller { font-size: 1.05rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; table-layout: fixed; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
td.n, th.n { text-align: right; }
col.status { width: 6rem; } col.outcome { width: 6rem; } col.ms { width: 5rem; } col.count { width: 6rem; }
tr[data-outcome="fail"] td { background: #ffebe9; } tr[data-outcome="skip"] td { color: #656d76; }
tr:target td { outline: 2px solid #cf222e; }
.outcome-fail { color: #cf222e; font-weight: 600; } .outcome-pass { color: #1a7f37; }
pre { background: #f6f8fa; padding: .5rem; max-width: 100%; max-height: 24rem; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .25rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
.error { color: #cf222e; font-weight: 600; }
`;

// The filter: with "failures only" checked, passed and skipped cases and operations without a
// failure are hidden. (No "<" or "&" in it: it is written into the page as it is.)
const SCRIPT = `
document.getElementById('failures-only').addEventListener('change', function (event) {
  var only = event.target.checked;
  document.querySelectorAll('tr[data-outcome]').forEach(function (row) { row.hidden = only ? row.getAttribute('data-outcome') !== 'fail' : false; });
  document.querySelectorAll('section.operation').forEach(function (section) { section.hidden = only ? section.getAttribute('data-failed') === '0' : false; });
  document.getElementById('skipped').hidden = only;
});
`;

/**
 * A self-contained HTML page. It opens with who the run signed in as, the target, the Grafana
 * version and the contract version, then the failures (each a link to its row), the skipped cases
 * by reason, and a table per operation that can be filtered to the failures, each failure with
 * its problems and its request and response. Built with xmlbuilder, which escapes every text, as
 * well-formed XHTML-style markup.
 */
export function renderHtml(report: RunReport): string {
  const { summary, target } = report;
  const title = `Grafana API contract conformance: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`;
  const html = xmlbuilder.create('html', { headless: true }).att('lang', 'en');
  const head = html.ele('head');
  head.ele('meta', { charset: 'utf-8' });
  head.ele('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' });
  head.ele('title', title);
  head.ele('style').raw(STYLE);
  const body = html.ele('body');
  body.ele('h1', 'Grafana API contract conformance');
  const caller = callerLine(report);
  if (caller) body.ele('p', { id: 'caller' }, caller);

  const facts = body.ele('dl', { id: 'summary' });
  const fact = (name: string, value: string, cls?: string) => {
    facts.ele('dt', name);
    facts.ele('dd', cls ? { class: cls } : {}, value);
  };
  fact('Target', `${target.kind} ${target.url}`);
  fact('Grafana', target.grafanaVersion ?? 'version not reported');
  const contract = contractLine(target);
  if (contract) fact('Contract', contract);
  fact('Started', `${report.startedAt}, took ${(report.durationMs / 1000).toFixed(1)} s`);
  fact('Result', `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
  if (report.leftovers?.length) fact('Left on the target', report.leftovers.join('; '), 'error');
  if (report.error) fact('Error', report.error, 'error');

  // Each failure links to its row in its operation's table, where the details are.
  const failures = report.results.flatMap((r, index) => (r.outcome === 'fail' ? [{ r, id: rowId(index) }] : []));
  if (failures.length) {
    const list = body.ele('section', { id: 'failures' }).ele('h2', `Failures (${failures.length})`).up().ele('ol');
    for (const { r, id } of failures) {
      const item = list.ele('li');
      item.ele('a', { href: `#${id}` }, r.case);
      item.txt(`: ${r.method} ${r.path}, expected ${r.expectedStatus}, got ${r.actualStatus ?? 'no answer'}`);
    }
  }

  body.ele('p').ele('label').ele('input', { type: 'checkbox', id: 'failures-only' }).up().txt(' Show only failures');

  const skipped = body.ele('section', { id: 'skipped' });
  skipped.ele('h2', `Skipped (${summary.skipped}), by reason`);
  const skipTable = skipped.ele('table');
  skipTable.ele('colgroup').ele('col').up().ele('col', { class: 'count' });
  skipTable.ele('thead').ele('tr').ele('th', 'reason').up().ele('th', { class: 'n' }, 'cases');
  const skipRows = skipTable.ele('tbody');
  for (const { reason, cases } of skipsByReason(report.results)) {
    const row = skipRows.ele('tr');
    const cell = row.ele('td');
    const list = cell.ele('details').ele('summary', reason).up().ele('ul');
    for (const r of cases) list.ele('li', r.case);
    row.ele('td', { class: 'n' }, String(cases.length));
  }

  for (const op of byOperation(report.results)) {
    const section = body.ele('section', { class: 'operation', id: `op-${op.operationId}`, 'data-failed': String(op.failed) });
    section.ele('h2').txt(`${op.operationId} `).ele('code', `${op.method} ${op.path}`);
    section.ele('p', `${op.passed} passed, ${op.failed} failed, ${op.skipped} skipped`);
    const table = section.ele('table');
    table.ele('colgroup').ele('col').up().ele('col', { class: 'status' }).up().ele('col', { class: 'status' }).up().ele('col', { class: 'outcome' }).up().ele('col', { class: 'ms' });
    const header = table.ele('thead').ele('tr');
    for (const [name, numeric] of [['case', false], ['expected', true], ['actual', true], ['outcome', false], ['ms', true]] as const) header.ele('th', numeric ? { class: 'n' } : {}, name);
    const rows = table.ele('tbody');
    report.results.forEach((r, index) => {
      if (r.operationId === op.operationId) addCase(rows, r, rowId(index));
    });
  }
  body.ele('script').raw(SCRIPT);
  return `<!DOCTYPE html>\n${html.end({ pretty: true })}\n`;
}

/** The id of a case's row: its place in the results, so that two cases of one name stay apart. */
const rowId = (index: number) => `case-${index + 1}`;

function addCase(rows: Element, r: CaseResult, id: string): void {
  const row = rows.ele('tr', { id, 'data-outcome': r.outcome });
  const name = row.ele('td');
  name.txt(r.case);
  if (r.outcome === 'fail') {
    const details = name.ele('details', { class: 'failure', open: 'open' });
    details.ele('summary', 'problems, request and response');
    const problems = details.ele('ul', { class: 'problems' });
    for (const p of distinctProblems(r)) problems.ele('li', problemLine(p));
    const exchange = diagnosticLines(r);
    if (exchange.length) details.ele('pre', { class: 'exchange' }, exchange.join('\n'));
  } else if (r.outcome === 'skip') {
    name.ele('div', { class: 'reason' }, skipReasonOf(r));
  }
  row.ele('td', { class: 'n' }, String(r.expectedStatus));
  row.ele('td', { class: 'n' }, r.actualStatus === null ? '-' : String(r.actualStatus));
  row.ele('td', { class: `outcome-${r.outcome}` }, r.outcome);
  row.ele('td', { class: 'n' }, String(r.durationMs));
}
