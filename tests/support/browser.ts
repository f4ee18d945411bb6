import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findToolchain } from '../consumers/support/toolchains.js';

/** A request the page may make without leaving the machine: a file, inline data, or loopback. */
export function staysOnTheMachine(url: string): boolean {
  if (/^(file|data|blob|about):/.test(url)) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);
  } catch {
    return false;
  }
}

/**
 * The machine's headless Chromium (Debian's package, found like the other toolchains) through
 * playwright-core, with a fresh profile. Every request that would leave the machine is aborted
 * and listed in `offMachine`: a test asserts that list is empty, so a page that asks a CDN for
 * anything fails, even when it would look fine without the answer.
 */
export async function openBrowser(): Promise<{ context: BrowserContext; offMachine: string[]; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'gac-chromium-'));
  const offMachine: string[] = [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findToolchain('chromium')!,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (staysOnTheMachine(url)) return route.continue();
    offMachine.push(url);
    return route.abort();
  });
  return {
    context,
    offMachine,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
