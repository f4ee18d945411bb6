import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Exchange, TargetKind } from '../contract/types.js';
import type { EvidenceEntry, EvidenceFile } from './entry.js';
import { redactSecretFields, secretsOfAuthorization, valueRedactor } from './redact.js';

export interface RecordedTarget {
  kind: TargetKind;
  baseUrl: string;
  grafanaVersion: string | null;
}

export interface Recorder {
  /** Takes one exchange of the run (the runner's `onExchange`). */
  add(exchange: Exchange): void;
  /** Writes the run's entries as one evidence file in `dir` and returns its path. */
  write(dir: string, tool: { name: string; version: string }): string;
}

/** Creates the `--record` folder before the run, so that a run is not wasted on a folder that cannot be written. */
export function prepareRecordFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new UsageError(`--record ${dir}: cannot write to the folder (${(err as NodeJS.ErrnoException).code ?? 'error'}); pass a folder you can write to.`);
  }
}

/**
 * Collects a run's requests and responses as `recorded-run` entries. Headers are not kept
 * (except the content type); secret fields become `<redacted>`, and every known secret (the
 * run's credentials, the fixtures' password and token, whatever an Authorization header
 * carried) is removed from all values before the file is written.
 */
export function createRecorder(target: RecordedTarget, secrets: Array<string | undefined>, caseOrder: string[] = []): Recorder {
  const startedAt = new Date().toISOString();
  const known = new Set(secrets.filter((s): s is string => Boolean(s)));
  const recorded: Array<{ case: string; entry: EvidenceEntry }> = [];
  const url = withoutCredentials(target.baseUrl);
  return {
    add(exchange) {
      secretsOfAuthorization(exchange.authorization).forEach((s) => known.add(s));
      recorded.push({ case: exchange.case, entry: toEntry(exchange, target, url) });
    },
    write(dir, tool) {
      // Case order, not completion order, so that two runs of the same server diff cleanly.
      const rank = new Map(caseOrder.map((id, i) => [id, i]));
      const sorted = [...recorded].sort((a, b) => (rank.get(a.case) ?? rank.size) - (rank.get(b.case) ?? rank.size) || a.case.localeCompare(b.case));
      const redact = valueRedactor(known);
      const file: EvidenceFile = {
        $comment: `Recorded by ${tool.name} ${tool.version} (conformance --record) from ${target.kind} ${url}${target.grafanaVersion ? `, Grafana ${target.grafanaVersion}` : ''}, ${startedAt}.`,
        entries: sorted.map(({ entry }) => removeSecrets(entry, redact)),
      };
      mkdirSync(dir, { recursive: true });
      const server = target.kind === 'mock' ? 'mock' : `grafana-${(target.grafanaVersion ?? 'unknown').replace(/[^\w.+-]/g, '_')}`;
      const name = `recorded-${server}-${startedAt.replace(/[:.]/g, '-')}.json`;
      const path = join(dir, name);
      writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
      return path;
    },
  };
}

function toEntry(exchange: Exchange, target: RecordedTarget, url: string): EvidenceEntry {
  const requestBody = typeof exchange.requestBody === 'string' ? parseJson(exchange.requestBody) : exchange.requestBody;
  const responseBody = exchange.text.trim() === '' ? undefined : parseJson(exchange.text);
  return {
    kind: 'recorded-run',
    source: { url, scenario: exchange.case, recordedAt: new Date().toISOString() },
    // The mock answers as a version but is no Grafana: its entries name none, and are checked against the union.
    grafanaVersion: target.kind === 'mock' ? null : target.grafanaVersion,
    confidence: 'server-output',
    request: {
      method: exchange.method as EvidenceEntry['request']['method'],
      pathTemplate: exchange.pathTemplate,
      path: exchange.path,
      ...(Object.keys(exchange.query).length ? { query: exchange.query } : {}),
      caller: exchange.caller,
      ...(requestBody === undefined ? {} : { body: redactSecretFields(requestBody) }),
    },
    response: {
      status: exchange.status,
      ...(exchange.contentType ? { contentType: exchange.contentType } : {}),
      ...(responseBody === undefined ? {} : { body: redactSecretFields(responseBody) }),
    },
    ...(target.kind === 'mock' ? { notes: "Recorded from the Prism mock of the spec: the spec's own examples, not a Grafana server's answers." } : {}),
  };
}

/** Applies a secret-value redactor to what came from the run: bodies, query and path parameters (not the template). */
function removeSecrets(entry: EvidenceEntry, redact: (value: unknown) => unknown): EvidenceEntry {
  const { request, response } = entry;
  const template = request.pathTemplate.split('/');
  const path = request.path?.split('/').map((segment, i) => (template[i]?.startsWith('{') ? (redact(segment) as string) : segment)).join('/');
  return {
    ...entry,
    request: { ...request, path, query: redact(request.query) as Record<string, string> | undefined, body: redact(request.body) },
    response: { ...response, body: redact(response.body) },
  };
}

/** JSON when the text is JSON, else the text itself (a malformed body is recorded as sent). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function withoutCredentials(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return baseUrl;
  }
}
