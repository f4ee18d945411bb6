#!/usr/bin/env node
// Measures what the typed client costs over a raw fetch that sends the same headers, on loopback:
// N GET /api/user requests per variant (JSON body read) at concurrency 1 and 16, against a small
// HTTP server in a child process (so the server's work is not counted in this process). The
// variants alternate in blocks of 250 requests, so that a busy machine slows both alike; the
// ratio printed is the median of the blocks' ratios, for wall time and for this process's CPU
// time. Three references: Node's global fetch (what a caller would write without the client);
// undici's fetch over an Agent set up as the client's (the client's own engine), so that this
// ratio is the client's own work, openapi-fetch's included; and openapi-fetch as it comes (its
// defaults, Node's global fetch, the same headers), the typed alternative without this package.
// The typed client with a caller's own fetch (Node's global one) is measured against the last. Prints numbers; asserts nothing. Needs
// `npm run build` first.
//   node bench/client.mjs [N]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, fetch as undiciFetch } from 'undici';
import createClient from 'openapi-fetch';
import { createGrafanaClient } from '../dist/index.js';

const N = Number(process.argv[2] ?? 20_000);
const BLOCK = 250;

const serverSource = `
  const http = require('node:http');
  const body = JSON.stringify({ id: 1, uid: 'u1', login: 'admin', email: 'admin@localhost', name: 'Admin', orgId: 1, isGrafanaAdmin: true });
  const server = http.createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(body); });
  server.keepAliveTimeout = 60000;
  server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;
const server = spawn(process.execPath, ['-e', serverSource], { stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const [chunk] = await once(server.stdout, 'data');
  const baseUrl = `http://127.0.0.1:${String(chunk).trim()}`;
  const auth = { username: 'admin', password: 'bench-password' };
  const authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const client = createGrafanaClient({ baseUrl, auth, orgId: 1 });
  // A caller's own fetch (here Node's global one, as a caller would pass it).
  const ownFetchClient = createGrafanaClient({ baseUrl, auth, orgId: 1, fetch: globalThis.fetch });
  // As the client's engine is set up (src/transport.ts) with its default 30 s timeout.
  const agent = new Agent({ headersTimeout: 30_000, bodyTimeout: 30_000, connect: { timeout: 30_000 } });

  const plainOpenapiFetch = createClient({ baseUrl, headers: { Authorization: authorization, 'X-Grafana-Org-Id': '1' } });

  const variants = {
    'raw fetch': async () => {
      const response = await fetch(`${baseUrl}/api/user`, { headers: { Authorization: authorization, 'X-Grafana-Org-Id': '1' } });
      await response.json();
    },
    'undici fetch': async () => {
      const response = await undiciFetch(`${baseUrl}/api/user`, { headers: { Authorization: authorization, 'X-Grafana-Org-Id': '1' }, dispatcher: agent });
      await response.json();
    },
    'openapi-fetch': async () => {
      await plainOpenapiFetch.GET('/api/user');
    },
    'typed client': async () => {
      await client.GET('/api/user');
    },
    'typed client, own fetch': async () => {
      await ownFetchClient.GET('/api/user');
    },
  };

  const runBlock = async (send, concurrency) => {
    let next = 0;
    const worker = async () => {
      while (next++ < BLOCK) await send();
    };
    const cpu = process.cpuUsage();
    const t = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const wall = performance.now() - t;
    const used = process.cpuUsage(cpu);
    return { wall, cpu: (used.user + used.system) / 1000 };
  };
  const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

  // [measured, reference]: the typed client against each reference, and openapi-fetch as it comes
  // against a raw fetch (the bound the typed client is held to is that one's).
  const pairs = [['typed client', 'raw fetch'], ['typed client', 'undici fetch'], ['typed client', 'openapi-fetch'], ['typed client, own fetch', 'openapi-fetch'], ['openapi-fetch', 'raw fetch']];
  for (const concurrency of [1, 16]) {
    for (const send of Object.values(variants)) for (let i = 0; i < 8; i++) await runBlock(send, concurrency); // warm-up
    const ratios = Object.fromEntries(pairs.map((pair) => [pair.join(' / '), { wall: [], cpu: [] }]));
    const totals = Object.fromEntries(Object.keys(variants).map((name) => [name, 0]));
    const blocks = Math.ceil(N / BLOCK);
    for (let b = 0; b < blocks; b++) {
      // Rotate which variant goes first.
      const names = Object.keys(variants);
      const order = [...names.slice(b % names.length), ...names.slice(0, b % names.length)];
      const times = {};
      for (const name of order) times[name] = await runBlock(variants[name], concurrency);
      for (const [measured, reference] of pairs) {
        ratios[`${measured} / ${reference}`].wall.push(times[measured].wall / times[reference].wall);
        ratios[`${measured} / ${reference}`].cpu.push(times[measured].cpu / times[reference].cpu);
      }
      for (const name of names) totals[name] += times[name].wall;
    }
    const n = blocks * BLOCK;
    console.log(`client, concurrency ${concurrency}, N=${n} per variant`);
    console.log(`  µs per request: ${Object.entries(totals).map(([name, ms]) => `${name} ${((ms * 1000) / n).toFixed(0)}`).join(', ')}`);
    for (const [name, ratio] of Object.entries(ratios)) {
      console.log(`  ${name}:`.padEnd(44) + `wall ${median(ratio.wall).toFixed(3)}, cpu ${median(ratio.cpu).toFixed(3)}`);
    }
  }
} finally {
  server.kill();
}
