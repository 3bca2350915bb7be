/**
 * An extension reload (an update, or the user's Reload button) while pages
 * are open: Chrome leaves the old content script in those pages, cut off
 * from the extension. It must take its highlights and card away and throw
 * nothing. Its own session: the reload replaces the service worker the other
 * tests talk to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as Browser } from 'wxt/browser';
import type { ExtensionBrowser } from '../../scripts/lib/browser.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { startSession } from './session.ts';

/** The extension API as the service worker sees it (code passed to `serviceWorker.evaluate`). */
declare const chrome: typeof Browser;

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  ({ browser, server } = await startSession());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** How many of the extension's highlight ranges the page holds. */
function highlightCount(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('casefile-')) count += (highlight as unknown as Set<Range>).size;
    }
    return count;
  });
}

describe('an extension reload while pages are open', () => {
  it('leaves the pages clean, as they were, and without errors', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${server.origin}/article-fr.html`);
    await expect.poll(() => highlightCount(page), { timeout: 20_000 }).toBeGreaterThan(5);
    const html = await page.evaluate(() => document.documentElement.outerHTML);

    // The worker goes away with the extension: its evaluate may not answer.
    await browser.serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);

    await expect.poll(() => highlightCount(page), { timeout: 20_000 }).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(html);
    // The page goes on changing; the orphaned script must not react with errors.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Le site Coco a été fermé le 25 juin 2024.';
      document.body.append(p);
    });
    await page.waitForTimeout(1000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
