/**
 * The word index over the sources that quotations are traced to, built once
 * and reused for every quote: each source's words (folded, with raw spans),
 * a string of its folded words for exact search, and postings of word
 * bigrams and words for finding candidate passages.
 */
import { splitWords, type Word } from './words.ts';

/** A source text quotations may come from. */
export interface QuoteSourceText {
  id: string;
  text: string;
  standing: 'primary' | 'press';
}

/** One source, indexed. */
export interface IndexedSource extends QuoteSourceText {
  /** Its words, with raw spans and folded keys. */
  words: readonly Word[];
  /** Each word's id in the index's vocabulary. */
  ids: Int32Array;
  /** Per word: a sentence or line ends between it and the word before. */
  breakBefore: Uint8Array;
  /** The folded words joined by single spaces, with a space at each end: `" le site coco ... "`. */
  folded: string;
  /** Offset in `folded` of each word's first character. */
  foldedStarts: Int32Array;
}

/** Precomputed word index over the sources (built once, reused for every quote). */
export interface QuoteIndex {
  /** The sources, primary ones first, each in the order given. */
  readonly sources: readonly IndexedSource[];
  /** Folded word → id. */
  readonly vocabulary: ReadonlyMap<string, number>;
  /**
   * Word bigram (`first * vocabulary.size + second`) → its occurrences, flat:
   * `[sourceIndex, wordIndex, sourceIndex, wordIndex, ...]`.
   */
  readonly bigrams: ReadonlyMap<number, readonly number[]>;
  /** Word id → its occurrences, flat like `bigrams`. */
  readonly unigrams: readonly (readonly number[])[];
}

/** A sentence end or a line break between two words: bounds what a changed edge word may pair with. */
const SENTENCE_BREAK = /[.!?…\n]/;

/**
 * Indexes the sources for `traceQuote`. Linear in their total length; the
 * sources are kept (not copied) for their raw passages.
 */
export function buildQuoteIndex(sources: readonly QuoteSourceText[]): QuoteIndex {
  const ordered = [
    ...sources.filter((s) => s.standing === 'primary'),
    ...sources.filter((s) => s.standing !== 'primary'),
  ];
  const vocabulary = new Map<string, number>();
  const indexed: IndexedSource[] = ordered.map((source) => {
    const words = splitWords(source.text);
    const ids = new Int32Array(words.length);
    const breakBefore = new Uint8Array(words.length);
    const foldedStarts = new Int32Array(words.length);
    let folded = ' ';
    for (const [i, word] of words.entries()) {
      let id = vocabulary.get(word.key);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(word.key, id);
      }
      ids[i] = id;
      const previous = words[i - 1];
      if (previous && SENTENCE_BREAK.test(source.text.slice(previous.end, word.start))) {
        breakBefore[i] = 1;
      }
      foldedStarts[i] = folded.length;
      folded += `${word.key} `;
    }
    return { ...source, words, ids, breakBefore, folded, foldedStarts };
  });

  const size = vocabulary.size;
  const bigrams = new Map<number, number[]>();
  const unigrams: number[][] = Array.from({ length: size }, () => []);
  for (const [s, source] of indexed.entries()) {
    for (let i = 0; i < source.ids.length; i++) {
      const id = source.ids[i] as number;
      (unigrams[id] as number[]).push(s, i);
      const next = source.ids[i + 1];
      if (next === undefined) continue;
      const key = id * size + next;
      const list = bigrams.get(key);
      if (list) list.push(s, i);
      else bigrams.set(key, [s, i]);
    }
  }
  return { sources: indexed, vocabulary, bigrams, unigrams };
}

/** The vocabulary ids of some words; -1 for a word no source uses (it matches nothing). */
export function wordIds(index: QuoteIndex, words: readonly Word[]): Int32Array {
  const ids = new Int32Array(words.length);
  for (const [i, word] of words.entries()) ids[i] = index.vocabulary.get(word.key) ?? -1;
  return ids;
}

/**
 * The first place where `words` occur verbatim (folded) in `source`, as a
 * range of its word indices; null when they do not.
 */
export function findExactWords(
  source: IndexedSource,
  words: readonly Word[],
): [number, number] | null {
  if (words.length === 0) return null;
  const needle = ` ${words.map((w) => w.key).join(' ')} `;
  const at = source.folded.indexOf(needle);
  if (at < 0) return null;
  // Binary search of the word starting right after the matched leading space.
  let lo = 0;
  let hi = source.foldedStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((source.foldedStarts[mid] as number) < at + 1) lo = mid + 1;
    else hi = mid;
  }
  return [lo, lo + words.length];
}
