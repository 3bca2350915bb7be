import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactPackSchema, type Evidence } from '../../lib/facts/schema.ts';
import { sourceViewerHash, sourceViewerPath, type SourceLink } from '../../lib/source-link.ts';
import {
  EXTENSION_DIR,
  launchWithExtension,
  type ExtensionBrowser,
} from '../../scripts/lib/browser.ts';
import { axeViolations } from './axe.ts';
import { waitForStore } from './store-reader.ts';

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results');
const pack = FactPackSchema.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../seeds/facts.json'), 'utf8')),
);

const RELEASE = 'parquet-paris-communique-2024-06-25';
const ARTICLE = 'bfm-techco-fermeture-coco-2024-06-25';

/** The `index`-th passage of a bundled fact, which must cite `sourceId`. */
function evidenceOf(factId: string, index: number, sourceId: string): Evidence {
  const evidence = pack.facts.find((f) => f.id === factId)?.evidence[index];
  if (evidence?.sourceId !== sourceId)
    throw new Error(`${factId} #${index} does not cite ${sourceId}`);
  return evidence;
}

/** "480 victimes", in the release: the passage the viewer opens on. */
const victims = evidenceOf('victims-480', 0, RELEASE);
/** The same figure in BFM's article. */
const victimsInArticle = evidenceOf('victims-480', 1, ARTICLE);
/** "pas moins de 23 051 procédures judiciaires", in the release. */
const proceedings = evidenceOf('proceedings-2021-2024', 0, RELEASE);

const NOT_FOUND = /Cette source n['’]existe pas dans la base|This source is not in the store/;
const MALFORMED = /Cette adresse ne désigne aucune source|This address names no source/;
const WIDE = { width: 1280, height: 800 };

/**
 * True when the whole of the element is inside the window and is what the
 * reader sees there: not scrolled out of its pane, not covered by the header.
 */
async function isInViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  const inWindow =
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= viewport.height &&
    box.x + box.width <= viewport.width;
  const seen = await locator.evaluate((element) =>
    [...element.getClientRects()].every((line) => {
      const hit = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
      return hit !== null && (hit === element || element.contains(hit));
    }),
  );
  return inWindow && seen;
}

