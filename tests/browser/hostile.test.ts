/**
 * Hostile pages: huge, deep, editable, framed, shadowed, self-rewriting pages,
 * pages that break their own built-ins and pages whose text looks like markup.
 * On each one the page keeps working, the extension throws nothing, and what
 * it reads from the page is only ever shown as text.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { cardOf } from './card.ts';
import { PAGES, startSession } from './session.ts';

/** The text of every painted range of a frame, whatever its kind, read from its highlight registry. */
function paintedTexts(frame: Page | Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const texts: string[] = [];
    for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<Range>>) {
      if (!name.startsWith('casefile-')) continue;
      for (const range of highlight) texts.push(range.toString().replace(/\s+/g, ' '));
    }
    return texts;
  });
}

/** How many passes the content script of a frame has finished (one `casefile:scan` measure each). */
function passes(frame: Page | Frame): Promise<number> {
  return frame.evaluate(() => performance.getEntriesByName('casefile:scan').length);
}

/** Waits until the content script of a frame has painted a range whose text contains `text`. */
async function paintedSome(frame: Page | Frame, text: string, timeout = 30_000): Promise<void> {
  await expect
    .poll(async () => (await paintedTexts(frame)).some((t) => t.includes(text)), { timeout })
    .toBe(true);
}

describe('the extension on hostile pages', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  /** A second origin serving the same files, for cross-origin frames. */
  let other: StaticServer;
  /** What went wrong in the current test's page: uncaught errors, and the extension's console errors. */
  let errors: string[] = [];
  let page: Page | null = null;

  beforeAll(async () => {
    ({ browser, server } = await startSession());
    other = await serveStatic(PAGES);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await other?.close();
  });

  afterEach(async () => {
    await page?.close();
    page = null;
  });

  /** Opens a hostile fixture with its errors collected (before the content script can run). */
  async function open(name: string, query = ''): Promise<Page> {
    errors = [];
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /casefile/i.test(message.text()))
        errors.push(`console: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${server.origin}/hostile/${name}${query}`);
    return page;
  }

  /** Neither the page nor the extension threw, logged an error of ours or opened a dialog. */
  function expectNoErrors(): void {
    expect(errors).toEqual([]);
  }

  it('reads a page of 200 000 nodes in slices: highlights appear and the page keeps running', async () => {
    const p = await open('big-dom.html');
    expect(await p.evaluate(() => (window as unknown as { __built: number }).__built)).toBe(
      await p.evaluate(() => document.getElementsByTagName('*').length),
    );
    await expect.poll(() => passes(p), { timeout: 30_000 }).toBeGreaterThan(0);
    const texts = await paintedTexts(p);
    // The claims before, in the middle and at the end of the 200 000 nodes.
    const claim = 'Le site Coco a été fermé le 25 juin 2024';
    expect(texts.filter((t) => t.includes(claim)).length).toBeGreaterThanOrEqual(3);
    // The page's own timer kept running while the pass was under way (between
    // the start the pass's measure records and the tick that first saw it):
    // the pass yields in slices queued behind the page's tasks, about one tick
    // per slice. Left behind them, the page gets a tick only while the
    // extension waits on the engine's code and facts (about 6 here).
    await p.waitForFunction(() => (window as unknown as { __scanSeenAt: number }).__scanSeenAt > 0);
    const during = await p.evaluate(() => {
      const w = window as unknown as { __tickTimes: number[]; __scanSeenAt: number };
      const start = performance.getEntriesByName('casefile:scan')[0]!.startTime;
      return w.__tickTimes.filter((t) => t > start && t < w.__scanSeenAt).length;
    });
    expect(during).toBeGreaterThanOrEqual(10);
    const ticks = () => p.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
    const before = await ticks();
    await expect.poll(ticks).toBeGreaterThan(before);
    expectNoErrors();
  });

  it('reads one text node of 10 MB without an error', async () => {
    const p = await open('big-text.html');
    const shape = await p.evaluate(() => {
      const w = window as unknown as { __length: number; __nodes: number };
      return { length: w.__length, nodes: w.__nodes };
    });
    expect(shape.nodes).toBe(1);
    expect(shape.length).toBeGreaterThan(10_000_000);
    await expect.poll(() => passes(p), { timeout: 50_000 }).toBeGreaterThan(0);
    await paintedSome(p, '25 juin 2024');
    // The page is untouched and still running.
    expect(await p.evaluate(() => document.getElementById('huge')!.childNodes.length)).toBe(1);
    const ticks = await p.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
    await expect
      .poll(() => p.evaluate(() => (window as unknown as { __ticks: number }).__ticks))
      .toBeGreaterThan(ticks);
    expectNoErrors();
  });

  it('highlights case text at the bottom of 5 000 nested elements', async () => {
    const p = await open('deep.html');
    expect(await p.evaluate(() => (window as unknown as { __depth: number }).__depth)).toBe(5001);
    await paintedSome(p, 'Coco');
    const inBottom = await p.evaluate(() => {
      const bottom = document.getElementById('bottom')!;
      const highlight = CSS.highlights.get('casefile-mention') as unknown as Set<Range>;
      return [...highlight].some((range) => bottom.contains(range.startContainer));
    });
    expect(inBottom).toBe(true);
    expectNoErrors();
  });

  it('never modifies a rich-text editor or a textarea, and loses nothing typed in them', async () => {
    const p = await open('editor.html');
    const snapshot = () =>
      p.evaluate(() => ({
        editor: document.getElementById('editor')!.innerHTML,
        plain: (document.getElementById('plain') as HTMLTextAreaElement).value,
        elements: document.getElementsByTagName('*').length,
      }));
    const original = await snapshot();
    await expect.poll(() => passes(p), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(original);

    // Typing at the end of the editor's last paragraph, then at the end of the textarea.
    const typed = ' Mise à jour le 26 juin 2024, Coco reste fermé.';
    await p.evaluate(() => {
      const editor = document.getElementById('editor')!;
      editor.focus();
      const last = editor.querySelectorAll('p')[1]!;
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      const range = document.createRange();
      range.selectNodeContents(last);
      range.collapse(false);
      selection.addRange(range);
    });
    const scansBefore = await passes(p);
    await p.keyboard.type(typed);
    await p.evaluate(() => {
      const plain = document.getElementById('plain') as HTMLTextAreaElement;
      plain.focus();
      plain.setSelectionRange(plain.value.length, plain.value.length);
    });
    await p.keyboard.type(typed);
    const inputs = await p.evaluate(() => (window as unknown as { __inputs: number }).__inputs);
    expect(inputs).toBe(2 * typed.length);

    const afterTyping = await snapshot();
    const editorText = await p.evaluate(
      () => document.getElementById('editor')!.querySelectorAll('p')[1]!.textContent,
    );
    expect(editorText?.replace(/\u00a0/g, ' ')).toBe(
      `Le site coco.gg a été fermé le 25 juin 2024 par la justice française.${typed}`,
    );
    expect(afterTyping.plain).toBe(original.plain + typed);
    expect(afterTyping.elements).toBe(original.elements);
    // The typed text made the page change: the extension reads it again, and
    // leaves the DOM exactly as the editor left it.
    await expect.poll(() => passes(p), { timeout: 20_000 }).toBeGreaterThan(scansBefore);
    expect(await snapshot()).toEqual(afterTyping);
    expectNoErrors();
  });

  it('highlights case text in same-origin and cross-origin frames', async () => {
    const p = await open('frames.html', `?other=${encodeURIComponent(other.origin)}`);
    await paintedSome(p, 'Coco');
    expect(await p.evaluate(() => (window as unknown as { __host: string }).__host)).toBe('ok');
    await expect.poll(() => p.frames().length, { timeout: 20_000 }).toBe(3);
    for (const which of ['same', 'cross']) {
      const frame = p.frames().find((f) => f.url().endsWith(`frame.html?${which}`));
      expect(frame, which).toBeDefined();
      expect(new URL(frame!.url()).origin).toBe(which === 'same' ? server.origin : other.origin);
      expect(await frame!.evaluate(() => (window as unknown as { __frame: string }).__frame)).toBe(
        which,
      );
      await paintedSome(frame!, 'coco.gg');
      await paintedSome(frame!, '25 juin 2024');
    }
    expectNoErrors();
  });

  it('highlights open shadow roots and leaves closed ones untouched', async () => {
    const p = await open('shadow.html');
    await paintedSome(p, 'Coco');
    // Both open roots (one inside the other) are read once the page's text is.
    const inRoots = () =>
      p.evaluate(() => {
        const open = document.getElementById('open')!.shadowRoot!;
        const inner = open.querySelector('inner-quote')!.shadowRoot!;
        const closed = (window as unknown as { __closed: ShadowRoot }).__closed;
        const ranges: Range[] = [];
        for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<Range>>)
          if (name.startsWith('casefile-')) ranges.push(...highlight);
        const count = (root: ShadowRoot) =>
          ranges.filter((range) => root.contains(range.startContainer)).length;
        return {
          open: count(open),
          inner: count(inner),
          closed: count(closed),
          closedHtml: closed.innerHTML,
          closedSheets: closed.adoptedStyleSheets.length,
        };
      });
    await expect.poll(async () => (await inRoots()).open, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await inRoots()).inner, { timeout: 20_000 }).toBeGreaterThan(0);
    const state = await inRoots();
    expect(state.closed).toBe(0);
    expect(state.closedSheets).toBe(0);
    expect(state.closedHtml).toBe(
      await p.evaluate(() => (window as unknown as { __closedHtml: string }).__closedHtml),
    );
    expectNoErrors();
  });

  it('does not loop on a page that rewrites its text every animation frame for 10 s', async () => {
    const p = await open('raf.html');
    await expect.poll(() => passes(p), { timeout: 30_000 }).toBeGreaterThan(0);
    const frames = () => p.evaluate(() => (window as unknown as { __frames: number }).__frames);
    const before = { passes: await passes(p), frames: await frames() };
    // Ten seconds of about 600 rewrites: passes are throttled to one per 400 ms at most.
    await p.waitForTimeout(10_000);
    const after = { passes: await passes(p), frames: await frames() };
    expect(after.passes - before.passes).toBeLessThanOrEqual(30);
    expect(after.passes).toBeGreaterThan(before.passes);
    expect(after.frames).toBeGreaterThan(before.frames);
    await expect.poll(frames).toBeGreaterThan(after.frames);
    // The rewritten text is still read.
    await paintedSome(p, 'coco.gg');
    expectNoErrors();
  });

  it('highlights and opens a card on a page that broke the built-ins of its own world', async () => {
    const p = await open('overrides.html');
    // page.evaluate itself could depend on the page's broken built-ins: the
    // DevTools protocol evaluates there without them, and returns by value.
    const cdp = await browser.context.newCDPSession(p);
    const evaluate = async <T>(expression: string): Promise<T> => {
      const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
        expression,
        returnByValue: true,
      })) as { result: { value: T }; exceptionDetails?: { text: string } };
      if (exceptionDetails) throw new Error(exceptionDetails.text);
      return result.value;
    };
    const painted = `(() => {
      let out = '';
      for (const [name, highlight] of CSS.highlights)
        if (name.indexOf('casefile-') === 0)
          for (const range of highlight) out += name + ': ' + range.toString() + '\\n';
      return out;
    })()`;
    await expect.poll(() => evaluate<string>(painted), { timeout: 30_000 }).toContain('Coco');
    await expect
      .poll(() => evaluate<string>(painted), { timeout: 30_000 })
      .toMatch(/casefile-supported: .*25 juin 2024/);
    // The overrides are still in place: the extension did not repair the page's world.
    expect(
      await evaluate<boolean>(
        `Array.prototype.push !== __saved.push && window.MutationObserver !== __saved.MutationObserver`,
      ),
    ).toBe(true);
    expect(await evaluate<string>('window.__pageRan')).toBe('{"ok":true}');
    expect(await evaluate<string>(`document.querySelector('footer').textContent`)).toBe(
      'pied de page',
    );

    // The card opens too (appendChild and attachShadow are the page's, not ours).
    const point = await evaluate<{ x: number; y: number }>(`(() => {
      const range = CSS.highlights.get('casefile-supported').values().next().value;
      const rect = range.getClientRects()[0];
      return { x: rect.left + 4, y: rect.top + rect.height / 2 };
    })()`);
    await p.mouse.click(point.x, point.y);
    // The card's root is closed: the page's own world sees no root at all.
    const card = cardOf(p);
    await expect.poll(() => card.text(), { timeout: 10_000 }).toContain('25 juin 2024');
    expect(
      await evaluate<string>(`String(document.querySelector('casefile-card')?.shadowRoot)`),
    ).toBe('null');
    expectNoErrors();
  });

  it('shows markup found in quotes and claims as text, never as elements', async () => {
    const p = await open('markup.html');
    // The engine cuts the second sentence at "window.": its claim ends with "« <script>window.".
    await paintedSome(
      p,
      '<img src=x onerror=alert(1)> Coco a été fermé le 25 juin 2024 <script>alert(2)</script>',
    );
    await paintedSome(p, '« <script>window.');
    for (const [selector, shown] of [
      [
        '#quoted',
        '<img src=x onerror=alert(1)> Coco a été fermé le 25 juin 2024 <script>alert(2)</script>',
      ],
      ['#claim', '« <script>window.'],
    ] as const) {
      // Click on the sentence's claim.
      const point = await p.evaluate((id) => {
        const target = document.querySelector(id)!;
        for (const name of ['casefile-contradicted', 'casefile-supported', 'casefile-unverified']) {
          const highlight = CSS.highlights.get(name) as unknown as Set<Range> | undefined;
          const range = [...(highlight ?? [])].find((r) => target.contains(r.startContainer));
          if (!range) continue;
          range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
          const rect = range.getClientRects()[0]!;
          return { x: rect.left + 4, y: rect.top + rect.height / 2 };
        }
        return null;
      }, selector);
      expect(point, selector).not.toBeNull();
      await p.mouse.click(point!.x, point!.y);
      const card = cardOf(p);
      await card.waitFor(10_000);
      await expect
        .poll(async () => (await card.text())?.replace(/\s+/g, ' '), { timeout: 10_000 })
        .toContain(shown);
      const inCard = await card.evaluate((root) => {
        return {
          img: root.querySelectorAll('img').length,
          script: root.querySelectorAll('script').length,
          handlers: root.querySelectorAll('[onerror],[onload]').length,
        };
      });
      expect(inCard, selector).toEqual({ img: 0, script: 0, handlers: 0 });
      await p.keyboard.press('Escape');
      await expect.poll(() => p.locator('casefile-card').count()).toBe(0);
    }
    const state = await p.evaluate(() => {
      const w = window as unknown as { __pwned?: number; __alerts: number };
      return {
        pwned: w.__pwned,
        alerts: w.__alerts,
        images: document.querySelectorAll('img').length,
        scripts: document.querySelectorAll('script').length,
      };
    });
    expect(state).toEqual({ pwned: undefined, alerts: 0, images: 0, scripts: 1 });
    expectNoErrors();
  });
});
