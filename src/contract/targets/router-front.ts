import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RouterFront {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Where the front listens: a free loopback port unless given. */
export interface ListenOn {
  host?: string;
  port?: number;
}

/**
 * A loopback pass-through in front of the Prism mock that routes like Grafana's router does:
 * a trailing slash on a path is ignored (`POST /api/serviceaccounts/` is
 * `POST /api/serviceaccounts`). The spec cannot say this without duplicating every operation,
 * and real clients rely on it. Only the path changes; method, headers and body pass unchanged.
 */
export async function startRouterFront(upstream: string, listen: ListenOn = {}): Promise<RouterFront> {
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
