import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { RunReport } from './model.js';

export const REPORT_FORMATS: Record<string, (report: RunReport) => string> = {
  '.json': renderJson,
  '.md': renderMarkdown,
  '.xml': renderJunit,
};

/** Writes a report in the format its file extension names, redacting secrets. */
export function writeReport(file: string, report: RunReport, redact: (text: string) => string): void {
  const render = REPORT_FORMATS[extname(file).toLowerCase()];
  if (!render) throw new Error(`unknown report format ${extname(file) || '(none)'}`);
  writeFileSync(file, redact(render(report)));
}
