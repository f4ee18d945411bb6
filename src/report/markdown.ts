import { byOperation, skipsByReason, type RunReport } from './model.js';
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

export function renderMarkdown(report: RunReport): string {
  const { summary, target } = report;
  const lines = [
    '# Grafana API contract conformance',
    '',
    `- Target: ${target.kind} ${target.url}${target.grafanaVersion ? ` (Grafana ${target.grafanaVersion})` : ''}`,
    `- Started: ${report.startedAt}, took ${(report.durationMs / 1000).toFixed(1)} s`,
    `- Result: **${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped**`,
    ...(report.error ? [`- Error: ${report.error}`] : []),
    ...(report.leftovers?.length ? [`- Left on the target: ${report.leftovers.join('; ')}`] : []),
  ];
  const failed = report.results.filter((r) => r.outcome === 'fail');
  if (failed.length) {
    lines.push('', `## Failures (${failed.length})`);
    for (const r of failed) {
      const problems = distinctProblems(r).map((p) => `- ${p.pointer ? `${code(p.pointer)}: ${p.text}` : p.text}`);
      lines.push('', `### ${r.case}`, '', `${r.method} ${code(r.path)}: expected ${r.expectedStatus}, got ${r.actualStatus ?? 'no answer'}`, '', ...folded(problems, 'problems'));
      const diagnostics = diagnosticLines(r);
      if (diagnostics.length) lines.push('', '```text', ...diagnostics, '```');
    }
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
  return `${lines.join('\n')}\n`;
}
