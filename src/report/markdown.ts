import { byOperation, callerLine, contractLine, skipsByReason, type RunReport } from './model.js';
import { diagnosticLines } from './diagnostics.js';
import { distinctProblems } from './problems.js';

/** Lists longer than this fold into a `<details>` block (GitHub and most viewers render it). */
const FOLD_AFTER = 5;

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** Bullet lines, the ones past FOLD_AFTER folded under "N more". */
function folded(items: string[], what: string): string[] {
  if (items.length <= FOLD_AFTER + 1) return items;
  return [...items.slice(0, FOLD_AFTER), '', `<details><summary>${items.length - FOLD_AFTER} more ${what}</summary>`, '', ...items.slice(FOLD_AFTER), '', '</details>'];
}

/**
 * The Markdown report: who the run signed in as, the target and the versions, then the failures
 * (each a link to its details at the end), the skipped cases by reason, and a row per operation.
 */
export function renderMarkdown(report: RunReport): string {
  const { summary, target } = report;
  const caller = callerLine(report);
  const contract = contractLine(target);
  const lines = [
    '# Grafana API contract conformance',
    '',
    ...(caller ? [`**${caller}**`, ''] : []),
    `- Target: ${target.kind} ${target.url}`,
    `- Grafana: ${target.grafanaVersion ?? 'version not reported'}`,
    ...(contract ? [`- Contract: ${contract}`] : []),
    `- Started: ${report.startedAt}, took ${(report.durationMs / 1000).toFixed(1)} s`,
    `- Result: **${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped**`,
    ...(report.error ? [`- Error: ${report.error}`] : []),
    ...(report.leftovers?.length ? [`- Left on the target: ${report.leftovers.join('; ')}`] : []),
  ];
  const failed = report.results.filter((r) => r.outcome === 'fail');
  // An explicit anchor per failure: GitHub's heading ids would depend on the case's punctuation.
  const anchor = (i: number) => `failure-${i + 1}`;
  if (failed.length) {
    lines.push('', `## Failures (${failed.length})`, '');
    failed.forEach((r, i) => lines.push(`${i + 1}. [${r.case.replace(/[[\]]/g, '')}](#${anchor(i)}): ${r.method} ${code(r.path)}, expected ${r.expectedStatus}, got ${r.actualStatus ?? 'no answer'}`));
  }
  const skips = skipsByReason(report.results);
  if (skips.length) {
    lines.push('', `## Skipped (${summary.skipped}), by reason`);
    for (const { reason, cases } of skips) lines.push('', `### ${reason} (${cases.length})`, '', ...folded(cases.map((r) => `- ${r.case}`), 'cases'));
  }
  lines.push(
    '',
    '## Operations',
    '',
    '| operation | method | path | passed | failed | skipped |',
    '|---|---|---|---:|---:|---:|',
    ...byOperation(report.results).map((r) => `| ${r.operationId} | ${r.method} | ${code(r.path)} | ${r.passed} | ${r.failed} | ${r.skipped} |`),
  );
  if (failed.length) {
    lines.push('', '## Failure details');
    failed.forEach((r, i) => {
      const problems = distinctProblems(r).map((p) => `- ${p.pointer ? `${code(p.pointer)}: ${p.text}` : p.text}`);
      lines.push('', `### <a id="${anchor(i)}"></a>${i + 1}. ${r.case}`, '', `${r.method} ${code(r.path)}: expected ${r.expectedStatus}, got ${r.actualStatus ?? 'no answer'}`, '', ...folded(problems, 'problems'));
      const diagnostics = diagnosticLines(r);
      if (diagnostics.length) lines.push('', '```text', ...diagnostics, '```');
    });
  }
  return `${lines.join('\n')}\n`;
}
