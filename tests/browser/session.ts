/**
 * What the real-browser tests share: the extension launched on a fresh
 * profile with its store seeded, the fixture pages served on localhost, and
 * finding the tab that shows a fixture.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { browser as Browser } from 'wxt/browser';
import { launchWithExtension, reportOf, type ExtensionBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

/** The extension API as the service worker sees it (code passed to `serviceWorker.evaluate`). */
declare const chrome: typeof Browser;

export const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results');

/**
 * Serves the fixture pages, launches the extension, and waits until its
 * store is seeded (the content scripts get their facts from it).
 */
export async function startSession(): Promise<{ browser: ExtensionBrowser; server: StaticServer }> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serveStatic(PAGES);
  const browser = await launchWithExtension();
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.locator('li.fact').first().waitFor({ timeout: 20_000 });
  await popup.close();
  return { browser, server };
}

/**
 * A session for the tests of one file: started before them, closed after.
 * Its fields are set once the first test runs.
 */
export function useSession(): { browser: ExtensionBrowser; server: StaticServer } {
  const session = {} as { browser: ExtensionBrowser; server: StaticServer };
  beforeAll(async () => {
    Object.assign(session, await startSession());
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** Opens the history page in a new tab of `width` × `height`. */
export async function historyPage(
  browser: ExtensionBrowser,
  size = { width: 1000, height: 800 },
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/checked.html`);
  return page;
}

/**
 * The id of the tab showing fixture `name`, asked of the content scripts
 * (tab addresses are not the extension's to read), or -1 when none answers.
 */
export function tabOf(browser: ExtensionBrowser, name: string): Promise<number> {
  return browser.serviceWorker.evaluate(async (file) => {
    for (const tab of await chrome.tabs.query({})) {
      const report = (await chrome.tabs
        .sendMessage(tab.id!, { type: 'casefile:get-report' }, { frameId: 0 })
        .catch(() => null)) as { url?: string } | null;
      if (report?.url?.endsWith(file)) return tab.id!;
    }
    return -1;
  }, name);
}

/** Waits until the content script has finished at least `passes` passes over the page. */
export async function scanned(page: Page, passes = 1): Promise<void> {
  await page.waitForFunction(
    (n) => performance.getEntriesByName('casefile:scan').length >= n,
    passes,
    { timeout: 20_000 },
  );
}

/** How many passes the extension has finished over the page (0 before the first, or with none). */
export async function passesOver(browser: ExtensionBrowser, page: Page): Promise<number> {
  return (await reportOf(browser, page.url()))?.passes.count ?? 0;
}

/** Opens fixture `name` in a new 1200×900 tab and waits for the extension's first pass over it. */
export async function openScanned(
  browser: ExtensionBrowser,
  server: StaticServer,
  name: string,
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`${server.origin}/${name}`);
  await expect.poll(() => passesOver(browser, page), { timeout: 20_000 }).toBeGreaterThan(0);
  return page;
}
