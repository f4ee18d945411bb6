import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { operationVersions, renderVersionTable, spansOf } from '../../scripts/version-table.mjs';
import { listOperations, loadBundledSpec } from '../../src/spec.js';

// The docs' table of the Grafana version each operation appeared in and was removed in: first on
// a union with synthetic version data (so each column is checked against a known answer), then
// as `npm run docs` writes it (a section of the rendered page, and versions.md beside it).
const root = fileURLToPath(new URL('../../', import.meta.url));
const real = loadBundledSpec();

function syntheticUnion() {
  const union = structuredClone(real) as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
  // Only the three ranges below: the real data's ranges are left out.
  for (const item of Object.values(union.paths)) {
    for (const op of Object.values(item)) {
      if (op && typeof op === 'object') {
        delete op['x-grafana-versions'];
        delete op['x-grafana-versions-approximate'];
      }
    }
  }
  Object.assign(union.paths['/api/teams/{id}/members']!.put!, { 'x-grafana-versions': '>=11.1.0' });
  Object.assign(union.paths['/api/user/stars/dashboard/{dashboardId}']!.post!, {
    'x-grafana-versions': '>=8.0.0 <12.2.0',
    'x-grafana-versions-approximate': 'synthetic | a reason with a pipe',
  });
  Object.assign(union.paths['/api/users/{id}']!.get!, { 'x-grafana-versions': '<9.0.0 || >=10.0.0' });
  return union;
}

describe('the operations-by-version table', () => {
  it('reads the first version with an operation and the first without it from a range', () => {
    expect(spansOf('>=11.1.0')).toEqual([{ from: '11.1.0', until: null }]);
    expect(spansOf('>=8.0.0 <12.2.0')).toEqual([{ from: '8.0.0', until: '12.2.0' }]);
    expect(spansOf('^11.1.0')).toEqual([{ from: '11.1.0', until: '12.0.0' }]);
    expect(spansOf('>11.0.0 <=12.1.4')).toEqual([{ from: '11.0.1', until: '12.1.5' }]);
    expect(spansOf('<9.0.0 || >=10.0.0')).toEqual([{ from: '8.0.0', until: '9.0.0' }, { from: '10.0.0', until: null }]);
  });

  it('has a row per operation: appeared in, removed in, and whether the boundary is exact', () => {
    const union = syntheticUnion();
    const table = renderVersionTable(union);
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    const operations = listOperations(real);
    expect(rows).toHaveLength(operations.length);
    const slashes = (path: string) => path.replace(/\//g, '/<wbr>');
    for (const { method, path, operation } of operations) {
      expect(rows.filter((row) => row.startsWith(`| \`${operation.operationId}\`<br>${method.toUpperCase()} ${slashes(path)} |`)), operation.operationId).toHaveLength(1);
    }
    // The operations that exist only in some versions come first, by the version they appeared in.
    expect(rows.slice(0, 3)).toEqual([
      `| \`starDashboard\`<br>POST ${slashes('/api/user/stars/dashboard/{dashboardId}')} | ≤ 8.0.0 | 12.2.0 | approximate: synthetic \\| a reason with a pipe |`,
      `| \`getUserById\`<br>GET ${slashes('/api/users/{id}')} | ≤ 8.0.0; 10.0.0 | 9.0.0; – | exact |`,
      `| \`setTeamMemberships\`<br>PUT ${slashes('/api/teams/{id}/members')} | 11.1.0 | – | exact |`,
    ]);
    expect(rows[3]).toMatch(/^\| `\w+`<br>[A-Z]+ \/<wbr>api\/[^|]* \| ≤ 8\.0\.0 \| – \| {2}\|$/);
    expect(table).toMatch(/^## Operations by Grafana version\n\n3 of the \d+ operations exist only in some of the Grafana versions/);
    expect(operationVersions(union).find((row) => row.operationId === 'starDashboard')?.approximate).toBe('synthetic | a reason with a pipe');
  });

  describe('npm run docs', () => {
    const out = mkdtempSync(join(tmpdir(), 'gac-docs-test-'));
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('renders the table as a section of the page and writes it as versions.md beside it', () => {
      execFileSync(process.execPath, [join(root, 'scripts', 'docs.mjs'), join(out, 'index.html')], { cwd: root, stdio: 'pipe' });
      expect(readFileSync(join(out, 'versions.md'), 'utf8')).toBe(renderVersionTable(real, { level: 1 }));
      const html = readFileSync(join(out, 'index.html'), 'utf8');
      // (matched, not `toContain`: a failure would print the 3 MB page)
      expect(/<span>Operations by Grafana version<\/span><\/div><\/h2>/.test(html), 'the section heading is on the page').toBe(true);
      // Redoc renders the page on the server too: every row of the table is in the page's HTML.
      const rendered = [...html.matchAll(/<tr><td><code>(\w+)<\/code><br\/>([A-Z]+) ([^<]*(?:<wbr\/>[^<]*)*)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td>/g)].map(
        (m) => `${m[1]} ${m[2]} ${m[3]!.replace(/<wbr\/>/g, '')} ${m[4]} ${m[5]}`,
      );
      const expected = operationVersions(real).map((row) => `${row.operationId} ${row.method} ${row.path} ${row.spans.map((s) => (s.from === '8.0.0' ? '≤ 8.0.0' : s.from)).join('; ')} ${row.spans.map((s) => s.until ?? '–').join('; ')}`);
      expect(rendered.toSorted()).toEqual(expected.toSorted());
    }, 180_000);
  });
});
