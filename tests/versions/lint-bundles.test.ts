import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { contractFor, versionsWorthChecking, type OpenApiForm } from '../../src/versions/index.js';
import { checkOnce, packageVersion, type ExecResult } from '../support/run-cache.js';

// Every bundle a user can get from `spec --grafana-version` lints clean with the project's strict
// Redocly config, in both forms. Between two versions worth checking (each release line and each
// boundary of the data) every cut is the same, so these cover every version.
const ROOT = new URL('../../', import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'gac-lint-bundles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * What the project's own ignore file tells Redocly to ignore in the union (with the reasons given
 * there), carried over to each bundle, plus one fact of the data: GET /api/user/quotas answers 400
 * whatever the request from Grafana 9.4 (errata E66), so its bundles from 9.4 have no 2XX there.
 */
function ignoresFor(file: string, form: OpenApiForm, version: string): Record<string, string[]> {
  const project = parse(readFileSync(new URL('.redocly.lint-ignore.yaml', ROOT), 'utf8')) as Record<string, Record<string, string[]>>;
  const union = form === '3.1' ? project['spec/openapi.yaml']! : project['generated/openapi-3.0.json']!;
  const ignores: Record<string, string[]> = {
    'no-ambiguous-paths': union['no-ambiguous-paths']!,
    'operation-4xx-response': project['generated/openapi-3.0.json']!['operation-4xx-response']!,
  };
  if (contractFor(version).document.paths['/api/user/quotas'] && !('200' in ((contractFor(version).document.paths['/api/user/quotas'] as { get: { responses: object } }).get.responses))) {
    ignores['operation-2xx-response'] = ['#/paths/~1api~1user~1quotas/get/responses'];
  }
  return { [file]: ignores } as never;
}

describe('the bundle of every version lints clean', () => {
  it('with the project\'s Redocly config, in the 3.1 and the 3.0 form', async () => {
    const versions = versionsWorthChecking();
    const files: string[] = [];
    const ignore: Record<string, unknown> = {};
    for (const version of versions) {
      for (const form of ['3.1', '3.0'] as const) {
        const name = `grafana-${version}-${form}.json`;
        writeFileSync(join(work, name), JSON.stringify(contractFor(version, form).document));
        Object.assign(ignore, ignoresFor(name, form, version));
        files.push(name);
      }
    }
    // The project's rules, without its `apis` (the union, linted by npm run lint).
    const { apis: _apis, ...config } = parse(readFileSync(new URL('redocly.yaml', ROOT), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(work, 'redocly.yaml'), stringify(config));
    writeFileSync(join(work, '.redocly.lint-ignore.yaml'), stringify(ignore));
    const redocly = new URL('node_modules/.bin/redocly', ROOT).pathname;
    const clean = (result: ExecResult) => `${result.stdout}${result.stderr}`.split('\n').filter((line) => !/[║╔╚]/.test(line)).join('\n');
    // The folder holds every bundle, the config and the ignore file: a passing lint of the same
    // bytes with the same Redocly is replayed from the run cache.
    const result = await checkOnce({ tool: `redocly ${packageVersion('@redocly/cli')}`, args: ['lint', ...files, '--format=summary'], inputs: [work] }, async () => {
      const run = spawnSync(redocly, ['lint', ...files, '--format=summary'], { cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
    }, (run) => run.code === 0 && !/error|warning/i.test(clean(run)));
    const output = clean(result);
    expect(versions.length * 2).toBe(files.length);
    expect(output.match(/error|warning/gi) ?? [], output.slice(-3000)).toEqual([]);
    expect(result.code, output.slice(-3000)).toBe(0);
  }, 600_000);
});
