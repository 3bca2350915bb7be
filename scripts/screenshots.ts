/**
 * `npm run screenshots` (after `npm run build`): the pictures in
 * docs/screenshots, taken of the built extension in Chromium — the welcome
 * page in light and dark, the card on a light page, on a dark page, at 200 %
 * zoom and in French, an unverified claim's card with its closest fact, and
 * the popup with its legend. Look at them after a
 * change to the card, the styles or the popup.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser as Browser } from 'wxt/browser';
import { launchWithExtension, type ExtensionBrowser } from './lib/browser.ts';
import { serveStatic } from './lib/static-server.ts';

declare const chrome: typeof Browser;

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'docs/screenshots');
mkdirSync(OUT, { recursive: true });

const server = await serveStatic(resolve(ROOT, 'tests/fixtures/pages'));
const browser = await launchWithExtension({ keepWelcome: true });

/** The welcome page the install opened. */
async function welcomePage(): Promise<Page> {
  for (let tries = 0; tries < 100; tries++) {
    const page = browser.context.pages().find((p) => p.url().endsWith('/welcome.html'));
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The install opened no welcome page.');
}

async function setLanguage(b: ExtensionBrowser, language: 'auto' | 'fr' | 'en'): Promise<void> {
  await b.serviceWorker.evaluate(async (choice) => {
    const key = 'casefile:settings';
    const stored = ((await chrome.storage.local.get(key))[key] ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ [key]: { ...stored, language: choice } });
  }, language);
}

/** Opens `name`, waits for its highlights, clicks its first claim of `kind` and shoots the window. */
async function shootCard(
  name: string,
  file: string,
  viewport: { width: number; height: number },
  scale = 1,
  kind: 'contradicted' | 'unverified' = 'contradicted',
): Promise<void> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  if (scale !== 1) {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: viewport.width,
      height: viewport.height,
      deviceScaleFactor: scale,
      mobile: false,
    });
  }
  await page.goto(`${server.origin}/${name}`);
  const highlight = `casefile-${kind}`;
  await page.waitForFunction((name) => CSS.highlights.has(name), highlight, {
    timeout: 20_000,
  });
  const point = await page.evaluate((name) => {
    const range = [...(CSS.highlights.get(name) as unknown as Set<Range>)][0]!;
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + 4, y: rect.top + rect.height / 2 };
  }, highlight);
  await page.mouse.click(point.x, point.y);
  await page.locator('casefile-card').waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: resolve(OUT, file) });
  console.log(`docs/screenshots/${file}`);
  await page.close();
}

try {
  const welcome = await welcomePage();
  await welcome.setViewportSize({ width: 900, height: 1100 });
  await welcome.locator('h1').waitFor();
  await welcome.screenshot({ path: resolve(OUT, 'welcome.png'), fullPage: true });
  await welcome.emulateMedia({ colorScheme: 'dark' });
  await welcome.screenshot({ path: resolve(OUT, 'welcome-dark.png'), fullPage: true });
  console.log('docs/screenshots/welcome.png, welcome-dark.png');

  // The popup waits for the store: the card needs its facts.
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 440, height: 700 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.locator('li.fact').first().waitFor({ timeout: 20_000 });
  await popup.locator('details.legend-box summary').click();
  await popup.screenshot({ path: resolve(OUT, 'popup-legend.png') });
  console.log('docs/screenshots/popup-legend.png');
  await popup.close();

  await setLanguage(browser, 'en');
  await shootCard('article-en.html', 'card.png', { width: 1200, height: 800 });
  await shootCard('dark.html', 'card-dark.png', { width: 1200, height: 800 });
  await shootCard('article-en.html', 'card-zoom-200.png', { width: 640, height: 450 }, 2);
  await setLanguage(browser, 'fr');
  await shootCard('article-fr.html', 'card-fr.png', { width: 1200, height: 800 });
  await shootCard(
    'article-fr.html',
    'card-unverified-fr.png',
    { width: 1200, height: 800 },
    1,
    'unverified',
  );
  await setLanguage(browser, 'auto');
} finally {
  await browser.close();
  await server.close();
}
