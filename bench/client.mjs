#!/usr/bin/env node
// Measures what the typed client costs over a raw fetch that sends the same headers, on loopback:
// N GET /api/user requests per variant (JSON body read) at concurrency 1 and 16, against a small
// HTTP server in a child process (so the server's work is not counted in this process). The
// variants alternate in blocks of 250 requests, so that a busy machine slows both alike; the
// ratio printed is the median of the blocks' ratios, for wall time and for this process's CPU
// time. Prints numbers; asserts nothing. Needs `npm run build` first.
//   node bench/client.mjs [N]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
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

  const variants = {
    'raw fetch': async () => {
      const response = await fetch(`${baseUrl}/api/user`, { headers: { Authorization: authorization, 'X-Grafana-Org-Id': '1' } });
      await response.json();
    },
    'typed client': async () => {
      await client.GET('/api/user');
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

  for (const concurrency of [1, 16]) {
    for (const send of [variants['raw fetch'], variants['typed client']]) for (let i = 0; i < 8; i++) await runBlock(send, concurrency); // warm-up
    const ratios = { wall: [], cpu: [] };
    const totals = { raw: 0, client: 0 };
    for (let b = 0; b < Math.ceil(N / BLOCK); b++) {
      // Alternate which variant goes first.
      const order = b % 2 ? ['typed client', 'raw fetch'] : ['raw fetch', 'typed client'];
      const times = {};
      for (const name of order) times[name] = await runBlock(variants[name], concurrency);
      ratios.wall.push(times['typed client'].wall / times['raw fetch'].wall);
      ratios.cpu.push(times['typed client'].cpu / times['raw fetch'].cpu);
      totals.raw += times['raw fetch'].wall;
      totals.client += times['typed client'].wall;
    }
    const n = Math.ceil(N / BLOCK) * BLOCK;
    const perRequest = (ms) => `${((ms * 1000) / n).toFixed(0)} µs/request`;
    console.log(`client concurrency ${concurrency}, N=${n}: raw fetch ${perRequest(totals.raw)}, typed client ${perRequest(totals.client)}; ratio client/raw fetch: wall ${median(ratios.wall).toFixed(3)}, cpu ${median(ratios.cpu).toFixed(3)}`);
  }
} finally {
  server.kill();
}
