/**
 * A reader reports a wrong verdict from the card, and finds it in the history
 * page with the fact it rests on, ready to export for the pack's maintainer;
 * the history says when in the reader's own time and links back to the page
 * and the claim.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { cardOf, clickHighlight } from './card.ts';
import { historyPage, SCREENSHOTS, scanned, useSession } from './session.ts';

describe('reporting a wrong verdict', () => {
  const session = useSession();
  const history = () => historyPage(session.browser, { width: 1000, height: 900 });

  it('from the card: only a reader’s own click keeps it, nothing is typed in the page, and the note is written in the history', async () => {
    const article = await session.browser.context.newPage();
    await article.setViewportSize({ width: 1000, height: 800 });
    await article.goto(`${session.server.origin}/article-fr.html`);
    await scanned(article);
    await clickHighlight(article, 'contradicted');
    const card = cardOf(article);
    await card.waitFor();

    // A script's click (untrusted) on the card's button does nothing.
    await card.evaluate((root) => root.querySelector<HTMLElement>('.report-open')!.click());
    expect(await card.text('.report-kept')).toBeNull();

    // In the page, nothing is typed: keystrokes in the card reach the page's listeners.
    await card.click('.report-open');
    await expect.poll(() => card.text('.report-kept'), { timeout: 10_000 }).toMatch(/gardé|kept/);
    expect(await card.evaluate((root) => root.querySelectorAll('textarea, input').length)).toBe(0);
    const claim = await card.text('.page-words');

    const page = await history();
    const reports = page.getByTestId('verdict-report');
    await expect.poll(() => reports.count(), { timeout: 10_000 }).toBe(1);
    const shown = (await reports.first().textContent())!;
    expect(shown).toContain(claim!.trim().slice(0, 40));
    expect(shown).toMatch(/coco-2024\/[a-z0-9-]+/);
    expect(await reports.first().getAttribute('data-verdict')).toBe('contradicted');
    const address = reports.first().locator('a');
    expect(await address.getAttribute('href')).toBe(`${session.server.origin}/article-fr.html`);

    // The note is written here, in the extension's own page.
    await reports
      .first()
      .getByLabel(/What is wrong|Ce qui est faux/)
      .fill('Le chiffre est celui de 2023.');
    await reports
      .first()
      .getByRole('button', { name: /Save the note|Enregistrer la note/ })
      .click();
    await expect
      .poll(async () => (await page.locator('p.status').textContent()) ?? '')
      .toMatch(/Note saved|Note enregistrée/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /JSON\)/ }).click(),
    ]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      format: string;
      reports: {
        url: string;
        claim: string;
        verdict: string;
        note: string;
        facts: { packId: string; id: string; statement: { fr: string; en: string } }[];
      }[];
    };
    expect(file.format).toBe('casefile-verdict-reports');
    expect(file.reports).toHaveLength(1);
    expect(file.reports[0]).toMatchObject({
      url: `${session.server.origin}/article-fr.html`,
      verdict: 'contradicted',
      note: 'Le chiffre est celui de 2023.',
    });
    expect(file.reports[0]!.facts.length).toBeGreaterThan(0);
    expect(file.reports[0]!.facts[0]!.packId).toBe('coco-2024');
    expect(file.reports[0]!.facts[0]!.statement.en.length).toBeGreaterThan(10);

    await reports.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(SCREENSHOTS, 'history-reports.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await reports
      .first()
      .getByRole('button', { name: /Delete|Supprimer/ })
      .click();
    await expect.poll(() => reports.count()).toBe(0);
    await page.close();
    await article.close();
  });

  it('the history says when in local time and links back to the page, scrolled to the claim', async () => {
    const article = await session.browser.context.newPage();
    await article.goto(`${session.server.origin}/article-fr.html`);
    await scanned(article);
    await article.close();
    const page = await history();
    const entry = page.getByTestId('history-entry').first();
    await entry.waitFor({ timeout: 15_000 });
    const time = entry.locator('time').first();
    const iso = (await time.getAttribute('datetime'))!;
    expect(Number.isNaN(Date.parse(iso))).toBe(false);
    expect(await time.textContent()).not.toMatch(/UTC/);
    // The reader's own clock, as the browser keeps it.
    const expected = await page.evaluate((at) => {
      const locale = document.documentElement.querySelector('[lang]')?.getAttribute('lang');
      return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
        dateStyle: 'long',
        timeStyle: 'short',
      }).format(new Date(at));
    }, iso);
    expect(await time.textContent()).toBe(expected);

    const link = entry.locator('li[data-verdict="contradicted"] a.claim-link').first();
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(`${session.server.origin}/article-fr.html#:~:text=`)).toBe(true);
    const [opened] = await Promise.all([
      session.browser.context.waitForEvent('page'),
      link.click(),
    ]);
    await opened.waitForLoadState('load');
    const claimText = decodeURIComponent(href.split(':~:text=')[1]!.split(',')[0]!);
    // The browser scrolled the claim into view (it is below the first screen of the article).
    await expect.poll(() => opened.evaluate(() => scrollY), { timeout: 5_000 }).toBeGreaterThan(0);
    const where = (await opened.evaluate((start) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent!.replace(/\s+/g, ' ').includes(start)) continue;
        const box = (node.parentElement as HTMLElement).getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, height: innerHeight, scrolled: scrollY };
      }
      return null;
    }, claimText))!;
    expect(where.scrolled).toBeGreaterThan(0);
    expect(where.bottom).toBeGreaterThan(0);
    expect(where.top).toBeLessThan(where.height);
    await opened.close();
    await page.close();
  });
});
