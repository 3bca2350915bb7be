import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { webUrl } from '../lib/history/link.ts';
import type { ContentReply, PageReport, ToContent } from '../utils/messages.ts';
import type { Citations } from './ReplyButton.tsx';
import type { ReportOutcome } from './ReportVerdict.tsx';
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

/**
 * What the active tab's content script found; `unchanged` when it has
 * found nothing new since the report of version `since`; null when no
 * content script answers.
 */
async function activeReport(since?: string): Promise<PageReport | 'unchanged' | null> {
  const tabId = await targetTabId();
  if (tabId === undefined) return null;
  const message: ToContent = { type: 'casefile:get-report', ...(since !== undefined && { since }) };
  const reply = (await browser.tabs
    .sendMessage(tabId, message, { frameId: 0 })
    .catch(() => null)) as ContentReply<typeof message> | null;
  if (!reply) return null;
  return 'unchanged' in reply ? 'unchanged' : reply;
}

/**
 * What the active page's content script found: undefined until it answers,
 * null when no content script does (a browser page, the web store). Asked
 * once per popup for all its parts, then again every REFRESH_MS while the
 * popup is open — a feed keeps growing, and the switches change what the
 * page shows — with the version the popup has: the page copies its claims
 * again only when it has read more (or another page is shown).
 */
export function usePageReport(): PageReport | null | undefined {
  const [report, setReport] = useState<PageReport | null | undefined>(undefined);
  useEffect(() => {
    let open = true;
    let version: string | undefined;
    const read = () =>
      void activeReport(version).then((next) => {
        if (!open || next === 'unchanged') return;
        version = next?.version;
        // A null again (no content script) is the same state: Preact draws nothing anew.
        setReport(next);
      });
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => {
      open = false;
      clearInterval(timer);
    };
  }, []);
  return report;
}

/** The host of the page a report speaks of, when it is a web page. */
export function webHostOf(report: PageReport | null | undefined): string | null {
  return webUrl(report?.url ?? '')?.hostname ?? null;
}

/**
 * The active page's claims, contradicted first, every one of them — also
 * those past the page's highlight limit, which are only listed here.
 * Choosing one shows it in the page with its card.
 */
export function PageSummary({
  t,
  report,
  citations,
  onReport,
}: {
  t: Messages;
  /** The page's report (usePageReport). */
  report: PageReport | null | undefined;
  citations?: Citations;
  /** Keeps a reader's report of a wrong verdict on this page. */
  onReport?: (
    claim: ListedClaim,
    note: string,
    page: { url: string; title: string },
  ) => Promise<ReportOutcome>;
}) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const watching = new AbortController();
    void getSettings().then((next) => !watching.signal.aborted && setSettings(next));
    watchSettings(setSettings, watching.signal);
    return () => watching.abort();
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
        replyLanguage={report.language === 'en' ? 'en' : 'fr'}
      />
    </section>
  );
}
