import type { OpenApiDocument } from '../spec.js';
import { boundaryVersions, versionedFacts } from './facts.js';

// The version notes in the spec's prose, checked against the version data (spec/VERSIONS.md):
// a sentence that speaks of "newer versions" names a number, and every Grafana version that
// prose names is where some fact of the data begins or ends (or the last release before that),
// unless the sentence marks it as an approximate boundary ("about 12.4, boundary approximate").

const VAGUE = /\b(newer|older|newest|recent|later|earlier)\s+(Grafana\s+)?versions?\b/i;
const VERSION = /(?<![\d.\w-])(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?(?![\d.]*\d)/g;
const APPROXIMATE = /\babout\b[^.]*\bapproximate\b|\bapproximate\b/i;

export interface ProseProblem {
  where: string;
  problem: string;
}

/** Every description and summary of the document, with its JSON pointer. */
function texts(doc: OpenApiDocument): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${pointer}/${i}`));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'description' || key === 'summary') && typeof value === 'string') found.push([`${pointer}/${key}`, value]);
      // Example values and the handler answers are data, not prose.
      else if (!['x-grafana-answers', 'example', 'examples', 'value'].includes(key) || (key === 'examples' && !Array.isArray(value))) walk(value, `${pointer}/${key}`);
    }
  };
  walk(doc, '');
  return found;
}

/** The next patch, minor and major release after a version: a version named as the last one before a boundary. */
function followers(version: string): string[] {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return [`${major}.${minor}.${patch + 1}`, `${major}.${minor + 1}.0`, `${major + 1}.0.0`];
}

/** What the prose of a document says of versions that the data does not back. */
export function proseProblems(doc: OpenApiDocument, boundaries = new Set(boundaryVersions(versionedFacts(doc)))): ProseProblem[] {
  const problems: ProseProblem[] = [];
  for (const [where, text] of texts(doc)) {
    for (const sentence of text.split(/(?<=[.;])\s+|\n\n/)) {
      if (VAGUE.test(sentence) && !/\d+\.\d+/.test(sentence)) problems.push({ where, problem: `says "${VAGUE.exec(sentence)![0]}" without a version number: ${sentence.trim().slice(0, 100)}` });
      if (APPROXIMATE.test(sentence)) continue;
      for (const match of sentence.matchAll(VERSION)) {
        const major = Number(match[1]);
        // Grafana 8.0 to 13.x; other numbers (7.x as history, sizes, dates) are not version notes.
        if (major < 8 || major > 13) continue;
        const version = `${major}.${Number(match[2])}.${Number(match[3] ?? 0)}`;
        if (!boundaries.has(version) && !followers(version).some((v) => boundaries.has(v))) {
          problems.push({ where, problem: `names Grafana ${match[0]}, where no fact of the version data begins or ends: ${sentence.trim().slice(0, 100)}` });
        }
      }
    }
  }
  return problems;
}
