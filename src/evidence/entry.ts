/** The evidence entry format; `entry.schema.json` beside this file is the authority. */
export type EntryKind = 'published-response' | 'recorded-run' | 'grafana-test';
export type Confidence = 'server-output' | 'likely-server-output' | 'test-assertion';

export interface EvidenceEntry {
  kind: EntryKind;
  source: { url?: string; repository?: string; path?: string; commit?: string; test?: string; scenario?: string; recordedAt?: string };
  grafanaVersion: string | null;
  confidence: Confidence;
  request: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    pathTemplate: string;
    path?: string;
    query?: Record<string, string>;
    caller?: string;
    body?: unknown;
  };
  response: {
    status: number;
    contentType?: string;
    body?: unknown;
    bodyIsPartial?: boolean;
    message?: string;
  };
  notes?: string;
}

export interface EvidenceFile {
  $comment?: string;
  entries: EvidenceEntry[];
}

/**
 * The JSON Schema of an evidence file. Read from src/ (also from dist/, which sits at the same
 * depth); the package ships the file for that reason.
 */
export const ENTRY_SCHEMA_URL = new URL('../../src/evidence/entry.schema.json', import.meta.url);

/** A short name for an entry in tables and test titles. */
export function describeEntry(entry: EvidenceEntry): string {
  const where = entry.source.test ?? entry.source.scenario ?? entry.source.url ?? entry.source.path ?? entry.kind;
  return `${entry.request.method} ${entry.request.pathTemplate} ${entry.response.status} (${where})`;
}
