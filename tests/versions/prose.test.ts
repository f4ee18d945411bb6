import { describe, expect, it } from 'vitest';
import { loadBundledSpec, type OpenApiDocument } from '../../src/spec.js';
import { proseProblems } from '../../src/versions/prose.js';

// The spec's version notes are checked against its version data (src/versions/prose.ts).
describe('version notes in prose', () => {
  it('name exact versions that the data backs, or say the boundary is approximate', () => {
    expect(proseProblems(loadBundledSpec())).toEqual([]);
  });

  it('the check finds a vague note, and a version no fact begins or ends at', () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 't', version: '0', description: 'Newer versions answer 404. From 11.1 they answer 200.' },
      paths: {
        '/a': {
          get: {
            operationId: 'a',
            'x-grafana-versions': '>=11.1.0',
            description: 'Added in Grafana 11.1. Up to 11.0 it did not exist. In 12.3 nothing changed. About 12.4, boundary approximate: not read.',
            responses: {},
          },
        },
      },
    } as unknown as OpenApiDocument;
    expect(proseProblems(doc).map((p) => `${p.where}: ${p.problem.split(':')[0]}`)).toEqual([
      '/info/description: says "Newer versions" without a version number',
      '/paths//a/get/description: names Grafana 12.3, where no fact of the version data begins or ends',
    ]);
  });
});
