import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  addHistory,
  addVerdictReport,
  CasefileDb,
  historyEntryFrom,
  pruneHistory,
  readFactSet,
  recordSeedCheck,
  recordSeedError,
  seedBundledPack,
} from '../../lib/db.ts';
import { detectLanguage } from '../../lib/text/language.ts';
import { getSettings, highlightsOn, watchSettings } from '../../utils/settings.ts';
import { formatProblems } from '../../lib/facts/validate-pack.ts';
import { VerdictReportRequestSchema } from '../../lib/history/report-request-schema.ts';
import { sourceViewerPath } from '../../lib/source-link.ts';
import type {
  FactsReply,
  PageSettings,
  ReportReply,
  ToBackground,
  ToContent,
  VerdictCounts,
} from '../../utils/messages.ts';
import { liveQuery } from 'dexie';
import { loadBundledPack } from './bundled-seeds.ts';
import { Checker } from './checker.ts';

/** Badge colours: red when the page has a contradicted claim, slate otherwise. */
const BADGE_CONTRADICTED = '#c62828';
const BADGE_PLAIN = '#455a64';

const MENU_ID = 'casefile-check-selection';

/** The least time between two tabs opened on one tab's behalf (the source viewer from a card). */
const OPEN_TAB_INTERVAL_MS = 1000;

/** The least time between two history records of one tab. */
const LOG_INTERVAL_MS = 2000;

