/**
 * A quote's word alignment as the list of changes and the one-line word diff
 * people read.
 *
 * The diff is wdiff style, the source being the old text and the quote the
 * new one. Words shown are the raw words (accents and case as written,
 * punctuation left out), the quote's for unchanged stretches:
 *
 * | notation                  | meaning                                                     |
 * | ------------------------- | ----------------------------------------------------------- |
 * | `mot`                     | the same word in the quote and the source                   |
 * | `[-source-]`              | source words the quote dropped                              |
 * | `{+quote+}`               | quote words the source does not have here                   |
 * | `[-source-] {+quote+}`    | source words the quote changed into others                  |
 * | `[~source → quote~]`      | the same words in another order (a reordered block)         |
 * | `[…]`                     | source words the quote leaves out where it shows an ellipsis |
 *
 * "pour [-sa-] {+son+} [~notoire absence → absence notoire~] de modération".
 * An exact quote has no changes and an empty diff.
 */
import type { AlignedSegment } from './align-words.ts';

/** The raw text of word `index` of the quote, or of the source. */
export type WordText = (index: number) => string;

/** One difference between a quote and the passage it was traced to. */
export interface WordChange {
  kind: 'changed' | 'added' | 'dropped' | 'reordered';
  /** The quote's words (absent for dropped). */
  quote?: string;
  /** The source's words (absent for added). */
  source?: string;
}

/** The segments that differ, as changes (omissions marked by an ellipsis are not changes). */
export function wordChanges(
  segments: readonly AlignedSegment[],
  quoteWord: WordText,
  sourceWord: WordText,
): WordChange[] {
  const changes: WordChange[] = [];
  for (const segment of segments) {
    const quote = joinWords(quoteWord, segment.quote.start, segment.quote.end);
    const source = joinWords(sourceWord, segment.source.start, segment.source.end);
    switch (segment.kind) {
      case 'changed':
      case 'reordered':
        changes.push({ kind: segment.kind, quote, source });
        break;
      case 'added':
        changes.push({ kind: 'added', quote });
        break;
      case 'dropped':
        changes.push({ kind: 'dropped', source });
        break;
      default:
        break;
    }
  }
  return changes;
}

/** The one-line word diff of the segments (notation in the module comment). */
export function formatWordDiff(
  segments: readonly AlignedSegment[],
  quoteWord: WordText,
  sourceWord: WordText,
): string {
  const parts: string[] = [];
  for (const segment of segments) {
    const quote = joinWords(quoteWord, segment.quote.start, segment.quote.end);
    const source = joinWords(sourceWord, segment.source.start, segment.source.end);
    switch (segment.kind) {
      case 'equal':
        parts.push(quote);
        break;
      case 'changed':
        parts.push(`[-${source}-] {+${quote}+}`);
        break;
      case 'added':
        parts.push(`{+${quote}+}`);
        break;
      case 'dropped':
        parts.push(`[-${source}-]`);
        break;
      case 'reordered':
        parts.push(`[~${source} → ${quote}~]`);
        break;
      case 'omitted':
        parts.push('[…]');
        break;
    }
  }
  return parts.join(' ');
}

/** An elided word (`l'`, `d’`) is written against the next one: "l’association". */
const ELIDED = /['\u2019\u2018\u02bc\uff07\u2032]$/;

function joinWords(word: WordText, start: number, end: number): string {
  let text = '';
  let previous = '';
  for (let i = start; i < end; i++) {
    const next = word(i);
    text += i === start || ELIDED.test(previous) ? next : ` ${next}`;
    previous = next;
  }
  return text;
}
