import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RouterFront {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * A loopback pass-through in front of the Prism mock that routes like Grafana's router does:
 * a trailing slash on a path is ignored (`POST /api/serviceaccounts/` is
 * `POST /api/serviceaccounts`). The spec cannot say this without duplicating every operation,
 * and real clients rely on it. Only the path changes; method, headers and body pass unchanged.
 */
export async function startRouterFront(upstream: string): Promise<RouterFront> {
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://front');
    if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
    const forward = request(
      { host: target.hostname, port: target.port, method: req.method, path: url.pathname + url.search, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `mock unavailable: ${err.message}` }));
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
