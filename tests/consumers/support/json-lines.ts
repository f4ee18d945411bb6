import type { ExecResult } from './exec.js';

// The wire drivers and the real-client programs all report one JSON object per line on stdout.
// Reading them back fails loudly (with the program's stderr) on anything else, so a crash halfway
// through is reported as such and not mistaken for fewer calls.

/** The objects a program printed, one a line; `who` names the program in the error, `valid` checks an object's shape. */
export function parseJsonLines<T>(run: ExecResult, who: string, valid: (value: T) => boolean): T[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${who} printed a line that is not JSON: ${line}\nstderr:\n${run.stderr}`);
      }
      if (!valid(value as T)) throw new Error(`${who} printed an unexpected object: ${line}`);
      return value as T;
    });
}
