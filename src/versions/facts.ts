import semver from 'semver';
import { HTTP_METHODS, type OpenApiDocument } from '../spec.js';

/** One fact of the union document that holds in some Grafana versions only. */
export interface VersionedFact {
  kind: 'operation' | 'parameter' | 'property' | 'required' | 'enum-value' | 'name' | 'media-type' | 'example' | 'response' | 'accepts-uid' | 'answer';
  /** Where it is: a JSON pointer into the union, with the operationId for answers. */
  where: string;
  /** The semver range of the versions that have it (for `accepts-uid`: `>=` its first version). */
  range: string;
  /** Why a boundary is not exact, where the data says so. */
  approximate?: string;
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const segment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every versioned fact of the union document (spec/VERSIONS.md), in document order. */
export function versionedFacts(union: OpenApiDocument): VersionedFact[] {
  const facts: VersionedFact[] = [];
  const walk = (node: unknown, pointer: string, parentKey: string, grandKey: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${pointer}/${i}`, String(i), parentKey));
    if (!isNode(node)) return;
    const approximate = typeof node['x-grafana-versions-approximate'] === 'string' ? (node['x-grafana-versions-approximate'] as string) : undefined;
    if (typeof node['x-grafana-versions'] === 'string') facts.push({ kind: kindOf(node, parentKey, grandKey), where: pointer, range: node['x-grafana-versions'] as string, ...(approximate ? { approximate } : {}) });
    if (typeof node['x-grafana-required'] === 'string') facts.push({ kind: 'required', where: pointer, range: node['x-grafana-required'] as string });
    if (typeof node['x-grafana-accepts-uid'] === 'string') facts.push({ kind: 'accepts-uid', where: pointer, range: `>=${node['x-grafana-accepts-uid'] as string}`, ...(approximate ? { approximate } : {}) });
    if (isNode(node['x-grafana-names'])) {
      for (const [name, range] of Object.entries(node['x-grafana-names'])) facts.push({ kind: 'name', where: `${pointer} as ${name}`, range: String(range), ...(approximate ? { approximate } : {}) });
    }
    if (isNode(node['x-grafana-enum-versions'])) {
      for (const [value, range] of Object.entries(node['x-grafana-enum-versions'])) facts.push({ kind: 'enum-value', where: `${pointer}/enum(${value})`, range: String(range) });
    }
    if (Array.isArray(node['x-grafana-answers'])) {
      (node['x-grafana-answers'] as Array<{ status: number; message: string | null; versions: string; approximate?: string }>).forEach((a, i) =>
        facts.push({ kind: 'answer', where: `${pointer}/x-grafana-answers/${i} ${node.operationId as string} ${a.status} ${a.message ?? ''}`.trim(), range: a.versions, ...(a.approximate ? { approximate: a.approximate } : {}) }),
      );
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'x-grafana-answers') walk(value, `${pointer}/${segment(key)}`, key, parentKey);
  };
  walk(union, '', '', '');
  return facts;
}

function kindOf(node: Node, parentKey: string, grandKey: string): VersionedFact['kind'] {
  if (typeof node.operationId === 'string') return 'operation';
  if (typeof node.in === 'string' && typeof node.name === 'string') return 'parameter';
  if (grandKey === 'properties') return 'property';
  if (grandKey === 'content') return 'media-type';
  if (grandKey === 'responses' || (parentKey.length === 3 && /^\d{3}$/.test(parentKey))) return 'response';
  if ('value' in node || grandKey === 'examples') return 'example';
  return 'property';
}

/**
 * Every version at which some fact begins or ends, sorted: the versions where one cut can
 * differ from the one before. With the release lines, they are the versions worth checking.
 */
export function boundaryVersions(facts: readonly VersionedFact[]): string[] {
  const found = new Set<string>();
  for (const fact of facts) {
    for (const comparators of new semver.Range(fact.range).set) {
      for (const comparator of comparators) if (comparator.semver.version !== '0.0.0') found.add(comparator.semver.version);
    }
  }
  return [...found].sort(semver.compare);
}

/** The operations of the union and the versions that have them (`>=8.0.0` where the data names none). */
export function operationRanges(union: OpenApiDocument): Array<{ operationId: string; method: string; path: string; range: string; approximate?: string }> {
  const result = [];
  for (const [path, item] of Object.entries(union.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as Node | undefined;
      if (!op) continue;
      const approximate = op['x-grafana-versions-approximate'] as string | undefined;
      result.push({ operationId: op.operationId as string, method: method.toUpperCase(), path, range: (op['x-grafana-versions'] as string | undefined) ?? '>=8.0.0', ...(approximate ? { approximate } : {}) });
    }
  }
  return result;
}
