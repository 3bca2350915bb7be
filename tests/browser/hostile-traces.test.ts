import type { Page } from 'playwright-core';
import type { browser as Browser } from 'wxt/browser';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_KINDS } from '../../utils/highlight-kinds.ts';
import { cardOf } from './card.ts';
import { openScanned, passesOver, useSession } from './session.ts';

/** The extension API as the service worker sees it (code passed to `serviceWorker.evaluate`). */
declare const chrome: typeof Browser;

/** Everything a page's own script can observe of Casefile, read in the page's world. */
interface Observed {
  measures: string[];
  foreignResources: string[];
  elements: string[];
  highlights: string[];
  adoptedSheets: number;
  /** Whether `::highlight(casefile-…)` computes to anything but the styles of an unknown name. */
  styled: boolean;
  heard: string[];
  shadowRoot: string;
}

function observe(page: Page): Promise<Observed> {
  return page.evaluate((kinds) => {
    const style = (name: string) => {
      const s = getComputedStyle(document.body, `::highlight(${name})`);
      return `${s.backgroundColor}|${s.textDecorationLine}|${s.textDecorationStyle}`;
    };
    const unknown = style('no-such-highlight');
    return {
      measures: performance
        .getEntries()
        .map((entry) => entry.name)
        .filter((name) => /casefile/i.test(name)),
      foreignResources: performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => !name.startsWith(location.origin)),
      elements: [...document.querySelectorAll('*')]
        .filter(
          (el) =>
            /casefile|wxt/i.test(el.tagName) ||
            [...el.attributes].some((a) => /casefile|wxt/i.test(a.name)),
        )
        .map((el) => el.tagName.toLowerCase()),
      highlights: [...CSS.highlights.keys()],
      adoptedSheets: document.adoptedStyleSheets.length,
      styled: kinds.some((kind) => style(`casefile-${kind}`) !== unknown),
      heard: [...((window as unknown as { __heard?: string[] }).__heard ?? [])],
      shadowRoot: String(document.querySelector('casefile-card')?.shadowRoot),
    };
  }, HIGHLIGHT_KINDS);
}

/** What each kind of highlight holds, as the page reads it. */
function painted(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<Range>>)
      out[name] = [...highlight].map((range) => range.toString());
    return out;
  });
}

const total = (byKind: Record<string, string[]>) => Object.values(byKind).flat().length;

/**
 * A page can read what it shares with the content script (its timeline,
 * highlight registry, adopted styles, DOM and events) and can write to it.
 * On a page with nothing to show it learns nothing; on a page with
 * highlights it cannot switch Casefile off, re-style it, paint its own text
 * with a verdict or read the card.
 */
