import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { toolchainsPresent } from '../consumers/support/gate.js';
import { openBrowser } from '../support/browser.js';
import { report } from './sample-report.js';

// The HTML report as a person opens it from a CI artifact: in a real headless Chromium, from a
// file, with nothing from the network; the "Show only failures" filter is clicked.
const SCREENSHOT = fileURLToPath(new URL('../../reports/html-report-screenshot.png', import.meta.url));

describe.runIf(toolchainsPresent('the HTML report', ['chromium']))('the HTML report in headless Chromium', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  const work = mkdtempSync(join(tmpdir(), 'gac-html-'));
  const file = join(work, 'report.html');

  beforeAll(async () => {
    writeFileSync(file, renderHtml(report));
    browser = await openBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('renders the summary and every case; "Show only failures" leaves the failure, its problems and its request', async () => {
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(file).href);
    expect(await page.title()).toBe('Grafana API contract conformance: 1 passed, 1 failed, 9 skipped');
    const rows = page.locator('tr[data-outcome]');
    expect(await rows.count()).toBe(report.results.length);
    expect(await rows.filter({ visible: true }).count()).toBe(report.results.length);
    await expect.poll(() => page.locator('#skipped').isVisible()).toBe(true);

    await page.getByLabel('Show only failures').check();
    expect(await rows.filter({ visible: true }).count()).toBe(1);
    expect(await page.locator('section.operation').filter({ visible: true }).count()).toBe(1);
    expect(await page.locator('#skipped').isVisible()).toBe(false);
    const failure = page.locator('tr[data-outcome="fail"]');
    expect(await failure.locator('ul.problems li').allInnerTexts()).toHaveLength(4);
    expect(await failure.locator('pre.exchange').innerText()).toContain('request: GET http://grafana.example/api/users as admin');
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    console.log(`HTML report screenshot (failures only): ${SCREENSHOT}`);

    await page.getByLabel('Show only failures').uncheck();
    expect(await rows.filter({ visible: true }).count()).toBe(report.results.length);
    expect(browser.refused).toEqual([]);
  }, 60_000);
});
