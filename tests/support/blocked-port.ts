import { createServer } from 'node:net';

/** Some of the ports fetch refuses to connect to (the Fetch standard's "bad ports"). */
const BLOCKED_PORTS = [6000, 6665, 6666, 6667, 6668, 6669, 10080];

/**
 * A TCP listener on loopback on one of fetch's blocked ports (the first that is free), counting
 * the connections it gets: a test can show that the port is refused although something listens.
 */
export async function listenOnBlockedPort() {
  let connections = 0;
  for (const port of BLOCKED_PORTS) {
    const server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (listening) return { port, connections: () => connections, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }
  throw new Error(`every blocked port (${BLOCKED_PORTS.join(', ')}) is taken on 127.0.0.1: free one to run this test`);
}
