/**
 * What the page found, told to the background: the counts for the badge
 * after every pass, and, for a top page with claims, the moderators'
 * history record — at once the first time, then at most every
 * LOG_INTERVAL_MS with the latest state (a busy feed changes many times a
 * minute). Pages with nothing found tell nothing.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { tellBackground } from './messaging.ts';
import type { PageItems } from './page-items.ts';

/** A page that keeps changing is written to the history at most this often. */
const LOG_INTERVAL_MS = 5000;

export class PageRecord {
  private readonly ctx: ContentScriptContext;
  /** The page's items while highlighting is on; null when off. */
  private readonly items: () => PageItems | null;
  /** Whether the badge shows counts of this page (the background need not hear of pages with none). */
  private countsShown = false;
  private logTimer: number | null = null;
  private lastLog = Number.NEGATIVE_INFINITY;

  constructor(ctx: ContentScriptContext, items: () => PageItems | null) {
    this.ctx = ctx;
    this.items = items;
  }

  /** After a pass: the counts, and the history record when the page has claims. */
  update(): void {
    const items = this.items();
    if (!items) return;
    const { counts, mentions, claims } = items.counts();
    if (items.size === 0 && !this.countsShown) return;
    this.countsShown = items.size > 0;
    tellBackground({ type: 'casefile:page-counts', counts, mentions });
    // The moderators' record keeps pages, not their frames.
    if (window === window.top && claims > 0) this.log();
  }

  private log(): void {
    if (this.logTimer !== null) return;
    const wait = Math.max(0, this.lastLog + LOG_INTERVAL_MS - performance.now());
    this.logTimer = this.ctx.setTimeout(() => {
      this.logTimer = null;
      const items = this.items();
      if (!items) return;
      this.lastLog = performance.now();
      const { url, title, language, claims, quotes } = items.report(NO_PASSES, false);
      if (claims.length === 0) return;
      tellBackground({ type: 'casefile:page-checked', url, title, language, claims, quotes });
    }, wait);
  }

  /** Highlighting is off: no record is written, and the badge is emptied. */
  clear(): void {
    if (this.logTimer !== null) clearTimeout(this.logTimer);
    this.logTimer = null;
    if (!this.countsShown) return;
    this.countsShown = false;
    tellBackground({
      type: 'casefile:page-counts',
      counts: { supported: 0, contradicted: 0, unverified: 0 },
      mentions: 0,
    });
  }
}

/** The history does not keep the passes' timing. */
const NO_PASSES = { count: 0, scan: 0, highlight: 0, firstPaint: null };
