import { SchemaValidator } from './schema-validator.js';
import { shapeDifferences } from './shape.js';
import { bodySchemaPointer, resolveRef, type OpenApiDocument, type SpecOperation } from '../spec.js';

export interface ReceivedResponse {
  status: number;
  contentType: string | null;
  /** The raw body text. */
  text: string;
}

interface ResponseObject { content?: Record<string, { examples?: Record<string, unknown> }> }

/**
 * Checks a response against the spec: the status is the expected one and is documented, the
 * content type is the documented one, the body is valid against the schema (strict or not), and,
 * when asked, has the shape of a documented example. Returns the problems and the parsed body.
 */
export function checkResponse(
  doc: OpenApiDocument,
  validator: SchemaValidator,
  op: SpecOperation,
  expected: { status: number; example?: string },
  received: ReceivedResponse,
): { problems: string[]; body: unknown } {
  const problems: string[] = [];
  if (received.status !== expected.status) problems.push(`expected status ${expected.status}, got ${received.status}`);
  const documented = op.operation.responses[String(received.status)];
  if (!documented) {
    problems.push(`status ${received.status} is not documented for ${op.operationId}`);
    return { problems, body: parseBody(received.text) };
  }
  const response = resolveRef<ResponseObject>(doc, documented as ResponseObject);
  const mediaTypes = Object.keys(response.content ?? {});
  if (mediaTypes.length === 0) {
    if (received.text.trim() !== '') problems.push(`status ${received.status} is documented without a body, got ${received.text.length} bytes`);
    return { problems, body: undefined };
  }
  const mediaType = (received.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!mediaTypes.includes(mediaType)) {
    problems.push(`content type "${received.contentType ?? ''}" is not documented (expected ${mediaTypes.join(' or ')})`);
    return { problems, body: parseBody(received.text) };
  }
  let body: unknown;
  try {
    body = JSON.parse(received.text);
  } catch {
    problems.push(`body is not valid JSON: ${received.text.slice(0, 80)}`);
    return { problems, body: undefined };
  }
  const pointer = bodySchemaPointer(op, { status: String(received.status) }, mediaType);
  problems.push(...validator.validateAt(pointer, body).map((p) => `body ${p}`));

  if (expected.example && received.status === expected.status) {
    const example = response.content?.[mediaType]?.examples?.[expected.example];
    if (!example) problems.push(`no example "${expected.example}" documented for status ${received.status}`);
    else {
      const value = resolveRef<{ value?: unknown }>(doc, example as never).value;
      problems.push(...shapeDifferences(value, body).map((p) => `shape of example "${expected.example}": ${p}`));
    }
  }
  return { problems, body };
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
