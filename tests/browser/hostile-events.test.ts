import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as Browser } from 'wxt/browser';
import type { ExtensionBrowser } from '../../scripts/lib/browser.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { cardOf } from './card.ts';
import { openScanned, startSession } from './session.ts';

declare const chrome: typeof Browser;

/**
 * A page is an adversary: it can dispatch events of its own. Casefile acts
 * only on the reader's (trusted) events, and the background opens at most
 * one tab a second on a page's behalf.
 */
describe('the extension against a page that sends its own events', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    ({ browser, server } = await startSession());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (name: string): Promise<Page> => openScanned(browser, server, name);

  /** The middle of the first contradicted highlight, scrolled into view. */
  function firstContradicted(page: Page): Promise<{ x: number; y: number }> {
    return page.evaluate(() => {
      const highlight = CSS.highlights.get('casefile-contradicted') as unknown as Set<Range>;
      const range = [...highlight][0]!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 4, y: rect.top + rect.height / 2 };
    });
  }

  it('opens no card for a click or a key the page dispatches, and one for the reader’s', async () => {
    const page = await open('article-fr.html');
    const point = await firstContradicted(page);
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      target.dispatchEvent(
        new MouseEvent('click', { bubbles: true, cancelable: true, clientX: x, clientY: y }),
      );
      document.dispatchEvent(
        new KeyboardEvent('keydown', {
          bubbles: true,
          altKey: true,
          shiftKey: true,
          code: 'KeyN',
          key: 'N',
        }),
      );
    }, point);
    // Given the time a real click takes to show the card, nothing came.
    await page.waitForTimeout(1500);
    expect(await cardOf(page).isOpen()).toBe(false);
    await page.mouse.click(point.x, point.y);
    await cardOf(page).waitFor();
    await page.close();
  });

  it('opens no source tab when the page clicks the card’s link for itself, however often', async () => {
    const page = await open('article-fr.html');
    const point = await firstContradicted(page);
    await page.mouse.click(point.x, point.y);
    const card = cardOf(page);
    await card.waitFor();
    const viewers = () =>
      browser.context.pages().filter((p) => p.url().includes('/source.html')).length;
    const before = viewers();
    // The root is closed to the page; a page that got hold of the link anyway
    // (as the DevTools protocol does here) still only makes untrusted clicks.
    const clicked = await card.evaluate((root) => {
      const link = root.querySelector<HTMLButtonElement>('button.link');
      for (let i = 0; i < 5; i++) link?.click();
      return link !== null;
    });
    expect(clicked).toBe(true);
    await page.waitForTimeout(1500);
    expect(viewers()).toBe(before);
    await page.close();
  });

  it('opens at most one tab a second on one tab’s behalf, however many are asked for', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const viewers = () =>
      browser.context.pages().filter((p) => p.url().includes('/source.html')).length;
    const before = viewers();
    await page.evaluate(async () => {
      const message = {
        type: 'casefile:open-source',
        sourceId: 'parquet-paris-communique-2024-06-25',
        start: 0,
        end: 10,
      };
      for (let i = 0; i < 5; i++) await chrome.runtime.sendMessage(message);
    });
    await expect.poll(viewers, { timeout: 5000 }).toBe(before + 1);
    await page.waitForTimeout(1000);
    expect(viewers()).toBe(before + 1);
    for (const p of browser.context.pages()) if (p.url().includes('/source.html')) await p.close();
    await page.close();
  });
});
