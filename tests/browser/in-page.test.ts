import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { browser as Browser } from 'wxt/browser';
import { reportOf } from '../../scripts/lib/browser.ts';
import { ensureChromium } from '../../scripts/lib/chromium.ts';
import { HIGHLIGHT_KINDS, type HighlightKind } from '../../utils/highlight-kinds.ts';
import { cardOf, clickHighlight } from './card.ts';
import { openScanned, PAGES, SCREENSHOTS, useSession, tabOf as tabOfFixture } from './session.ts';

/** The extension API as the service worker sees it (code passed to `serviceWorker.evaluate`). */
declare const chrome: typeof Browser;

interface Expectations {
  mentions: string[];
  claims: { contains: string; verdict: 'supported' | 'contradicted' | 'unverified' }[];
  notHighlighted: string[];
  quotes?: {
    contains: string;
    fidelity: 'exact' | 'translated' | 'altered' | 'unsourced';
    marked?: boolean;
  }[];
}
interface Edited {
  beforeText: string;
  afterText: string;
  before: Expectations['claims'][number]['verdict'];
  after: Expectations['claims'][number]['verdict'];
}
const expected = JSON.parse(readFileSync(resolve(PAGES, 'expected.json'), 'utf8')) as Record<
  string,
  Expectations & {
    initial?: Expectations;
    added?: Expectations;
    spa?: Expectations;
    edited?: Edited;
  }
>;

type Painted = Record<HighlightKind, string[]>;

