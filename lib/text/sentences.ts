/**
 * Sentence splitting for news prose, press releases and feeds of short posts.
 *
 * `Intl.Segmenter` proposes boundaries and a scan of the text proposes the ones
 * it misses ("…" before a capital, a full stop before a figure or an opening
 * quote, line ends); then rules decide each proposal: no break after an
 * abbreviation or an initial, inside a number or a domain, before a lower-case
 * word, or inside a quotation that an attribution follows; always a break at a
 * blank line, at a list item, and at the end of a line that is not a word wrap.
 *
 * Everything is linear in the length of the text: every proposal is judged by
 * looking a bounded distance around it, and proposals are visited in order so
 * that white space between them is read once.
 */
import type { Span } from './span.ts';

/** The languages a text may be split as; 'und' (undetermined) uses the root rules. */
export type SentenceLanguage = 'fr' | 'en' | 'und';

/** The words of a space-separated list, as a set. */
function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}

/**
 * Words that never end a sentence (articles, prepositions, conjunctions,
 * auxiliaries): a line ending with one, followed by a line starting in lower
 * case, is one sentence wrapped ("sous la direction de\nla JUNALCO"). Any
 * other single line break ends a sentence, because a line that ends in a word
 * is as often a post, a heading, a list item or a block of a page (the visible
 * text of a page separates blocks with "\n") as a wrapped line.
 */
const CONTINUATION_WORDS = wordSet(
  "le la les l' un une des du de d' au aux à et ou mais donc ni car que qu' qui dont en " +
    'par pour sur sous dans avec sans chez entre vers contre selon depuis pendant ce ' +
    'cette ces son sa ses leur leurs se ne a est ont sont été the an of and or but to in ' +
    'on at by for with from into about as that which whose than is was were are has have ' +
    'had be been its his her their this these those',
);

/** Longest word looked up in CONTINUATION_WORDS (pendant, with room to spare). */
const MAX_CONTINUATION_WORD = 8;

/**
 * Text handed to `Intl.Segmenter` at once, at most (it is cut at a line break
 * after this many units). Some engines' sentence iterators slow down on very
 * long strings; paragraphs are far shorter, so cutting costs no boundary.
 */
const SEGMENTER_CHUNK = 64 * 1024;

/** How far a rule looks past quote marks, brackets and spaces around a boundary. */
const MAX_PUNCTUATION_RUN = 16;

/** Longest abbreviation looked up before a full stop ("approx", "Messrs"). */
const MAX_ABBREVIATION = 12;

/** Titles and initials that are abbreviations only with this capitalisation (M., Mme, Dr). */
const TITLE_ABBREVIATIONS = wordSet(
  'M MM Mme Mmes Mlle Mlles Me Mgr Dr Drs Pr Prof St Ste Sts Mr Mrs Ms Messrs Jr Sr Gen ' +
    'Gén Col Capt Lt Sgt Gov Sen Rep Rev Hon Cie Vve',
);

/** Abbreviations in any capitalisation, never followed by a break (etc., cf., p. ex.). */
const ABBREVIATIONS = wordSet(
  'etc cf ex éd ed eds vol chap fig env av apr vs approx al resp coll tél tel bd boul ' +
    'dept dépt',
);

/**
 * Abbreviations only when a figure follows (No. 5, p. 12, art. 222-34,
 * janv. 2021, c. 2004): "sept." and "no." end sentences too.
 */
const NUMBER_ABBREVIATIONS = wordSet(
  'c ca no nos n p pp art arts ch jan janv feb fév févr fevr mar avr jun jul juil aug ' +
    'sep sept oct nov dec déc',
);

/**
 * Words that attribute a quotation when one of them follows it closely
 * ("” Darmanin wrote", "» Gérald Darmanin a déclaré"). Lower-case
 * attributions ("» s'est félicité") need no list: no sentence starts in lower case.
 */
const SPEECH_VERBS = wordSet(
  'said says say wrote writes told tells added adds tweeted tweets posted posts ' +
    'declared declares explained explains stated states announced announces asked asks ' +
    'insisted claimed claims warned warns noted notes dit déclaré déclare écrit affirmé ' +
    'affirme ajouté ajoute expliqué explique précisé précise souligné souligne indiqué ' +
    'indique annoncé annonce tweeté réagi réagit lancé lance assuré assure estimé estime ' +
    'félicité félicite dénoncé dénonce martelé martèle confié confie raconté raconte ' +
    'insisté insiste poursuit',
);

