import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { browser as Browser } from 'wxt/browser';
import { axeViolations } from './axe.ts';
import { cardOf } from './card.ts';
import { SCREENSHOTS, useSession, tabOf as tabOfFixture } from './session.ts';

/** The extension API as the service worker sees it (code passed to `serviceWorker.evaluate`). */
declare const chrome: typeof Browser;

describe('the popup', () => {
  const session = useSession();

  /** A fixture page, scanned, and the id of its tab (asked of its content script). */
  async function openFixture(name: string) {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.origin}/${name}`);
    await page.waitForFunction(
      () => performance.getEntriesByName('casefile:scan').length > 0,
      null,
      {
        timeout: 20_000,
      },
    );
    const tabId = await tabOfFixture(session.browser, name);
    expect(tabId).toBeGreaterThan(0);
    return { page, tabId };
  }

  it('checks a pasted repost on the spot, with the same verdicts as in pages', async () => {
    const popup = await session.browser.context.newPage();
    await popup.setViewportSize({ width: 440, height: 700 });
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html`);
    await popup
      .getByLabel(/Paste a text|Collez un texte/)
      .fill(
        'RT @infos_fr : Le site coco.gg a été fermé le 25 juin 2024. Selon le parquet, 32 051 procédures liées à Coco ont été ouvertes. « Dans l’ensemble des procédures recensées, la plateforme coco a été utilisée spécifiquement pour son absence notoire de modération »',
      );
    await popup.getByRole('button', { name: /^(Check|Vérifier)$/ }).click();
    const result = popup.getByTestId('paste-result');
    await result.locator('li.page-claim').first().waitFor({ timeout: 10_000 });
    expect(await result.locator('li.page-claim').first().getAttribute('data-verdict')).toBe(
      'contradicted',
    );
    expect(await result.locator('li.page-claim').first().textContent()).toContain('23,051');
    expect(await result.locator('li.page-quote[data-fidelity="altered"]').count()).toBeGreaterThan(
      0,
    );
    expect(await result.locator('li.page-quote del').count()).toBeGreaterThan(0);
    await result.scrollIntoViewIfNeeded();
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-paste.png') });
    await popup.close();
  });

  it('shows a claim in the page when it is chosen in the list', async () => {
    const { page, tabId } = await openFixture('article-fr.html');
    const popup = await session.browser.context.newPage();
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tab=${tabId}`);
    const first = popup.locator('.page-summary li.page-claim').first();
    await first.waitFor({ timeout: 10_000 });
    await first.locator('button.page-text').click();
    const card = cardOf(page);
    await card.waitFor();
    expect(await card.text('.page-words')).toContain('32 051');
    await popup.close();
    await page.close();
  });

  it('has the page copy its report again only when it has read more', async () => {
    const { page, tabId } = await openFixture('article-fr.html');
    const ask = (since?: string) =>
      session.browser.serviceWorker.evaluate(
        async ([tab, version]) =>
          (await chrome.tabs.sendMessage(
            tab,
            { type: 'casefile:get-report', ...(version && { since: version }) },
            { frameId: 0 },
          )) as { version?: string; unchanged?: boolean; claims?: unknown[] },
        [tabId, since] as const,
      );
    const first = await ask();
    expect(first.claims!.length).toBeGreaterThan(0);
    expect(await ask(first.version)).toEqual({ unchanged: true });
    // The page grows: the next answer is a whole report again, with one more claim.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent =
        'Selon le parquet, 480 victimes ont été recensées dans les procédures liées au site Coco.';
      document.body.append(p);
    });
    await expect
      .poll(async () => (await ask(first.version)).claims?.length ?? 0, { timeout: 10_000 })
      .toBe(first.claims!.length + 1);
    await page.close();
  });

  it('has no accessibility violations (axe-core), with a page report and a checked text', async () => {
    const { page, tabId } = await openFixture('article-en.html');
    const popup = await session.browser.context.newPage();
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('.page-summary li.page-claim').first().waitFor({ timeout: 10_000 });
    await popup
      .getByLabel(/Paste a text|Collez un texte/)
      .fill('Coco was registered in Malta, French prosecutors said.');
    await popup.getByRole('button', { name: /^(Check|Vérifier)$/ }).click();
    await popup.getByTestId('paste-result').locator('li').first().waitFor({ timeout: 10_000 });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });
});
