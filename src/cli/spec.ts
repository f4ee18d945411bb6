import { writeFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { parseOptions } from './parse.js';
import type { OpenApiForm } from '../versions/index.js';

export interface SpecOptions {
  /** The Grafana version asked for (X.Y or X.Y.Z); null: the newest the data knows. */
  grafanaVersion: string | null;
  openapi: OpenApiForm;
  /** Write the document here instead of printing it. */
  out: string | null;
}

export const SPEC_USAGE = `Usage: grafana-api-contract spec [--grafana-version X.Y[.Z]] [--openapi 3.0] [-o FILE]

Prints the OpenAPI document of one Grafana version: its operations, parameters, fields, status
codes and examples, and nothing that version does not have. X.Y means X.Y.0.
  --grafana-version V    the Grafana version (default: the newest the data knows); older than
                         8.0 is refused, newer than the data knows gets the newest contract
                         with a warning
  --openapi 3.0          the OpenAPI 3.0.3 form (default 3.1)
  -o, --output FILE      write the document to FILE instead of standard output

Examples:
  grafana-api-contract spec --grafana-version 10.4 -o grafana-10.4.json
  grafana-api-contract spec --grafana-version 11.6.2 --openapi 3.0 > grafana-11.6.json`;

/** Parses the spec command's arguments (after "spec"); every mistake is a one-line UsageError. */
export function parseSpecArgs(argv: string[]): { command: 'spec'; options: SpecOptions } | { command: 'help'; topic: 'spec' } {
  const options = { 'grafana-version': { type: 'string' }, openapi: { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } as const;
  const { values } = parseOptions(argv, options, { prefix: 'spec: ', then: 'it takes --grafana-version, --openapi and -o only.' });
  if (values.help) return { command: 'help', topic: 'spec' };
  const openapi = values.openapi ?? '3.1';
  if (openapi !== '3.1' && openapi !== '3.0') throw new UsageError(`spec --openapi ${openapi}: expected 3.1 (the default) or 3.0.`);
  return { command: 'spec', options: { grafanaVersion: values['grafana-version'] ?? null, openapi, out: values.output ?? null } };
}

export interface SpecOutput {
  out: (text: string) => void;
  err: (line: string) => void;
}

/** The `spec` command: prints (or writes) the document of the version asked for. */
export async function spec(options: SpecOptions, io: SpecOutput): Promise<number> {
  // Loaded when the command runs, so that help and usage errors answer without it (see command.ts).
  const { contractFor } = await import('../versions/index.js');
  const contract = contractFor(options.grafanaVersion, options.openapi);
  if (contract.warning) io.err(`warning: ${contract.warning}`);
  const text = `${JSON.stringify(contract.document, null, 2)}\n`;
  if (options.out) {
    try {
      writeFileSync(options.out, text);
    } catch (err) {
      throw new UsageError(`spec -o ${options.out}: cannot write it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): pass a path in a folder that exists and you may write to.`);
    }
    io.err(`wrote the Grafana ${contract.version} contract (OpenAPI ${options.openapi}) to ${options.out}`);
  } else {
    io.out(text);
  }
  return 0;
}
