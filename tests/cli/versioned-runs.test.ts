import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeGrafana } from '../support/fake-grafana.js';
import { runCli } from './run-cli.js';
import { contractFor } from '../../src/versions/index.js';

// Which contract judges a run: the version the server reports, --grafana-version, or for the mock
// the version it serves. The servers here are fakes (tests/support/fake-grafana.ts) that report a
// version; their answers are not Grafana's, so their cases fail: what is checked is the verdict's version.
const work = mkdtempSync(join(tmpdir(), 'gac-versioned-runs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const TOKEN = 'glsa_versionedRunsFakeToken_0123456789abcdef';

interface JsonReport { target: { grafanaVersion: string | null; contractVersion: string | null }; results: Array<{ operationId: string; outcome: string; skip?: { kind: string; reason: string } }> }

describe('the contract version of a run', () => {
  it('against a server that reports 10.4.3: every report names the 10.4.3 contract', async () => {
    const server = await startFakeGrafana({ acceptAuthorization: `Bearer ${TOKEN}`, version: '10.4.3' });
    try {
      const reports = ['json', 'md', 'html', 'xml'].map((ext) => join(work, `fake-10.4.${ext}`));
      const { stdout, stderr } = await runCli(['conformance', '--url', server.url, '--token', TOKEN, '--read-only', ...reports.flatMap((r) => ['--report', r])]);
      expect(stderr).toBe('');
      expect(stdout).toContain('Contract: Grafana 10.4.3 (the version the server reports)');
      const json = JSON.parse(readFileSync(reports[0]!, 'utf8')) as JsonReport;
      expect(json.target).toMatchObject({ grafanaVersion: '10.4.3', contractVersion: '10.4.3' });
      for (const file of reports.slice(1)) expect(readFileSync(file, 'utf8'), file).toMatch(/[Cc]ontract[\s\S]{0,120}10\.4\.3/);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('--grafana-version overrides what the server reports; a hidden version gets the newest, with a warning', async () => {
    const server = await startFakeGrafana({ acceptAuthorization: `Bearer ${TOKEN}`, version: null });
    try {
      const hidden = await runCli(['conformance', '--url', server.url, '--token', TOKEN, '--read-only', '--only', 'getHealth']);
      const newest = contractFor(null).version;
      expect(hidden.stderr.trim()).toBe(`warning: the server does not say its version (hide_version?): its answers are judged by the newest contract, Grafana ${newest}; pass --grafana-version X.Y to name its version.`);
      expect(hidden.stdout).toContain(`Contract: Grafana ${newest} (the newest; the server hides its version)`);
      const named = await runCli(['conformance', '--url', server.url, '--token', TOKEN, '--read-only', '--only', 'getHealth', '--grafana-version', '11.6']);
      expect(named.stderr).toBe('');
      expect(named.stdout).toContain('Contract: Grafana 11.6.0 (--grafana-version)');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('a server older than the contract covers is refused in one line', async () => {
    const server = await startFakeGrafana({ acceptAuthorization: `Bearer ${TOKEN}`, version: '7.5.11' });
    try {
      const { code, stderr } = await runCli(['conformance', '--url', server.url, '--token', TOKEN, '--read-only']);
      expect(code).toBe(2);
      expect(stderr.trim()).toBe("error: the server's version 7.5.11: Grafana 7.5 is older than the contract covers (8.0 and later); pass a version from 8.0 to " + contractFor(null).line + '.');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('conformance --mock --grafana-version 10.4 passes and runs no case of an operation 10.4 does not have', async () => {
    const file = join(work, 'mock-10.4.json');
    const { code, stdout, stderr } = await runCli(['conformance', '--mock', '--grafana-version', '10.4', '--report', file]);
    expect(stderr).toBe('');
    expect(stdout).toContain('Contract: Grafana 10.4.0 (--grafana-version)');
    const report = JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
    const absent = new Set(contractFor('10.4').absent.map((a) => a.operationId));
    expect(absent.size).toBeGreaterThan(0);
    const ofAbsent = report.results.filter((r) => absent.has(r.operationId));
    expect(ofAbsent.length).toBeGreaterThan(0);
    expect(ofAbsent.filter((r) => r.outcome !== 'skip' || r.skip?.kind !== 'not-in-version')).toEqual([]);
    expect(report.results.filter((r) => r.outcome === 'fail').map((r) => r.operationId)).toEqual([]);
    expect(code).toBe(0);
  }, 300_000);
});
