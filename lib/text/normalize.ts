/**
 * Normalisation for matching, with a map back to raw offsets.
 *
 * Page text and source text are compared after folding away what does not
 * change the meaning: case, accents, the many kinds of apostrophes, quote
 * marks, dashes and spaces, invisible characters, and words hyphenated at a
 * line end. Every normalised character remembers the raw offset it comes from,
 * so a match in normalised text becomes a raw span (and from there a DOM range
 * or a source anchor).
 *
 * The work is one pass over UTF-16 code units with a 64K-entry table filled
 * lazily (one `String.prototype.normalize` call per distinct character ever
 * seen), so normalising is linear and allocates nothing per character.
 */
import type { Span } from './span.ts';

/** A normalised text and, for each of its offsets, the raw offset it comes from. */
export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** For each index i of `text` (and i = text.length), the raw offset it comes from. Length text.length + 1. */
  toRaw: Uint32Array;
}

// Each table entry packs what a code unit becomes: (flags | kind << 16 | code unit out).
// 0 means "not computed yet"; every computed entry has a non-zero kind.
const KIND_SHIFT = 16;
const KIND_MASK = 0xf;
/** Becomes one code unit (the low 16 bits). */
const KIND_CHAR = 1;
/** White space: a run of any of them becomes one space. */
const KIND_SPACE = 2;
/** Invisible or control character: dropped. */
const KIND_DROP = 3;
/** Combining mark: dropped, but a raw span ending on its base letter extends over it. */
const KIND_MARK = 4;
/** Becomes several code units (or a code unit outside the table): see `MULTI`. */
const KIND_MULTI = 5;
/** Hyphen: becomes "-", unless it splits a word at a line end. */
const KIND_HYPHEN = 6;
/** Soft hyphen: dropped; like a hyphen, it joins a word split at a line end. */
const KIND_SOFT_HYPHEN = 7;
/** First half of a surrogate pair: the pair is folded as one code point. */
const KIND_HIGH_SURROGATE = 8;
/** Second half of a surrogate pair met alone: kept as it is. */
const KIND_LOW_SURROGATE = 9;
/** Set when the raw character is a letter (for joining hyphenated words). */
const LETTER_FLAG = 1 << 20;
/** Set for white space that ends a line (for joining hyphenated words). */
const LINE_BREAK_FLAG = 1 << 21;

const TABLE = new Int32Array(0x10000);
/** What the KIND_MULTI code units become. */
const MULTI = new Map<number, string>();

/** Letters that no canonical decomposition splits, folded by hand (œ → oe, ß → ss…). */
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  ı: 'i',
  ĳ: 'ij',
  Ĳ: 'ij',
  ﬀ: 'ff',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ﬃ: 'ffi',
  ﬄ: 'ffl',
  ﬅ: 'st',
  ﬆ: 'st',
};

/** Apostrophes, primes and accents used as apostrophes: all become `'`. */
const APOSTROPHES = '\u2019\u2018\u201b\u02bc\u2032\u0060\u00b4\uff07';
/** Quotation marks (French guillemets, English and German quotes): all become `"`. */
const QUOTES = '\u00ab\u00bb\u201c\u201d\u201e\u201f\u0022\u2039\u203a\u2033\uff02';
/** Dashes and minus signs: all become "-" (and never join words across lines). */
const DASHES = '\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d';
/** Hyphens that may end a line in the middle of a word. */
const HYPHENS = '\u002d\u2010';
/** White space of every kind, including no-break, narrow and ideographic spaces. */
const SPACES =
  '\u0009\u000b\u000c\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006' +
  '\u2007\u2008\u2009\u200a\u202f\u205f\u3000';
/** White space that ends a line. */
const LINE_BREAKS = '\u000a\u000d\u0085\u2028\u2029';
/**
 * Invisible characters: zero-width space and joiners, word joiner, BOM,
 * direction marks and embeddings, Mongolian vowel separator.
 */
const INVISIBLES =
  '\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e' +
  '\u2066\u2067\u2068\u2069\u180e';

