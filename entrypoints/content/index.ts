import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { uiLanguage } from '../../components/i18n.ts';
import type { CardContent } from '../../components/SourceCard.tsx';
import type { Fact, Language, Source } from '../../lib/facts/schema.ts';
import { mayMentionCase } from '../../lib/mentions/may-mention.ts';
import { inSlices, runToEnd, Slicer } from '../../lib/steps.ts';
import type { TextReport } from '../../lib/check-text.ts';
import type { ClaimResult } from '../../lib/claims/check-claim.ts';
import { reportRequestOf } from '../../lib/history/verdict-report.ts';
import type {
  CheckReply,
  CheckRequest,
  FactsReply,
  PageSettings,
  ReportReply,
  ToBackground,
  ToContent,
  VerdictCounts,
} from '../../utils/messages.ts';
import type { CardHost } from './card.tsx';
import highlightsDarkCss from './highlights-dark.css?raw';
import highlightsCss from './highlights.css?raw';
import { Painter, type PaintKind } from './highlights.ts';
import { STEP_KEYS } from './keys.ts';
import { scanRoot, type Item, type ScanTiming } from './page-scan.ts';

/** The card's module, loaded on first use (see modules/lazy-chunks.ts). */
type CardModule = typeof import('./card.tsx');

/**
 * Imports the lazily built card. It lives in the extension (no network) and
 * costs nothing on the many pages that never open a card.
 */
function importCard(): Promise<CardModule> {
  return import(/* @vite-ignore */ browser.runtime.getURL('/lazy/card.js')) as Promise<CardModule>;
}

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
 * At most this many highlights are painted on one page: enough for any
 * article, and a feed of thousands of posts stays fluid. The rest are counted
 * and listed in the popup.
 */
const MAX_PAINTED = 1000;

/**
 * Changes are gathered for this long before the changed parts are read again:
 * a feed that loads ten posts costs one pass, and a page that rewrites its
 * text every frame costs at most a few passes a second.
 */
const RESCAN_DELAY_MS = 400;

/** Passes kept for the measures of a page that shows nothing yet (the latest ones). */
const MAX_UNMEASURED = 100;

/** A page that keeps changing is written to the history at most this often. */
const LOG_INTERVAL_MS = 5000;

/** Elements whose text forms a unit: a changed text node is read again with its whole block. */
const BLOCK =
  'p,li,article,section,blockquote,h1,h2,h3,h4,h5,h6,td,th,dd,dt,figcaption,aside,main,header,footer,div';

/**
 * Whether the page writes light text (on a dark background, then): its
 * body's text colour, by relative luminance. Read once, when something is
 * first painted.
 */
function onDarkBackground(): boolean {
  const color = getComputedStyle(document.body ?? document.documentElement).color;
  // Other colour spaces (oklch(), color()) are kept as written: read as light pages.
  if (!color.startsWith('rgb')) return false;
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
  if (r === undefined || g === undefined || b === undefined) return false;
  const linear = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) > 0.4;
}

/**
 * Whether an item is painted. A passage the page copies from the source
 * with changes but without quotation marks claims no quotation: it is not
 * painted as one (its claim is, and the popup lists the copy).
 */
function isPainted(item: Item): boolean {
  return !(item.kind === 'quote' && !item.quote.marked && item.quote.fidelity === 'altered');
}

function paintKind(item: Item): PaintKind {
  if (item.kind === 'claim') return item.claim.verdict;
  if (item.kind === 'quote') {
    if (item.quote.fidelity === 'altered') return 'quote-altered';
    if (item.quote.fidelity === 'unsourced') return 'quote-unsourced';
    return 'quote';
  }
  return item.kind;
}

function sendToBackground(message: ToBackground): Promise<unknown> {
  try {
    return browser.runtime.sendMessage(message).catch(() => undefined);
  } catch {
    // The extension was reloaded or removed: this script is cut off from it.
    return Promise.resolve(undefined);
  }
}

/** Times a request is sent in all when no answer comes (the service worker was stopped under it). */
const ATTEMPTS = 4;

/** `promise`, or undefined once `ms` have passed without it settling (or when it fails). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    const settle = (value: T | undefined) => {
      clearTimeout(timer);
      resolve(value);
    };
    promise.then(settle, () => settle(undefined));
  });
}

/**
 * Asks the background, again when no answer comes. Chrome stops an idle
 * service worker (and may stop a busy one): a message cut off that way gets
 * no answer — an error, or sometimes nothing at all, hence the `timeoutMs`
 * — and the next message starts the worker anew. Undefined when the
 * extension is gone or never answered.
 */
