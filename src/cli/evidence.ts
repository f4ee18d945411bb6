import { UsageError } from '../errors.js';
import { parseOptions } from './parse.js';

export const EVIDENCE_USAGE = `Usage: grafana-api-contract evidence DIR...

Checks every evidence file (*.json) under the folders against the spec and prints a table per
operation and status. Evidence files hold requests and responses with the Grafana version that
gave them: "conformance --record DIR" writes them, and tests/evidence holds the project's own.

Examples:
  grafana-api-contract conformance --url http://localhost:3000 --user admin --password admin --record evidence
  grafana-api-contract evidence evidence

Exit codes: 0 every entry matches the spec, 1 an entry does not, 2 bad usage or a file that is
not an evidence file.`;

/** Parses the evidence command's arguments (after "evidence"): the folders, or --help. */
export function parseEvidenceArgs(argv: string[]): { command: 'evidence'; dirs: string[] } | { command: 'help'; topic: 'evidence' } {
  const { values, positionals } = parseOptions(argv, { help: { type: 'boolean', short: 'h' } }, { prefix: 'evidence: ', positionals: true, then: 'it takes folders only; run "grafana-api-contract evidence DIR...".' });
  if (values.help) return { command: 'help', topic: 'evidence' };
  if (!positionals.length) throw new UsageError('evidence: no folder given: run "grafana-api-contract evidence tests/evidence" (or the folder --record wrote to).');
  return { command: 'evidence', dirs: positionals };
}

/**
 * The `evidence` command: checks every evidence file under the folders against the bundled spec
 * and prints a table per operation and status. Returns 0 when every entry is valid (entries from
 * servers older than the spec covers do not count), 1 when one is not.
 */
export async function evidence(dirs: string[], io: { out: (line: string) => void }): Promise<number> {
  // Loaded when the command runs, so that help and usage errors answer without them (see command.ts).
  const { checkEvidenceFiles } = await import('../evidence/checked.js');
  const { EvidenceFileError, findEvidenceFiles } = await import('../evidence/load.js');
  const { renderEvidenceTable } = await import('../evidence/terminal.js');
  try {
    const files = findEvidenceFiles(dirs);
    if (!files.length) throw new UsageError(`no evidence files (*.json) under ${dirs.join(', ')}: pass the folder that --record wrote to, or tests/evidence.`);
    const checked = checkEvidenceFiles(files);
    io.out(renderEvidenceTable(checked, files.length));
    return checked.some((c) => c.verdict.outcome === 'invalid') ? 1 : 0;
  } catch (err) {
    // A file that is not an evidence file is a usage problem (exit 2), not a failed entry.
    if (err instanceof EvidenceFileError) throw new UsageError(err.message);
    throw err;
  }
}
