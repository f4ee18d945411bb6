import { listOperations, loadBundledSpec, pathTemplatePattern, resolveRef } from '../../../src/spec.js';
import { startTestServer, sendJson, type RecordedRequest } from '../../support/http-server.js';

// A fake server for the wire check, not evidence of Grafana's behaviour: it records every request
// and answers with the spec's own first documented success example for the matched operation.
const spec = loadBundledSpec();
const operations = listOperations(spec).map((op) => ({ ...op, pattern: pathTemplatePattern(op.path) }));

interface Answer { status: number; body: unknown }
interface Media { examples?: Record<string, unknown>; example?: unknown }

/** The first success status of the operation at (method, path), with its first example. */
export function answerFor(method: string, pathname: string): Answer | null {
  const op = operations.find((o) => o.method === method.toLowerCase() && o.pattern.test(pathname));
  if (!op) return null;
  const [status, response] = Object.entries(op.operation.responses).find(([code]) => /^2\d\d$/.test(code)) ?? [];
  if (!status) return null;
  const media = resolveRef<{ content?: Record<string, Media> }>(spec, response as never).content?.['application/json'];
  const firstExample = media?.examples ? resolveRef<{ value: unknown }>(spec, Object.values(media.examples)[0] as never).value : media?.example;
  return { status: Number(status), body: firstExample ?? null };
}

export async function startRecordingServer() {
  return startTestServer((req: RecordedRequest, res) => {
    const { pathname } = new URL(req.url, 'http://recorder');
    const answer = answerFor(req.method, pathname);
    if (!answer) sendJson(res, 404, { message: `no operation of the spec is ${req.method} ${pathname}` });
    else if (answer.status === 204 || answer.body === null) { res.writeHead(answer.status); res.end(); }
    else sendJson(res, answer.status, answer.body);
  });
}