async function askBackground<T>(message: ToBackground, timeoutMs = 5000): Promise<T | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) await new Promise((resume) => setTimeout(resume, 100 * 2 ** attempt));
    const reply = (await within(sendToBackground(message), timeoutMs)) as T | undefined;
    if (reply !== undefined) return reply;
    if (!browser.runtime?.id) return undefined;
  }
  return undefined;
}

/** Asks the background to keep a reader's report of a wrong verdict (the page's address is the sender's). */
async function reportVerdict(claim: ClaimResult, note: string): Promise<ReportReply> {
  const reply = await askBackground<ReportReply>({
    type: 'casefile:report-verdict',
    report: reportRequestOf(claim, note),
    title: document.title.slice(0, 500),
  });
  return reply ?? { ok: false, error: 'the extension did not answer' };
}

/**
 * Checks chunks with the browser's one engine, in the service worker: the
 * reports, or null when the extension is gone or has no facts. An error the
 * worker reports (a request past its limits) is logged, not retried. An
 * answer is awaited five seconds, and a millisecond more for every hundred
 * characters (a long selection takes the engine seconds).
 */
async function askCheck(request: Omit<CheckRequest, 'type'>): Promise<TextReport[] | null> {
  const size = request.chunks.reduce((n, chunk) => n + chunk.text.length, 0);
  const reply = await askBackground<CheckReply>(
    { type: 'casefile:check', ...request },
    5000 + size / 100,
  );
  if (!reply) return null;
  if ('error' in reply) {
    console.error('[casefile] the check was refused:', reply.error);
    return null;
  }
  return reply.reports;
}

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
  private readonly signal: AbortSignal;
  /** The facts the cards opened so far have shown, and every source: asked for when a card needs them. */
  private facts = new Map<string, Fact>();
  private sources = new Map<string, Source>();
  private painter: Painter | null = null;
  private items: Item[] = [];
  private painted = new Set<Item>();
  /** The item last opened or stepped to, for Enter and for the next step. */
  private current: Item | null = null;
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Aborts the pass under way when highlighting is switched off. */
  private pass: AbortController | null = null;
  private card: CardHost | null = null;
  private cardModule: Promise<CardModule> | null = null;
  /** The language chosen in the options; 'auto' follows the browser's, read only when a card needs it. */
  private languageChoice: Language | 'auto' = 'auto';

  private get language(): Language {
    return this.languageChoice === 'auto' ? uiLanguage() : this.languageChoice;
  }

  constructor(private readonly ctx: ContentScriptContext) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    this.signal = controller.signal;
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

  /** This page's settings, asked for once (again after a change): the storage is not the page's to read. */
  private settings: Promise<PageSettings | undefined> | null = null;

  private pageSettings(): Promise<PageSettings | undefined> {
    this.settings ??= askBackground<PageSettings>({ type: 'casefile:get-page-settings' }).then(
      (settings) => {
        if (settings) this.languageChoice = settings.language;
        else this.settings = null; // No answer: ask again next time.
        return settings;
      },
    );
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

  private readonly onMessage = (
    message: ToContent,
    _sender: unknown,
    reply: (r: unknown) => void,
  ) => {
    if (message.type === 'casefile:check-selection' && window === window.top) {
      void this.checkSelection(message.text);
    } else if (message.type === 'casefile:get-report') {
      reply(this.report());
    } else if (message.type === 'casefile:reveal') {
      this.reveal(message.text, message.start);
    } else if (message.type === 'casefile:settings-changed') {
      void this.readSettings();
    }
    return undefined;
  };

  /** Makes sure the facts and sources a card will show are here, asking the background for the missing ones. */
  private async loadFacts(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.facts.has(id));
    if (missing.length === 0 && this.sources.size > 0) return;
    const reply = await askBackground<FactsReply>({ type: 'casefile:get-facts', ids: missing });
    for (const fact of reply?.facts ?? []) this.facts.set(fact.id, fact);
    for (const source of reply?.sources ?? []) this.sources.set(source.id, source);
  }

  /** The card, whose code (Preact and the card's components) is imported when first shown. */
  private async loadCard(): Promise<{ card: CardHost; module: CardModule }> {
    this.cardModule ??= importCard();
    const module = await this.cardModule;
    this.card ??= new module.CardHost(this.ctx);
    return { card: this.card, module };
  }

  /**
   * The highlight styles, adopted when something is first painted by the
   * document and by the open shadow roots found (a document's styles do not
   * reach into them): a page with nothing shown has no Casefile style to
   * read, in its document or in its shadow roots.
   */
  private sheet: CSSStyleSheet | null = null;
  /** The open shadow roots found and read; styled once something is painted. */
  private styledShadows = new Set<ShadowRoot>();
  /** Whether the styles are adopted (something was painted since the last switch-off). */
  private styled = false;

  /** The styles, for light or dark pages as the page's text colour says when first painted. */
  private highlightSheet(): CSSStyleSheet {
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.sheet.replaceSync(onDarkBackground() ? highlightsDarkCss : highlightsCss);
    }
    return this.sheet;
  }

  /** Adopts the highlight styles into `root`, again if the page took them away. */
  private adoptSheet(root: Document | ShadowRoot): void {
    const sheet = this.highlightSheet();
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  private styleShadow(shadow: ShadowRoot): void {
    if (this.styledShadows.has(shadow)) return;
    this.styledShadows.add(shadow);
    if (this.styled) this.adoptShadowSheet(shadow);
  }

  private adoptShadowSheet(shadow: ShadowRoot): void {
    try {
      this.adoptSheet(shadow);
    } catch (error) {
      console.error('[casefile] cannot style a shadow root', error);
    }
  }

  /** Adopts the styles everywhere they are needed, once the page first shows something. */
  private adoptStyles(): void {
    this.adoptSheet(document);
    if (this.styled) return;
    this.styled = true;
    for (const shadow of this.styledShadows) this.adoptShadowSheet(shadow);
  }

  private async switchOn(): Promise<void> {
    if (this.painter || this.signal.aborted || !document.body) return;
    this.painter = new Painter();
    const pass = new AbortController();
    this.pass = pass;
    this.observe([document.body]);
    await this.oneAtATime(async () => {
      await this.scan([document.body]);
      // Then the open shadow roots of web components, found by a walk of every
      // element: in slices, after the page's own text has been read.
      const shadows = await inSlices(shadowRootSteps(document.body), new Slicer(pass.signal));
      if (!shadows || shadows.length === 0 || pass.signal.aborted) return;
      for (const shadow of shadows) this.styleShadow(shadow);
      this.observe(shadows);
      await this.scan(shadows);
    });
  }

  /** The pass under way, or the last one: passes run one after the other. */
  private reading: Promise<void> = Promise.resolve();

  /**
   * Runs `pass` once the pass before it has ended. Two passes at once would
   * both wait on the engine: the later one could remove a part's items while
   * the earlier one's answer for the same part is on its way (and then adds
   * them twice), and a busy page would keep several requests of its own in
   * the service worker, which every tab shares.
   */
  private oneAtATime(pass: () => Promise<void>): Promise<void> {
    const next = this.reading.then(pass, pass);
    this.reading = next.catch(() => undefined);
    return next;
  }

  private guardTimer: ReturnType<typeof setInterval> | null = null;

  /** Watches for the extension going away and for the page's tampering (see GUARD_MS). */
  private guard(): void {
    this.guardTimer ??= setInterval(() => {
      // Reading isInvalid checks runtime.id and, when it is gone, aborts the
      // context, which switches everything off (see the constructor).
      if (this.ctx.isInvalid) {
        if (this.guardTimer) clearInterval(this.guardTimer);
        return;
      }
      if (!this.painter) return;
      this.painter.repair();
      for (const root of [document, ...this.styledShadows]) this.adoptSheet(root);
    }, GUARD_MS);
  }

  /** Removes every trace from the page: highlights, card, observers, listeners. */
  private switchOff(): void {
    if (this.guardTimer) clearInterval(this.guardTimer);
    this.guardTimer = null;
    this.pass?.abort();
    this.pass = null;
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.logTimer) clearTimeout(this.logTimer);
    this.logTimer = null;
    this.pending.clear();
    this.card?.close();
    this.painter?.dispose();
    this.painter = null;
    const ours = this.sheet;
    for (const root of ours ? [document, ...this.styledShadows] : []) {
      if (root.adoptedStyleSheets.includes(ours!))
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== ours);
    }
    this.styledShadows.clear();
    this.styled = false;
    this.items = [];
    this.painted.clear();
    this.current = null;
    this.listeners?.abort();
    this.listeners = null;
    if (this.countsShown) {
      this.countsShown = false;
      void sendToBackground({
        type: 'casefile:page-counts',
        counts: { supported: 0, contradicted: 0, unverified: 0 },
        mentions: 0,
      });
    }
  }

  /** Reads the roots again, one after the other, and records the pass's timing measures. */
  private async scan(roots: readonly Node[]): Promise<void> {
    const pass = this.pass;
    if (!pass) return;
    const timing: ScanTiming = { scan: 0, highlight: 0 };
    const started = performance.now();
    // Most pages never name the case: one native search over their text, and
    // the engine is not even built.
    const candidates = roots.filter((root) => mayMentionCase(root.textContent ?? ''));
    timing.scan += performance.now() - started;
    // One time budget for the whole pass: many small changed parts are read
    // in slices, like one big part.
    const slicer = new Slicer(pass.signal);
    for (const root of candidates) {
      if (pass.signal.aborted) break;
      try {
        await scanRoot(this.check, root, (items) => this.add(items), slicer, timing);
      } catch (error) {
        // One part of the page that cannot be read must not stop the others.
        console.error('[casefile] could not read part of the page', error);
      }
    }
    if (pass.signal.aborted) return;
    this.passes.count += 1;
    this.passes.scan += timing.scan;
    this.passes.highlight += timing.highlight;
    this.unmeasured.push({ start: started, ...timing });
    // A page that changes for hours without showing anything keeps only its latest passes.
    if (this.unmeasured.length > MAX_UNMEASURED) this.unmeasured.shift();
    if (this.items.length > 0) this.measure();
    this.reportCounts();
  }

  /** The passes over the page so far, and their time: for the popup, the tests and the benchmark. */
  private passes = { count: 0, scan: 0, highlight: 0, firstPaint: null as number | null };
  /** Passes not yet recorded as User Timing measures. */
  private unmeasured: (ScanTiming & { start: number })[] = [];

  /**
   * CONTRACT §4: one `casefile:scan` and one `casefile:highlight` measure per
   * pass, its duration the time spent. The page's timeline is the page's to
   * read, so they are recorded only once the page shows something — then all
   * of them, the earlier passes' included; a page with nothing shown has
   * none, and cannot tell from its timeline that Casefile is installed.
   */
  private measure(): void {
    for (const { start, scan, highlight } of this.unmeasured) {
      performance.measure('casefile:scan', { start, duration: scan });
      performance.measure('casefile:highlight', { start, duration: highlight });
    }
    this.unmeasured = [];
  }

  private add(items: Item[]): void {
    if (!this.painter) return;
    // Clicks, keys and the extension's presence are only watched on pages
    // with something to show.
    if (items.length > 0) {
      if (!this.listeners) this.listen();
      this.guard();
      this.adoptStyles();
      // When the reader first saw something, from the page's start (for the benchmark).
      this.passes.firstPaint ??= performance.now();
    }
    for (const item of items) {
      this.items.push(item);
      if (this.painted.size < MAX_PAINTED && isPainted(item)) {
        this.painter.add(paintKind(item), item.range);
        this.painted.add(item);
      }
    }
    this.unsorted ||= items.length > 0;
  }

  /** Whether items were added since they were last put in reading order. */
  private unsorted = false;

  /** The items in reading order, sorted only when someone reads them in order. */
  private ordered(): Item[] {
    if (this.unsorted) {
      this.items.sort(inReadingOrder);
      this.unsorted = false;
    }
    return this.items;
  }

  /** Whether the badge shows counts of this page (the background need not hear of pages with none). */
  private countsShown = false;

  private reportCounts(): void {
    const counts: VerdictCounts = { supported: 0, contradicted: 0, unverified: 0 };
    let mentions = 0;
    for (const item of this.items) {
      if (item.kind === 'claim') counts[item.claim.verdict] += 1;
      else if (item.kind === 'mention') mentions += 1;
    }
    if (this.items.length === 0 && !this.countsShown) return;
    this.countsShown = this.items.length > 0;
    void sendToBackground({ type: 'casefile:page-counts', counts, mentions });
    // The moderators' record keeps pages, not their frames.
    if (window === window.top && this.items.some((item) => item.kind === 'claim')) this.log();
  }

  /**
   * A busy feed changes many times a minute: the record is written at once
   * the first time, then at most every LOG_INTERVAL_MS with the latest state.
   */
  private logTimer: ReturnType<typeof setTimeout> | null = null;
  private lastLog = Number.NEGATIVE_INFINITY;

  private log(): void {
    if (this.logTimer) return;
    const wait = Math.max(0, this.lastLog + LOG_INTERVAL_MS - performance.now());
    this.logTimer = setTimeout(() => {
      this.logTimer = null;
      if (!this.painter || this.signal.aborted) return;
      this.lastLog = performance.now();
      const { claims, quotes } = this.report(false);
      if (claims.length === 0) return;
      void sendToBackground({
        type: 'casefile:page-checked',
        url: location.href,
        title: document.title,
        claims,
        quotes,
      });
    }, wait);
  }

  /**
   * What the page holds, for the popup (in reading order) or for the history
   * (`inOrder` false: in the order found, which a busy feed's record does not
   * need to pay a sort of thousands of ranges for).
   */
  private report(inOrder = true) {
    const items = inOrder ? this.ordered() : this.items;
    return {
      url: location.href,
      title: document.title,
      painted: this.painted.size,
      claims: items.flatMap((item) =>
        item.kind === 'claim' ? [{ ...item.claim, painted: this.painted.has(item) }] : [],
      ),
      quotes: items.flatMap((item) => (item.kind === 'quote' ? [item.quote] : [])),
      mentions: items.filter((item) => item.kind === 'mention').length,
      passes: { ...this.passes },
    };
  }

  // —————————————————————— dynamic pages ——————————————————————

  private observe(roots: readonly Node[]): void {
    this.observer ??= new MutationObserver((records) => this.onMutations(records));
    for (const root of roots) {
      this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    }
  }

  private onMutations(records: MutationRecord[]): void {
    const host = this.card?.host;
    for (const record of records) {
      if (host && (record.target === host || host.contains(record.target))) continue;
      if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) this.pending.add(parent.closest(BLOCK) ?? parent);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node === host) continue;
        const element = node instanceof Element ? node : node.parentElement;
        if (element) this.pending.add(element.closest(BLOCK) ?? element);
        if (node instanceof Element)
          for (const shadow of openShadowRoots(node)) {
            this.styleShadow(shadow);
            this.observe([shadow]);
            this.pending.add(shadow);
          }
      }
      if (record.removedNodes.length > 0) this.pending.add(record.target);
    }
    // Throttled, not debounced: a page that changes every frame still gets read.
    if (this.pending.size > 0 && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.rescan();
      }, RESCAN_DELAY_MS);
    }
  }

  /** Reads again only the parts of the page that changed. */
  private rescan(): Promise<void> {
    return this.oneAtATime(() => this.rescanNow());
  }

  private async rescanNow(): Promise<void> {
    if (!this.painter || this.pending.size === 0) return;
    const changed = new Set([...this.pending].filter((node) => node.isConnected));
    this.pending.clear();
    // The outermost changed parts: an inner one is read with its ancestor.
    const roots = [...changed].filter((node) => !hasAncestorIn(node, changed));
    const rootSet = new Set(roots);
    this.items = this.items.filter((item) => {
      const start = item.range.startContainer;
      const stale = !start.isConnected || rootSet.has(start) || hasAncestorIn(start, rootSet);
      if (stale && this.painted.delete(item)) this.painter?.remove(paintKind(item), item.range);
      if (stale && item === this.current) this.current = null;
      return !stale;
    });
    await this.scan(roots);
  }

  // —————————————————————— reading the highlights ——————————————————————

  private listeners: AbortController | null = null;

  private listen(): void {
    this.listeners = new AbortController();
    const options = { signal: this.listeners.signal };
    document.addEventListener('click', (event) => this.onClick(event), options);
    document.addEventListener('keydown', (event) => this.onKey(event), options);
  }

  private onClick(event: MouseEvent): void {
    // The page can dispatch clicks of its own: only the reader's count.
    if (!event.isTrusted) return;
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.altKey ||
      event.ctrlKey ||
      event.metaKey
    )
      return;
    const target = event.target as Element | null;
    if (this.card && target === this.card.host) return;
    // Links, buttons and fields keep working as the page meant them to.
    if (
      target?.closest?.(
        'a[href],button,input,textarea,select,label,[contenteditable=""],[contenteditable=true]',
      )
    ) {
      return;
    }
    if (!window.getSelection()?.isCollapsed) return;
    const item = this.itemAt(event.clientX, event.clientY);
    if (!item) {
      this.card?.close();
      return;
    }
    this.current = item;
    void this.open(item, false);
  }

  private onKey(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    if (event.altKey && event.shiftKey && STEP_KEYS[event.code]) {
      event.preventDefault();
      const [step, contradicted] = STEP_KEYS[event.code]!;
      this.step(step, contradicted);
    } else if (event.key === 'Escape' && this.card?.isOpen) {
      this.card.close();
      this.painter?.setCurrent(null);
    } else if (
      event.key === 'Enter' &&
      this.current &&
      !this.card?.isOpen &&
      document.activeElement === document.body
    ) {
      void this.open(this.current, true);
    }
  }

  /** Shows a claim the popup chose: scrolls to it and opens its card. */
  private reveal(text: string, start: number): void {
    const candidates = this.ordered().filter(
      (item) => item.kind === 'claim' && item.claim.text === text,
    );
    const chosen =
      candidates.find((item) => item.kind === 'claim' && item.claim.start === start) ??
      candidates[0];
    if (!chosen) return;
    this.current = chosen;
    chosen.range.startContainer.parentElement?.scrollIntoView({
      block: 'center',
      behavior: 'instant',
    });
    void this.open(chosen, true);
  }

  /** Moves to the next or previous highlighted claim (or mention), scrolls to it and opens its card. */
  private step(direction: 1 | -1, onlyContradicted = false): void {
    const targets = this.ordered().filter(
      (item) => this.painted.has(item) && item.kind !== 'quote',
    );
    const claims = targets.filter((item) => item.kind === 'claim');
    const list = onlyContradicted
      ? claims.filter((item) => item.kind === 'claim' && item.claim.verdict === 'contradicted')
      : claims.length > 0
        ? claims
        : targets;
    if (list.length === 0) return;
    const position = this.current ? list.indexOf(this.current) : -1;
    const next = list[(position + direction + list.length) % list.length] ?? list[0]!;
    this.current = next;
    next.range.startContainer.parentElement?.scrollIntoView({
      block: 'center',
      behavior: 'instant',
    });
    void this.open(next, true);
  }

  /** The claim (or quote, or mention) under a point of the viewport, or null. */
  private itemAt(x: number, y: number): Item | null {
    const caret = document.caretPositionFromPoint?.(x, y);
    const node = caret?.offsetNode;
    if (!node) return null;
    let best: Item | null = null;
    const rank = { claim: 3, quote: 2, mention: 1 };
    for (const item of this.painted) {
      let inside: boolean;
      try {
        inside = item.range.isPointInRange(node, caret.offset);
      } catch {
        inside = false; // a range whose nodes left the page
      }
      if (inside && (!best || rank[item.kind] > rank[best.kind])) best = item;
    }
    return best;
  }

  /** Opens the card of `item`, with the quotations and mentions inside its range. */
  private async open(item: Item, focus: boolean): Promise<void> {
    this.painter?.setCurrent(item.range);
    const content = this.contentOf(item);
    // The whole claim, all its lines: the card goes beside it, never over it.
    const anchor = item.range.getBoundingClientRect();
    const [{ card }] = await Promise.all([this.loadCard(), this.loadFacts(factIdsOf(content))]);
    await card.show(content, anchor, this.cardEnv(true), focus);
  }

  /** What the card of `item` shows: its claim, and the quotations and mentions inside its range. */
  private contentOf(item: Item): CardContent {
    const inside = (other: Item) =>
      other.root === item.root &&
      item.range.compareBoundaryPoints(Range.START_TO_START, other.range) <= 0 &&
      item.range.compareBoundaryPoints(Range.END_TO_END, other.range) >= 0;
    const around = this.ordered();
    return {
      claim: item.kind === 'claim' ? item.claim : undefined,
      quotes: around.flatMap((o) =>
        o.kind === 'quote' && (o === item || inside(o)) ? [o.quote] : [],
      ),
      mentions: around.flatMap((o) =>
        o.kind === 'mention' && (o === item || inside(o)) ? [o.mention] : [],
      ),
    };
  }

  /**
   * The page's own claim under the reader's selection, a contradiction
   * first: a sentence the page shows in red is the same claim when selected,
   * and keeps its verdict (read alone, it may not even name the case).
   */
  private claimUnderSelection(): Item | null {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const selected = selection.getRangeAt(0);
    let found: Item | null = null;
    for (const item of this.items) {
      if (item.kind !== 'claim' || item.range.startContainer.getRootNode() !== document) continue;
      // The claim starts before the selection ends, and ends after it starts.
      const overlaps =
        item.range.compareBoundaryPoints(Range.END_TO_START, selected) < 0 &&
        item.range.compareBoundaryPoints(Range.START_TO_END, selected) > 0;
      if (!overlaps) continue;
      if (item.claim.verdict === 'contradicted') return item;
      found ??= item;
    }
    return found;
  }

  private cardEnv(withSteps: boolean) {
    return {
      facts: this.facts,
      sources: this.sources,
      language: this.language,
      onOpenSource: (ref: { sourceId: string; start: number; end: number }) =>
        void sendToBackground({ type: 'casefile:open-source', ...ref }),
      onStep: withSteps
        ? (step: 1 | -1, contradicted?: boolean) => this.step(step, contradicted)
        : undefined,
      onReport: (claim: ClaimResult, note: string) => reportVerdict(claim, note),
    };
  }

  /** Checks text the user selected, even where highlighting is off, and shows the result in a card. */
  private async checkSelection(text: string): Promise<void> {
    const selection = window.getSelection();
    const anchor =
      selection && selection.rangeCount > 0
        ? selection.getRangeAt(0).getBoundingClientRect()
        : new DOMRect(window.innerWidth / 2 - 200, 80, 0, 0);
    const own = this.claimUnderSelection();
    if (own) {
      const found = this.contentOf(own);
      const [{ card, module }] = await Promise.all([
        this.loadCard(),
        this.loadFacts(factIdsOf(found)),
      ]);
      const content = module.asSelection(found, this.language);
      await card.show(content, anchor, this.cardEnv(false), true);
      return;
    }
    // The engine runs in the service worker: a selection of a whole long page
    // does not freeze the page.
    const [reports, { card, module }] = await Promise.all([
      askCheck({ chunks: [{ text, at: 0 }] }),
      this.loadCard(),
      this.pageSettings(), // for the language of the card
    ]);
    const report = reports?.[0];
    if (!report || this.signal.aborted) return;
    const content = module.selectionContent(report, this.language);
    await this.loadFacts(factIdsOf(content));
    await card.show(content, anchor, this.cardEnv(false), true);
  }
}

