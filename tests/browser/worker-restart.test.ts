import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/lib/browser.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import type { browser as Browser } from 'wxt/browser';
import type { PageReport } from '../../utils/messages.ts';
import { startSession } from './session.ts';

declare const chrome: typeof Browser;

/**
 * The engine lives in the service worker, which Chrome stops when it is idle
 * (after 30 s) and may stop at any time. Pages must lose nothing: a request
 * cut off by a stop is sent again, and the next one starts the worker anew.
 */
describe('the extension when its service worker is stopped', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let control: CDPSession;
  /** An extension page: it asks the tabs what they found (the worker's handle goes with each stop). */
  let asker: Page;
  let stops = 0;

  beforeAll(async () => {
    ({ browser, server } = await startSession());
    // The DevTools protocol stops service workers as Chrome does when they idle.
    asker = await browser.context.newPage();
    await asker.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    control = await browser.context.newCDPSession(asker);
    await control.send('ServiceWorker.enable');
    control.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions as { runningStatus: string }[])
        if (version.runningStatus === 'stopped') stops += 1;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Asks the DevTools protocol to stop the worker, waiting a second at most
   * for its answer (a stop asked while the worker is starting may be answered
   * only once it has started, or never).
   */
  const stopWorker = () =>
    Promise.race([
      control.send('ServiceWorker.stopAllWorkers').catch(() => undefined),
      new Promise((done) => setTimeout(done, 1000)),
    ]);

  /** What the content script of `page` reports, asked as the popup asks. */
  function reportOf(page: Page): Promise<PageReport | null> {
    return asker.evaluate(async (url) => {
      const own = (await chrome.tabs.getCurrent())?.id;
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === own) continue;
        const report = (await chrome.tabs
          .sendMessage(tab.id!, { type: 'casefile:get-report' }, { frameId: 0 })
          .catch(() => null)) as PageReport | null;
        if (report?.url === url) return report;
      }
      return null;
    }, page.url());
  }

  /** What the page shows, in a form two loads can be compared in. */
  async function findings(page: Page): Promise<string[]> {
    const report = await reportOf(page);
    return (report?.claims ?? []).map((claim) => `${claim.verdict}: ${claim.text}`).sort();
  }

  async function load(name: string, during?: () => Promise<void>): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/${name}`);
    await during?.();
    // Asked twice a second: each report of 1,500 claims is megabytes to copy
    // on the page's thread, and asking without pause would starve the pass.
    await expect
      .poll(async () => (await reportOf(page))?.passes.count ?? 0, {
        timeout: 60_000,
        interval: 500,
      })
      .toBeGreaterThan(0);
    return page;
  }

  it('finds every claim of a long feed although the worker is stopped again and again during the scan', async () => {
    const calm = await load('long-feed.html');
    const expected = await findings(calm);
    // A quarter supported, half contradicted (32 051, juillet), a quarter unverified.
    expect(expected.length).toBe(1500);
    const count = (verdict: string) => expected.filter((line) => line.startsWith(verdict)).length;
    expect([count('supported'), count('contradicted'), count('unverified')]).toEqual([
      375, 750, 375,
    ]);
    await calm.close();

    const before = stops;
    // The worker is stopped eight times while the page is read.
    const stormy = await load('long-feed.html', async () => {
      for (let i = 0; i < 8; i++) {
        await stopWorker();
        await new Promise((done) => setTimeout(done, 150));
      }
    });
    expect(stops - before).toBeGreaterThan(0);
    expect(await findings(stormy)).toEqual(expected);
    await stormy.close();
  });

  it('reads text a page adds after the worker was stopped idle', async () => {
    const page = await load('article-fr.html');
    const before = (await findings(page)).length;
    const stopped = stops;
    await stopWorker();
    await expect.poll(() => stops, { timeout: 5000 }).toBeGreaterThan(stopped);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Le parquet de Paris a fermé le site Coco le 25 juillet 2024.';
      document.body.append(p);
    });
    await expect
      .poll(async () => (await findings(page)).length, { timeout: 20_000 })
      .toBe(before + 1);
    expect(await findings(page)).toContain(
      'contradicted: Le parquet de Paris a fermé le site Coco le 25 juillet 2024.',
    );
    await page.close();
  });
});
