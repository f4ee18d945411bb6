import { readFileSync } from 'node:fs';
import { startTestServer, sendJson, type RecordedRequest } from '../../support/http-server.js';

// A fake server for the wire check, not evidence of Grafana's behaviour: it records every request
// and answers with the spec's own first documented success example for the matched operation.
const spec = JSON.parse(readFileSync(new URL('../../../generated/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
  components: Record<string, Record<string, unknown>>;
};

function deref<T>(value: T): T {
  let v = value as unknown as { $ref?: string };
  while (v && typeof v === 'object' && typeof v.$ref === 'string') {
    const [, , kind, name] = v.$ref.split('/');
    v = spec.components[kind!]![name!] as { $ref?: string };
  }
  return v as unknown as T;
}

interface Answer { status: number; body: unknown }

/** The first success status of the operation at (method, path), with its first example. */
export function answerFor(method: string, pathname: string): Answer | null {
  for (const [template, item] of Object.entries(spec.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const op = item[method.toLowerCase()];
    if (!op || !pattern.test(pathname)) continue;
    const [status, response] = Object.entries(op.responses ?? {}).find(([code]) => /^2\d\d$/.test(code)) ?? [];
    if (!status) return null;
    const media = (deref(response) as { content?: Record<string, { examples?: Record<string, unknown>; example?: unknown }> }).content?.['application/json'];
    const firstExample = media?.examples ? deref(Object.values(media.examples)[0] as { value: unknown }).value : media?.example;
    return { status: Number(status), body: firstExample ?? null };
  }
  return null;
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