describe('the source viewer in Chromium', () => {
  let browser: ExtensionBrowser;
  const viewerUrl = (link: SourceLink) =>
    `chrome-extension://${browser.extensionId}${sourceViewerPath(link)}`;
  const rawViewerUrl = (hash: string) =>
    `chrome-extension://${browser.extensionId}/source.html${hash}`;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchWithExtension();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await waitForStore(page, (s) => s.factCount === pack.facts.length && s.sourceCount === 2);
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the passage, marked, in view and focused, with the source described', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(WIDE);
    await page.goto(viewerUrl(victims));
    const mark = page.locator('mark#passage');
    await mark.waitFor();

    expect(await mark.textContent()).toBe(victims.exact);
    expect(await mark.getAttribute('aria-label')).toMatch(/^(passage cité|cited passage)$/);
    expect(await isInViewport(page, mark)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('passage');
    // The whole text is there, not just the passage.
    expect((await page.getByTestId('source-text').textContent())?.length).toBeGreaterThan(2000);

    const metadata = page.getByTestId('metadata');
    expect(await metadata.textContent()).toContain('Parquet de Paris');
    expect(await metadata.textContent()).toMatch(/source primaire|primary source/);
    expect(await page.locator('h1').textContent()).toContain('fermeture du site « coco »');
    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('aside').count()).toBe(1);

    const fact = page.locator('aside li.fact[data-fact-id="victims-480"]');
    expect(await fact.count()).toBe(1);
    expect(await fact.locator('a[aria-current="location"]').getAttribute('href')).toBe(
      sourceViewerHash(victims),
    );
    await page.screenshot({ path: resolve(SCREENSHOTS, 'source-viewer.png') });
    await page.close();
  });

  it('lists every fact citing the source, with how each passage renders it', async () => {
    const page = await browser.context.newPage();
    await page.goto(viewerUrl({ sourceId: ARTICLE, start: 1131, end: 1223 }));
    await page.locator('mark#passage').waitFor();
    const citing = pack.facts.filter((f) => f.evidence.some((e) => e.sourceId === ARTICLE));
    expect(await page.locator('aside li.fact').count()).toBe(citing.length);
    const rounded = page.locator('aside li.fact[data-fact-id="proceedings-2021-2024"]');
    expect(await rounded.locator('.rendering').textContent()).toMatch(/arrondi|rounds/);
    expect(await rounded.locator('.note').textContent()).toContain('23 051');
    expect(await page.getByTestId('metadata').textContent()).toContain('Thomas Leroy');
    expect(await page.getByTestId('metadata').textContent()).toMatch(/presse|press report/);
    await page.close();
  });

  it('sets the press article’s renderings beside the release’s original passages', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(WIDE);
    await page.goto(viewerUrl({ sourceId: ARTICLE }));
    const section = page.locator('section.press-comparison');
    await section.waitFor();
    const rounded = section.locator('li[data-rendering="rounds"]');
    expect(await rounded.count()).toBeGreaterThan(0);
    const pair = rounded.filter({ hasText: '23.000' }).first();
    expect(await pair.locator('blockquote').first().textContent()).toContain('23 051');
    expect(await pair.locator('blockquote').nth(1).textContent()).toContain('plus de 23.000');
    const altered = section
      .locator('li[data-rendering="alters"]')
      .filter({ hasText: 'absence notoire' });
    expect(await altered.count()).toBe(1);
    expect(await altered.locator('blockquote').first().textContent()).toContain('notoire absence');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(SCREENSHOTS, 'source-viewer-press.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('moves the mark when another fact’s link is followed, without reloading', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(WIDE);
    await page.goto(viewerUrl(victims));
    await page.locator('mark#passage').waitFor();
    await page.evaluate(
      () => ((window as unknown as { sameDocument: boolean }).sameDocument = true),
    );

    await page
      .locator(
        `aside li.fact[data-fact-id="proceedings-2021-2024"] a[href="${sourceViewerHash(proceedings)}"]`,
      )
      .click();
    const mark = page.locator('mark#passage');
    await expect.poll(() => mark.textContent()).toBe(proceedings.exact);
    expect(await page.locator('mark').count()).toBe(1);
    expect(new URL(page.url()).hash).toBe(sourceViewerHash(proceedings));
    expect(await isInViewport(page, mark)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('passage');
    expect(
      await page
        .locator('aside li.fact[data-fact-id="proceedings-2021-2024"] a[aria-current="location"]')
        .count(),
    ).toBe(1);
    expect(await page.locator('aside a[aria-current="location"]').count()).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);

    // Following the current passage's link again brings it back into view.
    await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
    expect(await isInViewport(page, mark)).toBe(false);
    await page.locator('aside a[aria-current="location"]').click();
    await expect.poll(() => isInViewport(page, mark)).toBe(true);

    // And on to the same figure in the other source.
    await page.locator('aside li.fact[data-fact-id="victims-480"] .elsewhere a').click();
    await expect.poll(() => mark.textContent()).toBe(victimsInArticle.exact);
    expect(await isInViewport(page, mark)).toBe(true);
    expect(await page.getByTestId('metadata').textContent()).toContain('BFM');
    await page.close();
  });

  it('says so when the source is not in the store', async () => {
    const page = await browser.context.newPage();
    await page.goto(viewerUrl({ sourceId: 'le-monde-2024-06-26', start: 0, end: 10 }));
    const message = page.getByTestId('not-found');
    await message.waitFor();
    expect(await message.textContent()).toMatch(NOT_FOUND);
    expect(await page.locator('main').textContent()).toContain('le-monde-2024-06-26');
    expect(await page.locator('mark').count()).toBe(0);
    await page.close();
  });

  it.each([
    ['no source', '#start=1836&end=1899'],
    ['an anchor', '#passage'],
    ['no hash at all', ''],
    ['a broken encoding', '#source=%E0%A4%A&start=1&end=2'],
  ])('says so when the address is malformed: %s', async (_case, hash) => {
    const page = await browser.context.newPage();
    await page.goto(rawViewerUrl(hash));
    const message = page.getByTestId('malformed');
    await message.waitFor();
    expect(await message.textContent()).toMatch(MALFORMED);
    await page.close();
  });

  it('shows the source without a mark when the passage is out of range', async () => {
    const page = await browser.context.newPage();
    await page.goto(viewerUrl({ sourceId: RELEASE, start: 50_000, end: 50_063 }));
    const status = page.getByTestId('passage-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/n’est pas dans cette source|is not in this source/);
    expect(await page.locator('mark').count()).toBe(0);
    expect(await page.getByTestId('source-text').textContent()).toContain('480 victimes');
    await page.close();
  });

  it('puts the facts below the text in a narrow window, and follows the dark scheme', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 600, height: 900 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(viewerUrl(proceedings));
    const mark = page.locator('mark#passage');
    await mark.waitFor();
    expect(await isInViewport(page, mark)).toBe(true);
    const main = await page.locator('main').boundingBox();
    const aside = await page.locator('aside').boundingBox();
    expect(aside!.y).toBeGreaterThanOrEqual(main!.y + main!.height);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 25, 29)');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'source-viewer-narrow-dark.png') });
    await page.close();
  });

  it('reads the source from IndexedDB, not from its bundle', () => {
    const chunks = readdirSync(resolve(EXTENSION_DIR, 'chunks')).filter((name) =>
      name.startsWith('source'),
    );
    expect(chunks.length).toBeGreaterThan(0);
    for (const name of chunks) {
      expect(readFileSync(resolve(EXTENSION_DIR, 'chunks', name), 'utf8')).not.toContain(
        '480 victimes',
      );
    }
  });
});
