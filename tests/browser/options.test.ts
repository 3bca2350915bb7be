import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_LIMITS } from '../../lib/db.ts';
import type { browser as Browser } from 'wxt/browser';
import { FactPackSchema, type FactPack } from '../../lib/facts/schema.ts';
import {
  EXTENSION_DIR,
  launchWithExtension,
  type ExtensionBrowser,
} from '../../scripts/lib/browser.ts';
import { axeViolations } from './axe.ts';
import { readStore, waitForStore } from './store-reader.ts';

/** The extension API as the service worker sees it (code passed to `serviceWorker.evaluate`). */
declare const chrome: typeof Browser;

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results');
const SETTINGS_KEY = 'casefile:settings';
const bundled = FactPackSchema.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../seeds/facts.json'), 'utf8')),
);
const [firstFact] = bundled.facts;
if (!firstFact) throw new Error('seeds/facts.json has no fact');

/** A user's pack of one fact; its evidence cites the stored sources, so it carries none. */
function notesPack(id: string, title: string): FactPack {
  return {
    format: 'casefile-facts',
    formatVersion: 1,
    id,
    title,
    revised: '2026-11-24',
    facts: [firstFact!],
  };
}

const HEADINGS = {
  fr: ['Paquets de faits', 'Sites où le surlignage est désactivé', 'Historique', 'Langue'],
  en: ['Fact packs', 'Sites where highlighting is off', 'History', 'Language'],
};

/**
 * The texts of the page whose contrast with their background is under 4.5:1
 * (WCAG AA), with the ratio found. Disabled controls are exempt. The background
 * is the first opaque one among the element and its ancestors.
 */