/** Words read after a quotation when looking for its attribution ("Gérald Darmanin a déclaré"). */
const MAX_ATTRIBUTION_WORDS = 4;

/** Matches one upper-case or title-case letter at `lastIndex`. */
const UPPER_AT = /[\p{Lu}\p{Lt}]/uy;
/** Matches one lower-case letter at `lastIndex`. */
const LOWER_AT = /\p{Ll}/uy;
/** Matches one letter at `lastIndex`. */
const LETTER_AT = /\p{L}/uy;
/** Matches one letter or digit at `lastIndex`. */
const ALNUM_AT = /[\p{L}\p{N}]/uy;
/** Matches one sentence terminal of any script (。 ؟ । …) at `lastIndex`. */
const TERMINAL_AT = /[\p{Sentence_Terminal}\u2026]/uy;
/** Matches a word made of single letters and dots (U.S, J.-C, e.g, Ph.D): an abbreviation. */
const DOTTED_INITIALS = /^\p{L}{1,2}(?:\.-?\p{L}{1,2})+$/u;
/** Matches a preposition that puts a single capital after it as a name of a platform ("sur X."). */
const PLATFORM_PREPOSITION = /(?:^|\s)(?:sur|on|via|from)\s$/i;
/** Matches one to three digits: a list number when it starts a line ("1."). */
const LIST_NUMBER = /^\d{1,3}$/;

const segmenters = new Map<SentenceLanguage, Intl.Segmenter>();

function segmenterFor(language: SentenceLanguage): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

function test(re: RegExp, text: string, i: number): boolean {
  re.lastIndex = i;
  return re.test(text);
}

/** White space as JavaScript's `\s` sees it (so trimming agrees with `trim()`). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** Terminals that Latin-script prose follows with a space: . ! ? … ‼ ⁇ ⁈ ⁉ */
function isSpacedTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || (c >= 0x203c && c <= 0x2049);
}

function isTerminal(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 0x2e || c === 0x21 || c === 0x3f;
  return test(TERMINAL_AT, text, i);
}

/** Whether the straight quote `"` at `i` opens a quotation (it follows a space or an opening). */
function opensStraightQuote(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text.charCodeAt(i - 1);
  return isSpace(before) || isOpening(before) || before === 0x2d || before === 0x2014;
}

/** Marks that close a quotation or a bracket and stay with the sentence before them. */
function isClosing(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  switch (c) {
    case 0x22: // "
      return !opensStraightQuote(text, i);
    case 0x27: // '
    case 0x29: // )
    case 0x5d: // ]
    case 0x7d: // }
    case 0xbb: // »
    case 0x2019: // ’
    case 0x201d: // ”
    case 0x203a: // ›
      return true;
    default:
      return false;
  }
}

/** Marks that open a quotation or a bracket: ( [ « “ „ ‘ ‹ ¿ ¡ and ' "  */
function isOpening(c: number): boolean {
  switch (c) {
    case 0x22:
    case 0x27:
    case 0x28:
    case 0x5b:
    case 0xab:
    case 0xbf:
    case 0xa1:
    case 0x2018:
    case 0x201c:
    case 0x201e:
    case 0x2039:
      return true;
    default:
      return false;
  }
}

/** Bullets that start a list item when a space follows them. */
function isBullet(c: number): boolean {
  switch (c) {
    case 0x2a: // *
    case 0x2b: // +
    case 0x2d: // -
    case 0xb7: // ·
    case 0x2013: // –
    case 0x2014: // —
    case 0x2022: // •
    case 0x2023: // ‣
    case 0x2043: // ⁃
    case 0x2192: // →
    case 0x25aa: // ▪
    case 0x25a0: // ■
    case 0x25a1: // □
    case 0x25cf: // ●
    case 0x25cb: // ○
    case 0x25e6: // ◦
    case 0x25ba: // ►
    case 0x27a2: // ➢
    case 0x2713: // ✓
    case 0x2714: // ✔
      return true;
    default:
      return false;
  }
}

