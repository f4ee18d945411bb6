import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { toolchainsPresent } from '../consumers/support/gate.js';
import { openBrowser } from '../support/browser.js';
import { longFailure, longReport, report } from './sample-report.js';

// The HTML report as a person opens it from a CI artifact: in a real headless Chromium, from a
// file, in a 1,280 px window, with nothing from the network; the "Show only failures" filter is
// clicked, and a failure whose response is one long line must not widen the page.
const SCREENSHOT = fileURLToPath(new URL('../../reports/html-report-screenshot.png', import.meta.url));
const LONG_SCREENSHOT = fileURLToPath(new URL('../../reports/html-report-long-response.png', import.meta.url));

describe.runIf(toolchainsPresent('the HTML report', ['chromium']))('the HTML report in headless Chromium', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  const work = mkdtempSync(join(tmpdir(), 'gac-html-'));
  const file = join(work, 'report.html');
  const longFile = join(work, 'long.html');

  beforeAll(async () => {
    writeFileSync(file, renderHtml(report));
    writeFileSync(longFile, renderHtml(longReport));
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
    expect(browser.offMachine).toEqual([]);
  }, 60_000);

  it('fits a 1,280 px window with a long failing response: the page never scrolls sideways, the long body scrolls in its own box', async () => {
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(longFile).href);
    expect(page.viewportSize()?.width).toBe(1280);
    const width = await page.evaluate<{ page: number; window: number }>('({ page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth })');
    expect(width.page, 'the page is wider than the window').toBeLessThanOrEqual(width.window);
    // The failing row's expected, actual and outcome cells are inside the window.
    const row = page.locator('tr[data-outcome="fail"]', { hasText: longFailure.case });
    for (const cell of await row.locator(':scope > td').all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width, await cell.innerText().then((t) => t.slice(0, 40))).toBeLessThanOrEqual(1280);
    }
    expect((await row.locator(':scope > td').nth(2).innerText()).trim()).toBe('500');
    // The response is all there, in a box no wider than its cell that scrolls on its own.
    const exchange = row.locator('pre.exchange');
    expect(await exchange.innerText()).toContain(longFailure.response!.excerpt.slice(-40));
    const box = await exchange.evaluate((pre) => ({ width: pre.getBoundingClientRect().right, scrolls: pre.scrollHeight > pre.clientHeight }));
    expect(box.width).toBeLessThanOrEqual(1280);
    expect(box.scrolls).toBe(true);
    // The failure list at the top links to it.
    await page.locator('#failures a', { hasText: longFailure.case }).click();
    expect(new URL(page.url()).hash).toBe(`#${await row.getAttribute('id')}`);
    mkdirSync(join(LONG_SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: LONG_SCREENSHOT, fullPage: true });
    console.log(`HTML report screenshot (a long failing response, 1,280 px): ${LONG_SCREENSHOT}`);
    expect(browser.offMachine).toEqual([]);
  }, 60_000);
});