function lowContrastTexts(page: Page): Promise<{ checked: number; low: string[] }> {
  return page.evaluate(() => {
    const rgb = (css: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const backgroundOf = (element: Element | null): string => {
      for (let e = element; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (rgb(bg).a > 0 && bg !== 'transparent') return bg;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    const found: string[] = [];
    let checked = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim() || element.closest(':disabled, .visually-hidden'))
        continue;
      checked += 1;
      const l1 = luminance(rgb(getComputedStyle(element).color));
      const l2 = luminance(rgb(backgroundOf(element)));
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      if (ratio < 4.5) found.push(`${ratio.toFixed(2)} ${node.textContent.trim().slice(0, 40)}`);
    }
    return { checked, low: found };
  });
}

describe('the options page in Chromium', () => {
  let browser: ExtensionBrowser;
  let files: string;
  const optionsUrl = () => `chrome-extension://${browser.extensionId}/options.html`;

  /** Writes `content` to a temporary file and returns its path. */
  function tempFile(name: string, content: string): string {
    const path = join(files, name);
    writeFileSync(path, content);
    return path;
  }

  async function storedSettings(): Promise<Record<string, unknown> | undefined> {
    const all = await browser.serviceWorker.evaluate(
      (key) => chrome.storage.local.get(key),
      SETTINGS_KEY,
    );
    return all[SETTINGS_KEY] as Record<string, unknown> | undefined;
  }

  async function setStoredSettings(value: unknown): Promise<void> {
    await browser.serviceWorker.evaluate(
      ([key, settings]) => chrome.storage.local.set({ [key as string]: settings }),
      [SETTINGS_KEY, value] as const,
    );
  }

  /** The options page, open, with its packs table shown. */
  async function openOptions(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(optionsUrl());
    await page.locator('tr[data-pack-id="coco-2024"]').waitFor();
    await page.getByTestId('language').waitFor();
    return page;
  }

  const row = (page: Page, packId: string): Locator => page.locator(`tr[data-pack-id="${packId}"]`);
  const packRows = (page: Page) => page.locator('table[data-testid="packs"] tbody tr');

  async function importFile(page: Page, path: string): Promise<void> {
    await page.getByTestId('import-input').setInputFiles(path);
  }

  async function headings(page: Page): Promise<string[]> {
    return page.locator('main h2').allTextContents();
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    files = mkdtempSync(join(tmpdir(), 'casefile-options-'));
    browser = await launchWithExtension();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await waitForStore(page, (s) => s.factCount === bundled.facts.length && s.sourceCount === 2);
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is the extension’s options page, opened in a tab', () => {
    const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
  });

  it('lists the bundled pack with its 37 facts, in a page with landmarks and labelled controls', async () => {
    const page = await openOptions();
    const bundledRow = row(page, 'coco-2024');
    expect(await bundledRow.getByTestId('fact-count').textContent()).toBe('37');
    expect(await bundledRow.locator('th').textContent()).toBe(bundled.title);
    expect(await bundledRow.getByTestId('origin').textContent()).toMatch(/^(Fourni|Bundled)$/);
    expect(await bundledRow.locator('time').getAttribute('datetime')).toBe(bundled.revised);
    // The bundled pack can be exported, never removed.
    expect(await bundledRow.getByTestId('export').count()).toBe(1);
    expect(await bundledRow.getByTestId('remove').count()).toBe(0);
    expect(await packRows(page).count()).toBe(1);

    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    expect([HEADINGS.fr, HEADINGS.en]).toContainEqual(await headings(page));
    // Every control has an accessible name (a label, or aria-label).
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select')]
        .filter((el) => {
          const control = el as HTMLInputElement;
          const labelled = control.labels && control.labels.length > 0;
          return !labelled && !el.getAttribute('aria-label') && !el.textContent?.trim();
        })
        .map((el) => el.outerHTML),
    );
    expect(unnamed).toEqual([]);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'options.png'), fullPage: true });
    await page.close();
  });

  it('can be used with the keyboard alone: every control is reached with Tab and shows its focus', async () => {
    const page = await openOptions();
    const reached: { control: string; outline: string }[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        // The file input is visually hidden: its label, styled as a button, shows the focus.
        const shown = el.matches('input[type=file]') ? (el as HTMLInputElement).labels![0]! : el;
        const style = getComputedStyle(shown);
        return {
          control: el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.id,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
        };
      });
      if (!focused || reached.some((r) => r.control === focused.control)) break;
      reached.push(focused);
    }
    expect(reached.map((r) => r.control)).toEqual(
      expect.arrayContaining([
        'export',
        'import-input',
        'enabled',
        'history',
        'history-days',
        'language',
      ]),
    );
    for (const { control, outline } of reached) expect(outline, control).toMatch(/^solid [1-9]/);
    await page.close();
  });

  it('switches its language at once and keeps the choice', async () => {
    const page = await openOptions();
    await page.getByTestId('language').selectOption('en');
    expect(await headings(page)).toEqual(HEADINGS.en);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await row(page, 'coco-2024').getByTestId('origin').textContent()).toBe('Bundled');

    await page.getByTestId('language').selectOption('fr');
    expect(await headings(page)).toEqual(HEADINGS.fr);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.title()).toBe('Réglages de Casefile');
    await expect.poll(async () => (await storedSettings())?.language).toBe('fr');

    // A new page opens in the chosen language.
    const again = await openOptions();
    expect(await headings(again)).toEqual(HEADINGS.fr);
    await again.close();

    await page.getByTestId('language').selectOption('auto');
    await expect.poll(async () => (await storedSettings())?.language).toBe('auto');
    await page.close();
  });

  it('refuses a malformed pack, lists every problem by path, and changes nothing', async () => {
    const page = await openOptions();
    await page.getByTestId('language').selectOption('en');
    const bad = structuredClone(notesPack('bad-notes', 'Bad notes')) as unknown as {
      facts: { evidence: { start: unknown }[] }[];
    };
    bad.facts[0]!.evidence[0]!.start = '12';
    await importFile(page, tempFile('bad-notes.json', JSON.stringify(bad)));

    const alert = page.getByTestId('import-alert');
    await expect.poll(() => alert.textContent()).toContain('facts.0.evidence.0.start');
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toContain('bad-notes.json was not imported');
    expect(await alert.locator('li').count()).toBeGreaterThan(0);
    expect(await packRows(page).count()).toBe(1);
    expect((await readStore(page))?.packIds).toEqual(['coco-2024']);
    await page.screenshot({
      path: resolve(SCREENSHOTS, 'options-import-error.png'),
      fullPage: true,
    });
    // No accessibility violation, with the error shown.
    expect(await axeViolations(page)).toEqual([]);

    // Not JSON at all.
    await importFile(page, tempFile('notes.json', '{"format": "casefile-facts",'));
    await expect.poll(() => alert.textContent()).toContain('(file): not valid JSON');
    expect(await packRows(page).count()).toBe(1);
    await page.getByTestId('language').selectOption('auto');
    await page.close();
  });

  it('imports a pack, then replaces it when the same id comes again', async () => {
    // The service worker's engine, built before the import, is built again
    // with the pack's fact at the next check after it.
    const built: string[] = [];
    browser.serviceWorker.on('console', (message) => built.push(message.text()));
    const checkInPopup = async () => {
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.getByLabel(/Paste a text|Collez un texte/).fill('Le site coco.gg a été fermé.');
      await popup.getByRole('button', { name: /^(Check|Vérifier)$/ }).click();
      await popup.getByTestId('paste-result').locator('li').first().waitFor({ timeout: 10_000 });
      await popup.close();
    };
    await checkInPopup();
    const page = await openOptions();
    await page.getByTestId('language').selectOption('en');
    const path = tempFile('my-notes.json', JSON.stringify(notesPack('my-notes', 'Mes notes')));
    await importFile(page, path);

    const added = row(page, 'my-notes');
    await added.waitFor();
    expect(await added.getByTestId('fact-count').textContent()).toBe('1');
    expect(await added.locator('th').textContent()).toBe('Mes notes');
    expect(await added.getByTestId('origin').textContent()).toBe('Imported');
    const status = page.getByTestId('import-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toBe('Imported Mes notes: 1 fact');
    expect(await page.getByTestId('import-alert').textContent()).toBe('');
    expect(await packRows(page).count()).toBe(2);
    // The bundled pack first.
    expect(await packRows(page).first().getAttribute('data-pack-id')).toBe('coco-2024');

    built.length = 0;
    await checkInPopup();
    expect(built).toContain('[casefile] engine built from 38 facts');

    await importFile(page, path);
    await expect.poll(() => status.textContent()).toBe('Replaced Mes notes: 1 fact');
    expect(await packRows(page).count()).toBe(2);
    expect((await readStore(page))?.packIds.sort()).toEqual(['coco-2024', 'my-notes']);
    await page.getByTestId('language').selectOption('auto');
    await page.close();
  });

  it('exports the bundled pack as a JSON file that a pack parser accepts', async () => {
    const page = await openOptions();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row(page, 'coco-2024').getByTestId('export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('coco-2024.json');
    const text = readFileSync(await download.path(), 'utf8');
    // Pretty-printed, for a person to read.
    expect(text).toContain('\n  "facts": [');
    const exported = FactPackSchema.parse(JSON.parse(text));
    expect(exported.id).toBe('coco-2024');
    expect(exported.facts).toHaveLength(37);
    expect(exported.sources?.map((s) => s.id).sort()).toEqual([
      'bfm-techco-fermeture-coco-2024-06-25',
      'parquet-paris-communique-2024-06-25',
    ]);
    expect(await page.getByTestId('packs-status').textContent()).toMatch(/coco-2024\.json/);
    await page.close();
  });

  it('removes an imported pack only once the removal is confirmed, by mouse or keyboard', async () => {
    const page = await openOptions();
    await page.getByTestId('language').selectOption('en');
    if ((await row(page, 'my-notes').count()) === 0) {
      await importFile(
        page,
        tempFile('my-notes.json', JSON.stringify(notesPack('my-notes', 'Mes notes'))),
      );
      await row(page, 'my-notes').waitFor();
    }
    const notes = row(page, 'my-notes');

    // Asked, then cancelled: nothing happens and focus comes back.
    await notes.getByTestId('remove').click();
    const confirm = notes.getByTestId('remove-confirm');
    expect(await confirm.getAttribute('role')).toBe('group');
    expect(await confirm.textContent()).toContain('Remove “Mes notes” and its 1 fact?');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'options-confirm.png'), fullPage: true });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await notes.count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'remove',
    );

    // With the keyboard: Enter asks, focus is on Cancel; Escape cancels.
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    expect(await confirm.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'remove',
    );

    // Enter asks, Shift+Tab reaches the confirming button, Enter removes.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, remove');
    await page.keyboard.press('Enter');
    await expect.poll(() => notes.count()).toBe(0);
    expect(await packRows(page).count()).toBe(1);
    expect(await page.getByTestId('packs-status').textContent()).toBe('Removed “Mes notes”.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('packs-heading');
    expect((await readStore(page))?.packIds).toEqual(['coco-2024']);
    await page.getByTestId('language').selectOption('auto');
    await page.close();
  });

  it('resets to the bundled pack, removing every imported pack after a confirmation', async () => {
    const page = await openOptions();
    const reset = page.getByTestId('reset');
    expect(await reset.isDisabled()).toBe(true);
    for (const [id, title] of [
      ['my-notes', 'Mes notes'],
      ['other-notes', 'Other notes'],
    ] as const) {
      await importFile(page, tempFile(`${id}.json`, JSON.stringify(notesPack(id, title))));
      await row(page, id).waitFor();
    }
    expect(await packRows(page).count()).toBe(3);
    expect(await reset.isDisabled()).toBe(false);

    await reset.click();
    expect(await packRows(page).count()).toBe(3);
    await page.getByTestId('reset-confirm').locator('button.danger').click();
    await expect.poll(() => packRows(page).count()).toBe(1);
    expect(await packRows(page).first().getAttribute('data-pack-id')).toBe('coco-2024');
    const store = await readStore(page);
    expect(store?.packIds).toEqual(['coco-2024']);
    expect(store?.factCount).toBe(37);
    expect(store?.sourceCount).toBe(2);
    expect(await page.getByTestId('reset').isDisabled()).toBe(true);
    await page.close();
  });

  it('turns highlighting back on for a site, and switches it everywhere', async () => {
    await setStoredSettings({ enabled: true, disabledSites: ['example.org', 'news.example.com'] });
    const page = await openOptions();
    await page.getByTestId('language').selectOption('en');
    const sites = page.getByTestId('sites');
    expect(await sites.locator('li .host').allTextContents()).toEqual([
      'example.org',
      'news.example.com',
    ]);

    await page.getByRole('button', { name: 'Turn back on for example.org' }).click();
    await expect
      .poll(async () => (await storedSettings())?.disabledSites)
      .toEqual(['news.example.com']);
    expect(await sites.locator('li .host').allTextContents()).toEqual(['news.example.com']);
    expect(await page.getByTestId('sites-status').textContent()).toBe(
      'Highlighting is back on for example.org.',
    );
    // Focus moves to the next site's button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Turn back on for news.example.com',
    );

    await page.keyboard.press('Enter');
    await expect.poll(async () => (await storedSettings())?.disabledSites).toEqual([]);
    await page.getByTestId('no-sites').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sites-heading');

    // The global switch; other settings are kept as they were.
    await page.getByTestId('enabled').uncheck();
    await expect.poll(async () => (await storedSettings())?.enabled).toBe(false);
    expect((await storedSettings())?.language).toBe('en');
    await page.getByTestId('enabled').check();
    await expect.poll(async () => (await storedSettings())?.enabled).toBe(true);

    // A site switched off elsewhere (the popup) shows up at once.
    await setStoredSettings({ ...(await storedSettings()), disabledSites: ['blog.example.net'] });
    await expect
      .poll(() => sites.locator('li .host').allTextContents())
      .toEqual(['blog.example.net']);
    await page.getByTestId('language').selectOption('auto');
    await page.close();
  });

  it('keeps the history settings, and refuses an out-of-range number of days', async () => {
    await setStoredSettings({ enabled: true, disabledSites: [], language: 'en' });
    const page = await openOptions();
    const days = page.getByTestId('history-days');
    const error = page.getByTestId('history-error');
    expect(await page.getByTestId('history').isChecked()).toBe(true);
    expect(await days.inputValue()).toBe('30');
    expect(await error.textContent()).toBe('');
    expect(await page.getByTestId('history-limits').textContent()).toContain(
      `${HISTORY_LIMITS.perOrigin} entries per site (origin) and ${HISTORY_LIMITS.total.toLocaleString('en')} in all`,
    );

    for (const bad of ['400', '0', '2.5']) {
      await days.fill(bad);
      expect(await error.textContent()).toBe('Enter a whole number of days from 1 to 365.');
      expect(await error.getAttribute('role')).toBe('alert');
      expect(await days.getAttribute('aria-invalid')).toBe('true');
    }
    // Nothing invalid was saved.
    expect((await storedSettings())?.historyDays).toBeUndefined();

    await days.fill('90');
    expect(await error.textContent()).toBe('');
    expect(await days.getAttribute('aria-invalid')).toBe('false');
    await expect.poll(async () => (await storedSettings())?.historyDays).toBe(90);

    await page.getByTestId('history').uncheck();
    await expect.poll(async () => (await storedSettings())?.history).toBe(false);
    expect(await days.isDisabled()).toBe(true);

    // Malformed stored values fall back to the defaults.
    await setStoredSettings({ enabled: 'yes', history: 1, historyDays: 9999, language: 'de' });
    const again = await openOptions();
    expect(await again.getByTestId('enabled').isChecked()).toBe(true);
    expect(await again.getByTestId('history').isChecked()).toBe(true);
    expect(await again.getByTestId('history-days').inputValue()).toBe('30');
    expect(await again.getByTestId('language').inputValue()).toBe('auto');
    await again.close();
    await page.close();
  });

  it('keeps text readable (contrast at least 4.5:1) in the light and the dark scheme', async () => {
    await setStoredSettings({ enabled: false, disabledSites: ['example.org'], language: 'fr' });
    const page = await openOptions();
    // Every kind of message on screen at once: an import refused, a number refused, a question.
    await importFile(
      page,
      tempFile('my-notes.json', JSON.stringify(notesPack('my-notes', 'Mes notes'))),
    );
    await row(page, 'my-notes').waitFor();
    await importFile(page, tempFile('broken.json', '{'));
    await page.getByTestId('import-alert').locator('p').waitFor();
    await page.getByTestId('history-days').fill('0');
    await page.getByTestId('reset').click();

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(22, 25, 29)' : 'rgb(255, 255, 255)');
      const { checked, low } = await lowContrastTexts(page);
      expect(checked).toBeGreaterThan(40);
      expect(low).toEqual([]);
    }
    await page.screenshot({ path: resolve(SCREENSHOTS, 'options-dark.png'), fullPage: true });
    await page.getByTestId('reset-confirm').locator('button.danger').click();
    await expect.poll(() => packRows(page).count()).toBe(1);
    await page.close();
  });
});
