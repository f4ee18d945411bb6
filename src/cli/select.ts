import { closest, distance } from 'fastest-levenshtein';
import { UsageError } from '../errors.js';
import type { SpecOperation } from '../spec.js';

/**
 * Resolves the names given to `--only` to operationIds: each name is an operationId (exact) or a
 * tag (case-insensitive, e.g. `Teams` or `teams`). An unknown name is a one-line error that suggests
 * the nearest operationId or tag.
 */
export function resolveOnly(names: string[], operations: SpecOperation[]): string[] {
  const ids = new Set<string>();
  const tags = new Map<string, string[]>();
  for (const op of operations) {
    for (const tag of op.operation.tags ?? []) tags.set(tag.toLowerCase(), [...(tags.get(tag.toLowerCase()) ?? []), op.operationId]);
  }
  const known = new Set(operations.map((op) => op.operationId));
  for (const name of names) {
    const id = known.has(name) ? name : undefined;
    const tagged = tags.get(name.toLowerCase());
    if (id) ids.add(id);
    else if (tagged) tagged.forEach((t) => ids.add(t));
    else throw new UsageError(`--only: no operationId or tag "${name}"${didYouMean(name, candidatesOf(operations))}; run "grafana-api-contract list" to see them.`);
  }
  return [...ids];
}

function candidatesOf(operations: SpecOperation[]): string[] {
  return [...new Set([...operations.map((op) => op.operationId), ...operations.flatMap((op) => op.operation.tags ?? [])])];
}

/** ` (did you mean X?)` for the nearest candidate, when it is a near miss; otherwise nothing. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const nearest = closest(name, [...candidates]);
  // Only a near miss is a suggestion: at most a third of the name's letters differ.
  return distance(name.toLowerCase(), nearest.toLowerCase()) <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean ${nearest}?)` : '';
}