/** The text of every painted range, by kind, read from the page's highlight registry. */
function painted(page: Page): Promise<Painted> {
  return page.evaluate((kinds) => {
    const out = {} as Painted;
    for (const kind of kinds) {
      const highlight = CSS.highlights.get(`casefile-${kind}`) as unknown as Set<Range> | undefined;
      out[kind] = highlight ? [...highlight].map((r) => r.toString().replace(/\s+/g, ' ')) : [];
    }
    return out;
  }, HIGHLIGHT_KINDS);
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

function expectPage(p: Painted, e: Partial<Expectations>): void {
  for (const mention of e.mentions ?? [])
    expect(p.mention, `mention ${mention}`).toContain(mention);
  for (const claim of e.claims ?? []) {
    const hits = p[claim.verdict].filter((text) => text.includes(flat(claim.contains)));
    expect(hits, `${claim.verdict}: ${claim.contains}`).not.toHaveLength(0);
  }
  // Each quotation in the style of what its tracing found.
  const quoteKind = {
    exact: 'quote',
    translated: 'quote',
    altered: 'quote-altered',
    unsourced: 'quote-unsourced',
  } as const;
  for (const quote of e.quotes ?? []) {
    const hits = p[quoteKind[quote.fidelity]].filter((text) => text.includes(flat(quote.contains)));
    if (quote.marked === false && quote.fidelity === 'altered') {
      // A changed copy without quotation marks claims no quotation: its claim is painted, not it.
      expect(hits, `unmarked copy painted as a quotation: ${quote.contains}`).toHaveLength(0);
    } else {
      expect(hits, `${quote.fidelity} quotation: ${quote.contains}`).not.toHaveLength(0);
    }
  }
  const all = Object.values(p).flat();
  for (const text of e.notHighlighted ?? []) {
    expect(
      all.filter((t) => t.includes(flat(text))),
      `not highlighted: ${text}`,
    ).toHaveLength(0);
  }
}

describe('the extension in pages', () => {
  const session = useSession();

  const open = (name: string): Promise<Page> => openScanned(session.browser, session.server, name);

  it.each(['article-fr.html', 'article-en.html', 'hostile.html'])(
    'paints the right texts with the right verdicts on %s',
    async (name) => {
      const page = await open(name);
      expectPage(await painted(page), expected[name]!);
      await page.screenshot({ path: resolve(SCREENSHOTS, name.replace('.html', '.png')) });
      await page.close();
    },
  );

  it('paints legibly on a dark, large-print page: brighter colours, lines that grow with the text', async () => {
    const styles = async (name: string) => {
      const page = await open(name);
      const read = await page.evaluate(() => {
        const style = (kind: string) => {
          const s = getComputedStyle(document.querySelector('p')!, `::highlight(casefile-${kind})`);
          return {
            background: s.backgroundColor,
            line: s.textDecorationColor,
            thickness: s.textDecorationThickness,
          };
        };
        return { contradicted: style('contradicted'), supported: style('supported') };
      });
      await page.screenshot({
        path: resolve(SCREENSHOTS, `styles-${name.replace('.html', '.png')}`),
      });
      const counts = await page.evaluate(() => ({
        contradicted:
          (CSS.highlights.get('casefile-contradicted') as unknown as Set<Range>)?.size ?? 0,
      }));
      await page.close();
      return { ...read, counts };
    };
    const dark = await styles('dark.html');
    const light = await styles('article-fr.html');
    expect(dark.counts.contradicted).toBeGreaterThan(0);
    // Light lines on the dark page, dark ones on the light page.
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/[\d.]+/g)!.map(Number) as [number, number, number];
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    expect(luminance(dark.contradicted.line)).toBeGreaterThan(0.5);
    expect(luminance(light.contradicted.line)).toBeLessThan(0.4);
    expect(luminance(dark.supported.line)).toBeGreaterThan(0.5);
    expect(dark.contradicted.background).not.toBe(light.contradicted.background);
    // 28 px text: the line is thicker than 2 px.
    expect(Number.parseFloat(dark.contradicted.thickness)).toBeGreaterThan(2);
  });

  it('paints nothing on a page full of coco that is not about the case', async () => {
    const page = await open('coco-unrelated.html');
    const p = await painted(page);
    expect(Object.values(p).flat()).toEqual([]);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'coco-unrelated.png') });
    await page.close();
  });

  it('reads same-origin frames and open shadow roots', async () => {
    const page = await open('frames.html');
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    await frame!.waitForFunction(
      () => performance.getEntriesByName('casefile:scan').length > 0,
      null,
      {
        timeout: 20_000,
      },
    );
    const framed = await frame!.evaluate(() => {
      const highlight = CSS.highlights.get('casefile-supported') as unknown as
        Set<Range> | undefined;
      return highlight ? [...highlight].map((r) => r.toString()) : [];
    });
    expect(framed.some((t) => t.includes('480 victimes'))).toBe(true);
    // The shadow root's sentence is painted, and styled there too.
    const shadowed = await page.evaluate(() => {
      const shadow = document.querySelector('press-quote')!.shadowRoot!;
      const highlight = CSS.highlights.get('casefile-supported') as unknown as Set<Range>;
      const texts = [...highlight]
        .filter((r) => shadow.contains(r.startContainer))
        .map((r) => r.toString());
      return { texts, styled: shadow.adoptedStyleSheets.length };
    });
    expect(shadowed.texts.some((t) => t.includes('Guernesey'))).toBe(true);
    expect(shadowed.styled).toBe(1);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'frames.png') });
    await page.close();
  });

  it('records the casefile:scan and casefile:highlight measures', async () => {
    const page = await open('article-fr.html');
    const measures = await page.evaluate(() =>
      ['casefile:scan', 'casefile:highlight'].map(
        (name) => performance.getEntriesByName(name).length,
      ),
    );
    expect(measures[0]).toBeGreaterThan(0);
    expect(measures[1]).toBeGreaterThan(0);
    await page.close();
  });

  it('highlights posts a feed adds later, a single-page navigation and text edited in place', async () => {
    const page = await open('feed.html');
    expectPage(await painted(page), expected['feed.html']!.initial!);
    await page.waitForFunction(() => document.body.dataset.feedDone === 'true', null, {
      timeout: 30_000,
    });
    await expect
      .poll(
        async () => {
          const p = await painted(page);
          return expected['feed.html']!.added!.claims.every((c) =>
            p[c.verdict].some((t) => t.includes(flat(c.contains))),
          );
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expectPage(await painted(page), expected['feed.html']!.added!);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'feed.png') });

    // A post whose text a script edited in place ("23 051" became "23 500") is read again.
    const edited = expected['feed.html']!.edited!;
    await expect
      .poll(
        async () =>
          (await painted(page))[edited.after].some((t) => t.includes(flat(edited.afterText))),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    expect(
      (await painted(page))[edited.before].some((t) => t.includes(flat(edited.beforeText))),
    ).toBe(false);

    await page.click('#spa-link');
    await expect
      .poll(
        async () => {
          const p = await painted(page);
          return expected['feed.html']!.spa!.claims.every((c) =>
            p[c.verdict].some((t) => t.includes(flat(c.contains))),
          );
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.close();
  });

  it('opens a card with the source passage on click, and the source link opens the marked passage', async () => {
    const page = await open('article-fr.html');
    await clickHighlight(page, 'contradicted');
    const card = cardOf(page);
    await card.waitFor();
    expect(await card.text('.verdict')).toMatch(/Contradicted|Contredit/);
    expect(await card.text('blockquote')).toContain('procédures judiciaires');
    expect(await card.text('.who')).toContain('Parquet de Paris');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'card.png') });

    const [viewer] = await Promise.all([
      session.browser.context.waitForEvent('page'),
      card.click('button.link'),
    ]);
    await viewer.waitForLoadState();
    expect(viewer.url()).toContain(
      `chrome-extension://${session.browser.extensionId}/source.html#source=`,
    );
    const mark = viewer.locator('mark#passage');
    await mark.waitFor({ timeout: 10_000 });
    expect(await mark.textContent()).toContain('23 051 procédures judiciaires');
    await viewer.close();
    await page.close();
  });

  it('places the card beside its claim, never over it, inside the window', async () => {
    const page = await open('article-fr.html');
    await page.setViewportSize({ width: 1000, height: 700 });
    const card = cardOf(page);
    for (const block of ['start', 'center', 'end'] as const) {
      for (const kind of ['contradicted', 'supported'] as const) {
        const claim = await page.evaluate(
          ({ name, block }) => {
            const range = [...(CSS.highlights.get(name) as unknown as Set<Range>)][0]!;
            range.startContainer.parentElement!.scrollIntoView({ block });
            const rects = [...range.getClientRects()].map((r) => ({
              top: r.top,
              bottom: r.bottom,
              left: r.left,
              right: r.right,
            }));
            return {
              rects,
              click: { x: rects[0]!.left + 4, y: (rects[0]!.top + rects[0]!.bottom) / 2 },
            };
          },
          { name: `casefile-${kind}`, block },
        );
        await page.mouse.click(claim.click.x, claim.click.y);
        await card.waitFor();
        const box = (await card.box('.card'))!;
        const where = `${kind} claim at the ${block}`;
        expect(box.y, where).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height, where).toBeLessThanOrEqual(700);
        expect(box.x + box.width, where).toBeLessThanOrEqual(1000);
        for (const r of claim.rects) {
          const covers =
            box.y < r.bottom &&
            r.top < box.y + box.height &&
            box.x < r.right &&
            r.left < box.x + box.width;
          expect(covers, `${where}: the card covers its line ${JSON.stringify(r)}`).toBe(false);
        }
        await page.keyboard.press('Escape');
        await expect.poll(() => card.isOpen()).toBe(false);
      }
    }
    await page.close();
  });

  it('moves through highlights with the keyboard, and Escape closes the card and gives the focus back', async () => {
    const page = await open('article-fr.html');
    await page.locator('body').focus();
    await page.keyboard.press('Alt+Shift+KeyN');
    const card = cardOf(page);
    await card.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe(
      'casefile-card',
    );
    const first = await card.text('.page-words');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => card.text('.page-words')).not.toBe(first);
    expect((await painted(page)).current).toHaveLength(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('casefile-card').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.close();
  });

  it('steps through the contradicted claims only with Alt+Shift+J / K, and describes each card to screen readers', async () => {
    const page = await open('article-fr.html');
    const contradicted = (await reportOf(session.browser, page.url()))!.claims.filter(
      (c) => c.verdict === 'contradicted',
    );
    expect(contradicted.length).toBeGreaterThan(1);
    await page.locator('body').focus();
    const card = cardOf(page);
    const seen: string[] = [];
    for (let i = 0; i < contradicted.length; i++) {
      await page.keyboard.press('Alt+Shift+KeyJ');
      await card.waitFor();
      await expect
        .poll(async () => (await card.text('.page-words')) ?? '')
        .not.toBe(seen.at(-1) ?? '');
      expect(await card.text('.verdict')).toMatch(/Contradicted|Contredit/);
      seen.push((await card.text('.page-words'))!);
      // The dialog's description: its verdict and its reason, in a polite live region.
      const description = await card.evaluate((root) => {
        const dialog = root.querySelector('[role="dialog"]')!;
        const region = root.getElementById(dialog.getAttribute('aria-describedby')!)!;
        return { text: region.textContent, live: region.getAttribute('aria-live') };
      });
      expect(description.live).toBe('polite');
      expect(description.text).toMatch(/^(Contradicted|Contredit) — .+/);
    }
    // Every contradicted claim, each once, in page order; then back to the first.
    expect(new Set(seen).size).toBe(contradicted.length);
    await page.keyboard.press('Alt+Shift+KeyJ');
    await expect.poll(() => card.text('.page-words')).toBe(seen[0]);
    await page.keyboard.press('Alt+Shift+KeyK');
    await expect.poll(() => card.text('.page-words')).toBe(seen.at(-1));
    await page.close();
  });

  it('keeps the card whole on a page whose styles attack it, and does not loop on a page that rewrites itself', async () => {
    const page = await open('hostile.html');
    await clickHighlight(page, 'supported');
    const card = cardOf(page);
    await card.waitFor();
    const box = await card.box();
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.height).toBeGreaterThan(80);
    const style = await card.evaluate((root) => {
      const s = getComputedStyle(root.querySelector('.card')!);
      return { display: s.display, visibility: s.visibility, font: s.fontFamily };
    });
    expect(style.display).toBe('block');
    expect(style.visibility).toBe('visible');
    expect(style.font).not.toMatch(/monospace/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'hostile-card.png') });
    // The page rewrites text every frame (about 60 times a second): the
    // extension reads the changed parts a few times a second at most.
    const before = await page.evaluate(() => performance.getEntriesByName('casefile:scan').length);
    await page.waitForTimeout(3000);
    const after = await page.evaluate(() => performance.getEntriesByName('casefile:scan').length);
    expect(after - before).toBeLessThanOrEqual(12);
    expect(after - before).toBeGreaterThan(0);
    await page.close();
  });

  it('counts the contradicted claims on a red badge, and says what it counts', async () => {
    const page = await open('article-fr.html');
    const tabId = await tabOf('article-fr.html');
    const claims = (await reportOf(session.browser, page.url()))!.claims;
    const contradicted = claims.filter((c) => c.verdict === 'contradicted').length;
    expect(contradicted).toBeGreaterThan(0);
    expect(claims.length).toBeGreaterThan(contradicted);
    const badge = await session.browser.serviceWorker.evaluate(async (id) => {
      const text = await chrome.action.getBadgeText({ tabId: id });
      const color = await chrome.action.getBadgeBackgroundColor({ tabId: id });
      const title = await chrome.action.getTitle({ tabId: id });
      return { text, color, title };
    }, tabId);
    // Red means contradicted: the number beside it is theirs, not every claim's.
    expect(badge.text).toBe(String(contradicted));
    expect(badge.color.slice(0, 3)).toEqual([198, 40, 40]);
    expect(badge.title).toMatch(new RegExp(`${contradicted}\\D.*\\D${claims.length}$`));
    // The next page in the same tab, with nothing about the case, clears it.
    await page.goto(page.url().replace('article-fr.html', 'coco-unrelated.html'));
    expect(await tabOf('coco-unrelated.html')).toBe(tabId);
    await expect
      .poll(() =>
        session.browser.serviceWorker.evaluate(
          (id) => chrome.action.getBadgeText({ tabId: id }),
          tabId,
        ),
      )
      .toBe('');
    await page.close();
  });

  it('lists every claim of the page in the popup, contradicted first, with the per-site switch', async () => {
    const page = await open('article-fr.html');
    const tabId = await tabOf('article-fr.html');
    const popup = await session.browser.context.newPage();
    await popup.setViewportSize({ width: 440, height: 600 });
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('page-counts').waitFor({ timeout: 10_000 });
    expect(await popup.getByTestId('page-counts').textContent()).toMatch(/^2 contradicted/);
    const first = popup.locator('li.page-claim').first();
    expect(await first.getAttribute('data-verdict')).toBe('contradicted');
    expect(await first.textContent()).toContain('32 051');
    expect(await popup.getByLabel('Highlight on 127.0.0.1').isChecked()).toBe(true);
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-page.png') });
    await popup.close();
    await page.close();
  });

  it('names the page in the popup, follows it as it grows, and tells a page not read from one unrelated', async () => {
    const page = await open('article-en.html');
    const tabId = await tabOf('article-en.html');
    const popup = await session.browser.context.newPage();
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('page-counts').waitFor({ timeout: 10_000 });
    expect(await popup.locator('.page-name').textContent()).toBe(await page.title());
    const before = await popup.locator('li.page-claim').count();
    // The page grows while the popup is open: the list follows.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent =
        'Update: the Paris prosecutor said the Coco site was shut down on 25 June 2024, with searches in seven countries.';
      document.body.append(p);
    });
    await expect
      .poll(() => popup.locator('li.page-claim').count(), { timeout: 10_000 })
      .toBeGreaterThan(before);
    await popup.close();

    // Switched off for the site: the popup says the page is not read, not that it is unrelated.
    await setSettings({ enabled: true, disabledSites: ['127.0.0.1'] });
    await page.reload();
    await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 5000 }).toBe(0);
    const offPopup = await session.browser.context.newPage();
    await offPopup.goto(
      `chrome-extension://${session.browser.extensionId}/popup.html?tab=${tabId}`,
    );
    const none = offPopup.locator('.page-none');
    await none.waitFor({ timeout: 10_000 });
    expect(await none.textContent()).toMatch(
      /Highlighting is off here|Le surlignage est désactivé ici/,
    );
    await setSettings({ enabled: true, disabledSites: [] });
    await offPopup.close();
    await page.close();
  });

  it('checks a selection on demand, even where highlighting is off', async () => {
    await setSettings({ enabled: false, disabledSites: [] });
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.origin}/coco-unrelated.html`);
    await page.waitForTimeout(500);
    const tabId = await tabOf('coco-unrelated.html');
    // What the context menu entry sends when the user checks a selection.
    await session.browser.serviceWorker.evaluate(async (id) => {
      await chrome.tabs.sendMessage(id, {
        type: 'casefile:check-selection',
        text: 'Le site coco.gg a été fermé le 25 juillet 2024 par la justice.',
      });
    }, tabId);
    const card = cardOf(page);
    await card.waitFor();
    expect(await card.text('.verdict')).toMatch(/Contradicted|Contredit/);
    await setSettings({ enabled: true, disabledSites: [] });
    await page.close();
  });

  it('keeps a highlighted claim’s verdict when the reader checks part of it as a selection', async () => {
    const page = await open('article-fr.html');
    const tabId = await tabOf('article-fr.html');
    // Read alone, this fragment does not name the case; on the page it is a red claim.
    const fragment = '32 051 procédures judiciaires auraient été ouvertes';
    await page.evaluate((words) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(words);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    }, fragment);
    await session.browser.serviceWorker.evaluate(
      async ({ id, text }) => {
        await chrome.tabs.sendMessage(id, { type: 'casefile:check-selection', text });
      },
      { id: tabId, text: fragment },
    );
    const card = cardOf(page);
    await card.waitFor();
    const all = (await card.text()) ?? '';
    expect(await card.text('.verdict')).toMatch(/Contradicted|Contredit/);
    expect(await card.text('.title')).toMatch(
      /^(Vérification de la sélection|Checking the selection)$/,
    );
    expect(all).not.toMatch(/Mention of the Coco case|Mention de l’affaire Coco/);
    expect(all).not.toMatch(/does not speak|ne parle pas/);
    await page.close();
  });

  /** The id of the tab showing `name`, asked of the content scripts (tab URLs are not ours to read). */
  async function tabOf(name: string): Promise<number> {
    const id = await tabOfFixture(session.browser, name);
    expect(id).toBeGreaterThan(0);
    return id;
  }

  async function setSettings(settings: {
    enabled: boolean;
    disabledSites: string[];
  }): Promise<void> {
    await session.browser.serviceWorker.evaluate(
      (value) => chrome.storage.local.set({ 'casefile:settings': value }),
      settings,
    );
  }

  it('restores the page exactly when highlighting is switched off, globally or for the site', async () => {
    // The page as it is without the extension at all.
    const plain = await chromium.launch({
      executablePath: ensureChromium(),
      args: ['--no-sandbox'],
    });
    const plainPage = await plain.newPage();
    await plainPage.goto(`${session.server.origin}/article-fr.html`);
    await plainPage.waitForTimeout(300);
    const original = await plainPage.evaluate(() => document.body.innerHTML);
    await plain.close();

    for (const settings of [
      { enabled: false, disabledSites: [] },
      { enabled: true, disabledSites: ['127.0.0.1'] },
    ]) {
      const page = await open('article-fr.html');
      // Open a card first, so that switching off has something to remove.
      await page.keyboard.press('Alt+Shift+KeyN');
      await page.locator('casefile-card').waitFor({ timeout: 5000 });
      await setSettings(settings);
      await expect.poll(async () => Object.values(await painted(page)).flat().length).toBe(0);
      expect(await page.locator('casefile-card').count()).toBe(0);
      expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);
      // The setting persists: a new page of the site stays clean.
      const again = await session.browser.context.newPage();
      await again.goto(`${session.server.origin}/article-fr.html`);
      await again.waitForTimeout(1000);
      expect(Object.values(await painted(again)).flat()).toEqual([]);
      await again.close();
      await setSettings({ enabled: true, disabledSites: [] });
      await page.close();
    }
  });
});
