#!/usr/bin/env node
import { runCommand } from './command.js';

// The bin: runs the command line with this process's environment and standard streams, and exits
// with the command's code (command.ts holds the commands; the tests run it in process too).

// A reader that goes away (`… | head`) closes standard output, and each later write fails
// (EPIPE, then "stream destroyed"). That is not the command's error: what would have been printed
// is dropped and the command goes on to its end, so that a run against a Grafana still removes
// what it created and exits with its own code.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
});

process.exitCode = await runCommand(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
});
