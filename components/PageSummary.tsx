import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { QuoteResult } from '../lib/check-text.ts';
import type { ClaimResult } from '../lib/claims/check-claim.ts';
import type { ToContent } from '../utils/messages.ts';
import type { Citations } from './ReplyButton.tsx';
import type { ReportOutcome } from './ReportVerdict.tsx';
import { detectLanguage } from '../lib/text/language.ts';
import { getSettings, highlightsOn, watchSettings, type Settings } from '../utils/settings.ts';
import type { Messages } from './i18n.ts';
import { ReportView, type ListedClaim } from './ReportView.tsx';

/** The host name of a page's address ('' when it has none). */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** How often an open popup asks the page again for what it found, in ms. */
const REFRESH_MS = 1500;

/** What the active tab's content script found, as it reports it. */
export interface PageReport {
  url: string;
  title: string;
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
 * The tab the popup speaks of: the active one, or the one named by `?tab=`
 * (the popup opened in a tab of its own, as tests and keyboard users do).
 */
export async function targetTabId(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function activeReport(): Promise<PageReport | null> {
  const tabId = await targetTabId();
  if (tabId === undefined) return null;
  const message: ToContent = { type: 'casefile:get-report' };
  const report = await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => null);
  return (report as PageReport | null) ?? null;
}

/**
 * The active page's claims, contradicted first, every one of them — also
 * those past the page's highlight limit, which are only listed here.
 * Choosing one shows it in the page with its card.
 */
export function PageSummary({
  t,
  citations,
  onReport,
}: {
  t: Messages;
  citations?: Citations;
  /** Keeps a reader's report of a wrong verdict on this page. */
  onReport?: (
    claim: ListedClaim,
    note: string,
    page: { url: string; title: string },
  ) => Promise<ReportOutcome>;
}) {
  const [report, setReport] = useState<PageReport | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let open = true;
    let last = '';
    // Asked again while the popup is open: a feed keeps growing, and the
    // switches above change what the page shows. Drawn again only when the
    // page has read more (or another page is shown).
    const read = () =>
      void activeReport().then((next) => {
        const seen = next ? `${next.url} ${next.passes.count} ${next.claims.length}` : '';
        if (!open || (seen === last && next !== null)) return;
        last = seen;
        setReport(next);
      });
    read();
    const timer = setInterval(read, REFRESH_MS);
    const watching = new AbortController();
    void getSettings().then((next) => open && setSettings(next));
    watchSettings(setSettings, watching.signal);
    return () => {
      open = false;
      clearInterval(timer);
      watching.abort();
    };
  }, []);
  if (report === undefined || report === null) return null;
  if (report.claims.length === 0 && report.mentions === 0) {
    // Not read at all is not the same as read and found unrelated.
    const off = settings !== null && !highlightsOn(settings, hostOf(report.url));
    return (
      <p class="page-none" role="status">
        {off ? t.notReadHere : t.nothingOnPage}
      </p>
    );
  }
  const reveal = async (claim: ListedClaim) => {
    const tabId = await targetTabId();
    if (tabId === undefined) return;
    const message: ToContent = { type: 'casefile:reveal', text: claim.text, start: claim.start };
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
  };
  return (
    <section class="page-summary" aria-labelledby="page-heading">
      <h2 id="page-heading">{t.onThisPageHeading}</h2>
      <p class="page-name" title={report.url}>
        {report.title.trim() || report.url}
      </p>
      <ReportView
        claims={report.claims}
        quotes={report.quotes}
        t={t}
        onChoose={(c) => void reveal(c)}
        citations={citations}
        onReport={
          onReport &&
          ((claim, note) => onReport(claim, note, { url: report.url, title: report.title }))
        }
        replyLanguage={
          detectLanguage(report.claims.map((c) => c.text).join(' ')) === 'en' ? 'en' : 'fr'
        }
      />
    </section>
  );
}
