/**
 * Quote tracing: which source passage a quotation comes from, and how
 * faithfully — `exact`, `altered` (with a word diff) or `unsourced`.
 *
 * Comparison is on folded words (see words.ts): case, accents, apostrophes,
 * quote marks, spaces, dashes and punctuation are typography, not alteration.
 *
 * The search, like hypothesis' anchoring: exact first, fuzzy second, then
 * scoring with named weights.
 * 1. Exact: the quote's folded words as a substring of each source's folded
 *    words (primary sources first). A quote found verbatim is `exact`.
 * 2. Fuzzy (quotes of `MIN_TRACED_WORDS` words or more): candidate passages
 *    come from the quote's word bigrams and rare words in the index, grouped
 *    by where they put the quote's start; each candidate window is aligned word
 *    by word (align-words.ts) and scored (`scorePassage`).
 * 3. The best passage that qualifies (`ALTERED_MIN_SIMILARITY`, at least
 *    `MIN_TRACED_WORDS` aligned words, `MIN_PASSAGE_DENSITY`) makes the quote
 *    `altered`, or `exact` when the only differences are omissions the quote
 *    marks with an ellipsis. Nothing qualifies: `unsourced`.
 *
 * Primary first: a quote that qualifies against a primary source is reported
 * against it, even when it is verbatim in a press source (which then appears
 * as `alsoExactIn`): the press article quoting the release loosely does not
 * make the loose version the release's words.
 *
 * An English rendering of the French release shares almost no words with it
 * and comes out `unsourced` here; `checkText` then looks for it as a
 * translation through the facts' bilingual statements (`translated`).
 */
import type { Span } from '../text/span.ts';
import type { QuoteSpan } from './find-quotes.ts';
import { alignWords, readAlignment, type WordAlignment } from './align-words.ts';
import { findExactWords, wordIds, type IndexedSource, type QuoteIndex } from './quote-index.ts';
import { formatWordDiff, wordChanges, type WordChange } from './word-diff.ts';
import { displayWord, ellipsisBoundaries, splitWords, type Word } from './words.ts';

export { buildQuoteIndex, type QuoteIndex, type QuoteSourceText } from './quote-index.ts';
export type { WordChange } from './word-diff.ts';

/**
 * Quotes with fewer words (scare quotes: « mafieuse », « discret ingénieur »)
 * are only reported when found verbatim (`exact`); otherwise they are
 * `unsourced` without a fuzzy search, since one or two words are close to
 * something in any text. Whether to show a short unsourced quote is the
 * caller's choice.
 */
export const MIN_TRACED_WORDS = 3;

/**
 * Quotes of more words are `unsourced` without being aligned. The release is
 * about 330 words and the article about 340: a quotation three times longer
 * than either cannot be 60% made of one of their passages. The cap also bounds
 * the alignment table (quote words × window words) and keeps a megabyte between
 * one pair of quote marks from hanging the page: only this many words (plus
 * one, to know there are more) are ever read from it.
 */
export const MAX_QUOTE_WORDS = 1000;

/**
 * The least share of a quote's words that must align with a passage for the
 * quote to be `altered` rather than `unsourced`. At 0.6 a five-word quote may
 * have two words changed and still be the source's sentence, and BFM's looser
 * renderings of the release (0.8 and up) pass; the article's own sentences
 * about the case and the minister's post align at most 0.5 with the
 * release's passages (through shared function words and the case's
 * vocabulary), and stay out.
 */
export const ALTERED_MIN_SIMILARITY = 0.6;

/**
 * The least share of the passage's words (omissions marked by an ellipsis
 * aside) that must be the quote's: below one in two, the aligned words are
 * scattered through a longer passage — common words picked here and there,
 * not a quotation of it.
 */
export const MIN_PASSAGE_DENSITY = 0.5;

/** Main signal: the share of the quote's words found in the passage (0..1, so its weight sets the scale). */
export const ALIGNED_WORD_WEIGHT = 1;

/**
 * The share of aligned words found in order. A reordered word is still the
 * source's word, so a full reorder costs less (0.2) than changing two words of
 * a five-word quote (0.4); but order still separates a faithful quote from
 * a shuffled one at equal alignment.
 */
export const ORDER_WEIGHT = 0.2;

/**
 * The share of the passage made of the quote's words: a tie-breaker between
 * two passages that align as well, preferring the tighter one (at most 0.1,
 * less than one changed word in a ten-word quote).
 */
export const DENSITY_WEIGHT = 0.1;

