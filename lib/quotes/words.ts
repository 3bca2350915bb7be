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
import { codePointLength, codePointTester } from '../text/chars.ts';
import type { Span } from '../text/span.ts';

/** One word of a raw text: its raw span and its folded key. */
export interface Word extends Span {
  /** The folded form two spellings of the same word share (`d` for d’, `ile`, `23051`, `coco.gg`). */
  key: string;
}

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
/** Combining marks left by canonical decomposition: the accents. */
const COMBINING_MARKS = /\p{M}+/gu;
/** The apostrophes a key may contain, all folded to "'". */
const ANY_APOSTROPHE = /[\u2019\u2018\u02bc\uff07\u2032]/g;

/**
 * Keys already computed for words that need the slow fold (accents,
 * ligatures): a text repeats its words, and decomposing is costly. Cleared
 * when it grows past `FOLDED_WORDS_MAX`, so memory stays bounded.
 */
const FOLDED_WORDS = new Map<string, string>();
const FOLDED_WORDS_MAX = 20_000;

/** Printable ASCII only (U+0020–U+007E): nothing to fold but case (the common case, made fast). */
function isPrintableAscii(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/** Whether a UTF-16 unit is an ASCII digit. */
function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The folded key of one raw word: lower case, compatibility-decomposed with
 * combining marks removed, ligatures spelled out, apostrophes straight, and a
 * grouped number's separators removed.
 */
export function foldWord(raw: string): string {
  if (isDigitCode(raw.charCodeAt(0)) && GROUPED_NUMBER.test(raw)) return raw.replace(/\D/g, '');
  if (isPrintableAscii(raw)) return raw.toLowerCase();
  let key = FOLDED_WORDS.get(raw);
  if (key === undefined) {
    key = decomposedKey(raw);
    if (FOLDED_WORDS.size >= FOLDED_WORDS_MAX) FOLDED_WORDS.clear();
    FOLDED_WORDS.set(raw, key);
  }
  return key;
}

/** The key of a word beyond printable ASCII: decomposed, marks and ligatures undone. */
function decomposedKey(raw: string): string {
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
  const runs = new RunReader(raw, Math.max(0, from), end);
  while (runs.found && words.length < limit) {
    const start = runs.start;
    let stop = runs.end;
    // Where the last run joined starts, to decide how the next may join.
    let lastRunStart = start;
    runs.next();
    let elided = false;
    while (runs.found && runs.start === stop + 1) {
      const between = raw[stop] ?? '';
      if (APOSTROPHES.has(between)) {
        elided = true;
        break;
      }
      if (!joinsNextRun(raw, between, start, lastRunStart, stop, runs)) break;
      lastRunStart = runs.start;
      stop = runs.end;
      runs.next();
    }
    const key = foldWord(raw.slice(start, stop));
    // The apostrophe shows with the elided word (`d'`) but is not part of its key (`d`), so a
    // quote cut right after it ("avec l'") still matches.
    if (elided) stop += 1;
    words.push({ start, end: stop, key });
  }
  return words;
}

/**
 * The length of the letter, digit or combining mark at an offset (2 for a
 * surrogate pair), or 0: one character of a word run. The modifier letter
 * apostrophe ʼ is a letter to Unicode but an apostrophe here.
 */
const runCharLength = codePointTester(/^(?!\u02bc)[\p{L}\p{N}\p{M}]$/u);

/**
 * The runs of letters, digits and combining marks of `raw[from, to)` (the
 * stuff of words), one at a time: `found`, then `start` and `end` (cut at
 * `to`) describe the current one. Read character by character: no match
 * object per run, and ASCII (most of any text) needs no expression at all.
 */
class RunReader {
  found = false;
  start = 0;
  end = 0;
  /** Where the search for the next run starts. */
  at: number;
  readonly raw: string;
  readonly to: number;

  constructor(raw: string, from: number, to: number) {
    this.raw = raw;
    this.to = to;
    // Inside a surrogate pair, the search starts at the pair, as a regular expression's would.
    this.at = from > 0 && codePointLength(raw, from - 1) === 2 ? from - 1 : from;
    this.next();
  }

  /** Moves to the next run, or sets `found` to false. */
  next(): void {
    const { raw, to } = this;
    let i = this.at;
    while (i < to && runCharLength(raw, i) === 0) i += codePointLength(raw, i);
    this.found = i < to;
    if (!this.found) return;
    this.start = i;
    for (let length = runCharLength(raw, i); length > 0 && i < to; length = runCharLength(raw, i)) {
      i += length;
    }
    this.end = Math.min(i, to);
    this.at = i;
  }
}

/**
 * Whether the current run of `runs` continues the word `raw[start, stop)`
 * across the one character `between`: a dot ("coco.gg", "23.000"), a comma
 * between digits ("3,5"), or a digit-group space inside a number ("23 051").
 * The cheap tests come first: most words end at a plain space.
 */
function joinsNextRun(
  raw: string,
  between: string,
  start: number,
  lastRunStart: number,
  stop: number,
  runs: RunReader,
): boolean {
  if (between === '.') return true;
  if (between === ',') {
    return (
      DIGITS.test(raw.slice(lastRunStart, stop)) && DIGITS.test(raw.slice(runs.start, runs.end))
    );
  }
  return (
    DIGIT_GROUP_SPACES.has(between) &&
    isDigitCode(raw.charCodeAt(start)) &&
    runs.end - runs.start === 3 &&
    NUMBER_GROUP.test(raw.slice(runs.start, runs.end)) &&
    numberSoFarGroups(raw.slice(start, stop))
  );
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
