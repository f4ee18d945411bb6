import { parseCommand } from './args.js';
import { helpText } from './help.js';
import { list } from './list.js';
import { evidence } from './evidence.js';
import { mock } from './mock.js';
import { spec } from './spec.js';
import { TOOL as pkg } from '../tool.js';
import { GrafanaClientError, GrafanaRequestError, UsageError } from '../errors.js';

/** Where a command reads its environment and writes its output: the process's, in the bin (main.ts). */
export interface CommandIo {
  env: NodeJS.ProcessEnv;
  /** Writes text to standard output as it is (a line ends with its own "\n"). */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard output is a terminal: progress per case, colour unless NO_COLOR. */
  isTTY: boolean;
}

/** Runs one command line and returns the exit code: 0 pass, 1 a case failed, 2 usage or target problem. */
export async function runCommand(argv: string[], io: CommandIo): Promise<number> {
  const out = (line: string) => io.stdout(`${line}\n`);
  const err = (line: string) => io.stderr(`${line}\n`);
  try {
    const parsed = parseCommand(argv, io.env);
    if (parsed.command === 'help' || parsed.command === 'version') {
      out(parsed.command === 'help' ? helpText(parsed.topic) : pkg.version);
      return 0;
    }
    if (parsed.command === 'list') return await list({ out });
    if (parsed.command === 'evidence') return await evidence(parsed.dirs, { out });
    if (parsed.command === 'spec') return await spec(parsed.options, { out: io.stdout, err });
    if (parsed.command === 'mock') return await mock(parsed.options, { out, err });
    // Each command loads what it needs when it runs (the contract, Ajv, undici, Prism's start-up):
    // help and usage errors answer in about 0.15 s of CPU instead of 0.5 s.
    const { conformance } = await import('./conformance.js');
    return await conformance(parsed.options, { name: pkg.name, version: pkg.version }, { out, err, isTTY: io.isTTY, env: io.env });
  } catch (error) {
    // One line, no stack trace: the library's own errors say what was wrong and what to do;
    // anything else is a bug of ours.
    const known = error instanceof UsageError || error instanceof GrafanaRequestError || error instanceof GrafanaClientError;
    const message = known ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    err(`error: ${message.split('\n')[0]}`);
    return 2;
  }
}
