import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TOOL } from '../../tool.js';
import { describeViolations } from './violations.js';

/**
 * The header on every answer of the mock: this tool's version. A `--url` run that finds it says
 * that the target is the mock, not a Grafana (src/contract/targets/probe.ts).
 */
export const MOCK_HEADER = 'X-Grafana-Api-Contract-Mock';

export interface RouterFront {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Where the front listens: a free loopback port unless given. */
export interface ListenOn {
  host?: string;
  port?: number;
}

/** One request the mock answered, for its log. */
export interface MockAnswer {
  method: string;
  /** The path and query as the client sent them. */
  path: string;
  status: number;
  /** Why the contract refused the request (Prism's request validation), if it did. */
  violations: string[];
}

export interface FrontOptions extends ListenOn {
  /** Called once per answer (the `mock` command prints a line per request). */
  onAnswer?: (answer: MockAnswer) => void;
}

/**
 * A loopback pass-through in front of the Prism mock that routes like Grafana's router does:
 * a trailing slash on a path is ignored (`POST /api/serviceaccounts/` is
 * `POST /api/serviceaccounts`). The spec cannot say this without duplicating every operation,
 * and real clients rely on it. Only the path changes; method, headers and body pass unchanged,
 * except that every answer names the mock (MOCK_HEADER), and an error answer to a request the
 * contract refuses says why in its `message` (Prism says it only in the `sl-violations` header,
 * which clients rarely read).
 */
export async function startRouterFront(upstream: string, listen: FrontOptions = {}): Promise<RouterFront> {
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://front');
    if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
    const forward = request(
      { host: target.hostname, port: target.port, method: req.method, path: url.pathname + url.search, headers: { ...req.headers, host: target.host } },
      (answer) => {
        const status = answer.statusCode ?? 502;
        const header = answer.headers['sl-violations'];
        const violations = typeof header === 'string' ? describeViolations(header) : [];
        listen.onAnswer?.({ method: req.method ?? 'GET', path: req.url ?? '/', status, violations });
        if (violations.length && status >= 400 && req.method !== 'HEAD' && /json/i.test(answer.headers['content-type'] ?? '')) {
          void answerWithReason(answer, res, violations);
          return;
        }
        res.writeHead(status, { ...answer.headers, [MOCK_HEADER]: TOOL.version });
        answer.pipe(res);
      },
    );
    forward.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json', [MOCK_HEADER]: TOOL.version });
      res.end(JSON.stringify({ message: `mock unavailable: ${err.message}` }));
    });
    req.pipe(forward);
  });
  const host = listen.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Passes on an error answer (JSON) with the first reason the contract gave added to its
 * `message`: Grafana's error bodies are `{ "message": "…" }` and a longer message stays valid.
 */
async function answerWithReason(answer: IncomingMessage, res: ServerResponse, violations: string[]): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of answer) chunks.push(chunk as Buffer);
  let body = Buffer.concat(chunks);
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && typeof (parsed as { message?: unknown }).message === 'string') {
      const more = violations.length > 1 ? `; and ${violations.length - 1} more in the sl-violations header` : '';
      const withReason = { ...parsed, message: `${(parsed as { message: string }).message} (mock: ${violations[0]}${more})` };
      body = Buffer.from(JSON.stringify(withReason));
    }
  } catch {
    // Not JSON after all: passed on as it came.
  }
  const headers = { ...answer.headers, [MOCK_HEADER]: TOOL.version, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  res.writeHead(answer.statusCode ?? 502, headers);
  res.end(body);
}
