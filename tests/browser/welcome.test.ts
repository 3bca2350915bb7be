import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser.ts';
import { LEGEND_KINDS } from '../../utils/highlight-kinds.ts';
import { axeViolations } from './axe.ts';

/**
 * The first run: installing the extension opens a page that shows each
 * highlight style on a sample, what it means, how to read the source and how
 * to switch it all off.
 */
describe('the welcome page a new install opens', () => {
  let browser: ExtensionBrowser;
  let welcome: Page;

  beforeAll(async () => {
    browser = await launchWithExtension({ keepWelcome: true });
    const deadline = Date.now() + 10_000;
    let found: Page | undefined;
    while (!found && Date.now() < deadline) {
      found = browser.context.pages().find((page) => page.url().endsWith('/welcome.html'));
      if (!found) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!found) throw new Error('no welcome page was opened after install');
    welcome = found;
    await welcome.locator('h1').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens by itself after install, at the extension’s own address', () => {
    expect(welcome.url()).toBe(`chrome-extension://${browser.extensionId}/welcome.html`);
  });

  it('paints a sample with every kind of highlight, and names each in a legend', async () => {
    const painted = await welcome.evaluate(() =>
      Object.fromEntries(
        [...(CSS.highlights as unknown as Map<string, Set<Range>>)].map(([name, h]) => [
          name,
          [...h].map((r) => r.toString()),
        ]),
      ),
    );
    for (const kind of LEGEND_KINDS) {
      expect(painted[`casefile-${kind}`], kind).toHaveLength(1);
    }
    const legend = welcome.locator('ul.legend li');
    expect(await legend.count()).toBe(LEGEND_KINDS.length);
    expect(await welcome.locator('ul.legend li[data-kind="contradicted"]').textContent()).toMatch(
      /contradict/i,
    );
    // How to switch it off is said.
    expect(await welcome.locator('main').textContent()).toMatch(
      /Highlight the case on pages|Surligner l’affaire sur les pages/,
    );
  });

  it('has no accessibility violation, in light and dark, in English and French', async () => {
    for (const language of ['en', 'fr']) {
      await welcome.evaluate(
        (choice) => localStorage.setItem('casefile:language', choice),
        language,
      );
      for (const colorScheme of ['light', 'dark'] as const) {
        await welcome.emulateMedia({ colorScheme });
        await welcome.reload();
        await welcome.locator('h1').waitFor();
        expect(await welcome.locator('html').getAttribute('lang')).toBe(language);
        expect(await axeViolations(welcome), `${language}, ${colorScheme}`).toEqual([]);
      }
    }
  });
});