/** Whether the line starting at `lineStart` is a list item ("- ", "• ", "1. ", "2) ", "a) "). */
function isListItem(text: string, lineStart: number): boolean {
  let i = lineStart;
  const limit = Math.min(text.length, lineStart + MAX_PUNCTUATION_RUN);
  while (i < limit && isSpace(text.charCodeAt(i)) && !isLineBreak(text.charCodeAt(i))) i++;
  if (i >= limit) return false;
  const c = text.charCodeAt(i);
  if (isBullet(c)) return i + 1 < text.length && isSpace(text.charCodeAt(i + 1));
  let j = i;
  while (j < limit && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
  if (j === i) {
    // "a) " — one letter and a bracket.
    if (!test(LETTER_AT, text, i) || text.charCodeAt(i + 1) !== 0x29) return false;
    j = i + 1;
  } else if (j - i > 3) {
    return false;
  }
  const mark = text.charCodeAt(j);
  return (mark === 0x2e || mark === 0x29) && j + 1 < text.length && isSpace(text.charCodeAt(j + 1));
}

/**
 * Whether the full stop at `dot` ends an abbreviation or an initial, so that
 * no sentence ends there. `next` is the first character of what follows.
 */
function endsAbbreviation(text: string, dot: number, next: number): boolean {
  let start = dot;
  const limit = Math.max(0, dot - MAX_ABBREVIATION);
  while (start > limit) {
    const c = text.charCodeAt(start - 1);
    if (c === 0x2e || c === 0x2d || test(LETTER_AT, text, start - 1)) start--;
    else if (c >= 0x30 && c <= 0x39) start--;
    else break;
  }
  // A longer word is no abbreviation we know ("www.coco.gg" is cut short and fails below).
  if (start === limit && start > 0 && test(ALNUM_AT, text, start - 1)) return false;
  while (start < dot && (text.charCodeAt(start) === 0x2e || text.charCodeAt(start) === 0x2d)) {
    start++;
  }
  if (start === dot) return false;
  const word = text.slice(start, dot);
  if (LIST_NUMBER.test(word)) {
    // "1. Le site" at the start of a line (after indentation) is a numbered list item.
    let i = start;
    while (i > 0 && isSpace(text.charCodeAt(i - 1)) && !isLineBreak(text.charCodeAt(i - 1))) i--;
    return i === 0 || isLineBreak(text.charCodeAt(i - 1));
  }
  if (word.length === 1 && test(UPPER_AT, word, 0)) {
    // "G. Darmanin", but not "sur X." (the network formerly called Twitter).
    return !PLATFORM_PREPOSITION.test(text.slice(Math.max(0, start - 6), start));
  }
  if (TITLE_ABBREVIATIONS.has(word)) return true;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  if (NUMBER_ABBREVIATIONS.has(lower)) {
    const c = text.charCodeAt(next);
    return c >= 0x30 && c <= 0x39;
  }
  return DOTTED_INITIALS.test(word);
}

/** Quotations closed on the line they open, and whether an attribution follows them. */
interface Quotations {
  open: number[];
  close: number[];
  attributed: boolean[];
}

/**
 * Whether what follows the quotation closed at `close` attributes it
 * ("» s'est félicité", "», a dit", `," the minister said`), so that the
 * quotation and its attribution are one sentence.
 */
function isAttributed(text: string, open: number, close: number): boolean {
  let before = close - 1;
  while (before > open && isSpace(text.charCodeAt(before))) before--;
  if (text.charCodeAt(before) === 0x2c) return true;
  let after = close + 1;
  const limit = Math.min(text.length, after + MAX_PUNCTUATION_RUN);
  while (after < limit && isSpace(text.charCodeAt(after)) && !isLineBreak(text.charCodeAt(after))) {
    after++;
  }
  if (after >= text.length) return false;
  const c = text.charCodeAt(after);
  if (c === 0x2c || c === 0x2d || c === 0x2013 || c === 0x2014 || test(LOWER_AT, text, after)) {
    return true;
  }
  // A speech verb among the next few words, before any other punctuation.
  for (let words = 0; words < MAX_ATTRIBUTION_WORDS; words++) {
    const start = after;
    while (after < text.length && (test(LETTER_AT, text, after) || isApostrophe(text, after))) {
      after++;
    }
    if (after === start) return false;
    const word = text.slice(start, after);
    const verb = word.slice(Math.max(word.lastIndexOf("'"), word.lastIndexOf('’')) + 1);
    if (SPEECH_VERBS.has(verb.toLowerCase())) return true;
    if (after >= text.length || text.charCodeAt(after) !== 0x20) return false;
    after++;
  }
  return false;
}

function isApostrophe(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x27 || c === 0x2019;
}

/** The outermost quotations that close on their own line, in order. */
function findQuotations(text: string): Quotations {
  const quotes: Quotations = { open: [], close: [], attributed: [] };
  let depth = 0;
  let openedAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let opens = false;
    let closes = false;
    if (c === 0xab || c === 0x201c || c === 0x201e) opens = true;
    else if (c === 0xbb || c === 0x201d) closes = true;
    else if (c === 0x22) {
      if (opensStraightQuote(text, i)) opens = true;
      else closes = true;
    } else if (isLineBreak(c)) {
      depth = 0;
      continue;
    } else {
      continue;
    }
    if (opens) {
      if (depth === 0) openedAt = i;
      depth++;
    } else if (closes && depth > 0) {
      depth--;
      if (depth === 0) {
        quotes.open.push(openedAt);
        quotes.close.push(i);
        quotes.attributed.push(isAttributed(text, openedAt, i));
      }
    }
  }
  return quotes;
}

