import type { OpenApiDocument } from '../spec.js';

/**
 * A copy of the spec with every schema's `required` list removed. A Grafana test asserts only
 * some fields of a body; validating it against this copy (still strict) checks the types of the
 * fields it gives, and that they are declared, without failing on the fields it leaves out.
 */
export function withoutRequired(doc: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(doc);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    // Parameters' `required: true` is a boolean and stays; only schemas have a list.
    if (Array.isArray(record.required)) delete record.required;
    Object.values(record).forEach(visit);
  };
  visit(copy);
  return copy;
}