/** Matches every combining mark (accents once decomposed, variation selectors). */
const COMBINING_MARKS = /\p{M}/gu;
/** Matches a string that is one combining mark. */
const COMBINING_MARK = /^\p{M}$/u;
/** Matches one letter of any script. */
const LETTER = /^\p{L}/u;
/** Matches one control character (C0, DEL, C1). */
const CONTROL = /^\p{Cc}$/u;

function setAll(chars: string, entry: number): void {
  for (let i = 0; i < chars.length; i++) TABLE[chars.charCodeAt(i)] = entry;
}

setAll(APOSTROPHES, (KIND_CHAR << KIND_SHIFT) | 0x27);
setAll(QUOTES, (KIND_CHAR << KIND_SHIFT) | 0x22);
setAll(DASHES, (KIND_CHAR << KIND_SHIFT) | 0x2d);
setAll(HYPHENS, (KIND_HYPHEN << KIND_SHIFT) | 0x2d);
setAll(SPACES, (KIND_SPACE << KIND_SHIFT) | 0x20);
setAll(LINE_BREAKS, LINE_BREAK_FLAG | (KIND_SPACE << KIND_SHIFT) | 0x20);
setAll(INVISIBLES, KIND_DROP << KIND_SHIFT);
TABLE[0xad] = KIND_SOFT_HYPHEN << KIND_SHIFT;
for (let c = 0xd800; c < 0xdc00; c++) TABLE[c] = KIND_HIGH_SURROGATE << KIND_SHIFT;
for (let c = 0xdc00; c < 0xe000; c++) TABLE[c] = (KIND_LOW_SURROGATE << KIND_SHIFT) | c;

/** Lower case, decomposed, without combining marks. */
function foldString(s: string): string {
  return s.normalize('NFD').toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '');
}

/** The table entry of a code unit not in the table yet. */
function computeEntry(c: number): number {
  const ch = String.fromCharCode(c);
  const letter = LETTER.test(ch) ? LETTER_FLAG : 0;
  let entry: number;
  const extra = EXTRA_FOLDS[ch];
  if (extra !== undefined) {
    MULTI.set(c, extra);
    entry = letter | (KIND_MULTI << KIND_SHIFT);
  } else if (CONTROL.test(ch)) {
    entry = KIND_DROP << KIND_SHIFT;
  } else {
    const folded = foldString(ch);
    if (folded.length === 0) {
      entry = (COMBINING_MARK.test(ch) ? KIND_MARK : KIND_DROP) << KIND_SHIFT;
    } else if (folded.length === 1) {
      entry = letter | (KIND_CHAR << KIND_SHIFT) | folded.charCodeAt(0);
    } else {
      MULTI.set(c, folded);
      entry = letter | (KIND_MULTI << KIND_SHIFT);
    }
  }
  TABLE[c] = entry;
  return entry;
}

function entryOf(c: number): number {
  const entry = TABLE[c]!;
  return entry === 0 ? computeEntry(c) : entry;
}

/**
 * Folded astral code points (emoji stay as they are; mathematical letters and
 * other scripts' capitals are lowered). Bounded: a text of a million distinct
 * astral characters must not grow the cache without end.
 */
const ASTRAL = new Map<number, string>();
const MAX_ASTRAL_CACHE = 4096;

function foldAstral(codePoint: number): string {
  let folded = ASTRAL.get(codePoint);
  if (folded === undefined) {
    folded = foldString(String.fromCodePoint(codePoint));
    if (ASTRAL.size < MAX_ASTRAL_CACHE) ASTRAL.set(codePoint, folded);
  }
  return folded;
}

/**
 * Where the main loop resumes when the hyphen at `i` splits a word at a line
 * end ("procé-\ndures"), or null when it does not. The caller has checked
 * that a letter comes right before; after the hyphen must come optional
 * spaces, one line break, optional indentation and a letter. `resume` is the
 * offset of that letter; `keepHyphen` is set when it is a capital
 * ("Jean-\nPierre" stays "jean-pierre").
 */
