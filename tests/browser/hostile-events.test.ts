import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { browser as Browser } from 'wxt/browser';
import { HISTORY_ENTRY_LIMITS } from '../../lib/history/entry.ts';
import { cardOf } from './card.ts';
import { openScanned, useSession, tabOf } from './session.ts';

declare const chrome: typeof Browser;

/**
 * A page is an adversary: it can dispatch events of its own. Casefile acts
 * only on the reader's (trusted) events, and the background opens at most
 * one tab a second on a page's behalf.
 */
describe('the extension against a page that sends its own events', () => {
  const session = useSession();

  const open = (name: string): Promise<Page> => openScanned(session.browser, session.server, name);

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
      session.browser.context.pages().filter((p) => p.url().includes('/source.html')).length;
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
    const page = await session.browser.context.newPage();
    await page.goto(`chrome-extension://${session.browser.extensionId}/popup.html`);
    const viewers = () =>
      session.browser.context.pages().filter((p) => p.url().includes('/source.html')).length;
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
    for (const p of session.browser.context.pages())
      if (p.url().includes('/source.html')) await p.close();
    await page.close();
  });

  it('records no history for frames, and at most one entry every two seconds for a tab, however many are sent', async () => {
    // The attack of a page with thousands of claims that changes its address
    // without end, sped up: frames of the extension's own, each at a new
    // address, and the tab itself, send what a content script would, as fast
    // as they can. (What one record keeps, and each site's share of the
    // history, are tested in tests/lib/db-history.test.ts.)
    const page = await session.browser.context.newPage();
    await page.goto(`chrome-extension://${session.browser.extensionId}/popup.html?flood`);
    await page.evaluate(async () => {
      const claim = (i: number) => ({
        text: `Le site Coco a été fermé le 25 juillet 2024 (message ${i}).`,
        start: 0,
        end: 10,
        verdict: 'contradicted',
        reason: 'r',
        reasons: { fr: 'r', en: 'r' },
        checks: [],
      });
      const message = (n: number) => ({
        type: 'casefile:page-checked',
        url: `https://victim.example/${n}`,
        title: 'flood',
        claims: Array.from({ length: 500 }, (_, i) => claim(i)),
        quotes: [],
      });
      for (let n = 0; n < 10; n++) {
        const frame = document.createElement('iframe');
        frame.src = `/popup.html?flood-frame=${n}`;
        await new Promise((loaded) => {
          frame.onload = loaded;
          document.body.append(frame);
        });
        const framed = frame.contentWindow as unknown as { chrome: typeof chrome };
        await framed.chrome.runtime.sendMessage(message(n));
        frame.remove();
      }
      for (let n = 0; n < 20; n++) await chrome.runtime.sendMessage(message(100 + n));
    });
    const stored = () =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('casefile');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const rows = await new Promise<{ url: string; results: { claims: unknown[] } }[]>(
          (resolve, reject) => {
            const request = db.transaction('history').objectStore('history').getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          },
        );
        db.close();
        return {
          frames: rows.filter((row) => row.url.includes('flood-frame')).length,
          tab: rows
            .filter((row) => row.url.endsWith('?flood'))
            .map((row) => row.results.claims.length),
          // The message's address is never used: the sender's is.
          victim: rows.filter((row) => row.url.includes('victim.example')).length,
        };
      });
    await expect.poll(async () => (await stored()).tab.length, { timeout: 10_000 }).toBe(1);
    // Time for any further write to land: none comes.
    await page.waitForTimeout(500);
    expect(await stored()).toEqual({ frames: 0, tab: [HISTORY_ENTRY_LIMITS.claims], victim: 0 });
    await page.close();
  });

  it('lists the page’s own findings in the popup, not those of a frame that answers first', async () => {
    // A frame of another site runs in another process: while the page's main
    // thread is busy, the frame's content script would answer the popup first.
    const otherSite = session.server.origin.replace('127.0.0.1', 'localhost');
    const page = await session.browser.context.newPage();
    await page.goto(
      `${session.server.origin}/hostile/busy-top.html?other=${encodeURIComponent(otherSite)}`,
    );
    await expect.poll(() => page.frames().length, { timeout: 20_000 }).toBe(2);
    const frame = page.frames().find((f) => f.url().includes('frame.html'))!;
    for (const target of [page, frame])
      await expect
        .poll(
          () =>
            target.evaluate(() =>
              [...CSS.highlights.values()].some((highlight) => highlight.size > 0),
            ),
          { timeout: 20_000 },
        )
        .toBe(true);
    const tabId = await tabOf(
      session.browser,
      'busy-top.html?other=' + encodeURIComponent(otherSite),
    );
    expect(tabId).toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as { __busy(ms: number): void }).__busy(3000));
    const popup = await session.browser.context.newPage();
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tab=${tabId}`);
    const claim = popup.locator('.page-summary li.page-claim').first();
    await claim.waitFor({ timeout: 15_000 });
    const texts = await popup.locator('.page-summary li.page-claim').allTextContents();
    expect(texts.join('\n')).toContain('Le site Coco a été fermé le 25 juin 2024 par la justice.');
    expect(texts.join('\n')).not.toContain('Selon le parquet, le site coco.gg');
    await popup.close();
    await page.close();
  });
});
