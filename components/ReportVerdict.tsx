import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Messages } from './i18n.ts';

/** What keeping a report came to: kept, or why not. */
export type ReportOutcome = { ok: true } | { ok: false; error: string };

/**
 * "Wrong verdict? Report it": opens a short form for an optional note, then
 * keeps the report in this browser (`onReport` stores it). Only a reader's
 * own clicks and key presses count (`event.isTrusted`): in a page's card, a
 * script could otherwise file reports. In a web page (`inPage`) there is no
 * note to type: keystrokes and input events in the card reach the page's
 * own listeners (the shadow root hides elements, not events), so the report
 * is kept at once and its note is written in the history page.
 */
export function ReportVerdict({
  t,
  onReport,
  inPage = false,
}: {
  t: Messages;
  onReport: (note: string) => Promise<ReportOutcome>;
  inPage?: boolean;
}) {
  const [stage, setStage] = useState<'idle' | 'writing' | 'saving' | 'kept'>('idle');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const noteId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    if (stage === 'writing') field.current?.focus();
  }, [stage]);

  // Kept on the reader's own click (or Enter, or Space) on the button.
  const keep = async (event: MouseEvent) => {
    if (!event.isTrusted || stage === 'saving') return;
    setStage('saving');
    setFailure(null);
    const outcome = await onReport(note).catch((error: unknown): ReportOutcome => ({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    }));
    if (outcome.ok) setStage('kept');
    else {
      setStage(inPage ? 'idle' : 'writing');
      setFailure(outcome.error);
    }
  };
  if (stage === 'kept') {
    return (
      <p class="report-kept" role="status">
        {inPage ? t.reportKeptInPage : t.reportKept}
      </p>
    );
  }
  if (stage === 'idle' || (inPage && stage === 'saving')) {
    return (
      <>
        <button
          type="button"
          class="link report-open"
          disabled={stage === 'saving'}
          onClick={(event) => {
            if (!event.isTrusted) return;
            if (inPage) void keep(event);
            else setStage('writing');
          }}
        >
          {t.reportWrong}
        </button>
        {failure && (
          <p class="notice error" role="alert">
            {t.reportFailed} ({failure})
          </p>
        )}
      </>
    );
  }
  return (
    <form class="report-form" onSubmit={(event) => event.preventDefault()}>
      <label for={noteId}>{t.reportNote}</label>
      <textarea
        id={noteId}
        ref={field}
        rows={2}
        maxLength={1000}
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <div class="report-actions">
        <button type="button" disabled={stage === 'saving'} onClick={(event) => void keep(event)}>
          {t.reportKeep}
        </button>
        <button
          type="button"
          onClick={(event) => {
            if (!event.isTrusted) return;
            setStage('idle');
            setFailure(null);
          }}
        >
          {t.reportCancel}
        </button>
      </div>
      {failure && (
        <p class="notice error" role="alert">
          {t.reportFailed} ({failure})
        </p>
      )}
    </form>
  );
}