/** The facts a card's checks name. */
function factIdsOf(content: CardContent): string[] {
  const claim = content.claim;
  if (!claim) return [];
  return [
    ...claim.checks.map((check) => check.factId),
    ...(claim.nearest ? [claim.nearest.factId] : []),
  ];
}

/**
 * Items in the order they are read: by position within one tree; a shadow
 * root's items where its host stands (ranges of two trees cannot be compared).
 */
function inReadingOrder(a: Item, b: Item): number {
  if (a.root === b.root) return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
  const place = (item: Item) =>
    item.root instanceof ShadowRoot ? item.root.host : item.range.startContainer;
  const position = place(a).compareDocumentPosition(place(b));
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

/** Whether a parent of `node` (within its tree) is one of `nodes`: a walk up, not a search. */
function hasAncestorIn(node: Node, nodes: ReadonlySet<Node>): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    if (nodes.has(parent)) return true;
  }
  return false;
}

/** Elements visited between two pauses of the walk for shadow roots. */
const SHADOW_WALK_STEP = 512;

/**
 * The open shadow roots under `root`, and under them (closed ones cannot be
 * read, by design), in steps of SHADOW_WALK_STEP elements: each element read
 * from a content script costs a wrapper object, and a large page's walk is
 * tens of milliseconds.
 */
function* shadowRootSteps(root: Node): Generator<void, ShadowRoot[], void> {
  const found: ShadowRoot[] = [];
  const pending: Node[] = [root];
  let visited = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (
      !(next instanceof Element) &&
      !(next instanceof Document) &&
      !(next instanceof DocumentFragment)
    )
      continue;
    const walker = document.createTreeWalker(next, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const shadow = (node as Element).shadowRoot;
      if (shadow) {
        found.push(shadow);
        pending.push(shadow);
      }
      if (++visited % SHADOW_WALK_STEP === 0) yield;
    }
  }
  return found;
}

/** The open shadow roots under `root` at once, for a part the page just added. */
function openShadowRoots(root: Node): ShadowRoot[] {
  return runToEnd(shadowRootSteps(root));
}
