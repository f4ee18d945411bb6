import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findToolchain } from '../consumers/support/toolchains.js';

/**
 * The machine's headless Chromium (Debian's package, found like the other toolchains) through
 * playwright-core, with a fresh profile and every request off the machine refused (a page that
 * works here needs nothing from the network). `refused` lists what the page tried to fetch.
 */
export async function openBrowser(): Promise<{ context: BrowserContext; refused: string[]; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'gac-chromium-'));
  const refused: string[] = [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findToolchain('chromium')!,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    refused.push(url);
    return route.abort();
  });
  return {
    context,
    refused,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