export default defineBackground(() => {
  const db = new CasefileDb();

  /**
   * Writes the bundled facts into IndexedDB unless the same revision is
   * already there. Runs on install and update, and on every service-worker
   * start in case the store was cleared; the content hash makes repeats free.
   */
  async function ensureSeeded(reason: string): Promise<void> {
    const bundled = await loadBundledPack();
    if (!bundled.ok) {
      const message = `The bundled fact pack is invalid:\n${formatProblems(bundled.problems)}`;
      console.error(`[casefile] ${message}`);
      await recordSeedError(db, message);
      return;
    }
    const outcome = await seedBundledPack(db, bundled.pack, bundled.sources);
    if (outcome.written) console.info(`[casefile] stored ${outcome.factCount} facts (${reason})`);
    await recordSeedCheck(db, { reason, written: outcome.written });
  }

  let seeding: Promise<void> = Promise.resolve();
  function seed(reason: string): void {
    seeding = seeding
      .then(() => ensureSeeded(reason))
      .catch((error: unknown) => {
        console.error('[casefile] seeding failed', error);
        // A full disk comes with its own sentence for the user; anything else is named.
        const message = error instanceof Error ? error.message : String(error);
        recordSeedError(db, `Storing the facts failed: ${message}`).catch(() => {});
      });
  }

  /** Every stored fact and source, for the engine and the cards (see readFactSet). */
  async function readFacts(): Promise<FactsReply> {
    await seeding;
    const { facts, sources } = await readFactSet(db);
    return { facts, sources };
  }

  /** The browser's one engine, built from the stored facts on first need. */
  const checker = new Checker(readFacts, (count) =>
    console.info(`[casefile] engine built from ${count} facts`),
  );
  // Any change to the packs (an import, a removal, a reset, seeding), made
  // here or in an extension page, is a new set of facts: Dexie tells every
  // context of the extension.
  liveQuery(() => db.packs.toArray()).subscribe({
    next: () => checker.invalidate(),
    error: (error: unknown) => console.error('[casefile] watching the packs', error),
  });

  /**
   * At most one tab opened a second on one tab's behalf: a page that clicks
   * the card's link for itself, again and again, opens one tab, not fifty.
   */
  const mayOpenTab = perTab(OPEN_TAB_INTERVAL_MS);
  /** At most one history record every LOG_INTERVAL_MS per tab. */
  const mayLog = perTab(LOG_INTERVAL_MS);
  /** At most one report of a wrong verdict every LOG_INTERVAL_MS per tab (a reader clicks, a script would not stop). */
  const mayReport = perTab(LOG_INTERVAL_MS);

  /** Records a checked page in the history, unless the user turned the history off. */
  async function logPage(
    message: Extract<ToBackground, { type: 'casefile:page-checked' }>,
  ): Promise<void> {
    const settings = await getSettings();
    if (!settings.history) return;
    // The page tells the language the engine read its chunks in; a message
    // that does not is read again here.
    const language = (['fr', 'en', 'und'] as const).includes(message.language)
      ? message.language
      : detectLanguage(message.claims.map((c) => c.text).join(' '));
    const report = {
      language,
      aboutCase: true,
      mentions: [],
      claims: message.claims,
      quotes: message.quotes,
    };
    await addHistory(
      db,
      historyEntryFrom(report, {
        url: message.url,
        title: message.title,
        kind: 'page',
        checkedAt: new Date(),
      }),
    );
  }

  /** Drops history entries older than the user keeps them. */
  async function prune(): Promise<void> {
    const settings = await getSettings();
    await pruneHistory(db, settings.historyDays);
  }

  /** Claim counts per tab and frame: the badge shows the tab's total. */
  const counts = new Map<number, Map<number, VerdictCounts>>();

  function updateBadge(tabId: number): void {
    let total = 0;
    let contradicted = 0;
    for (const frame of counts.get(tabId)?.values() ?? []) {
      total += frame.supported + frame.contradicted + frame.unverified;
      contradicted += frame.contradicted;
    }
    // Red, the badge counts what is contradicted; grey, every claim (its
    // title says both). A red "15" over 5 contradicted claims said too much.
    const shown = contradicted > 0 ? contradicted : total;
    void browser.action
      .setBadgeText({ tabId, text: shown > 0 ? String(shown) : '' })
      .catch(() => {});
    void browser.action
      .setBadgeBackgroundColor({
        tabId,
        color: contradicted > 0 ? BADGE_CONTRADICTED : BADGE_PLAIN,
      })
      .catch(() => {});
    void browser.action
      .setTitle({
        tabId,
        title:
          total > 0
            ? browser.i18n.getMessage('badgeTitle', [String(total), String(contradicted)])
            : 'Casefile',
      })
      .catch(() => {});
  }

  browser.runtime.onMessage.addListener((message: ToBackground, sender, reply) => {
    // Only this extension's own parts; their claims of where they are come
    // from `sender`, never from the message.
    if (sender.id !== browser.runtime.id) return undefined;
    if (message.type === 'casefile:check') {
      checker.check(message, sender.tab?.id ?? -1).then(
        (reports) => reply({ reports }),
        (error: unknown) =>
          reply({ error: error instanceof Error ? error.message : String(error) }),
      );
      return true;
    }
    if (message.type === 'casefile:get-facts') {
      const wanted = message.ids && new Set(message.ids);
      readFacts().then(
        ({ facts, sources }) =>
          reply({ facts: wanted ? facts.filter((f) => wanted.has(f.id)) : facts, sources }),
        () => reply(undefined),
      );
      return true;
    }
    if (message.type === 'casefile:get-page-settings') {
      // The site is the sender's own frame's, never one the message names.
      pageSettings(sender.url, sender.origin).then(reply, () => reply(undefined));
      return true;
    }
    if (message.type === 'casefile:page-counts' && sender.tab?.id !== undefined) {
      const tabId = sender.tab.id;
      const frames = counts.get(tabId) ?? new Map<number, VerdictCounts>();
      frames.set(sender.frameId ?? 0, message.counts);
      counts.set(tabId, frames);
      updateBadge(tabId);
      return undefined;
    }
    if (message.type === 'casefile:page-checked') {
      // The page's address is the sender's: a content script cannot file a
      // history entry for another page.
      // Pages, not their frames; and at most one record every two seconds
      // per tab (a page's content script writes one every five at most).
      const url = sender.tab ? (sender.url ?? sender.tab.url ?? '') : '';
      if (!sender.tab?.id || !url || sender.frameId !== 0) return undefined;
      if (!mayLog.now(sender.tab.id)) return undefined;
      void logPage({ ...message, url }).catch((error: unknown) =>
        console.error('[casefile] history', error),
      );
      return undefined;
    }
    if (message.type === 'casefile:report-verdict') {
      const answer = (r: ReportReply) => reply(r);
      const request = VerdictReportRequestSchema.safeParse(message.report);
      const url = sender.tab ? (sender.url ?? sender.tab.url ?? '') : '';
      if (!request.success || !sender.tab?.id || !url) {
        answer({ ok: false, error: 'This report could not be read.' });
        return undefined;
      }
      if (!mayReport.now(sender.tab.id)) {
        answer({ ok: false, error: 'Reports are kept one at a time: try again in a moment.' });
        return undefined;
      }
      const title = typeof message.title === 'string' ? message.title : '';
      addVerdictReport(db, request.data, { url, title }).then(
        () => answer({ ok: true }),
        (error: unknown) =>
          answer({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
      return true;
    }
    if (message.type === 'casefile:open-source') {
      if (!mayOpenTab.now(sender.tab?.id ?? -1)) return undefined;
      const { sourceId, start, end } = message;
      const path = sourceViewerPath({ sourceId, start, end });
      void browser.tabs.create({ url: browser.runtime.getURL(path) });
      return undefined;
    }
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    counts.delete(tabId);
    mayOpenTab.forget(tabId);
    mayLog.forget(tabId);
    mayReport.forget(tabId);
  });
  watchSettings(() => void tellTabs(), new AbortController().signal);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new page in the tab starts from nothing; its content script reports
    // again if it finds anything. (The change's url is not given: no `tabs`
    // permission.)
    if (change.status === 'loading') {
      counts.delete(tabId);
      updateBadge(tabId);
    }
  });

  // Settings and anything else in extension storage are for the extension's
  // own pages: a content script (a page's renderer) cannot read or write them.
  // Chrome keeps the level; setting it at every start costs nothing.
  browser.storage.local
    .setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch((error: unknown) => console.error('[casefile] storage access level', error));

  // onStartup also wakes the worker at each browser launch, so a store the
  // user cleared is filled again before the popup is opened. Seeding comes
  // first: nothing below may keep the facts from being stored and served.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    seed(reason);
    addMenu();
    // Once, after install: the styles on a sample, and how to switch them off.
    if (reason === 'install') {
      void browser.tabs
        .create({ url: browser.runtime.getURL('/welcome.html') })
        .catch((error: unknown) => console.error('[casefile] cannot open the welcome page', error));
    }
  });
  browser.runtime.onStartup.addListener(() => seed('browser start'));
  seed('service worker start');

  // The context menu needs its permission; where the browser has not granted
  // it (an update that added it, not yet approved), everything else works.
  const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
  function addMenu(): void {
    menus?.removeAll(() => {
      menus.create({
        id: MENU_ID,
        title: browser.i18n.getMessage('menuCheckSelection'),
        contexts: ['selection'],
      });
    });
  }
  menus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined || !info.selectionText) return;
    const message: ToContent = { type: 'casefile:check-selection', text: info.selectionText };
    void browser.tabs.sendMessage(tab.id, message, { frameId: info.frameId ?? 0 }).catch(() => {});
  });
  prune().catch((error: unknown) => console.error('[casefile] pruning the history failed', error));
});

