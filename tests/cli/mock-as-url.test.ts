import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/contract/targets/mock.js';
import { startPrism, type PrismServer } from '../../src/contract/targets/prism.js';
import { probeGrafana } from '../../src/contract/targets/probe.js';
import { runCli } from './run-cli.js';

// `grafana-api-contract mock` as a --url target (issue 22): the natural way to try a token run
// without a Grafana gave 112 failures that were artefacts of the mock. The run now says in one
// line that the target is the mock, and points to --mock. Raw Prism is not this project's mock.
let mock: MockServer;
let prism: PrismServer;
beforeAll(async () => {
  [mock, prism] = await Promise.all([startMockServer(), startPrism()]);
}, 120_000);
afterAll(async () => {
  await Promise.all([mock?.stop(), prism?.stop()]);
});

describe('the mock as a --url target', () => {
  it.each([
    [['--token', 'glsa_TokenForTheMock_0123456789abcdef']],
    [['--user', 'admin', '--password', 'admin']],
  ])('conformance --url <the mock> %j says it is the mock and to use --mock, exit 2, no case run', async (credentials) => {
    const { code, stdout, stderr } = await runCli(['conformance', '--url', mock.baseUrl, ...credentials]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^error: ${mock.baseUrl.replace(/[.:/]/g, '\\$&')} is this project's own mock \\(grafana-api-contract mock \\d+\\.\\d+\\.\\d+[^)]*\\), not a Grafana: run "grafana-api-contract conformance --mock" instead, .*\\n$`));
  }, 60_000);

  it('raw Prism, without the front that names the mock, is probed as any server is', async () => {
    const version = await probeGrafana(prism.baseUrl, 10_000);
    expect(version === null || typeof version === 'string').toBe(true);
  });
});
