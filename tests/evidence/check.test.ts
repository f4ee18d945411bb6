import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEntryChecker } from '../../src/evidence/check.js';
import type { EvidenceEntry } from '../../src/evidence/entry.js';
import { EvidenceFileError, findEvidenceFiles, loadEvidenceFile } from '../../src/evidence/load.js';
import { redactSecretFields, secretsOfAuthorization, valueRedactor } from '../../src/evidence/redact.js';
import { isBeforeCoverage, OLDEST_COVERED_VERSION } from '../../src/evidence/versions.js';
import { loadBundledSpec, resolveRef } from '../../src/spec.js';

// The checker with deliberately wrong entries: each kind of mismatch is reported, and the
// right entries pass. Wrong entries live here, never under tests/evidence/ (the corpus test
// checks every file there).
const doc = loadBundledSpec();
const check = createEntryChecker(doc);
const example = (name: string) => structuredClone(resolveRef<{ value: Record<string, unknown> }>(doc, { $ref: `#/components/examples/${name}` }).value);
const work = mkdtempSync(join(tmpdir(), 'gac-evidence-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function entry(response: EvidenceEntry['response'], request: Partial<EvidenceEntry['request']> = {}, more: Partial<EvidenceEntry> = {}): EvidenceEntry {
  return {
    kind: 'published-response',
    source: { url: 'https://example.com/issue/1' },
    grafanaVersion: '11.4.0',
    confidence: 'server-output',
    request: { method: 'GET', pathTemplate: '/api/users/{id}', path: '/api/users/2', ...request },
    response,
    ...more,
  };
}

describe('createEntryChecker', () => {
  it('accepts a body that is valid against the documented schema', () => {
    expect(check(entry({ status: 200, body: example('UserProfileJane') }))).toEqual({ outcome: 'valid', operationId: 'getUserById', problems: [] });
  });

  it('fails a property the spec does not declare (strict)', () => {
    const verdict = check(entry({ status: 200, body: { ...example('UserProfileJane'), favouriteColour: 'green' } }));
    expect(verdict.outcome).toBe('invalid');
    expect(verdict.problems).toEqual(['body (root): property "favouriteColour" is not declared in the spec']);
  });

  it('fails a field of the wrong type and a missing required field', () => {
    const body: Record<string, unknown> = { ...example('UserProfileJane'), id: 'two' };
    delete body.login;
    const verdict = check(entry({ status: 200, body }));
    expect(verdict.outcome).toBe('invalid');
    expect(verdict.problems.join('\n')).toMatch(/\/id: must be integer/);
    expect(verdict.problems.join('\n')).toMatch(/must have required property 'login'/);
  });

  it('fails a status the spec does not document, and names the documented ones', () => {
    const verdict = check(entry({ status: 418, body: { message: 'teapot' } }));
    expect(verdict.problems).toEqual(['status 418 is not documented for getUserById (documented: 200, 400, 401, 403, 404, 500)']);
  });

  it('fails an operation the spec does not have, with a hint when only the parameter name differs', () => {
    expect(check(entry({ status: 200 }, { pathTemplate: '/api/users/{userId}' })).problems).toEqual(['GET /api/users/{userId} is not an operation of the spec (the spec\'s template is /api/users/{id})']);
    expect(check(entry({ status: 200 }, { pathTemplate: '/api/nothing/here' }))).toMatchObject({ outcome: 'invalid', operationId: null });
  });

  it('fails a concrete path that the template does not match (published and recorded entries)', () => {
    expect(check(entry({ status: 200, body: example('UserProfileJane') }, { path: '/api/user' })).problems).toEqual(['request.path "/api/user" does not match /api/users/{id}']);
  });

  it('fails a body on a status documented without one, and an undocumented content type', () => {
    const put = { method: 'PUT' as const, pathTemplate: '/api/user', path: '/api/user' };
    expect(check(entry({ status: 304, body: { message: 'Endpoint only available for users' } }, put)).problems[0]).toMatch(/^status 304 is documented without a body/);
    expect(check(entry({ status: 200, contentType: 'text/html', body: '<html></html>' })).problems[0]).toMatch(/^content type "text\/html" is not documented/);
  });

  it('checks only the given fields of a partial body: types and declared names, not missing ones', () => {
    const partial = (body: unknown) => check(entry({ status: 200, body, bodyIsPartial: true }, {}, { kind: 'grafana-test', confidence: 'test-assertion', source: { path: 'pkg/api/user_test.go', test: 'TestX' } }));
    expect(partial({ login: 'jane' }).outcome).toBe('valid');
    expect(partial({ login: 7 }).problems).toEqual(['body /login: must be string']);
    expect(partial({ loginName: 'jane' }).problems).toEqual(['body (root): property "loginName" is not declared in the spec']);
  });

  it('checks a message-only entry against an error schema, and fails it where the response is not one', () => {
    const onlyMessage = (status: number, request: Partial<EvidenceEntry['request']> = {}) => check(entry({ status, message: 'user not found' }, request, { kind: 'grafana-test', confidence: 'test-assertion' }));
    expect(onlyMessage(404).outcome).toBe('valid');
    expect(onlyMessage(200).problems).toEqual(['message-only entry: body (root): property "message" is not declared in the spec']);
    expect(onlyMessage(304, { method: 'PUT', pathTemplate: '/api/user', path: '/api/user' }).problems[0]).toMatch(/^status 304 is documented without a body, but the entry asserts the message/);
  });

  it('accepts an entry with a documented status and no body', () => {
    expect(check(entry({ status: 404 })).outcome).toBe('valid');
  });

  it(`reports an entry from a Grafana older than ${OLDEST_COVERED_VERSION} as out of coverage, not as a failure`, () => {
    const verdict = check(entry({ status: 200, body: { email: 'admin@localhost' } }, {}, { grafanaVersion: '7.5.4' }));
    expect(verdict).toEqual({ outcome: 'out-of-coverage', operationId: 'getUserById', problems: [`Grafana 7.5.4 is older than ${OLDEST_COVERED_VERSION}, the oldest version the spec covers`] });
    expect(isBeforeCoverage(null)).toBe(false);
    expect(isBeforeCoverage('v8.0.0-beta1')).toBe(false);
    expect(isBeforeCoverage('12.2.0')).toBe(false);
  });
});

describe('loadEvidenceFile and findEvidenceFiles', () => {
  it('reads a valid file and finds *.json files in nested folders, sorted', () => {
    mkdirSync(join(work, 'a'));
    writeFileSync(join(work, 'b.json'), JSON.stringify({ entries: [entry({ status: 404 })] }));
    writeFileSync(join(work, 'a', 'c.json'), JSON.stringify({ $comment: 'one run', entries: [] }));
    writeFileSync(join(work, 'a', 'notes.txt'), 'not evidence');
    expect(loadEvidenceFile(join(work, 'b.json')).entries).toHaveLength(1);
    expect(findEvidenceFiles([work]).map((f) => f.slice(work.length))).toEqual(['/a/c.json', '/b.json']);
  });

  it('rejects a file that is not JSON or not in the entry format, with one line that names the file and what to do', () => {
    writeFileSync(join(work, 'broken.json'), '{ "entries": [');
    expect(() => loadEvidenceFile(join(work, 'broken.json'))).toThrow(EvidenceFileError);
    expect(() => loadEvidenceFile(join(work, 'broken.json'))).toThrow(/broken\.json: not valid JSON .*; fix or remove the file\.$/);
    const bad = entry({ status: 200 }) as unknown as Record<string, unknown>;
    delete bad.confidence;
    writeFileSync(join(work, 'bad.json'), JSON.stringify({ entries: [bad] }));
    expect(() => loadEvidenceFile(join(work, 'bad.json'))).toThrow(/bad\.json: not an evidence file: entries\/0 must have required property 'confidence'; fix it to match src\/evidence\/entry\.schema\.json\.$/);
    expect(() => findEvidenceFiles([join(work, 'missing')])).toThrow(/missing: cannot read the folder \(ENOENT\)/);
  });
});

describe('redaction for recorded entries', () => {
  it('replaces secret fields at any depth, and leaves other fields alone', () => {
    expect(redactSecretFields({ login: 'jane', password: 'p4ssw0rd', nested: [{ newPassword: 'x', oldPassword: 'y', confirmNew: 'z' }], key: 'glsa_abc', authTokenId: 3, tokens: 2 })).toEqual({
      login: 'jane', password: '<redacted>', nested: [{ newPassword: '<redacted>', oldPassword: '<redacted>', confirmNew: '<redacted>' }], key: '<redacted>', authTokenId: 3, tokens: 2,
    });
  });

  it('finds the secrets of Authorization headers', () => {
    const basic = Buffer.from('admin:s3cret-pass').toString('base64');
    expect(secretsOfAuthorization(`Basic ${basic}`)).toEqual([basic, 'admin:s3cret-pass', 's3cret-pass']);
    expect(secretsOfAuthorization('Bearer glsa_x')).toEqual(['glsa_x']);
    expect(secretsOfAuthorization(undefined)).toEqual([]);
  });

  it('removes long secrets from values, and leaves a short password such as "admin" to the field masking', () => {
    const redact = valueRedactor(['admin', 'glsa_LongTokenValue_0123']);
    expect(redact({ login: 'admin', role: 'Admin', list: ['xadminx', 'echo glsa_LongTokenValue_0123'] })).toEqual({ login: 'admin', role: 'Admin', list: ['xadminx', 'echo ***'] });
  });
});
