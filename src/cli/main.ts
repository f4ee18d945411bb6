#!/usr/bin/env node
import { parseCommand } from './args.js';
import { helpText } from './help.js';
import { list } from './list.js';
import { evidence } from './evidence.js';
import { mock } from './mock.js';
import { spec } from './spec.js';
import { TOOL as pkg } from '../tool.js';
import { GrafanaClientError, GrafanaRequestError, UsageError } from '../errors.js';


/** Runs the CLI and returns the exit code: 0 pass, 1 a case failed, 2 usage or target problem. */
export async function main(argv: string[]): Promise<number> {
  try {
    const parsed = parseCommand(argv, process.env);
    if (parsed.command === 'help') return print(helpText(parsed.topic), 0);
    if (parsed.command === 'version') return print(pkg.version, 0);
    if (parsed.command === 'list') return await list({ out: (line) => console.log(line) });
    if (parsed.command === 'evidence') return await evidence(parsed.dirs, { out: (line) => console.log(line) });
    if (parsed.command === 'spec') return await spec(parsed.options, { out: (text) => process.stdout.write(text), err: (line) => console.error(line) });
    if (parsed.command === 'mock') return await mock(parsed.options, { out: (line) => console.log(line), err: (line) => console.error(line) });
    // Each command loads what it needs when it runs (the contract, Ajv, undici, Prism's start-up):
    // help and usage errors answer in about 0.15 s of CPU instead of 0.5 s.
    const { conformance } = await import('./conformance.js');
    return await conformance(parsed.options, { name: pkg.name, version: pkg.version }, {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      isTTY: Boolean(process.stdout.isTTY),
      env: process.env,
    });
  } catch (err) {
    // One line, no stack trace: the message says what was wrong and what to do.
    // The library's own errors say what was wrong and what to do; anything else is a bug of ours.
    const known = err instanceof UsageError || err instanceof GrafanaRequestError || err instanceof GrafanaClientError;
    const message = known ? err.message : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    console.error(`error: ${message.split('\n')[0]}`);
    return 2;
  }
}

function print(text: string, code: number): number {
  console.log(text);
  return code;
}

// A reader that goes away (`… | head`) closes standard output, and each later write fails
// (EPIPE, then "stream destroyed"). That is not the command's error: what would have been printed
// is dropped and the command goes on to its end, so that a run against a Grafana still removes
// what it created and exits with its own code.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
});

process.exitCode = await main(process.argv.slice(2));
