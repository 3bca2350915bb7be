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

/**
 * Each message a content script sends the background, by type, with the
 * reply it gets (`void`: none is sent). Sender and receiver read the one map,
 * so a request and its reply cannot drift apart.
 */
export interface BackgroundRequests {
  'casefile:check': { request: CheckRequest; reply: CheckReply };
  /** The facts with these ids (all when none are named) and every source, for a card. */
  'casefile:get-facts': {
    request: { type: 'casefile:get-facts'; ids?: string[] };
    reply: FactsReply;
  };
  /** What the sender's page needs of the settings (content scripts cannot read the storage). */
  'casefile:get-page-settings': {
    request: { type: 'casefile:get-page-settings' };
    reply: PageSettings;
  };
  'casefile:page-counts': {
    request: { type: 'casefile:page-counts'; counts: VerdictCounts; mentions: number };
    reply: void;
  };
  'casefile:open-source': {
    request: { type: 'casefile:open-source'; sourceId: string; start: number; end: number };
    reply: void;
  };
  /**
   * A reader says a verdict is wrong: kept in this browser for export. The
   * page's address is the sender's; the title is only the page's label.
   */
  'casefile:report-verdict': {
    request: { type: 'casefile:report-verdict'; report: VerdictReportRequest; title: string };
    reply: ReportReply;
  };
  /** What a page found, for the history; its address is the sender's, never the message's. */
  'casefile:page-checked': {
    request: {
      type: 'casefile:page-checked';
      url: string;
      title: string;
      /** The language of its claims, as the engine read their chunks. */
      language: PageLanguage;
      claims: ClaimResult[];
      quotes: QuoteResult[];
    };
    reply: void;
  };
}

/** Content script → background. */
export type ToBackground = BackgroundRequests[keyof BackgroundRequests]['request'];

/** The reply to a message sent to the background. */
export type BackgroundReply<M extends ToBackground> = BackgroundRequests[M['type']]['reply'];

/** Each message the popup or the background sends a page's content script, with its reply. */
export interface ContentRequests {
  'casefile:check-selection': {
    request: { type: 'casefile:check-selection'; text: string };
    reply: void;
  };
  /**
   * What the page found. With `since` (the `version` of the report the asker
   * has), a page that has found nothing new answers `{ unchanged: true }`
   * instead of copying thousands of claims again.
   */
  'casefile:get-report': {
    request: { type: 'casefile:get-report'; since?: string };
    reply: PageReport | { unchanged: true };
  };
  'casefile:reveal': {
    request: { type: 'casefile:reveal'; text: string; start: number };
    reply: void;
  };
  /** The settings changed: each page asks again for its own (`casefile:get-page-settings`). */
  'casefile:settings-changed': { request: { type: 'casefile:settings-changed' }; reply: void };
}

/** Background or popup → content script. */
export type ToContent = ContentRequests[keyof ContentRequests]['request'];

/** The reply to a message sent to a content script. */
export type ContentReply<M extends ToContent> = ContentRequests[M['type']]['reply'];

/** A page's language, as the engine tells it from its text ('und' when it cannot). */
export type PageLanguage = 'fr' | 'en' | 'und';

/** What a page's content script found, as it reports it to the popup. */
export interface PageReport {
  /** Changes whenever the report would: its address, its passes, what it holds. */
  version: string;
  url: string;
  title: string;
  /** The language most of its claims are in, as the engine read their chunks. */
  language: PageLanguage;
  painted: number;
  claims: (ClaimResult & { painted: boolean })[];
  quotes: QuoteResult[];
  mentions: number;
  /**
   * Passes the content script has finished over the page and the time they
   * took on its main thread (ms), and when the first highlight was painted
   * (ms from the page's start; null before).
   */
  passes: { count: number; scan: number; highlight: number; firstPaint: number | null };
}

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
