import { UsageError } from '../errors.js';
import { checkEvidenceFiles } from '../evidence/checked.js';
import { EvidenceFileError, findEvidenceFiles } from '../evidence/load.js';
import { renderEvidenceTable } from '../evidence/terminal.js';

/**
 * The `evidence` command: checks every evidence file under the folders against the bundled spec
 * and prints a table per operation and status. Returns 0 when every entry is valid (entries from
 * servers older than the spec covers do not count), 1 when one is not.
 */
export function evidence(dirs: string[], io: { out: (line: string) => void }): number {
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
