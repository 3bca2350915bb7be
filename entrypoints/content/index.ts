/**
 * The content script: reads the page, paints what it finds about the case,
 * and answers the popup. Each feature has its file; this one wires them and
 * runs the passes over the page:
 * - passes.ts runs the passes one at a time, timed (CONTRACT §4), and
 *   page-scan.ts reads a part of the page and has its chunks checked;
 * - page-items.ts keeps what was found, painted (highlights.ts) and reported;
 * - watch.ts gathers the parts a dynamic page changes;
 * - styles.ts adopts the highlight styles once something is shown;
 * - navigation.ts and cards.ts: clicks, keys, the card, selections;
 * - record.ts: the badge's counts and the history record;
 * - messaging.ts: every message to the background.
 * Everything stops with the context's signal (the extension reloaded or
 * removed), and a switch-off leaves the page exactly as it was.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { uiLanguage } from '../../components/i18n.ts';
import type { TextReport } from '../../lib/check-text.ts';
import type { Language } from '../../lib/facts/schema.ts';
import { inSlices, Slicer } from '../../lib/steps.ts';
import type {
  CheckRequest,
  ContentReply,
  PageReport,
  PageSettings,
  ToContent,
} from '../../utils/messages.ts';
import { Cards } from './cards.ts';
import { askBackground, askCheck } from './messaging.ts';
import { Navigation } from './navigation.ts';
import { PageItems } from './page-items.ts';
import type { Item } from './page-scan.ts';
import { Passes } from './passes.ts';
import { PageRecord } from './record.ts';
import { shadowRootSteps } from './shadows.ts';
import { HighlightStyles } from './styles.ts';
import { ChangeWatcher } from './watch.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // WXT would otherwise announce every start to the page's scripts with a
  // window message naming the extension.
  noScriptStartedPostMessage: true,
  main(ctx) {
    new PageController(ctx).start();
  },
});

/**
 * How often a page with highlights checks that the extension is still there
 * and that the page has not tampered with what is painted. Chrome leaves an
 * old content script in open pages when the extension is updated or
 * reloaded, cut off from it; that script must then take its highlights and
 * card away. The page shares the highlight registry and the document's
 * adopted styles: it can clear them, or add its own ranges to a verdict's
 * highlight; each check puts back exactly what Casefile painted. Only on
 * pages with something painted, at most a thousand ranges a second.
 */
const GUARD_MS = 1000;

class PageController {
  private readonly ctx: ContentScriptContext;
  private readonly signal: AbortSignal;
  /** What was found, while highlighting is on; null when it is off. */
  private items: PageItems | null = null;
  /** Aborts the pass under way when highlighting is switched off. */
  private pass: AbortController | null = null;
  private readonly styles = new HighlightStyles();
  private readonly cards: Cards;
  private readonly navigation: Navigation;
  private readonly watcher: ChangeWatcher;
  private readonly record: PageRecord;
  /** The language chosen in the options; 'auto' follows the browser's, read only when a card needs it. */
  private languageChoice: Language | 'auto' = 'auto';
  private guardTimer: number | null = null;
  private readonly passes: Passes;

  constructor(ctx: ContentScriptContext) {
    this.ctx = ctx;
    this.signal = ctx.signal;
    const items = () => this.items;
    this.cards = new Cards(ctx, {
      language: () => (this.languageChoice === 'auto' ? uiLanguage() : this.languageChoice),
      onStep: (step, contradicted) => this.navigation.step(step, contradicted),
    });
    this.navigation = new Navigation(items, this.cards);
    this.watcher = new ChangeWatcher(ctx, {
      cardHost: () => this.cards.host,
      onShadow: (shadow) => this.styles.addShadow(shadow),
      onChanged: () => void this.passes.oneAtATime(() => this.rescan()),
    });
    this.record = new PageRecord(ctx, items);
    this.passes = new Passes({
      check: this.check,
      onItems: (found) => this.add(found),
      shows: () => (this.items?.size ?? 0) > 0,
      onPassEnd: () => this.record.update(),
    });
    // An extension reload leaves the page as it was: no highlight, no card.
    this.signal.addEventListener('abort', () => this.switchOff());
  }

  start(): void {
    browser.runtime.onMessage.addListener(this.onMessage);
    this.signal.addEventListener('abort', () => {
      try {
        browser.runtime.onMessage.removeListener(this.onMessage);
      } catch {
        // Cut off from the extension: there is nothing left to listen to.
      }
    });
    // The page is read at once, in the page, and its settings are asked for
    // only when there is something to check: most pages never name the case,
    // and then the service worker is not even woken up (see `check`).
    void this.switchOn();
  }

