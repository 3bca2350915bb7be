import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TextReport } from '../lib/check-text.ts';
import type { ClaimResult } from '../lib/claims/check-claim.ts';
import type { Citations } from './ReplyButton.tsx';
import type { ReportOutcome } from './ReportVerdict.tsx';
import type { CheckReply, CheckRequest } from '../utils/messages.ts';
import type { Messages } from './i18n.ts';
import { ReportView } from './ReportView.tsx';

/** Longest text accepted in the box: a long article; past that, use the page itself. */
const MAX_PASTE_CHARS = 200_000;

/**
 * The report of `text` from the browser's one engine, in the service worker
 * (the popup builds none of its own, and never freezes while it works).
 */
async function checkInWorker(text: string): Promise<TextReport> {
  const request: CheckRequest = { type: 'casefile:check', chunks: [{ text, at: 0 }] };
  const reply = (await browser.runtime.sendMessage(request)) as CheckReply | undefined;
  if (!reply) throw new Error('the extension did not answer');
  if ('error' in reply) throw new Error(reply.error);
  const report = reply.reports?.[0];
  if (!report) throw new Error('no fact is stored');
  return report;
}

/**
 * A box to paste any text (a post, a message from a user report) and check
 * it on the spot, with the same engine and the same results as in pages.
 * `onChecked` lets the caller keep a record.
 */
export function PasteCheck({
  t,
  citations,
  onChecked,
  onReport,
}: {
  t: Messages;
  citations?: Citations;
  /** Keeps a reader's report of a wrong verdict on the pasted text. */
  onReport?: (claim: ClaimResult, note: string) => Promise<ReportOutcome>;
  onChecked?: (text: string, report: TextReport) => void;
}) {
  const [text, setText] = useState('');
  const [report, setReport] = useState<TextReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** The check under way: a new one (or closing the popup) stops it. */
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  const check = async (event: Event) => {
    event.preventDefault();
    const input = text.slice(0, MAX_PASTE_CHARS);
    if (input.trim() === '') return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setChecking(true);
    setFailure(null);
    let result: TextReport;
    try {
      result = await checkInWorker(input);
    } catch (error) {
      if (controller.signal.aborted) return;
      setChecking(false);
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    // A newer check replaced this one: its answer is the one shown.
    if (controller.signal.aborted) return;
    running.current = null;
    setChecking(false);
    setReport(result);
    onChecked?.(input, result);
  };
  return (
    <section class="paste" aria-labelledby="paste-heading">
      <h2 id="paste-heading">{t.pasteHeading}</h2>
      <form onSubmit={(e) => void check(e)}>
        <label for="paste-text">{t.pasteLabel}</label>
        <textarea
          id="paste-text"
          rows={4}
          maxLength={MAX_PASTE_CHARS}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit">{t.pasteButton}</button>
      </form>
      <div aria-live="polite" aria-busy={checking} data-testid="paste-result">
        {checking && <p class="hint">{t.pasteChecking}</p>}
        {failure && (
          <p class="notice error" role="alert">
            {t.pasteFailed} ({failure})
          </p>
        )}
        {!checking &&
          report &&
          (report.aboutCase ? (
            <ReportView
              claims={report.claims}
              quotes={report.quotes}
              t={t}
              citations={citations}
              onReport={onReport}
              replyLanguage={report.language === 'en' ? 'en' : 'fr'}
            />
          ) : (
            <p>{t.pasteNothing}</p>
          ))}
      </div>
    </section>
  );
}
