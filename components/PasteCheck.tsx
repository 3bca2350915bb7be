import { useEffect, useRef, useState } from 'preact/hooks';
import { checkTextSteps, createEngine, type Engine, type TextReport } from '../lib/check-text.ts';
import type { CasefileDb } from '../lib/db.ts';
import type { SourceMeta } from '../lib/facts/schema.ts';
import { inSlices, Slicer } from '../lib/steps.ts';
import type { Messages } from './i18n.ts';
import { ReportView } from './ReportView.tsx';

/** Longest text accepted in the box: a long article; past that, use the page itself. */
const MAX_PASTE_CHARS = 200_000;

/** The engine over the stored facts, built once per page. */
let engine: Promise<Engine> | null = null;

function storedEngine(db: CasefileDb): Promise<Engine> {
  engine ??= Promise.all([db.facts.toArray(), db.sources.toArray()]).then(([facts, sources]) =>
    createEngine(
      facts.sort((a, b) => a.position - b.position),
      sources,
    ),
  );
  return engine;
}

/**
 * A box to paste any text (a post, a message from a user report) and check
 * it on the spot, with the same engine and the same results as in pages.
 * `onChecked` lets the caller keep a record.
 */
export function PasteCheck({
  db,
  t,
  sources,
  onChecked,
}: {
  db: CasefileDb;
  t: Messages;
  sources?: readonly SourceMeta[];
  onChecked?: (text: string, report: TextReport) => void;
}) {
  const [text, setText] = useState('');
  const [report, setReport] = useState<TextReport | null>(null);
  const [checking, setChecking] = useState(false);
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
    // In slices of a few milliseconds, as in pages: a long text never freezes the popup.
    const result = await inSlices(
      checkTextSteps(await storedEngine(db), input),
      new Slicer(controller.signal),
    );
    if (controller.signal.aborted || !result) return;
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
        {!checking &&
          report &&
          (report.aboutCase ? (
            <ReportView
              claims={report.claims}
              quotes={report.quotes}
              t={t}
              sources={sources}
              replyLanguage={report.language === 'en' ? 'en' : 'fr'}
            />
          ) : (
            <p>{t.pasteNothing}</p>
          ))}
      </div>
    </section>
  );
}
