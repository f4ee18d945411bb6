import type { CaseResult } from '../contract/types.js';

/** A failed case's problem, as a person reads it: what kind, where in the body, and what. */
export interface Problem {
  kind: 'schema' | 'status' | 'shape' | 'other';
  /** The JSON pointer of the offending value in the response body (`(root)` for the whole body). */
  pointer?: string;
  text: string;
}

const SCHEMA = /^body ((?:\(root\)|\/\S*)): (.*)$/;
const SHAPE = /^shape of example "[^"]*": ((?:\(root\)|\/\S*)): (.*)$/;
const ORDER: Record<Problem['kind'], number> = { schema: 0, status: 1, other: 2, shape: 3 };

/**
 * A case's problems, each distinct one once, schema errors first. A difference from the
 * documented example that a schema error already names (the same value, the same missing or
 * undeclared key, a wrong type) is left out: it is the same problem said twice. The JSON report
 * keeps the full list.
 */
export function distinctProblems(result: Pick<CaseResult, 'problems'>): Problem[] {
  const parsed = [...new Set(result.problems)].map(parseProblem);
  const schema = parsed.filter((p) => p.kind === 'schema');
  const sameAsSchema = (p: Problem) => schema.some((s) => s.pointer === p.pointer && saySame(s.text, p.text));
  return parsed.filter((p) => p.kind !== 'shape' || !sameAsSchema(p)).sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}

/** One line for a problem: the pointer, then what is wrong. */
export function problemLine(p: Problem): string {
  return p.pointer ? `${p.pointer}: ${p.text}` : p.text;
}

function parseProblem(text: string): Problem {
  const schema = SCHEMA.exec(text);
  if (schema) return { kind: 'schema', pointer: schema[1]!, text: schema[2]! };
  const shape = SHAPE.exec(text);
  if (shape) return { kind: 'shape', pointer: shape[1]!, text: `differs from the documented example: ${shape[2]!}` };
  return { kind: /^expected status \d+, got \d+$|^status \d+ is not documented/.test(text) ? 'status' : 'other', text };
}

/** Whether a schema error and an example difference at the same pointer name the same thing. */
function saySame(schemaText: string, shapeText: string): boolean {
  const key = /(?:missing|unexpected) key "([^"]+)"/.exec(shapeText)?.[1];
  if (key) return schemaText.includes(`'${key}'`) || schemaText.includes(`"${key}"`);
  return /expected \w+, got \w+/.test(shapeText) && /^must be /.test(schemaText);
}
