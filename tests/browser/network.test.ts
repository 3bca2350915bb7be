/**
 * Zero network: during a whole session — fixture pages browsed, a card
 * opened from a highlight, the popup, the source viewer, the options page,
 * the history page, pack and history exports — nothing the extension runs
 * (service worker, content scripts, extension pages) asks for anything but
 * the extension's own files and the local fixture pages.
 *
 * Three recorders, so that one blind spot does not hide a request:
 * - Playwright's context-level `request` event (pages, frames and, in
 *   Chromium, the extension's service worker: `request.serviceWorker()`);
 * - a CDP session per page with `Network.enable` (`Network.requestWillBeSent`);
 * - the Resource Timing buffer of the service worker and of every extension
 *   page, read at the end (it also covers what the worker fetched while it
 *   was seeding the store, before the other recorders were attached).
 * A sanity test shows the recorders do see requests: the fixture page's own
 * and a deliberate fetch from the service worker to a closed local port.
 */
import { createServer } from 'node:net';
import type { CDPSession, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/lib/browser.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { cardOf } from './card.ts';
import { startSession, tabOf } from './session.ts';

interface Recorded {
  url: string;
  /** Who asked: `service worker`, `page <url>`, `cdp <page url>`, `timing <context>`. */
  by: string;
}

/** A local port that nothing listens on (bound, then released). */
function closedPort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** Waits until the content script has finished at least `passes` passes over the page. */
async function scanned(page: Page, passes = 1): Promise<void> {
  await page.waitForFunction(
    (n) => performance.getEntriesByName('casefile:scan').length >= n,
    passes,
    { timeout: 20_000 },
  );
}

describe('zero network', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  const recorded: Recorded[] = [];
  const cdpSessions: CDPSession[] = [];
  /** The deliberate requests of the sanity check, left out of the verdict. */
  const probes = new Set<string>();

  function who(request: Request): string {
    const worker = request.serviceWorker();
    if (worker) return `service worker ${worker.url()}`;
    try {
      return `page ${request.frame().url() || request.frame().page().url()}`;
    } catch {
      return 'unknown';
    }
  }

  /** Pages whose CDP recorder is being attached, to wait for before using them. */
  const attaching = new Map<Page, Promise<void>>();

  /** A new tab, with its CDP recorder attached before it loads anything. */
  async function newPage(): Promise<Page> {
    const page = await browser.context.newPage();
    await attaching.get(page);
    return page;
  }

  async function recordPage(page: Page): Promise<void> {
    try {
      const session = await browser.context.newCDPSession(page);
      cdpSessions.push(session);
      session.on('Network.requestWillBeSent', (event) => {
        recorded.push({ url: event.request.url, by: `cdp ${page.url() || 'new page'}` });
      });
      session.on('Log.entryAdded', ({ entry }) =>
        recordRefusal(entry.text, `cdp ${page.url()} (log)`),
      );
      await session.send('Network.enable');
      session.on('Audits.issueAdded', ({ issue }) => {
        const blocked = issue.details.contentSecurityPolicyIssueDetails?.blockedURL;
        if (blocked) recorded.push({ url: blocked, by: `cdp ${page.url()} (CSP)` });
      });
      await session.send('Log.enable');
      await session.send('Audits.enable');
    } catch {
      // A page closed before its session opened: Playwright's recorder still saw it.
    }
  }

  /**
   * The CDP recorder of the service worker. Playwright opens no CDP session on
   * a worker, so one is opened from a page's session, unflattened: messages go
   * through `Target.sendMessageToTarget`. A worker started again later (after
   * idling) is attached too. Besides `Network`, `Log` is read: a request the
   * extension's CSP refuses (`connect-src 'none'`) never reaches the network
   * layer, but its refusal is logged, and an attempt counts as a request here.
   */
  async function recordServiceWorkers(): Promise<void> {
    const holder = await browser.context.newPage();
    const session = await browser.context.newCDPSession(holder);
    cdpSessions.push(session);
    const attached = new Set<string>();
    let nextId = 1;
    const attach = async (targetId: string, url: string) => {
      if (attached.has(targetId) || !url.startsWith(`chrome-extension://${browser.extensionId}/`))
        return;
      attached.add(targetId);
      const { sessionId } = await session.send('Target.attachToTarget', {
        targetId,
        flatten: false,
      });
      for (const method of ['Network.enable', 'Log.enable', 'Audits.enable']) {
        await session.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: nextId++, method }),
        });
      }
    };
    session.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as {
        method?: string;
        params?: {
          request?: { url: string };
          entry?: { text: string };
          issue?: { details?: { contentSecurityPolicyIssueDetails?: { blockedURL?: string } } };
        };
      };
      const blocked = message.params?.issue?.details?.contentSecurityPolicyIssueDetails?.blockedURL;
      if (message.method === 'Audits.issueAdded' && blocked)
        recorded.push({ url: blocked, by: 'cdp service worker (CSP)' });
      if (message.method === 'Network.requestWillBeSent' && message.params?.request)
        recorded.push({ url: message.params.request.url, by: 'cdp service worker' });
      if (message.method === 'Log.entryAdded')
        recordRefusal(message.params!.entry!.text, 'cdp service worker (log)');
    });
    session.on('Target.targetCreated', ({ targetInfo }) => {
      if (targetInfo.type === 'service_worker') void attach(targetInfo.targetId, targetInfo.url);
    });
    await session.send('Target.setDiscoverTargets', { discover: true });
    const { targetInfos } = await session.send('Target.getTargets');
    for (const target of targetInfos)
      if (target.type === 'service_worker') await attach(target.targetId, target.url);
    if (attached.size === 0) throw new Error('the service worker has no CDP target');
  }

  /** A CSP refusal in a log line ("Connecting to 'URL' violates…"), recorded as a request. */
  function recordRefusal(text: string, by: string): void {
    const refused = /(?:Connecting to|Loading|Refused to [a-z ]+?) '([^']+)'/.exec(text);
    if (refused) recorded.push({ url: refused[1]!, by });
  }

  /** Resource Timing entries of the service worker and of every open extension page. */
  async function timingEntries(): Promise<Recorded[]> {
    const out: Recorded[] = [];
    const names = (await browser.serviceWorker.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name),
    )) as string[];
    out.push(...names.map((url) => ({ url, by: 'timing service worker' })));
    for (const page of browser.context.pages()) {
      if (!page.url().startsWith('chrome-extension://')) continue;
      const urls = await page
        .evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
        .catch(() => [] as string[]);
      out.push(...urls.map((url) => ({ url, by: `timing ${page.url()}` })));
    }
    return out;
  }

  /** Whether a request stays on this machine and goes to the extension or the fixture server. */
  function allowed(url: string): boolean {
    if (url.startsWith('data:') || url === 'about:blank' || url === 'about:srcdoc') return true;
    const inner = url.startsWith('blob:') ? url.slice('blob:'.length) : url;
    // Web-accessible resources (the content script's lazy chunks) are loaded
    // through the extension's dynamic id, a UUID that changes per session.
    const dynamic =
      /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/lazy\/[\w-]+\.js$/;
    return (
      dynamic.test(inner) ||
      inner.startsWith(`chrome-extension://${browser.extensionId}/`) ||
      inner === `chrome-extension://${browser.extensionId}` ||
      inner.startsWith(`${server.origin}/`)
    );
  }

  beforeAll(async () => {
    ({ browser, server } = await startSession());
    browser.context.on('request', (request) => {
      recorded.push({ url: request.url(), by: who(request) });
    });
    browser.context.on('page', (page) => attaching.set(page, recordPage(page)));
    for (const page of browser.context.pages()) attaching.set(page, recordPage(page));
    await Promise.all(attaching.values());
    await recordServiceWorkers();
  });

  afterAll(async () => {
    for (const session of cdpSessions) await session.detach().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('records requests: the fixture page’s own, and a fetch from the service worker', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/index.html`);
    await expect
      .poll(() => recorded.filter((r) => r.url === `${server.origin}/index.html`).map((r) => r.by))
      .toEqual(
        expect.arrayContaining([expect.stringMatching(/^page /), expect.stringMatching(/^cdp /)]),
      );
    await page.close();

    // A fetch from the service worker and one from an extension page, to a
    // closed local port: the extension's CSP refuses both before the network,
    // and the recorders still see the attempts.
    const port = await closedPort();
    const workerProbe = `http://127.0.0.1:${port}/probe-worker`;
    const pageProbe = `http://127.0.0.1:${port}/probe-page`;
    probes.add(workerProbe).add(pageProbe);
    const fetchIt = (url: string) =>
      fetch(url).then(
        () => 'answered',
        () => 'failed',
      );
    expect(await browser.serviceWorker.evaluate(fetchIt, workerProbe)).toBe('failed');
    const extensionPage = await newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    expect(await extensionPage.evaluate(fetchIt, pageProbe)).toBe('failed');
    await extensionPage.close();
    await expect
      .poll(() => recorded.filter((r) => r.url === workerProbe).map((r) => r.by))
      .toContainEqual(expect.stringMatching(/^cdp service worker/));
    await expect
      .poll(() => recorded.filter((r) => r.url === pageProbe).map((r) => r.by))
      .toContainEqual(expect.stringMatching(/^cdp chrome-extension:\/\/.*popup\.html/));
    expect(allowed(workerProbe)).toBe(false);
  });

  it('makes no request but to the extension and the fixture server during a whole session', async () => {
    const ext = `chrome-extension://${browser.extensionId}`;
    const open = async (name: string): Promise<Page> => {
      const page = await newPage();
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(`${server.origin}/${name}`);
      await scanned(page);
      return page;
    };

    // The fixture pages.
    const article = await open('article-fr.html');
    const english = await open('article-en.html');
    const hostile = await open('hostile.html');
    const frames = await open('frames.html');
    const frame = frames.frames().find((f) => f !== frames.mainFrame());
    await frame?.waitForFunction(() => performance.getEntriesByName('casefile:scan').length > 0);
    const feed = await open('feed.html');
    await feed.waitForFunction(() => document.body.dataset.feedDone === 'true', null, {
      timeout: 30_000,
    });
    await feed.click('#spa-link');
    await scanned(feed, 2);

    // A card, opened by clicking a highlight, and the source it links to.
    const point = await article.evaluate(() => {
      const highlight = CSS.highlights.get('casefile-contradicted') as unknown as Set<Range>;
      const range = [...highlight][0]!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 4, y: rect.top + rect.height / 2 };
    });
    await article.mouse.click(point.x, point.y);
    const card = cardOf(article);
    await card.waitFor();
    const [viewer] = await Promise.all([
      browser.context.waitForEvent('page'),
      card.click('button.link'),
    ]);
    await viewer.locator('mark#passage').waitFor({ timeout: 10_000 });
    // The service worker opened it before any recorder could attach: load it
    // again under the recorders, so that its own requests are seen too.
    await attaching.get(viewer);
    await viewer.reload();
    await viewer.locator('mark#passage').waitFor({ timeout: 10_000 });

    // The popup on the article's tab, with a pasted text checked.
    const tabId = await tabOf(browser, 'article-fr.html');
    expect(tabId).toBeGreaterThan(0);
    const popup = await newPage();
    await popup.goto(`${ext}/popup.html?tab=${tabId}`);
    await popup.locator('.page-summary li.page-claim').first().waitFor({ timeout: 10_000 });
    await popup
      .getByLabel(/Paste a text|Collez un texte/)
      .fill('Le site coco.gg a été fermé le 25 juin 2024 ; 32 051 procédures, selon le parquet.');
    await popup.getByRole('button', { name: /^(Check|Vérifier)$/ }).click();
    await popup.getByTestId('paste-result').locator('li').first().waitFor({ timeout: 10_000 });

    // The options page, and the bundled pack exported.
    const options = await newPage();
    await options.goto(`${ext}/options.html`);
    await options.locator('tr[data-pack-id="coco-2024"]').waitFor({ timeout: 10_000 });
    const [pack] = await Promise.all([
      options.waitForEvent('download'),
      options.locator('tr[data-pack-id="coco-2024"]').getByTestId('export').click(),
    ]);
    expect(pack.suggestedFilename()).toBe('coco-2024.json');

    // The history page, exported as CSV and JSON-LD.
    const checked = await newPage();
    await checked.goto(`${ext}/checked.html`);
    await checked.getByTestId('history-entry').first().waitFor({ timeout: 10_000 });
    for (const name of [/CSV/, /JSON-LD/]) {
      const [download] = await Promise.all([
        checked.waitForEvent('download'),
        checked.getByRole('button', { name }).click(),
      ]);
      expect(await download.path()).toBeTruthy();
    }

    // Let late work (feed timers, history writes) settle, then read the timing buffers.
    await new Promise((done) => setTimeout(done, 1500));
    const timing = await timingEntries();
    for (const page of [article, english, hostile, frames, feed, viewer, popup, options, checked])
      await page.close();

    const all = [...recorded, ...timing].filter((r) => !probes.has(r.url));
    // The recorders did see this session: the pages and the extension's own files.
    expect(all.some((r) => r.url === `${server.origin}/article-fr.html`)).toBe(true);
    expect(all.some((r) => r.url.startsWith(`${ext}/popup.html`))).toBe(true);
    expect(all.some((r) => r.url.startsWith(`${ext}/source.html`))).toBe(true);
    expect(all.some((r) => r.url.startsWith(`${ext}/chunks/source`))).toBe(true);
    expect(all.some((r) => r.url.startsWith(`${ext}/chunks/options`))).toBe(true);
    expect(all.some((r) => r.url.startsWith(`${ext}/chunks/checked`))).toBe(true);

    const offending = all
      .filter((r) => !allowed(r.url))
      .map((r) => `${r.url}  (by ${r.by})`)
      .filter((line, i, lines) => lines.indexOf(line) === i);
    expect(offending, 'requests that leave the extension and the fixture server').toEqual([]);
  });
});