/**
 * Added for primary sources: the largest gap between two qualifying
 * passages' scores (similarity from `ALTERED_MIN_SIMILARITY` to 1, order from
 * 0 to 1, density from `MIN_PASSAGE_DENSITY` to 1), plus a hair. So any
 * passage of a primary source that qualifies outranks any press passage — the
 * contract's "primary first" — and at equal alignment the primary wins.
 */
export const PRIMARY_SOURCE_BONUS =
  ALIGNED_WORD_WEIGHT * (1 - ALTERED_MIN_SIMILARITY) +
  ORDER_WEIGHT +
  DENSITY_WEIGHT * (1 - MIN_PASSAGE_DENSITY) +
  0.01;

/**
 * Candidate retrieval. A bigram or word with more occurrences than this in
 * the sources says nothing about where a quote comes from ("de la", "de") and
 * is skipped; a quote made only of such words has no candidate.
 */
const MAX_POSTINGS_PER_KEY = 64;
/** A single word locates a quote only when it is this rare in the sources (a name, a figure: "23 051", "guernesey"). */
const RARE_WORD_MAX_POSTINGS = 4;
/** Candidate windows aligned per source: the best-supported start positions. */
const MAX_CANDIDATES_PER_SOURCE = 3;
/**
 * A candidate needs at least this share of the best candidate's hits: a
 * passage the quote comes from shares most of its bigrams, and one with a
 * quarter as many is another passage that happens to share a few phrases.
 */
const MIN_RELATIVE_VOTES = 0.25;
/**
 * Hits whose implied quote starts are within this many words (or half the
 * quote, if more) belong to one candidate: words added or dropped shift later
 * hits by that much.
 */
const CLUSTER_MIN_GAP = 8;
/** How many source words an ellipsis in the quote may stand for: a few sentences. */
const MAX_ELLIPSIS_GAP_WORDS = 80;

/**
 * Unmarked copies: sentences of at least this many words are considered. The
 * release's shortest sentence ("Les opérations ont été coordonnées avec
 * Eurojust.") has seven; a reposted release copies it too, and the
 * near-verbatim threshold below keeps paraphrases out.
 */
export const MIN_UNMARKED_WORDS = 7;

/**
 * Unmarked copies must align at least this well — above `ALTERED_MIN_SIMILARITY`:
 * without quote marks there is no claim of quoting, so only a near-verbatim
 * copy counts (one word in five changed at most). A news sentence that takes
 * the release's period and figures into its own words aligns 0.5–0.7.
 */
export const UNMARKED_MIN_SIMILARITY = 0.8;

/**
 * `translated`: the quotation is in another language than its source and is
 * traced, through the verified facts, to the original passage it renders
 * (its words cannot be compared with the original's: no diff).
 */
export type Fidelity = 'exact' | 'altered' | 'unsourced' | 'translated';

/** Where a quotation comes from and how faithfully. */
export interface QuoteTrace {
  fidelity: Fidelity;
  /** The passage it was traced to (absent when unsourced). */
  sourceId?: string;
  /** Raw span of the passage in the source text, and that passage's text. */
  sourceSpan?: Span;
  sourceText?: string;
  /** Word-level differences; empty when exact. */
  changes: WordChange[];
  /** Human-readable word diff (notation in word-diff.ts); empty when exact. */
  diff: string;
  /** 0..1, share of the quote's words aligned with the passage (unsourced: the best seen, below the threshold). */
  similarity: number;
  /** The passage's score (`scorePassage`); 0 when unsourced. Higher is a better match. */
  score: number;
  /** When the quote is exact in a press source but altered relative to the primary source that press source quotes, the press match. */
  alsoExactIn?: { sourceId: string; sourceSpan: Span };
}

/** What a passage's score is made of. */
export interface PassageFeatures {
  /** Share of the quote's words aligned with the passage. */
  similarity: number;
  /** Share of the aligned words found in order. */
  order: number;
  /** Share of the passage's words (marked omissions aside) that are the quote's. */
  density: number;
  standing: 'primary' | 'press';
}

/** The score of a passage for a quote: higher is better (weights above). */
export function scorePassage(features: PassageFeatures): number {
  return (
    ALIGNED_WORD_WEIGHT * features.similarity +
    ORDER_WEIGHT * features.order +
    DENSITY_WEIGHT * features.density +
    (features.standing === 'primary' ? PRIMARY_SOURCE_BONUS : 0)
  );
}

/** Whether a passage is close enough for the quote to be `altered` (or `exact`) rather than `unsourced`. */
function qualifies(features: PassageFeatures, aligned: number): boolean {
  return (
    features.similarity >= ALTERED_MIN_SIMILARITY &&
    aligned >= MIN_TRACED_WORDS &&
    features.density >= MIN_PASSAGE_DENSITY
  );
}