/** What the page at `url` may know of the settings: whether its site is highlighted, and the language. */
async function pageSettings(
  url: string | undefined,
  origin: string | undefined,
): Promise<PageSettings> {
  const settings = await getSettings();
  let host = '';
  try {
    // An about:blank or srcdoc frame has no host of its own: its creator's
    // origin says which site it belongs to.
    host = new URL(url ?? '').hostname || new URL(origin ?? '').hostname;
  } catch {
    // No address (an opaque frame): the global switch alone decides.
  }
  return { highlights: highlightsOn(settings, host), language: settings.language };
}

/**
 * A limit of one event every `intervalMs` per tab: `now(tab)` says whether
 * the tab may have one now (and counts it), `forget(tab)` drops a closed
 * tab's record.
 */
function perTab(intervalMs: number): { now(tabId: number): boolean; forget(tabId: number): void } {
  const last = new Map<number, number>();
  return {
    now(tabId) {
      const at = Date.now();
      if (at - (last.get(tabId) ?? Number.NEGATIVE_INFINITY) < intervalMs) return false;
      last.set(tabId, at);
      return true;
    },
    forget: (tabId) => last.delete(tabId),
  };
}

/**
 * Tells the content scripts of every open tab (all frames) that the settings
 * changed: each asks again for its own, so switching highlighting off or on
 * takes effect at once. A tab without the content script (a browser page)
 * refuses the message, which is fine.
 */
async function tellTabs(): Promise<void> {
  const message: ToContent = { type: 'casefile:settings-changed' };
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
    ),
  );
}