describe('the extension against a page that looks for it and tampers with it', () => {
  const session = useSession();

  /** Opens `name` with a page script that listens for WXT's announcement, as a page could. */
  async function openListening(name: string): Promise<Page> {
    const page = await session.browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.addInitScript((id) => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      document.addEventListener(`${id}:content:wxt:content-script-started`, (event) =>
        heard.push(event.type),
      );
      window.addEventListener('message', (event) => heard.push(JSON.stringify(event.data)));
    }, session.browser.extensionId);
    await page.goto(`${session.server.origin}/${name}`);
    await expect
      .poll(() => passesOver(session.browser, page), { timeout: 20_000 })
      .toBeGreaterThan(0);
    return page;
  }

  it.each(['index.html', 'coco-unrelated.html'])(
    'leaves nothing a page can read on %s, where it shows nothing',
    async (name) => {
      const page = await openListening(name);
      // A dynamic change too: a second pass, still with nothing to show.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Coco Chanel ouvre une boutique rue Cambon en 1910.';
        document.body.append(p);
      });
      await expect
        .poll(() => passesOver(session.browser, page), { timeout: 10_000 })
        .toBeGreaterThan(1);
      expect(await observe(page)).toEqual({
        measures: [],
        foreignResources: [],
        elements: [],
        highlights: [],
        adoptedSheets: 0,
        styled: false,
        heard: [],
        shadowRoot: 'undefined',
      });
      await page.close();
    },
  );

  it('styles no shadow root of a page where it shows nothing', async () => {
    const page = await openListening('hostile/shadow-quiet.html');
    // The shadow root's text may name the case ("Coco"): it is read, and shows nothing.
    expect(
      await page.evaluate(
        () => document.querySelector('quiet-note')!.shadowRoot!.adoptedStyleSheets.length,
      ),
    ).toBe(0);
    expect((await observe(page)).adoptedSheets).toBe(0);
    await page.close();
  });

  it('sends the service worker nothing from a page that cannot name the case', async () => {
    // What the worker hears from pages, recorded by a listener of the test's own.
    await session.browser.serviceWorker.evaluate(() => {
      const heard: string[] = [];
      (globalThis as unknown as { __heard: string[] }).__heard = heard;
      chrome.runtime.onMessage.addListener((message: { type: string }, sender) => {
        if (sender.tab) heard.push(`${message.type} ${sender.url}`);
      });
    });
    const heard = () =>
      session.browser.serviceWorker.evaluate(
        () => (globalThis as unknown as { __heard: string[] }).__heard,
      );
    const quiet = await openListening('hostile/quiet.html');
    await quiet.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Une recette de gâteau au chocolat, prête en vingt minutes.';
      document.body.append(p);
    });
    await expect
      .poll(() => passesOver(session.browser, quiet), { timeout: 10_000 })
      .toBeGreaterThan(1);
    expect((await heard()).filter((line) => line.includes('/hostile/quiet.html'))).toEqual([]);
    // The same page, once it names the case, asks for its settings and its checks.
    await quiet.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Le site Coco a été fermé le 25 juin 2024 par le parquet de Paris.';
      document.body.append(p);
    });
    await expect
      .poll(async () => (await heard()).filter((line) => line.includes('/hostile/quiet.html')), {
        timeout: 10_000,
      })
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^casefile:get-page-settings /),
          expect.stringMatching(/^casefile:check /),
        ]),
      );
    await quiet.close();
  });

  it('keeps highlighting after the page forges WXT’s “newer script started” event', async () => {
    const page = await openListening('article-fr.html');
    const before = total(await painted(page));
    expect(before).toBeGreaterThan(0);
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      const detail = { contentScriptName: 'content', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
    }, session.browser.extensionId);
    await page.waitForTimeout(500);
    expect(total(await painted(page))).toBe(before);
    // And case text added afterwards is still read.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.textContent = 'Le site Coco a été fermé le 25 juin 2024 par le parquet de Paris.';
      document.body.append(p);
    });
    await expect
      .poll(
        async () =>
          Object.values(await painted(page))
            .flat()
            .join('\n'),
        { timeout: 10_000 },
      )
      .toContain('Le site Coco a été fermé le 25 juin 2024');
    await page.close();
  });

  it('paints again what the page clears, and only its own ranges under a verdict', async () => {
    const page = await openScanned(session.browser, session.server, 'article-fr.html');
    const original = await painted(page);
    expect(original['casefile-contradicted']?.length).toBeGreaterThan(0);

    await page.evaluate(() => CSS.highlights.clear());
    await expect.poll(() => painted(page), { timeout: 5000 }).toEqual(original);

    // The page paints its own headline as "supported", and raises its priority.
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1')!);
      const supported = CSS.highlights.get('casefile-supported')!;
      supported.add(range);
      supported.priority = -5;
      CSS.highlights.delete('casefile-contradicted');
    });
    await expect.poll(() => painted(page), { timeout: 5000 }).toEqual(original);
    expect(await page.evaluate(() => CSS.highlights.get('casefile-supported')!.priority)).toBe(3);

    // The page removes the extension's styles.
    await page.evaluate(() => {
      document.adoptedStyleSheets = [];
    });
    await expect.poll(async () => (await observe(page)).styled, { timeout: 5000 }).toBe(true);
    await page.close();
  });

  it('opens the card in a root the page cannot reach', async () => {
    const page = await openScanned(session.browser, session.server, 'article-fr.html');
    const point = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('casefile-contradicted') as unknown as Set<Range>)][0]!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 4, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
    await cardOf(page).waitFor();
    const seen = await observe(page);
    expect(seen.shadowRoot).toBe('null');
    expect(seen.elements).toEqual(['casefile-card']);
    await page.close();
  });

  it('keeps the extension’s storage from its own content script, which a page’s renderer runs', async () => {
    const page = await openScanned(session.browser, session.server, 'article-fr.html');
    const cdp = await session.browser.context.newCDPSession(page);
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const content = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.origin.includes(session.browser.extensionId),
    );
    expect(content, 'the content script’s world').toBeDefined();
    const attempt = async (expression: string) => {
      const { result } = (await cdp.send('Runtime.evaluate', {
        expression,
        contextId: content!.id,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value?: string } };
      return result.value ?? '';
    };
    const tryIt = (call: string) =>
      `Promise.resolve().then(() => ${call}).then((v) => 'done ' + JSON.stringify(v), (e) => 'refused ' + e.message)`;
    expect(await attempt(tryIt('chrome.storage.local.get(null)'))).toMatch(/^refused/);
    expect(
      await attempt(tryIt(`chrome.storage.local.set({ 'casefile:settings': { enabled: false } })`)),
    ).toMatch(/^refused/);
    // The page is still highlighted: nothing was switched off.
    expect(total(await painted(page))).toBeGreaterThan(0);
    await page.close();
  });
});