/**
 * Proposed boundaries from the scan: after every terminal mark and at every
 * line break. Each proposal is refined and judged by `judge`.
 */
function scanProposals(text: string): number[] {
  const proposals: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpacedTerminal(c) || isLineBreak(c)) proposals.push(i + 1);
  }
  return proposals;
}

/** Boundaries `Intl.Segmenter` finds, in order (chunked at line breaks, see SEGMENTER_CHUNK). */
function segmenterProposals(text: string, language: SentenceLanguage): number[] {
  const segmenter = segmenterFor(language);
  const proposals: number[] = [];
  let chunkStart = 0;
  while (chunkStart < text.length) {
    let chunkEnd = text.length;
    if (text.length - chunkStart > SEGMENTER_CHUNK) {
      const lineEnd = text.indexOf('\n', chunkStart + SEGMENTER_CHUNK);
      if (lineEnd >= 0) chunkEnd = lineEnd + 1;
    }
    const chunk = text.slice(chunkStart, chunkEnd);
    for (const { index } of segmenter.segment(chunk)) {
      if (index > 0) proposals.push(chunkStart + index);
    }
    if (chunkEnd < text.length) proposals.push(chunkEnd);
    chunkStart = chunkEnd;
  }
  return proposals;
}

/** Two ascending lists merged into one (duplicates kept: the judge skips them). */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) merged[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) merged[k++] = a[i++]!;
  while (j < b.length) merged[k++] = b[j++]!;
  return merged;
}

/**
 * Whether a single line break between `lineEnd` (just after the last character
 * of a line) and `next` (the first character of the next line) only wraps a
 * sentence: the next line starts with a lower-case word and is no list item,
 * and the line ends with a word hyphenated ("procé-\ndures") or with a word
 * that never ends a sentence ("menée sous la direction de\nla JUNALCO").
 */
function isWordWrap(text: string, lineEnd: number, next: number): boolean {
  if (!test(LOWER_AT, text, next) || isListItem(text, next)) return false;
  const last = lineEnd - 1;
  const c = text.charCodeAt(last);
  if (c === 0x2d || c === 0xad) return last > 0 && test(LETTER_AT, text, last - 1);
  let wordStart = lineEnd;
  const limit = Math.max(0, lineEnd - MAX_CONTINUATION_WORD - 1);
  while (
    wordStart > limit &&
    (test(LETTER_AT, text, wordStart - 1) || isApostrophe(text, wordStart - 1))
  ) {
    wordStart--;
  }
  if (wordStart === lineEnd || (wordStart > 0 && !isSpace(text.charCodeAt(wordStart - 1)))) {
    return false;
  }
  const word = text.slice(wordStart, lineEnd).toLowerCase().replace('’', "'");
  return CONTINUATION_WORDS.has(word);
}

/**
 * The sentences of a text as raw spans, trimmed of surrounding white space, in
 * order and without overlap; every character that is not white space is in
 * one of them. Empty or all-blank text gives []. Never throws.
 */
