#!/usr/bin/env node
// Starts the project's mock target (Prism with request validation, behind the Grafana-like
// router front) and prints its URL; stops it on Ctrl-C or SIGTERM. Needs `npm run build` first.
// Used by the consumers tier and handy for trying a client by hand.
import { startMockTarget } from '../dist/contract/targets/mock.js';

const started = await startMockTarget();
console.log(started.target.baseUrl);
const stop = async () => {
  await started.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
