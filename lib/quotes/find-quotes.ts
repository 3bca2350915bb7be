/**
 * Finding quotations in a text: spans between « », “ ” or " " marks.
 *
 * One pass over the text with a stack of open marks, linear in its length
 * whatever the marks (a megabyte of « is a megabyte of pushes, then nothing):
 * no regular expression runs over the text, so long runs of quote marks or
 * spaces cannot backtrack.
 *
 * - « » and “ ” open and close unambiguously. A closer pairs with the nearest
 *   open mark of its kind; marks opened after that one and never closed are
 *   dropped (unbalanced).
 * - " is ambiguous: it closes an open " when it follows a non-space or
 *   precedes a non-word character, and otherwise opens when it does not
 *   follow a letter or digit (so the inch mark in `5"` is ignored, and
 *   `"a "b" c"` nests).
 * - Nested quotations are reported at the outermost level only; a mark that
 *   never finds its partner is ignored, and does not hide the balanced
 *   quotations around or after it.
 * - Single quotes (' ’ ‘) are never quote marks: they are apostrophes far more
 *   often (d'homicides, l’ensemble).
 */
import type { Span } from '../text/span.ts';

/** A quotation found in a text: the whole span, marks included, and the quoted words inside. */
export interface QuoteSpan extends Span {
  /** The words inside the quote marks (the span without the marks and surrounding spaces). */
  inner: Span;
  /** 'guillemets' « », 'curly' “ ”, 'straight' " ", 'unmarked' (a long near-verbatim copy found by findUnmarkedCopies). */
  marks: 'guillemets' | 'curly' | 'straight' | 'unmarked';
}

type MarkKind = 'guillemets' | 'curly' | 'straight';

const GUILLEMET_OPEN = 0xab; // «
const GUILLEMET_CLOSE = 0xbb; // »
const CURLY_OPEN = 0x201c; // “
const CURLY_CLOSE = 0x201d; // ”
const STRAIGHT = 0x22; // "

/** A single letter or digit (a lone surrogate half is neither). */
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A single white-space character, including no-break and narrow no-break spaces. */
const SPACE_CHAR = /\s/;

/** Whether the UTF-16 unit is a letter or digit; ASCII without a regular expression. */
function isWordUnit(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a)
    );
  }
  return WORD_CHAR.test(String.fromCharCode(code));
}

/** Whether the UTF-16 unit is white space; ASCII without a regular expression. */
function isSpaceUnit(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return SPACE_CHAR.test(String.fromCharCode(code));
}

const KINDS: readonly MarkKind[] = ['guillemets', 'curly', 'straight'];
const GUILLEMETS = 0;
const CURLY = 1;
const STRAIGHT_KIND = 2;

/**
 * Quotations marked by « », “ ” or " " in a text, in order; nested quotes are
 * reported at the outermost level; unbalanced marks are ignored. Pairs that
 * hold no letter or digit (`" "`, `« … »`) are not quotations and are left out.
 * Returns an empty list when the text has none.
 */
export function findQuotes(text: string): QuoteSpan[] {
  // Open marks, each as `offset * 4 + kind`: small integers, not objects, for a megabyte of «.
  const stack: number[] = [];
  const openCount = [0, 0, 0];
  // Closed pairs not (yet) inside a later one, by opening offset: the outermost so far.
  const outerOpen: number[] = [];
  const outerClose: number[] = [];
  const outerKind: number[] = [];

  const open = (kind: number, at: number): void => {
    stack.push(at * 4 + kind);
    openCount[kind] = (openCount[kind] as number) + 1;
  };
  const closeWith = (kind: number, at: number): void => {
    // Pop down to the nearest open mark of this kind: the marks above it were never closed.
    while (stack.length > 0) {
      const top = stack.pop() as number;
      const topKind = top % 4;
      openCount[topKind] = (openCount[topKind] as number) - 1;
      if (topKind !== kind) continue;
      const openAt = (top - topKind) / 4;
      // Stack discipline makes pairs nested or disjoint: this one holds every kept pair opened after it.
      while (outerOpen.length > 0 && (outerOpen[outerOpen.length - 1] as number) > openAt) {
        outerOpen.pop();
        outerClose.pop();
        outerKind.pop();
      }
      outerOpen.push(openAt);
      outerClose.push(at);
      outerKind.push(kind);
      return;
    }
  };

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === GUILLEMET_OPEN) open(GUILLEMETS, i);
    else if (code === CURLY_OPEN) open(CURLY, i);
    else if (code === GUILLEMET_CLOSE) {
      if ((openCount[GUILLEMETS] as number) > 0) closeWith(GUILLEMETS, i);
    } else if (code === CURLY_CLOSE) {
      if ((openCount[CURLY] as number) > 0) closeWith(CURLY, i);
    } else if (code === STRAIGHT) {
      const before = i > 0 ? text.charCodeAt(i - 1) : -1;
      const after = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
      const canClose = before >= 0 && (!isSpaceUnit(before) || after < 0 || !isWordUnit(after));
      const canOpen = (before < 0 || !isWordUnit(before)) && after >= 0;
      if ((openCount[STRAIGHT_KIND] as number) > 0 && canClose) closeWith(STRAIGHT_KIND, i);
      else if (canOpen) open(STRAIGHT_KIND, i);
    }
  }

  // The kept pairs are disjoint, so checking each for a word reads the text once at most.
  const quotes: QuoteSpan[] = [];
  for (const [k, openAt] of outerOpen.entries()) {
    const closeAt = outerClose[k] as number;
    const inner = trimSpaces(text, openAt + 1, closeAt);
    if (!hasWordChar(text, inner)) continue;
    const marks = KINDS[outerKind[k] as number] as MarkKind;
    quotes.push({ start: openAt, end: closeAt + 1, inner, marks });
  }
  return quotes;
}

/** `[start, end)` without the white space at either end. */
function trimSpaces(text: string, start: number, end: number): Span {
  let from = start;
  let to = end;
  while (from < to && isSpaceUnit(text.charCodeAt(from))) from++;
  while (to > from && isSpaceUnit(text.charCodeAt(to - 1))) to--;
  return { start: from, end: to };
}

function hasWordChar(text: string, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) if (isWordUnit(text.charCodeAt(i))) return true;
  return false;
}