function hyphenationEnd(raw: string, i: number): { resume: number; keepHyphen: boolean } | null {
  const n = raw.length;
  let j = i + 1;
  let breaks = 0;
  while (j < n) {
    const c = raw.charCodeAt(j);
    const entry = entryOf(c);
    if (((entry >>> KIND_SHIFT) & KIND_MASK) !== KIND_SPACE) break;
    if (entry & LINE_BREAK_FLAG) {
      // "\r\n" is one line break.
      if (!(c === 0x0a && j > 0 && raw.charCodeAt(j - 1) === 0x0d)) breaks++;
      if (breaks > 1) return null;
    }
    j++;
  }
  if (breaks !== 1 || j >= n) return null;
  const next = raw.charCodeAt(j);
  if (!(entryOf(next) & LETTER_FLAG)) return null;
  const keepHyphen = String.fromCharCode(next) !== String.fromCharCode(next).toLowerCase();
  return { resume: j, keepHyphen };
}

/**
 * Decodes UTF-16 code units in one native call. It would replace a lone
 * surrogate with U+FFFD, so texts that keep one go through `fromCharCode`.
 * A typed array is little-endian on every platform a browser or Node runs on;
 * the check keeps the code correct elsewhere.
 */
const UTF16 =
  new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
    ? new TextDecoder('utf-16le', { ignoreBOM: true })
    : null;
/** Code units per `String.fromCharCode.apply` call, well under engines' argument limits. */
const APPLY_CHUNK = 4096;

/** The string of the first `length` code units of `out`. */
function codesToString(out: Uint16Array, length: number, hasLoneSurrogate: boolean): string {
  const codes = out.subarray(0, length);
  if (UTF16 !== null && !hasLoneSurrogate) return UTF16.decode(codes);
  const parts: string[] = [];
  for (let k = 0; k < length; k += APPLY_CHUNK) {
    const chunk = codes.subarray(k, Math.min(length, k + APPLY_CHUNK));
    parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
  }
  return parts.join('');
}

/** The raw text of each NormalizedText made here, for `toRawSpan` to see where characters end. */
const RAW_OF = new WeakMap<NormalizedText, string>();

/**
 * Normalises for matching and keeps a map back to raw offsets: lower case
 * without accents (é → e, ç → c, œ → oe, ß → ss), one `'` for every apostrophe,
 * one `"` for every quotation mark, one `-` for every dash, one space for every
 * run of white space (none at either end), no invisible characters, and words
 * hyphenated at a line end joined again ("procé-\ndures" → "procedures").
 * Never throws: lone surrogates are kept as they are and control characters
 * are dropped. Empty or all-blank text gives an empty text.
 */
export function normalizeText(raw: string): NormalizedText {
  const n = raw.length;
  const w = new Writer(n);
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    let entry = TABLE[c]!;
    if (entry === 0) entry = computeEntry(c);
    const kind = (entry >>> KIND_SHIFT) & KIND_MASK;
    if (kind === KIND_CHAR) {
      w.push(entry & 0xffff, i);
    } else if (kind === KIND_SPACE) {
      if (w.pendingSpace < 0) w.pendingSpace = i;
    } else if (kind === KIND_HYPHEN || kind === KIND_SOFT_HYPHEN) {
      const join = w.endsWithLetter() ? hyphenationEnd(raw, i) : null;
      if (kind === KIND_HYPHEN && (join === null || join.keepHyphen)) w.push(0x2d, i);
      if (join !== null) i = join.resume - 1;
    } else if (kind === KIND_MULTI) {
      w.pushString(MULTI.get(c) ?? '', i);
    } else if (kind === KIND_HIGH_SURROGATE) {
      const low = i + 1 < n ? raw.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low < 0xe000) {
        w.pushString(foldAstral(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000), i);
        i++;
      } else {
        w.hasLoneSurrogate = true;
        w.push(c, i);
      }
    } else if (kind === KIND_LOW_SURROGATE) {
      w.hasLoneSurrogate = true;
      w.push(c, i);
    }
    // KIND_DROP and KIND_MARK write nothing.
  }
  const normalized = w.finish(n);
  RAW_OF.set(normalized, raw);
  return normalized;
}