export function splitSentences(text: string, language: SentenceLanguage): Span[] {
  if (text.length === 0) return [];
  const proposals = mergeSorted(scanProposals(text), segmenterProposals(text, language));
  const quotes = findQuotations(text);
  let quote = 0;

  const boundaries: number[] = [];
  // Start of the content after the last proposal judged: proposals before it are already decided.
  let covered = 0;
  for (const proposal of proposals) {
    if (proposal <= covered || proposal >= text.length) continue;
    // What follows the proposal: skip terminals, closing marks and spaces that end the sentence.
    // Past a line break, only white space: a line may start with "..." or "»".
    let next = proposal;
    let crossedLine = isLineBreak(text.charCodeAt(proposal - 1));
    while (next < text.length) {
      const c = text.charCodeAt(next);
      if (isSpace(c)) crossedLine ||= isLineBreak(c);
      else if (crossedLine || !(isSpacedTerminal(c) || isClosing(text, next))) break;
      next++;
    }
    if (next <= covered || next >= text.length) {
      covered = Math.max(covered, next);
      continue;
    }
    covered = next;
    while (quote < quotes.close.length && quotes.close[quote]! < next) quote++;
    const insideAttributedQuote =
      quote < quotes.close.length && quotes.open[quote]! < next && quotes.attributed[quote]!;
    // The quotation that closes last before `next`, when an attribution follows it.
    const attributedCloseBefore =
      quote > 0 && quotes.attributed[quote - 1]! ? quotes.close[quote - 1]! : -1;
    if (judge(text, next, insideAttributedQuote, attributedCloseBefore)) boundaries.push(next);
  }

  const spans: Span[] = [];
  let start = 0;
  for (const end of [...boundaries, text.length]) {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = end;
  }
  return spans;
}

/**
 * Whether a sentence starts at `next` (the first character after a proposed
 * boundary and the white space, terminals and closing marks before it).
 * `insideAttributedQuote` says `next` is inside a quotation an attribution
 * follows; `attributedCloseBefore` is where such a quotation closes before
 * `next` (or -1).
 */
function judge(
  text: string,
  next: number,
  insideAttributedQuote: boolean,
  attributedCloseBefore: number,
): boolean {
  // The gap: back over white space and closing marks to the last character of the sentence.
  let last = next - 1;
  let lineBreaks = 0;
  let hasSpace = false;
  const limit = Math.max(0, next - MAX_PUNCTUATION_RUN);
  let lineEnd = -1;
  while (last >= 0) {
    const c = text.charCodeAt(last);
    if (isSpace(c)) {
      hasSpace = true;
      if (isLineBreak(c)) {
        // "\r\n" counts once; a paragraph separator counts as a blank line.
        if (!(c === 0x0d && text.charCodeAt(last + 1) === 0x0a)) lineBreaks++;
        if (c === 0x2029) lineBreaks++;
        lineEnd = last;
      }
      last--;
    } else if (last >= limit && isClosing(text, last)) {
      last--;
    } else {
      break;
    }
  }
  if (last < 0) return false;
  if (lineBreaks >= 2) return true;
  if (lineBreaks === 1) {
    let end = lineEnd;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    return !isWordWrap(text, end, next);
  }

  // Same line: the sentence must end with terminal punctuation.
  if (!isTerminal(text, last)) return false;
  let runStart = last;
  while (runStart > 0 && isTerminal(text, runStart - 1)) runStart--;
  const terminal = text.charCodeAt(last);
  if (!hasSpace && isSpacedTerminal(terminal)) {
    // "coco.gg", "23.051", "fermé.Le": no sentence without a space.
    if (test(ALNUM_AT, text, next)) return false;
  }

  // The first letter or figure after opening quotes and brackets.
  let first = next;
  const firstLimit = Math.min(text.length, next + MAX_PUNCTUATION_RUN);
  while (
    first < firstLimit &&
    (isOpening(text.charCodeAt(first)) ||
      (isSpace(text.charCodeAt(first)) && !isLineBreak(text.charCodeAt(first))))
  ) {
    first++;
  }
  if (first >= text.length) return false;
  if (test(LOWER_AT, text, first)) return false;
  // "», a déclaré": a comma, a semicolon or a colon continues the sentence.
  const firstCode = text.charCodeAt(first);
  if (firstCode === 0x2c || firstCode === 0x3b || firstCode === 0x3a) return false;
  // "” Darmanin wrote": the quotation closed in the gap, and its attribution follows.
  if (attributedCloseBefore > last) return false;

  let dots = 0;
  let ellipsis = false;
  for (let i = runStart; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) dots++;
    else if (c === 0x2026) ellipsis = true;
  }
  if (ellipsis || dots >= 2) {
    // "…" and "..." end a sentence only before a capital.
    if (!test(UPPER_AT, text, first)) return false;
  } else if (dots === 1 && runStart === last) {
    if (endsAbbreviation(text, last, first)) return false;
  }
  return !insideAttributedQuote;
}
