import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { reportExtension, type ReportExtension } from './formats.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { RunReport } from './model.js';

export const REPORT_FORMATS: Record<ReportExtension, (report: RunReport) => string> = {
  '.json': renderJson,
  '.md': renderMarkdown,
  '.xml': renderJunit,
  '.html': renderHtml,
};

/** Writes a report in the format its file extension names, redacting secrets. */
export function writeReport(file: string, report: RunReport, redact: (text: string) => string): void {
  const extension = reportExtension(file);
  if (!extension) throw new Error(`unknown report format ${extname(file) || '(none)'}`);
  writeFileSync(file, redact(REPORT_FORMATS[extension](report)));
}

/**
 * Checks, before a run, that a report can be written to `file`: its folder exists and is
 * writable, and the file itself is not a folder or read-only. Returns what is wrong, or undefined.
 */
export function reportPathProblem(file: string): string | undefined {
  const folder = dirname(resolve(file));
  const stat = (path: string) => {
    try {
      return statSync(path);
    } catch {
      return undefined;
    }
  };
  const dir = stat(folder);
  if (!dir) return `the folder ${folder} does not exist: create it first, or write the report elsewhere.`;
  if (!dir.isDirectory()) return `${folder} is not a folder: write the report elsewhere.`;
  const existing = stat(file);
  if (existing?.isDirectory()) return `${file} is a folder: name a file, e.g. ${file.replace(/\/+$/, '')}/report${extname(file) || '.json'}.`;
  try {
    accessSync(existing ? file : folder, constants.W_OK);
  } catch {
    return `${existing ? file : `the folder ${folder}`} is not writable: write the report elsewhere.`;
  }
  return undefined;
}
