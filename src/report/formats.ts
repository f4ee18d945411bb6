import { extname } from 'node:path';

/** The report formats, by the extension of the file `--report FILE` names. */
export const REPORT_EXTENSIONS = ['.json', '.md', '.xml', '.html'] as const;
export type ReportExtension = (typeof REPORT_EXTENSIONS)[number];

/** The format a report file's name asks for, or undefined when its extension is none of them. */
export function reportExtension(file: string): ReportExtension | undefined {
  const extension = extname(file).toLowerCase();
  return REPORT_EXTENSIONS.find((known) => known === extension);
}