/**
 * Traces one quotation (its inner text) to the sources. Never throws; a quote
 * with no word, or with more than `MAX_QUOTE_WORDS`, is `unsourced`.
 */
export function traceQuote(quote: string, index: QuoteIndex): QuoteTrace {
  const words = splitWords(quote, 0, quote.length, MAX_QUOTE_WORDS + 1);
  return traceWords(quote, words, 0, quote.length, index);
}

/**
 * Long unmarked near-verbatim copies of a source passage (reposts that copy
 * the release without quote marks): sentences of at least
 * `MIN_UNMARKED_WORDS` words whose words align with a source passage at
 * similarity ≥ `UNMARKED_MIN_SIMILARITY`. `sentences` are raw spans of `text`
 * (the caller splits sentences, and skips those it already treats as marked
 * quotations). Returns QuoteSpans with marks 'unmarked' (the span is the
 * sentence, `inner` its first to last word) and their traces; none when no
 * sentence qualifies.
 */
export function findUnmarkedCopies(
  text: string,
  sentences: readonly Span[],
  index: QuoteIndex,
): { quote: QuoteSpan; trace: QuoteTrace }[] {
  const found: { quote: QuoteSpan; trace: QuoteTrace }[] = [];
  for (const sentence of sentences) {
    const start = Math.max(0, Math.min(sentence.start, text.length));
    const end = Math.max(start, Math.min(sentence.end, text.length));
    const words = splitWords(text, start, end, MAX_QUOTE_WORDS + 1);
    if (words.length < MIN_UNMARKED_WORDS || words.length > MAX_QUOTE_WORDS) continue;
    // Similarity is the share of the sentence's words aligned with a source
    // word, so a sentence with too few source words cannot qualify: most
    // sentences are dropped here, before any alignment.
    if (!mostlySourceWords(words, index.vocabulary)) continue;
    const trace = traceWords(text, words, start, end, index);
    if (trace.fidelity === 'unsourced' || trace.similarity < UNMARKED_MIN_SIMILARITY) continue;
    const first = words[0] as Word;
    const last = words[words.length - 1] as Word;
    found.push({
      quote: { start, end, inner: { start: first.start, end: last.end }, marks: 'unmarked' },
      trace,
    });
  }
  return found;
}

/**
 * Whether at least `UNMARKED_MIN_SIMILARITY` of `words` are words of the
 * sources. Stops at the first unknown word after which the rest, all known,
 * could not make up the share: most sentences stop early.
 */
function mostlySourceWords(
  words: readonly Word[],
  vocabulary: ReadonlyMap<string, number>,
): boolean {
  const needed = UNMARKED_MIN_SIMILARITY * words.length;
  let known = 0;
  for (let i = 0; i < words.length; i++) {
    if (vocabulary.has((words[i] as Word).key)) known++;
    else if (known + (words.length - i - 1) < needed) return false;
  }
  return known >= needed;
}

/** A candidate passage, aligned and scored. */
interface Candidate {
  source: IndexedSource;
  alignment: WordAlignment;
  features: PassageFeatures;
  score: number;
  qualifies: boolean;
}

/** Traces the words of `raw[from, to)`, already split (at most `MAX_QUOTE_WORDS + 1`). */
function traceWords(
  raw: string,
  words: readonly Word[],
  from: number,
  to: number,
  index: QuoteIndex,
): QuoteTrace {
  if (words.length === 0 || words.length > MAX_QUOTE_WORDS) return unsourced(0);

  let pressExact: { source: IndexedSource; range: [number, number] } | null = null;
  for (const source of index.sources) {
    const range = findExactWords(source, words);
    if (!range) continue;
    if (source.standing === 'primary') return exactTrace(source, range);
    pressExact ??= { source, range };
  }
  if (words.length < MIN_TRACED_WORDS) {
    const swapped = swappedInPrimary(raw, words, index);
    if (swapped && pressExact) swapped.alsoExactIn = pressAnchor(pressExact);
    if (swapped) return swapped;
    return pressExact ? exactTrace(pressExact.source, pressExact.range) : unsourced(0);
  }

  const ids = wordIds(index, words);
  const ellipses = ellipsisBoundaries(raw, words, from, to);
  // Verbatim in the press: only a primary passage can take precedence.
  const candidates = findCandidates(ids, ellipses, index, pressExact !== null);
  let best: Candidate | null = null;
  let bestSimilarity = 0;
  for (const candidate of candidates) {
    bestSimilarity = Math.max(bestSimilarity, candidate.features.similarity);
    if (candidate.qualifies && (!best || candidate.score > best.score)) best = candidate;
  }

  if (pressExact) {
    if (!best) return exactTrace(pressExact.source, pressExact.range);
    const trace = candidateTrace(best, raw, words);
    if (trace.fidelity === 'altered') trace.alsoExactIn = pressAnchor(pressExact);
    return trace;
  }
  return best ? candidateTrace(best, raw, words) : unsourced(bestSimilarity);
}

