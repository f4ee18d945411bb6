import { describe, expect, it } from 'vitest';
import { parseCommand, type ConformanceOptions } from '../../src/cli/args.js';
import { freePort } from '../../src/contract/targets/free-port.js';
import { runCli } from './run-cli.js';

// Each credential falls back to its variable on its own: `--user admin` with GRAFANA_PASSWORD set
// signs in as admin with that password. The way of signing in named on the command line wins.
const target = (argv: string[], env: NodeJS.ProcessEnv) => {
  const parsed = parseCommand(['conformance', '--url', 'http://grafana.example:3000', ...argv], env);
  if (parsed.command !== 'conformance') throw new Error('not conformance');
  return parsed.options;
};
const auth = (options: ConformanceOptions) => (options.target.kind === 'url' ? options.target.auth : null);

describe('credentials from flags and variables', () => {
  it('--user with GRAFANA_PASSWORD set', () => {
    expect(auth(target(['--user', 'admin'], { GRAFANA_PASSWORD: 'from-env' }))).toEqual({ username: 'admin', password: 'from-env' });
  });

  it('--password with GRAFANA_USER set', () => {
    expect(auth(target(['--password', 'from-flag'], { GRAFANA_USER: 'ops' }))).toEqual({ username: 'ops', password: 'from-flag' });
  });

  it('a flag replaces its own variable only', () => {
    expect(auth(target(['--user', 'admin'], { GRAFANA_USER: 'other', GRAFANA_PASSWORD: 'pw' }))).toEqual({ username: 'admin', password: 'pw' });
  });

  it('--token wins over GRAFANA_USER/GRAFANA_PASSWORD, and --user/--password over GRAFANA_TOKEN', () => {
    expect(auth(target(['--token', 'tok', '--read-only'], { GRAFANA_USER: 'u', GRAFANA_PASSWORD: 'p' }))).toEqual({ token: 'tok' });
    expect(auth(target(['--user', 'u', '--password', 'p'], { GRAFANA_TOKEN: 'tok' }))).toEqual({ username: 'u', password: 'p' });
    expect(auth(target(['--user', 'u'], { GRAFANA_TOKEN: 'tok', GRAFANA_PASSWORD: 'p' }))).toEqual({ username: 'u', password: 'p' });
  });

  it('all from the environment, including the org', () => {
    const options = target([], { GRAFANA_USER: 'u', GRAFANA_PASSWORD: 'p', GRAFANA_ORG_ID: '4' });
    expect(auth(options)).toEqual({ username: 'u', password: 'p' });
    expect(options.connection.orgId).toBe(4);
    expect(target(['--org-id', '7'], { GRAFANA_USER: 'u', GRAFANA_PASSWORD: 'p', GRAFANA_ORG_ID: '4' }).connection.orgId).toBe(7);
  });

  it('GRAFANA_ORG_ID that is not a number is named in the error', () => {
    expect(() => target([], { GRAFANA_USER: 'u', GRAFANA_PASSWORD: 'p', GRAFANA_ORG_ID: 'main' })).toThrow('GRAFANA_ORG_ID main: expected a positive whole number.');
  });

  it('the CLI: --user admin with GRAFANA_PASSWORD set no longer says "no password"', async () => {
    // Nothing listens on the port: the run gets as far as the probe, past the credentials check.
    const port = await freePort();
    const { code, stderr } = await runCli(['conformance', '--url', `http://127.0.0.1:${port}`, '--user', 'admin'], { GRAFANA_PASSWORD: 'secret-from-env' });
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/no password/);
    expect(stderr).toMatch(/ECONNREFUSED/);
    expect(stderr).not.toContain('secret-from-env');
  });
});
