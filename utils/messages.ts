/**
 * The messages the extension's parts exchange. Everything stays inside the
 * browser: page text goes from a content script to the extension's own
 * service worker at most, never to the network.
 */
import type { QuoteResult, TextReport } from '../lib/check-text.ts';
import type { ClaimResult } from '../lib/claims/check-claim.ts';
import type { Fact, Source } from '../lib/facts/schema.ts';
import type { VerdictReportRequest } from '../lib/history/verdict-report.ts';
import type { LanguageSetting } from './settings.ts';

export interface VerdictCounts {
  supported: number;
  contradicted: number;
  unverified: number;
}

/**
 * Up to this length a page is read as one article, whose case signals count
 * in each of its chunks: a long feature is 5 000 to 12 000 characters; a
 * feed or a portal is longer, and many subjects.
 */
export const ARTICLE_MAX_CHARS = 12_000;

/**
 * Texts to check with the browser's one engine (in the service worker).
 * Each chunk is a part of a page's visible text and where it starts in it;
 * `article`, when given, is the whole visible text of a page short enough to
 * be one article (ARTICLE_MAX_CHARS at most), whose case signals count in
 * each of its chunks.
 */
export interface CheckRequest {
  type: 'casefile:check';
  chunks: { text: string; at: number }[];
  article?: string;
}

/** The reports of a check request's chunks, in order; null when no fact is stored. */
export type CheckReply = { reports: TextReport[] | null } | { error: string };

/** Content script → background. */
export type ToBackground =
  | CheckRequest
  /** The facts with these ids (all when none are named) and every source, for a card. */
  | { type: 'casefile:get-facts'; ids?: string[] }
  /** What the sender's page needs of the settings (content scripts cannot read the storage). */
  | { type: 'casefile:get-page-settings' }
  | { type: 'casefile:page-counts'; counts: VerdictCounts; mentions: number }
  | { type: 'casefile:open-source'; sourceId: string; start: number; end: number }
  /**
   * A reader says a verdict is wrong: kept in this browser for export. The
   * page's address is the sender's; the title is only the page's label.
   */
  | { type: 'casefile:report-verdict'; report: VerdictReportRequest; title: string }
  | {
      type: 'casefile:page-checked';
      url: string;
      title: string;
      claims: ClaimResult[];
      quotes: QuoteResult[];
    };

/** Background or popup → content script. */
export type ToContent =
  | { type: 'casefile:check-selection'; text: string }
  | { type: 'casefile:get-report' }
  | { type: 'casefile:reveal'; text: string; start: number }
  /** The settings changed: each page asks again for its own (`casefile:get-page-settings`). */
  | { type: 'casefile:settings-changed' };

/**
 * The settings as one page's content script sees them: whether its own site
 * is highlighted, and the language, never the list of sites switched off.
 */
export interface PageSettings {
  highlights: boolean;
  language: LanguageSetting;
}

/** The answer to `casefile:report-verdict`. */
export type ReportReply = { ok: true } | { ok: false; error: string };

export interface FactsReply {
  facts: Fact[];
  sources: Source[];
}
