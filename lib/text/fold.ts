/**
 * Length-preserving folding for matching cue words and names: lower case,
 * Latin letters without accents, plain spaces, apostrophes and dashes, one
 * UTF-16 unit for one. Offsets in the folded string are offsets in the raw
 * one, so what is found in the folded text sits exactly where the raw words
 * are. (normalize.ts does the full, length-changing normalisation with an
 * offset map, for alignment.)
 */

/** Combining diacritical marks, dropped after canonical decomposition. */
const COMBINING_MARKS = /[\u0300-\u036F]/g;

/**
 * Characters `foldSameLength` maps to something else, after lower case:
 * spaces of any width, Latin letters with diacritics, typographic
 * apostrophes, dashes and the minus sign.
 */
function buildFoldMap(): Map<string, string> {
  const map = new Map<string, string>();
  const addRange = (from: number, to: number) => {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCharCode(code);
      const base = ch.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
      if (base.length === 1 && base !== ch) map.set(ch, base);
    }
  };
  addRange(0x00c0, 0x024f);
  addRange(0x1e00, 0x1eff);
  // Letters with a stroke do not decompose.
  for (const [from, to] of [
    ['ø', 'o'],
    ['Ø', 'o'],
    ['đ', 'd'],
    ['Đ', 'd'],
    ['ł', 'l'],
    ['Ł', 'l'],
    ['ı', 'i'],
  ] as const) {
    map.set(from, to);
  }
  for (const space of ['\u00A0', '\u202F', '\u205F']) map.set(space, ' ');
  for (let code = 0x2000; code <= 0x200a; code++) map.set(String.fromCharCode(code), ' ');
  for (let code = 0x2010; code <= 0x2015; code++) map.set(String.fromCharCode(code), '-');
  map.set('\u2212', '-');
  for (const quote of ['\u2018', '\u2019', '\u201B', '\u02BC']) map.set(quote, "'");
  return map;
}

/**
 * The fold map as a table indexed by UTF-16 unit, up to the last character it
 * folds (U+2212): what each character folds to, itself when nothing. Read
 * one unit at a time, it folds a text without a call per accented letter.
 * Built on first use: a page that never needs folding (most pages the
 * content script reads) does not pay for the decompositions.
 */
let foldTable: Uint16Array | null = null;

function getFoldTable(): Uint16Array {
  foldTable ??= buildFoldTable(buildFoldMap());
  return foldTable;
}

function buildFoldTable(map: ReadonlyMap<string, string>): Uint16Array {
  let last = 0;
  for (const from of map.keys()) last = Math.max(last, from.charCodeAt(0));
  const table = new Uint16Array(last + 1);
  for (let code = 0; code <= last; code++) table[code] = code;
  for (const [from, to] of map) table[from.charCodeAt(0)] = to.charCodeAt(0);
  return table;
}

/** The first UTF-16 unit the fold table may change (no-break space): below it, folding is lower case alone. */
const FIRST_FOLDED = 0xa0;

/** Lower case, one UTF-16 unit for one: a character whose lower case is longer ("İ") is kept. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  // Rare: a character whose lower case is longer ("İ"). Fold one by one.
  let out = '';
  for (const ch of text) {
    const low = ch.toLowerCase();
    out += low.length === ch.length ? low : ch;
  }
  return out;
}

/**
 * A copy of `text` for matching: lower case, Latin letters without accents,
 * every space as " ", every apostrophe as "'", every dash as "-". It has the
 * same length as `text`, character for character, so offsets found in it are
 * offsets into `text`. Characters that cannot fold to one UTF-16 unit ("œ",
 * "ß") are kept as they are.
 */
export function foldSameLength(text: string): string {
  return fold(text, false).folded;
}

/** A text folded by `foldSameLength`, with what the folding saw of its white space. */
export interface FoldedText {
  folded: string;
  /**
   * True when the folded text's white space is all single " ": no run of
   * spaces, no tab, line break or other kind. Collapsing its white space to
   * single spaces would leave it as it is.
   */
  plainSpaces: boolean;
}

/**
 * `foldSameLength`, reading the folded text's white space in the same pass,
 * for a caller that would otherwise read it again to collapse it.
 */
export function foldSameLengthWithSpaces(text: string): FoldedText {
  return fold(text, true);
}

/** White space as regular expressions read it (`\s`). */
const WHITE_SPACE = /\s/;

/** Whether each UTF-16 unit up to " " is white space: all ASCII white space lies there. */
const LOW_WHITE_SPACE: Uint8Array = buildLowWhiteSpace();

function buildLowWhiteSpace(): Uint8Array {
  const table = new Uint8Array(33);
  for (let code = 0; code <= 32; code++) {
    table[code] = WHITE_SPACE.test(String.fromCharCode(code)) ? 1 : 0;
  }
  return table;
}

/** `isWhiteSpaceFromNoBreak` answers so far, by UTF-16 unit: few distinct ones are met. */
const WHITE_SPACE_FROM_NO_BREAK = new Map<number, boolean>();

/**
 * Whether a folded UTF-16 unit is white space beyond ASCII: U+0080–U+009F
 * never is, and folding made most of the others " ", so the rest (an
 * ideographic space, a line separator) are tested as they are met.
 */
function isWhiteSpaceFromNoBreak(code: number): boolean {
  if (code < FIRST_FOLDED) return false;
  let space = WHITE_SPACE_FROM_NO_BREAK.get(code);
  if (space === undefined) {
    space = WHITE_SPACE.test(String.fromCharCode(code));
    WHITE_SPACE_FROM_NO_BREAK.set(code, space);
  }
  return space;
}

/**
 * Folds `text` as `foldSameLength` says, in one pass over its lower case;
 * with `readSpaces`, also tells whether its white space is plain (see
 * `FoldedText`).
 */
function fold(text: string, readSpaces: boolean): FoldedText {
  const table = getFoldTable();
  const lower = lowerSameLength(text);
  // Copy the lower-case text in runs, replacing only the characters that fold.
  let folded = '';
  let copied = 0;
  let plainSpaces = true;
  /** Where the last " " of the folded text is, to find two in a row. */
  let lastSpace = -2;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code <= 32) {
      // ASCII white space (cheap to read whether asked or not).
      if (code === 32) {
        if (lastSpace === i - 1) plainSpaces = false;
        lastSpace = i;
      } else if (LOW_WHITE_SPACE[code] === 1) {
        plainSpaces = false;
      }
      continue;
    }
    if (code < FIRST_FOLDED) continue;
    const to = code < table.length ? table[code]! : code;
    if (to !== code) {
      folded += lower.slice(copied, i) + String.fromCharCode(to);
      copied = i + 1;
    }
    if (!readSpaces) continue;
    if (to === 32) {
      if (lastSpace === i - 1) plainSpaces = false;
      lastSpace = i;
    } else if (isWhiteSpaceFromNoBreak(to)) {
      plainSpaces = false;
    }
  }
  return { folded: copied === 0 ? lower : folded + lower.slice(copied), plainSpaces };
}
