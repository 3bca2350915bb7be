/**
 * Words for quote alignment: a raw string split into words, each with its raw
 * span and a folded key that two spellings of the same word share.
 *
 * Folding removes what the contract calls typography, not alteration: case,
 * accents ("île" and "ile"), ligatures ("œuvre" and "oeuvre"), typographic
 * apostrophes (’ ‘ ʼ → '), and the separators inside grouped numbers
 * ("23 051", "23 051" with a no-break space, "23.051" and "23051" are one
 * word, `23051`). Punctuation, quote marks and dashes are never part of a
 * word, so they cannot make two quotations differ.
 *
 * What a word is:
 * - a run of letters, digits and combining marks;
 * - joined across a single "." between two such runs ("coco.gg", "23.000"),
 *   and across a single "," between two digit runs ("3,5");
 * - a number of 1–3 digits followed by groups of exactly 3 digits, separated
 *   by one space of any width (French thousands: "500 000", "23 051");
 * - an elided word ends at its apostrophe: "d'homicides" is `d'` + `homicides`
 *   (keys `d` and `homicides`), so "d'infractions" against "les infractions"
 *   is one word changed.
 * Hyphens separate words ("guet-apens" is two words, like "guet apens").
 *
 * Private to `lib/quotes/`: the project's general normalisation with an
 * offset map is `lib/text/normalize.ts`; alignment needs word tokens with raw
 * spans anyway, and this keeps the quote engine self-contained.
 */
import type { Span } from '../text/span.ts';

/** One word of a raw text: its raw span and its folded key. */
export interface Word extends Span {
  /** The folded form two spellings of the same word share (`d` for d’, `ile`, `23051`, `coco.gg`). */
  key: string;
}

/**
 * A run of letters, digits and combining marks: the stuff of words. The
 * modifier letter apostrophe ʼ is a letter to Unicode but an apostrophe here.
 * Linear: one character class repeated, nothing to backtrack into.
 */
const WORD_RUN = /(?:(?!\u02bc)[\p{L}\p{N}\p{M}])+/gu;

/** Characters that are an apostrophe, straight or typographic (’ ‘ ʼ ＇ ′). */
const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '\u02bc', '\uff07', '\u2032']);

/** Spaces that may group the digits of a number: space, no-break, narrow no-break, thin, figure. */
const DIGIT_GROUP_SPACES = new Set([' ', '\u00a0', '\u202f', '\u2009', '\u2007']);

/** One to three ASCII digits: the head of a grouped number. */
const NUMBER_HEAD = /^\d{1,3}$/;
/** Exactly three ASCII digits: one group of a grouped number. */
const NUMBER_GROUP = /^\d{3}$/;
/** A run of ASCII digits only. */
const DIGITS = /^\d+$/;
/** A grouped number, whose separators fold away: "23 051", "23.000", "1 000 000". */
const GROUPED_NUMBER = /^\d{1,3}(?:[ .\u00a0\u202f\u2009\u2007]\d{3})+$/;
/** Printable ASCII only: nothing to fold but case (the common case, made fast). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Combining marks left by canonical decomposition: the accents. */
const COMBINING_MARKS = /\p{M}+/gu;
/** The apostrophes a key may contain, all folded to "'". */
const ANY_APOSTROPHE = /[\u2019\u2018\u02bc\uff07\u2032]/g;

/**
 * The folded key of one raw word: lower case, compatibility-decomposed with
 * combining marks removed, ligatures spelled out, apostrophes straight, and a
 * grouped number's separators removed.
 */
export function foldWord(raw: string): string {
  if (GROUPED_NUMBER.test(raw)) return raw.replace(/\D/g, '');
  if (PRINTABLE_ASCII.test(raw)) return raw.toLowerCase();
  return raw
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(ANY_APOSTROPHE, "'")
    .replace(/\s+/g, ''); // compatibility forms may spell a space; a key never holds one
}

/**
 * The words of `raw` between `from` and `to`, in order, with raw spans.
 * Stops after `limit` words (pass `limit + 1` to learn whether a text has
 * more than `limit` words without reading all of it). Linear in the text read.
 */
export function splitWords(
  raw: string,
  from = 0,
  to = raw.length,
  limit = Number.POSITIVE_INFINITY,
): Word[] {
  const end = Math.min(Math.max(to, 0), raw.length);
  const words: Word[] = [];
  const runs = new RegExp(WORD_RUN.source, WORD_RUN.flags);
  runs.lastIndex = Math.max(0, from);

  const nextRun = (): Span | null => {
    const match = runs.exec(raw);
    if (!match || match.index >= end) return null;
    return { start: match.index, end: Math.min(match.index + match[0].length, end) };
  };

  let run = nextRun();
  while (run && words.length < limit) {
    const start = run.start;
    let stop = run.end;
    // The raw text of the last run joined, to decide how the next may join.
    let lastRun = raw.slice(run.start, run.end);
    let next = nextRun();
    let elided = false;
    while (next && next.start === stop + 1) {
      const between = raw[stop] ?? '';
      const nextText = raw.slice(next.start, next.end);
      if (APOSTROPHES.has(between)) {
        elided = true;
        break;
      }
      const joins =
        between === '.' ||
        (between === ',' && DIGITS.test(lastRun) && DIGITS.test(nextText)) ||
        (DIGIT_GROUP_SPACES.has(between) &&
          numberSoFarGroups(raw.slice(start, stop)) &&
          NUMBER_GROUP.test(nextText));
      if (!joins) break;
      stop = next.end;
      lastRun = nextText;
      next = nextRun();
    }
    const key = foldWord(raw.slice(start, stop));
    // The apostrophe shows with the elided word (`d'`) but is not part of its key (`d`), so a
    // quote cut right after it ("avec l'") still matches.
    if (elided) stop += 1;
    words.push({ start, end: stop, key });
    run = next;
  }
  return words;
}

/** Whether `text` so far is a number that a further 3-digit group may extend ("23", "500 000"). */
function numberSoFarGroups(text: string): boolean {
  if (NUMBER_HEAD.test(text)) return true;
  return GROUPED_NUMBER.test(text) && !text.includes('.');
}

/** Any white space (inside a grouped number). */
const WHITE_SPACE = /\s/;

/** An ellipsis marking an omission: "…", or three or more dots. */
const ELLIPSIS = /…|\.{3}/;

/**
 * Where a quotation marks an omission: for each word index `i`, whether an
 * ellipsis ("…", "...", "[…]", "(...)") stands between word `i - 1` and word
 * `i`. Index 0 and `words.length` are the ends (a leading or trailing "…"),
 * bounded by `from` and `to` (the quotation's own span in `raw`).
 */
export function ellipsisBoundaries(
  raw: string,
  words: readonly Word[],
  from = 0,
  to = raw.length,
): Uint8Array {
  const marks = new Uint8Array(words.length + 1);
  let gapStart = from;
  for (let i = 0; i <= words.length; i++) {
    const word = words[i];
    const gapEnd = word ? word.start : Math.max(gapStart, to);
    if (ELLIPSIS.test(raw.slice(gapStart, gapEnd))) marks[i] = 1;
    if (word) gapStart = word.end;
  }
  return marks;
}

/**
 * A word's raw text as shown in a diff: the word itself, its inner spaces
 * (a grouped number's no-break space) made plain.
 */
export function displayWord(raw: string, word: Span): string {
  const text = raw.slice(word.start, word.end);
  return WHITE_SPACE.test(text) ? text.replace(/\s/g, ' ') : text;
}
