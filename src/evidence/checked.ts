import type { OpenApiDocument } from '../spec.js';
import { createEntryChecker, createVersionedEntryChecker, type EntryVerdict } from './check.js';
import type { EvidenceEntry } from './entry.js';
import { loadEvidenceFile } from './load.js';

/** One entry of one file, with what the check found. */
export interface CheckedEntry {
  file: string;
  /** 0-based position in the file's `entries`. */
  index: number;
  entry: EvidenceEntry;
  verdict: EntryVerdict;
}

/**
 * Loads and checks every entry of the files, in file and entry order: against `doc`, or else each
 * against the contract of the Grafana version it names. Throws EvidenceFileError for a bad file.
 */
export function checkEvidenceFiles(files: string[], doc?: OpenApiDocument): CheckedEntry[] {
  const check = doc ? createEntryChecker(doc) : createVersionedEntryChecker();
  return files.flatMap((file) => loadEvidenceFile(file).entries.map((entry, index) => ({ file, index, entry, verdict: check(entry) })));
}
