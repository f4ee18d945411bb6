import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadBundledSpec } from '../../src/spec.js';
import { toolchainsPresent } from '../consumers/support/gate.js';
import { openBrowser } from '../support/browser.js';

// `npm run docs` renders the spec into site/index.html; this opens it in a real headless Chromium
// (the machine's package, found like the other toolchains; .ci/run installs it when missing).
// Any request that would leave the machine fails the test: the page must be self-contained. Redoc renders
// a tag's operations when it is opened (hash routes), so each tag is opened from the sidebar and
// the operations on the page are read.
const root = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = join(root, 'site', 'index.html');
const SCREENSHOT = join(root, 'reports', 'docs-screenshot.png');
const doc = loadBundledSpec();
const tags = (doc.tags ?? []) as { name: string }[];
const servers = (doc.servers ?? []) as { url: string }[];
const exactly = (text: string, suffix = '') => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${suffix}$`);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

describe.runIf(toolchainsPresent('the rendered docs page', ['chromium']))('site/index.html in headless Chromium', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let context: BrowserContext;
  let offMachine: string[];

  beforeAll(async () => {
    execFileSync('npm', ['run', 'docs', '--silent'], { cwd: root, stdio: 'pipe' });
    browser = await openBrowser();
    ({ context, offMachine } = browser);
  }, 120_000);
  afterAll(() => browser?.close());

  it('shows the project name, version and servers, and every operation under its tag', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(PAGE).href);
    const heading = page.locator('h1').first();
    await heading.waitFor({ timeout: 60_000 });
    expect(await heading.textContent()).toBe(`${pkg.name}: ${doc.info.title} (${pkg.version})`);
    const overview = await page.locator('body').innerText();
    for (const server of servers) expect(overview).toContain(server.url);

    // Redoc renders a tag's operations lazily, so each operation is opened by its own route
    // (`#/users/searchusers`, as the sidebar links it) and its summary must appear as a heading
    // (marked "deprecated" for a deprecated operation).
    const operations = listOperations(doc);
    const missing: string[] = [];
    for (const tag of tags) {
      const route = await page.locator('a', { hasText: exactly(tag.name) }).first().getAttribute('href');
      await page.goto(`${pathToFileURL(PAGE).href}#${route}`);
      await page.locator('h2').filter({ hasText: exactly(tag.name) }).first().waitFor({ timeout: 30_000 });
      if (tag.name === 'Users') {
        mkdirSync(join(root, 'reports'), { recursive: true });
        await page.screenshot({ path: SCREENSHOT });
        console.log(`docs page screenshot (the Users page): ${SCREENSHOT}`);
      }
      for (const { operation } of operations.filter((o) => o.operation.tags?.[0] === tag.name)) {
        const hash = `#${route}/${operation.operationId.toLowerCase()}`;
        const heading = page.locator('h2').filter({ hasText: exactly(operation.summary!, operation.deprecated ? ' deprecated' : '') }).first();
        const linked = (await page.locator(`a[href="${hash}"]`).count()) > 0;
        await page.goto(`${pathToFileURL(PAGE).href}${hash}`);
        const rendered = await heading.waitFor({ timeout: 10_000 }).then(() => true, () => false);
        if (!linked || !rendered) missing.push(`${operation.operationId} (${operation.summary}): ${linked ? '' : 'no sidebar link; '}${rendered ? '' : 'no heading'}`);
      }
    }
    expect(missing).toEqual([]);
    expect(operations.length).toBeGreaterThan(0);
    expect([...new Set(offMachine)], 'requests that would leave the machine').toEqual([]);
  }, 180_000);
});
