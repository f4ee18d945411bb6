import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listOperations, loadBundledSpec, resolveRef } from '../../src/spec.js';

// The walk of every upstream handler (spec/handler-answers/<operationId>.yaml) against the bundled
// spec: every answer a handler can give must be documented, with an example carrying its message.
const DIR = new URL('../../spec/handler-answers/', import.meta.url);
const SCHEMA = JSON.parse(readFileSync(new URL('handler-answers.schema.json', DIR), 'utf8')) as object;
// Operations not walked yet, each with a reason; the file is absent when every operation has been walked.
const MISSING_FILE = new URL('_missing.yaml', DIR);
const COVERED = '>=8.0.0';
const SOURCE_PATTERN = (SCHEMA as { $defs: { answer: { properties: { source: { pattern: string } } } } }).$defs.answer.properties.source.pattern;
const JSON_TYPE = 'application/json';

interface Answer { status: number; message: string | null; contentType?: string; source: string; versions: string; note?: string; read?: string[]; approximate?: string }
interface AnswersFile { operationId: string; answers: Answer[] }
interface MediaType { examples?: Record<string, unknown> }
interface ResponseObject { content?: Record<string, MediaType> }

const doc = loadBundledSpec();
const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));
const validate = new Ajv2020({ allErrors: true }).compile(SCHEMA);
const files = readdirSync(DIR).filter((name) => name.endsWith('.yaml') && !name.startsWith('_')).sort();
const loaded = files.map((name) => [name, parse(readFileSync(new URL(name, DIR), 'utf8')) as AnswersFile] as const);
const missing = existsSync(MISSING_FILE)
  ? (parse(readFileSync(MISSING_FILE, 'utf8')) as { missing: { operationId: string; reason: string }[] }).missing
  : [];

/** The example values documented for one status and media type of an operation. */
function exampleValues(operationId: string, status: number, mediaType: string): unknown[] | undefined {
  const op = operations.get(operationId);
  const response = op?.operation.responses[String(status)];
  if (!response) return undefined;
  const content = resolveRef<ResponseObject>(doc, response as ResponseObject).content ?? {};
  const media = content[mediaType];
  if (!media) return undefined;
  return Object.values(media.examples ?? {}).map((e) => resolveRef<{ value?: unknown }>(doc, e as { value?: unknown }).value);
}

/** Whether an example carries the message: `message` of a JSON object, or the whole text otherwise. */
function carries(value: unknown, message: string, mediaType: string): boolean {
  if (mediaType === JSON_TYPE) return typeof value === 'object' && value !== null && (value as { message?: unknown }).message === message;
  return value === message;
}

/** What the spec does not document of a file's answers: statuses, content types, example messages. */
function undocumented(file: AnswersFile): string[] {
  const op = operations.get(file.operationId);
  if (!op) return [`${file.operationId} is not an operation of the spec`];
  const problems: string[] = [];
  for (const answer of file.answers) {
    const mediaType = answer.contentType ?? JSON_TYPE;
    if (!op.operation.responses[String(answer.status)]) {
      problems.push(`${answer.status} is not documented`);
      continue;
    }
    if (answer.message === null) continue;
    const values = exampleValues(file.operationId, answer.status, mediaType);
    if (!values) problems.push(`${answer.status} has no ${mediaType} content`);
    else if (!values.some((v) => carries(v, answer.message!, mediaType))) problems.push(`${answer.status} ${mediaType} has no example with message "${answer.message}"`);
  }
  return problems;
}

describe('handler-answer files', () => {
  it('are found', () => {
    expect(loaded.length).toBeGreaterThan(0);
  });

  it.each(loaded)('%s matches the format and is named after its operation', (name, file) => {
    const ok = validate(file);
    expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    expect(name).toBe(`${file.operationId}.yaml`);
    for (const answer of file.answers) {
      expect(semver.validRange(answer.versions), `${answer.status} versions "${answer.versions}"`).not.toBeNull();
      expect(semver.intersects(answer.versions, COVERED), `${answer.status} versions "${answer.versions}" are not within ${COVERED}`).toBe(true);
    }
  });

  it('the format refuses an answer without a file#function source, a message, or with unknown keys', () => {
    const bad = { operationId: 'getUserById', answers: [{ status: 404, source: 'user.go', versions: '>=8.0.0', extra: 1 }] };
    expect(validate(bad)).toBe(false);
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.message}`).sort()).toEqual([
      '/answers/0 must NOT have additional properties',
      "/answers/0 must have required property 'message'",
      `/answers/0/source must match pattern "${SOURCE_PATTERN}"`,
    ]);
  });

  it.each(loaded)('%s: every answer is documented, with an example of its message', (_name, file) => {
    expect(undocumented(file)).toEqual([]);
  });

  it('the check finds an undocumented status, a message no example carries, and a wrong content type', () => {
    const answer = { source: 'pkg/api/user.go#GetUserByID', versions: '>=8.0.0' };
    const made = {
      operationId: 'getUserById',
      answers: [
        { ...answer, status: 418, message: null },
        { ...answer, status: 404, message: 'no example says this' },
        { ...answer, status: 404, message: 'user not found', contentType: 'text/plain' },
        { ...answer, status: 404, message: 'user not found' },
      ],
    };
    expect(undocumented(made)).toEqual([
      '418 is not documented',
      '404 application/json has no example with message "no example says this"',
      '404 has no text/plain content',
    ]);
    expect(undocumented({ ...made, operationId: 'noSuchOperation' })).toEqual(['noSuchOperation is not an operation of the spec']);
  });
});

describe('where the answers were read', () => {
  const lines = new Set(doc['x-grafana-releases'] as string[]);

  it('names release lines the version data knows, or main', () => {
    const unknown = loaded.flatMap(([name, file]) =>
      file.answers.flatMap((a) => (a.read ?? []).filter((r) => r.split(' ')[0] !== 'main' && !lines.has(r.split(' ')[0]!.split('.').slice(0, 2).join('.'))).map((r) => `${name}: ${a.status} ${a.message}: ${r}`)),
    );
    expect(unknown).toEqual([]);
  });

  it('every operation\'s file says where its answers were read, but those listed here with why', () => {
    const notRead: Record<string, string> = {
      'getFrontendSettings.yaml': 'added after the walk: the handler and route were read through the search index in copies that name no release (see its note)',
      'getHealth.yaml': 'the walk read its handler (pkg/api/http_server.go) but recorded no release line',
    };
    const unread = loaded.filter(([, file]) => !file.answers.some((a) => a.read?.length)).map(([name]) => name);
    expect(unread.sort()).toEqual(Object.keys(notRead).sort());
  });
});

describe('the walk covers the spec', () => {
  const walked = new Set(loaded.map(([, f]) => f.operationId));

  it('has a file for every operation, or names it in _missing.yaml with a reason (and names nothing else there)', () => {
    const allowed = new Set(missing.map((m) => m.operationId));
    const unwalked = [...operations.keys()].filter((id) => !walked.has(id) && !allowed.has(id));
    const stale = missing
      .filter((m) => !operations.has(m.operationId) || walked.has(m.operationId) || m.reason.trim().length < 10)
      .map((m) => `${m.operationId}: not an operation, already walked, or no reason`);
    expect({ unwalked, stale }).toEqual({ unwalked: [], stale: [] });
    expect(walked.size + allowed.size).toBeGreaterThanOrEqual(operations.size);
  });
});
