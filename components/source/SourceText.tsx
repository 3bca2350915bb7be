import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Three line breaks or more in a row (two blank lines or more), blanks between
 * them included: the layout of a PDF's letterhead, not the author's paragraphs.
 */
const BLANK_LINES = /\n(?:[^\S\n]*\n){2,}/g;

/**
 * A stretch of text with each run of blank lines shown one blank line tall
 * (none at the very start or end of the text): the characters are all there,
 * in the page and in a copy, only the gap is drawn shorter.
 */
function withShortGaps(text: string, offset: number, total: number): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  let last = 0;
  for (const run of text.matchAll(BLANK_LINES)) {
    const at = run.index;
    if (at > last) parts.push(text.slice(last, at));
    const edge = offset + at === 0 || offset + at + run[0].length === total;
    parts.push(
      <span key={offset + at} class={edge ? 'gap gap-edge' : 'gap'}>
        {run[0]}
      </span>,
    );
    last = at + run[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** A passage of a source's text: [start, end) in UTF-16 offsets. */
export interface Passage {
  start: number;
  end: number;
}

interface Props {
  text: string;
  /** The passage to mark; must lie within the text (the caller checks). */
  passage: Passage | undefined;
  /** The language the text is written in, for hyphenation and screen readers. */
  lang: string;
  /** What the mark is announced as ("passage cité"). */
  markLabel: string;
  /**
   * Changes whenever the passage should be brought into view again: another
   * passage, another source, or the same link followed twice. Re-renders that
   * keep it (the store refreshing) leave the reader's scroll position alone.
   */
  revealKey: string;
}

/**
 * A source's whole text, as published (line breaks kept by the style sheet,
 * long runs of blank lines drawn one line tall), with one passage in `<mark id="passage">`, which is scrolled to the middle
 * of the window and focused whenever `revealKey` changes. Text only, never HTML.
 */
export function SourceText({ text, passage, lang, markLabel, revealKey }: Props) {
  const mark = useRef<HTMLElement>(null);

  // Before paint, so the page never shows the top of the text first.
  useLayoutEffect(() => {
    const element = mark.current;
    if (!element) return;
    element.scrollIntoView({ block: 'center', inline: 'nearest' });
    element.focus({ preventScroll: true });
  }, [revealKey]);

  return (
    <div class="source-text" lang={lang} data-testid="source-text">
      {passage ? (
        <>
          {withShortGaps(text.slice(0, passage.start), 0, text.length)}
          <mark id="passage" ref={mark} tabIndex={-1} aria-label={markLabel}>
            {text.slice(passage.start, passage.end)}
          </mark>
          {withShortGaps(text.slice(passage.end), passage.end, text.length)}
        </>
      ) : (
        withShortGaps(text, 0, text.length)
      )}
    </div>
  );
}
