import { UsageError } from '../errors.js';
import { parseOptions } from './parse.js';

export const LIST_USAGE = `Usage: grafana-api-contract list

Prints the spec's operations: operationId, method and path, the number of cases against a
Grafana (--url) and against the mock, and the tags. "conformance --only" takes the operationIds
and the tags it shows.

Examples:
  grafana-api-contract list
  grafana-api-contract conformance --mock --only Teams,getUserById`;

/** Parses the list command's arguments (after "list"): none but --help. */
export function parseListArgs(argv: string[]): { command: 'list' } | { command: 'help'; topic: 'list' } {
  const { values, positionals } = parseOptions(argv, { help: { type: 'boolean', short: 'h' } }, { prefix: 'list: ', positionals: true, then: 'it takes no arguments; run "grafana-api-contract list".' });
  if (values.help) return { command: 'help', topic: 'list' };
  if (positionals.length) throw new UsageError(`list takes no arguments, not "${positionals.join(' ')}": run "grafana-api-contract list".`);
  return { command: 'list' };
}

/**
 * The `list` command: every operation of the spec with its method and path, its number of cases
 * against a Grafana (`--url`) and against the mock (which also replays every documented
 * response), and its tags. Names from either column can be given to `--only`.
 */
export async function list(io: { out: (line: string) => void }): Promise<number> {
  // Loaded when the command runs, so that help and usage errors answer without them (see command.ts).
  const { buildCases } = await import('../contract/cases/index.js');
  const { listOperations, loadBundledSpec } = await import('../spec.js');
  const doc = loadBundledSpec();
  const count = (kind: 'url' | 'mock') => {
    const counts = new Map<string, number>();
    for (const c of buildCases(doc, kind)) counts.set(c.operationId, (counts.get(c.operationId) ?? 0) + 1);
    return counts;
  };
  const onServer = count('url');
  const onMock = count('mock');
  const rows = listOperations(doc).map((op) => [op.operationId, `${op.method.toUpperCase()} ${op.path}`, String(onServer.get(op.operationId) ?? 0), String(onMock.get(op.operationId) ?? 0), (op.operation.tags ?? []).join(', ')]);
  const header = ['operation', 'request', 'cases', 'mock', 'tags'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 2 || i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  io.out(line(header));
  for (const row of rows) io.out(line(row));
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  io.out('');
  io.out(`${rows.length} operations; ${total(onServer)} cases against a Grafana (--url), ${total(onMock)} against the mock. --only takes operationIds and tags.`);
  return 0;
}
