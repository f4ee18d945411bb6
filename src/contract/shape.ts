/** The JSON type of a value, with `integer` told apart from other numbers. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Compares the shape of `actual` with `expected`: the same object keys and the same JSON types,
 * recursively (array items are compared with the expected array's first item). Returns problems,
 * each starting with the JSON pointer of the value (`(root)` for the whole body), as schema errors do.
 */
export function shapeDifferences(expected: unknown, actual: unknown, pointer = ''): string[] {
  const where = pointer || '(root)';
  const te = jsonType(expected);
  const ta = jsonType(actual);
  if (te !== ta) return [`${where}: expected ${te}, got ${ta}`];
  if (te === 'array') {
    const [first] = expected as unknown[];
    if (first === undefined) return [];
    return (actual as unknown[]).flatMap((item, i) => shapeDifferences(first, item, `${pointer}/${i}`));
  }
  if (te !== 'object') return [];
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(e)) if (!(key in a)) problems.push(`${where}: missing key "${key}"`);
  for (const key of Object.keys(a)) if (!(key in e)) problems.push(`${where}: unexpected key "${key}"`);
  for (const key of Object.keys(e)) if (key in a) problems.push(...shapeDifferences(e[key], a[key], `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return problems;
}