  private readonly onMessage = (
    message: ToContent,
    _sender: unknown,
    reply: (r: ContentReply<ToContent>) => void,
  ) => {
    if (message.type === 'casefile:check-selection' && window === window.top) {
      void this.navigation.checkSelection(message.text, this.pageSettings(), this.signal);
    } else if (message.type === 'casefile:get-report') {
      const totals = this.passes.totals;
      const version = this.items?.version(totals) ?? PageItems.versionOf(totals, 0, 0);
      reply(message.since === version ? { unchanged: true } : this.report());
    } else if (message.type === 'casefile:reveal') {
      this.navigation.reveal(message.text, message.start);
    } else if (message.type === 'casefile:settings-changed') {
      void this.readSettings();
    }
    return undefined;
  };

  /** What the page holds, in reading order, for the popup. */
  private report(): PageReport {
    const totals = this.passes.totals;
    return this.items?.report(totals) ?? PageItems.emptyReport(totals);
  }

  // —————————————————————— settings ——————————————————————

  /** This page's settings, asked for once (again after a change): the storage is not the page's to read. */
  private settings: Promise<PageSettings | undefined> | null = null;

  private pageSettings(): Promise<PageSettings | undefined> {
    this.settings ??= askBackground({ type: 'casefile:get-page-settings' }).then((settings) => {
      if (settings) this.languageChoice = settings.language;
      else this.settings = null; // No answer: ask again next time.
      return settings;
    });
    return this.settings;
  }

  /** The settings changed: reads them again, and switches on or off. */
  private async readSettings(): Promise<void> {
    this.settings = null;
    const settings = await this.pageSettings();
    if (!settings || this.signal.aborted) return;
    if (settings.highlights) void this.switchOn();
    else this.switchOff();
  }

  /**
   * Checks a pass's chunks, once the page's settings allow it: where
   * highlighting is switched off, the first chunk that may name the case
   * switches everything off instead (nothing was shown or sent before).
   */
  private readonly check = async (
    request: Omit<CheckRequest, 'type'>,
  ): Promise<TextReport[] | null> => {
    const settings = await this.pageSettings();
    if (this.signal.aborted) return null;
    if (!settings?.highlights) {
      if (settings) this.switchOff();
      return null;
    }
    return askCheck(request);
  };

  // —————————————————————— on and off ——————————————————————

  private async switchOn(): Promise<void> {
    if (this.items || this.signal.aborted || !document.body) return;
    this.items = new PageItems();
    const pass = new AbortController();
    this.pass = pass;
    this.watcher.observe([document.body]);
    await this.passes.oneAtATime(async () => {
      await this.passes.scan([document.body], pass.signal);
      // Then the open shadow roots of web components, found by a walk of every
      // element: in slices, after the page's own text has been read.
      const shadows = await inSlices(shadowRootSteps(document.body), new Slicer(pass.signal));
      if (!shadows || shadows.length === 0 || pass.signal.aborted) return;
      for (const shadow of shadows) this.styles.addShadow(shadow);
      this.watcher.observe(shadows);
      await this.passes.scan(shadows, pass.signal);
    });
  }

  /** Removes every trace from the page: highlights, styles, card, observers, listeners, badge. */
  private switchOff(): void {
    if (this.guardTimer !== null) clearInterval(this.guardTimer);
    this.guardTimer = null;
    this.pass?.abort();
    this.pass = null;
    this.watcher.stop();
    this.navigation.stop();
    this.items?.dispose();
    this.items = null;
    this.styles.remove();
    this.record.clear();
  }

  /** Watches for the extension going away and for the page's tampering (see GUARD_MS). */
  private guard(): void {
    this.guardTimer ??= this.ctx.setInterval(() => {
      // Reading isInvalid checks runtime.id and, when it is gone, aborts the
      // context, which switches everything off (see the constructor).
      if (this.ctx.isInvalid || !this.items) return;
      this.items.repair();
      this.styles.repair();
    }, GUARD_MS);
  }

  // —————————————————————— passes ——————————————————————

  /** Reads again only the parts of the page that changed. */
  private async rescan(): Promise<void> {
    const items = this.items;
    if (!items) return;
    // Even with no changed part left in the page, the pass runs: it drops the
    // items of removed parts and tells the badge.
    const roots = this.watcher.take();
    items.dropUnder(roots);
    if (this.pass) await this.passes.scan([...roots], this.pass.signal);
  }

  private add(found: Item[]): void {
    const items = this.items;
    if (!items) return;
    // Clicks, keys and the extension's presence are only watched on pages
    // with something to show.
    if (found.length > 0) {
      this.navigation.listen(this.signal);
      this.guard();
      this.styles.adopt();
      this.passes.firstPainted();
    }
    items.add(found);
  }
}
