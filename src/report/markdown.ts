import { byOperation, type RunReport } from './model.js';
import { diagnosticLines } from './diagnostics.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

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
    '',
    '## Operations',
    '',
    '| operation | method | path | passed | failed | skipped |',
    '|---|---|---|---:|---:|---:|',
    ...byOperation(report.results).map((r) => `| ${r.operationId} | ${r.method} | \`${r.path}\` | ${r.passed} | ${r.failed} | ${r.skipped} |`),
  ];
  const failed = report.results.filter((r) => r.outcome === 'fail');
  if (failed.length) {
    lines.push('', '## Failures', '', '| case | expected | actual | problems |', '|---|---:|---:|---|');
    for (const r of failed) lines.push(`| ${cell(r.case)} | ${r.expectedStatus} | ${r.actualStatus ?? '-'} | ${cell(r.problems.join('; '))} |`);
    lines.push('', '### Requests and responses of the failures');
    for (const r of failed) lines.push('', `**${r.case}**`, '', '```text', ...diagnosticLines(r), '```');
  }
  return `${lines.join('\n')}\n`;
}
