/**
 * Length-preserving folding for matching cue words and names: lower case,
 * Latin letters without accents, plain spaces, apostrophes and dashes, one
 * UTF-16 unit for one. Offsets in the folded string are offsets in the raw
 * one, so what is found in the folded text sits exactly where the raw words
 * are. (normalize.ts does the full, length-changing normalisation with an
 * offset map, for alignment.)
 */

/**
 * Characters `foldSameLength` maps to something else: spaces of any width, Latin
 * letters with diacritics, typographic apostrophes, dashes and the minus sign.
 */
const FOLDABLE =
  /[\u00A0-\u024F\u1E00-\u1EFF\u2000-\u2015\u2018\u2019\u201B\u202F\u205F\u02BC\u2212]/g;

/** Combining diacritical marks, dropped after canonical decomposition. */
const COMBINING_MARKS = /[\u0300-\u036F]/g;

const FOLD_MAP: ReadonlyMap<string, string> = buildFoldMap();

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

function foldChar(ch: string): string {
  return FOLD_MAP.get(ch) ?? ch;
}

/**
 * A copy of `text` for matching: lower case, Latin letters without accents,
 * every space as " ", every apostrophe as "'", every dash as "-". It has the
 * same length as `text`, character for character, so offsets found in it are
 * offsets into `text`. Characters that cannot fold to one UTF-16 unit ("œ",
 * "ß") are kept as they are.
 */
export function foldSameLength(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // Rare: a character whose lower case is longer ("İ"). Fold one by one.
    let out = '';
    for (const ch of text) {
      const low = ch.toLowerCase();
      out += low.length === ch.length ? low : ch;
    }
    lower = out;
  }
  return lower.replace(FOLDABLE, foldChar);
}