/**
 * A two-word quote whose words stand the other way round in a primary source
 * (BFM's « absence notoire » for the release's "notoire absence"): `altered`,
 * one reordered change. The only fuzzy reading short quotes get: swapping two
 * adjacent words keeps every word, so it is as specific as a verbatim match.
 */
function swappedInPrimary(
  raw: string,
  words: readonly Word[],
  index: QuoteIndex,
): QuoteTrace | null {
  const [first, second] = words;
  if (words.length !== 2 || !first || !second || first.key === second.key) return null;
  for (const source of index.sources) {
    if (source.standing !== 'primary') continue;
    const range = findExactWords(source, [second, first]);
    if (!range) continue;
    const ids = wordIds(index, words);
    const ops = alignWords(ids, source.ids, range[0], range[1]);
    const alignment = readAlignment(ops, ids, source.ids, { breakBefore: source.breakBefore });
    if (!alignment || alignment.aligned !== 2) continue;
    const features: PassageFeatures = {
      similarity: 1,
      order: (alignment.aligned - alignment.moved) / alignment.aligned,
      density: 1,
      standing: source.standing,
    };
    const candidate = {
      source,
      alignment,
      features,
      score: scorePassage(features),
      qualifies: true,
    };
    return candidateTrace(candidate, raw, words);
  }
  return null;
}

function pressAnchor(match: { source: IndexedSource; range: [number, number] }): {
  sourceId: string;
  sourceSpan: Span;
} {
  return { sourceId: match.source.id, sourceSpan: rawSpan(match.source, match.range) };
}

/**
 * Candidate passages for a quote of word `ids`: the windows around the
 * quote starts most supported by shared bigrams and rare words, aligned and
 * scored; only in primary sources when `primaryOnly`.
 */
function findCandidates(
  ids: Int32Array,
  ellipses: Uint8Array,
  index: QuoteIndex,
  primaryOnly: boolean,
): Candidate[] {
  const n = ids.length;
  const size = index.vocabulary.size;
  const starts: number[][] = index.sources.map(() => []);
  const addHits = (postings: readonly number[] | undefined, offset: number, cap: number): void => {
    if (!postings || postings.length / 2 > cap) return;
    for (let k = 0; k < postings.length; k += 2) {
      starts[postings[k] as number]?.push((postings[k + 1] as number) - offset);
    }
  };
  for (let i = 0; i < n; i++) {
    const id = ids[i] as number;
    if (id < 0) continue;
    addHits(index.unigrams[id], i, RARE_WORD_MAX_POSTINGS);
    const next = ids[i + 1];
    if (next !== undefined && next >= 0)
      addHits(index.bigrams.get(id * size + next), i, MAX_POSTINGS_PER_KEY);
  }

  let ellipsisCount = 0;
  for (let i = 1; i < n; i++) ellipsisCount += ellipses[i] as number;
  const clusterGap =
    Math.max(CLUSTER_MIN_GAP, Math.ceil(n / 2)) + ellipsisCount * MAX_ELLIPSIS_GAP_WORDS;
  // The hits place the passage; the slack around them is for unaligned words at its edges
  // (moved or paired words a few places out) and for words dropped after the last hit.
  const slack = CLUSTER_MIN_GAP + Math.ceil(n / 4);

  const clustersBySource = index.sources.map((source, s) => {
    if (primaryOnly && source.standing !== 'primary') return [];
    const hits = (starts[s] as number[]).sort((a, b) => a - b);
    const clusters: { lo: number; hi: number; votes: number }[] = [];
    for (const start of hits) {
      const last = clusters[clusters.length - 1];
      if (last && start - last.hi <= clusterGap) {
        last.hi = start;
        last.votes += 1;
      } else clusters.push({ lo: start, hi: start, votes: 1 });
    }
    return clusters.sort((a, b) => b.votes - a.votes).slice(0, MAX_CANDIDATES_PER_SOURCE);
  });
  let mostVotes = 0;
  for (const clusters of clustersBySource) mostVotes = Math.max(mostVotes, clusters[0]?.votes ?? 0);

  const candidates: Candidate[] = [];
  for (const [s, source] of index.sources.entries()) {
    // Sources come primary first, and a qualifying primary passage outranks any press passage.
    if (source.standing !== 'primary' && candidates.some((c) => c.qualifies)) break;
    for (const cluster of clustersBySource[s] ?? []) {
      if (cluster.votes < mostVotes * MIN_RELATIVE_VOTES) continue;
      const from = Math.max(0, cluster.lo - slack);
      const to = Math.min(source.ids.length, cluster.hi + n + slack);
      if (!mayQualify(ids, source.ids, from - CLUSTER_MIN_GAP, to + CLUSTER_MIN_GAP)) continue;
      const ops = alignWords(ids, source.ids, from, to, ellipses);
      const alignment = readAlignment(ops, ids, source.ids, {
        freeDropBefore: ellipses,
        breakBefore: source.breakBefore,
      });
      if (!alignment) continue;
      const passageWords = alignment.passage.end - alignment.passage.start - alignment.omitted;
      const features: PassageFeatures = {
        similarity: alignment.aligned / n,
        order: (alignment.aligned - alignment.moved) / alignment.aligned,
        density: Math.min(1, alignment.aligned / Math.max(1, passageWords)),
        standing: source.standing,
      };
      candidates.push({
        source,
        alignment,
        features,
        score: scorePassage(features),
        qualifies: qualifies(features, alignment.aligned),
      });
    }
  }
  return candidates;
}

