#!/usr/bin/env node
// `npm run docs`: renders the bundled spec into site/index.html, one self-contained page (Redoc's
// script inlined, nothing loaded from a CDN), with Redocly CLI's build-docs. Redoc's script asks
// Redocly's CDN for its logo, with no option to turn that off: the page gets an inline logo
// instead (tests/docs/rendered.test.ts fails on any request that leaves the machine). The page shows the
// project's name and version with the spec's title; the servers are the spec's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderVersionTable } from './version-table.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const spec = JSON.parse(readFileSync(join(root, 'generated', 'openapi.json'), 'utf8'));
const output = process.argv[2] ?? join(root, 'site', 'index.html');

// The page's heading is info.title with info.version: name the project there too.
spec.info.title = `${pkg.name}: ${spec.info.title}`;
if (spec.info.version !== pkg.version) {
  console.error(`error: the spec's info.version (${spec.info.version}) differs from package.json's version (${pkg.version}): make them equal in spec/openapi.yaml and run npm run generate.`);
  process.exit(2);
}
// A section with the Grafana version each operation appeared in (and was removed in), also
// written as versions.md beside the page. Redoc renders the description's Markdown, tables
// included, and lists its headings in the sidebar.
spec.info.description = `${spec.info.description ?? ''}\n\n${renderVersionTable(spec)}`;
/** The page with each image Redoc would fetch from Redocly's CDN replaced by an inline one (the name, as text). */
function withoutCdnImages(html) {
  const logo = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#555">Redocly</text></svg>')}`;
  return html.replace(/https:\/\/cdn\.redoc\.ly\/[\w/.-]+\.svg/g, logo);
}

const work = mkdtempSync(join(tmpdir(), 'gac-docs-'));
try {
  const input = join(work, 'openapi.json');
  writeFileSync(input, JSON.stringify(spec));
  const redocly = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
  const result = spawnSync(process.execPath, [redocly, 'build-docs', input, '--output', output, '--inlineBundle', '--title', `${pkg.name} ${pkg.version}: ${spec.info.title.slice(pkg.name.length + 2)}`], {
    cwd: work, // no redocly.yaml here: the lint configuration is not the docs'
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.error(`error: redocly build-docs failed: ${(result.stderr || result.stdout).trim().split('\n').at(-1)}`);
    process.exitCode = 1;
  } else {
    writeFileSync(output, withoutCdnImages(readFileSync(output, 'utf8')));
    const versions = join(dirname(output), 'versions.md');
    writeFileSync(versions, renderVersionTable(spec, { level: 1 }));
    for (const written of [output, versions]) console.log(`Wrote ${written.startsWith(root) ? written.slice(root.length) : written}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