/** The growing output of `normalizeText`: code units and their raw offsets. */
class Writer {
  out: Uint16Array;
  toRaw: Uint32Array;
  length = 0;
  capacity: number;
  /** Raw offset of the first white-space character of a run not written yet, or -1. */
  pendingSpace = -1;
  /** Lone surrogates rule out the fast decoder (see `codesToString`). */
  hasLoneSurrogate = false;

  constructor(rawLength: number) {
    // Output is rarely longer than the input (only ligatures and ß expand).
    this.capacity = rawLength + 16;
    this.out = new Uint16Array(this.capacity);
    this.toRaw = new Uint32Array(this.capacity + 1);
  }

  /** Writes one code unit from raw offset `at`, after the pending space if any. */
  push(code: number, at: number): void {
    if (this.length + 2 > this.capacity) this.grow();
    if (this.pendingSpace >= 0) {
      // No space at the start: the text is trimmed.
      if (this.length > 0) {
        this.out[this.length] = 0x20;
        this.toRaw[this.length] = this.pendingSpace;
        this.length++;
      }
      this.pendingSpace = -1;
    }
    this.out[this.length] = code;
    this.toRaw[this.length] = at;
    this.length++;
  }

  pushString(s: string, at: number): void {
    for (let k = 0; k < s.length; k++) this.push(s.charCodeAt(k), at);
  }

  /** Whether the last character written is a letter, with no space pending after it. */
  endsWithLetter(): boolean {
    return (
      this.pendingSpace < 0 &&
      this.length > 0 &&
      (entryOf(this.out[this.length - 1]!) & LETTER_FLAG) !== 0
    );
  }

  grow(): void {
    this.capacity *= 2;
    const out = new Uint16Array(this.capacity);
    out.set(this.out.subarray(0, this.length));
    this.out = out;
    const toRaw = new Uint32Array(this.capacity + 1);
    toRaw.set(this.toRaw.subarray(0, this.length));
    this.toRaw = toRaw;
  }

  /** The text and its map; a pending space at the end is dropped. */
  finish(rawLength: number): NormalizedText {
    this.toRaw[this.length] = rawLength;
    return {
      text: codesToString(this.out, this.length, this.hasLoneSurrogate),
      toRaw: this.toRaw.subarray(0, this.length + 1),
    };
  }
}

/**
 * The raw span that the normalised span [start, end) covers: from the raw
 * offset of its first character to the end of the raw character its last one
 * comes from (over a surrogate pair, and over combining marks that follow).
 * Offsets are clamped into the text; an empty span gives an empty raw span at
 * the raw offset of `start`.
 */
export function toRawSpan(normalized: NormalizedText, start: number, end: number): Span {
  const { text, toRaw } = normalized;
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const rawStart = toRaw[s]!;
  if (e === s) return { start: rawStart, end: rawStart };
  const last = toRaw[e - 1]!;
  const raw = RAW_OF.get(normalized);
  // Without the raw text (a copy made elsewhere), the last character is taken as one code unit.
  if (raw === undefined) return { start: rawStart, end: last + 1 };
  let rawEnd = last + 1;
  const c = raw.charCodeAt(last);
  if (c >= 0xd800 && c < 0xdc00 && rawEnd < raw.length) {
    const low = raw.charCodeAt(rawEnd);
    if (low >= 0xdc00 && low < 0xe000) rawEnd++;
  }
  const limit = e < text.length ? toRaw[e]! : raw.length;
  while (
    rawEnd < limit &&
    ((entryOf(raw.charCodeAt(rawEnd)) >>> KIND_SHIFT) & KIND_MASK) === KIND_MARK
  ) {
    rawEnd++;
  }
  return { start: rawStart, end: rawEnd };
}

/** Folds one short string the same way as `normalizeText` (for dictionaries and keywords). */
export function fold(s: string): string {
  return normalizeText(s).text;
}