/**
 * Whether the quote's words, counted as a bag, are present enough in
 * `source[from, to)` for an alignment there to reach `ALTERED_MIN_SIMILARITY`:
 * an upper bound that spares aligning windows that cannot qualify.
 */
function mayQualify(quote: Int32Array, source: Int32Array, from: number, to: number): boolean {
  const lo = Math.max(0, from);
  const hi = Math.min(source.length, to);
  const available = bagOfWords(source, lo, hi);
  let present = 0;
  for (const id of quote) {
    if (id < 0 || id >= available.length || available[id] === 0) continue;
    available[id]! -= 1;
    present++;
  }
  // Leave the counts at zero for the next call.
  for (let s = lo; s < hi; s++) available[source[s] as number] = 0;
  return present >= ALTERED_MIN_SIMILARITY * quote.length && present >= MIN_TRACED_WORDS;
}

/**
 * Counts of word ids, indexed by id, shared by the calls of `mayQualify`
 * (all zero between calls): no map to build for each window.
 */
let wordCounts = new Int32Array(0);

/** How many times each word id occurs in `ids[from, to)`, as `wordCounts`. */
function bagOfWords(ids: Int32Array, from: number, to: number): Int32Array {
  let largest = -1;
  for (let s = from; s < to; s++) largest = Math.max(largest, ids[s] as number);
  if (largest >= wordCounts.length)
    wordCounts = new Int32Array(Math.max(largest + 1, wordCounts.length * 2));
  for (let s = from; s < to; s++) wordCounts[ids[s] as number]! += 1;
  return wordCounts;
}

function candidateTrace(candidate: Candidate, raw: string, words: readonly Word[]): QuoteTrace {
  const { source, alignment } = candidate;
  const quoteWord = (i: number): string => displayWord(raw, words[i] as Word);
  const sourceWord = (i: number): string => displayWord(source.text, source.words[i] as Word);
  const changes = wordChanges(alignment.segments, quoteWord, sourceWord);
  const sourceSpan = rawSpan(source, [alignment.passage.start, alignment.passage.end]);
  return {
    fidelity: changes.length === 0 ? 'exact' : 'altered',
    sourceId: source.id,
    sourceSpan,
    sourceText: source.text.slice(sourceSpan.start, sourceSpan.end),
    changes,
    diff: changes.length === 0 ? '' : formatWordDiff(alignment.segments, quoteWord, sourceWord),
    similarity: candidate.features.similarity,
    score: candidate.score,
  };
}

function exactTrace(source: IndexedSource, range: [number, number]): QuoteTrace {
  const sourceSpan = rawSpan(source, range);
  return {
    fidelity: 'exact',
    sourceId: source.id,
    sourceSpan,
    sourceText: source.text.slice(sourceSpan.start, sourceSpan.end),
    changes: [],
    diff: '',
    similarity: 1,
    score: scorePassage({ similarity: 1, order: 1, density: 1, standing: source.standing }),
  };
}

function unsourced(similarity: number): QuoteTrace {
  return { fidelity: 'unsourced', changes: [], diff: '', similarity, score: 0 };
}

/** The raw span of source words `[first, end)`. */
function rawSpan(source: IndexedSource, [first, end]: [number, number]): Span {
  const start = (source.words[first] as Word).start;
  const stop = (source.words[end - 1] as Word).end;
  return { start, end: stop };
}
