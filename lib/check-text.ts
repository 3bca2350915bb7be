/**
 * The engine's entry point: what a text says about the Coco case and whether
 * it agrees with the verified facts (CONTRACT §2). The same function serves
 * the extension, the `check` command and the tests.
 */
import {
  buildSlotTable,
  checkClaim,
  mayHaveChecks,
  type ClaimResult,
  type SlotTable,
} from './claims/check-claim.ts';
import { buildFactIndex, translationOf, type FactIndex } from './claims/fact-index.ts';
import type { Fact, Source } from './facts/schema.ts';
import { findMentions, type Mention, type PageContext } from './mentions/find-mentions.ts';
import { findQuotes } from './quotes/find-quotes.ts';
import {
  buildQuoteIndex,
  findUnmarkedCopies,
  MIN_TRACED_WORDS,
  traceQuote,
  type QuoteIndex,
  type QuoteTrace,
  type WordChange,
} from './quotes/trace-quote.ts';
import { foldSameLength } from './text/fold.ts';
import { detectLanguage } from './text/language.ts';
import { splitSentences } from './text/sentences.ts';
import type { Span } from './text/span.ts';
import { runToEnd } from './steps.ts';

/** Everything built once per fact set and reused for every text. */
export interface Engine {
  facts: readonly Fact[];
  sources: readonly Source[];
  index: FactIndex;
  slots: SlotTable;
  quotes: QuoteIndex;
}

/** Builds the engine's indexes over a fact set and its sources. */
export function createEngine(facts: readonly Fact[], sources: readonly Source[]): Engine {
  return {
    facts,
    sources,
    index: buildFactIndex(facts),
    slots: buildSlotTable(facts),
    quotes: buildQuoteIndex(sources.map((s) => ({ id: s.id, text: s.text, standing: s.standing }))),
  };
}

export interface QuoteResult extends Span {
  text: string;
  fidelity: QuoteTrace['fidelity'];
  /** `marked` by « », “ ” or " ", or an `unmarked` near-verbatim copy. */
  marked: boolean;
  sourceId?: string;
  sourceText?: string;
  sourceSpan?: Span;
  diff: string;
  changes: WordChange[];
  /** Set when the words are exact in the press article but altered relative to the release it quotes. */
  alsoExactIn?: { sourceId: string; sourceSpan: Span };
}

export interface TextReport {
  language: 'fr' | 'en' | 'und';
  /** Whether the text as a whole is about the case. Claims and quotes are only read in such texts. */
  aboutCase: boolean;
  mentions: Mention[];
  claims: ClaimResult[];
  quotes: QuoteResult[];
}

/**
 * A sentence copied alone, without quote marks, is reported as a copy from
 * this many words (a third of the release's average sentence); shorter ones
 * only beside other copied sentences.
 */
const LONE_COPY_MIN_WORDS = 12;

/** Whether span `b` follows span `a` with only white space between. */
function isNextTo(a: Span | undefined, b: Span | undefined, text: string): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.end <= b.start &&
    text.slice(a.end, b.start).trim() === ''
  );
}

/** Words in a string, to apply MIN_TRACED_WORDS. */
function wordCount(text: string): number {
  return text.split(/[\s\u00a0\u202f]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Line breaks: paragraphs of an article, posts of a feed, items of a list. */
const LINE_BREAK = /\n/g;

/** The text's lines, as spans. */
function paragraphsOf(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    if (match.index > start) spans.push({ start, end: match.index });
    start = match.index + 1;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/**
 * For spans in text order, whether each overlaps one of `marks` (also in text
 * order): one sweep over both lists, linear in their lengths.
 */
function overlapsAny(spans: readonly Span[], marks: readonly Span[]): boolean[] {
  const result: boolean[] = [];
  let m = 0;
  for (const span of spans) {
    while (m < marks.length && marks[m]!.end <= span.start) m++;
    result.push(m < marks.length && marks[m]!.start < span.end);
  }
  return result;
}

/**
 * Checks a text: its mentions of the case, the verdict on each sentence about
 * the case, and the fidelity of its quotations. A text not about the case
 * gets no claim and no quote, whatever figures or dates it holds.
 */
export function checkText(engine: Engine, text: string, page: PageContext = {}): TextReport {
  return runToEnd(checkTextSteps(engine, text, Number.POSITIVE_INFINITY, page));
}

/** Sentences (or quotations) checked between two pauses of `checkTextSteps`. */
const ITEMS_PER_STEP = 16;

/**
 * `checkText` in steps, for a caller that must give the main thread back (the
 * content script): each `next()` checks about `itemsPerStep` more sentences
 * or quotations and pauses; the last one returns the report, the same as
 * `checkText(engine, text)`.
 */
export function* checkTextSteps(
  engine: Engine,
  text: string,
  itemsPerStep = ITEMS_PER_STEP,
  page: PageContext = {},
): Generator<void, TextReport, void> {
  const language = detectLanguage(text);
  const { mentions, aboutCase } = findMentions(text, page);
  if (!aboutCase) return { language, aboutCase, mentions, claims: [], quotes: [] };

  const sentences = splitSentences(text, language);
  const named = overlapsAny(sentences, mentions);
  const paragraphs = paragraphsOf(text);
  const paragraphNamesCase = overlapsAny(paragraphs, mentions);
  const caseParagraphs = paragraphs.filter((_p, i) => paragraphNamesCase[i]);
  // Each sentence starts in one paragraph; both lists are in text order.
  const inCaseParagraph = overlapsAny(
    sentences.map((s) => ({ start: s.start, end: s.start + 1 })),
    caseParagraphs,
  );
  const claims: ClaimResult[] = [];
  let done = 0;
  for (const [i, span] of sentences.entries()) {
    if (++done % itemsPerStep === 0) yield;
    const sentence = text.slice(span.start, span.end);
    const folded = foldSameLength(sentence);
    // A sentence is about the case when it names it, or when it states
    // something the facts speak to (on a page that is about the case): most
    // sentences do neither, and are dropped before their values are read.
    if (!named[i] && !mayHaveChecks(folded, engine.index)) continue;
    const context = {
      language,
      index: engine.index,
      slots: engine.slots,
      inCaseParagraph: inCaseParagraph[i]!,
      named: named[i]!,
    };
    const claim = checkClaim(sentence, span.start, context, folded);
    if (claim.checks.length > 0 || named[i]) claims.push(claim);
  }

  const quotes: QuoteResult[] = [];
  for (const quote of findQuotes(text)) {
    const words = text.slice(quote.inner.start, quote.inner.end);
    // One or two words in quote marks ("Coco", « mafieuse ») are a term or
    // a scare quote, not a quotation of the source.
    if (wordCount(words) < MIN_TRACED_WORDS) continue;
    let trace = traceQuote(words, engine.quotes);
    if (trace.fidelity === 'unsourced') trace = traceTranslation(engine, words) ?? trace;
    quotes.push(quoteResult(text, quote.inner, true, trace));
    if (++done % itemsPerStep === 0) yield;
  }
  yield;
  const copies = findUnmarkedCopies(text, sentences, engine.quotes);
  for (const [i, { quote, trace }] of copies.entries()) {
    // A short sentence close to the release is a repost only among other
    // copied sentences; alone, it is a news sentence that reuses its words.
    const lone =
      !isNextTo(copies[i - 1]?.quote, quote, text) && !isNextTo(quote, copies[i + 1]?.quote, text);
    if (lone && wordCount(text.slice(quote.inner.start, quote.inner.end)) < LONE_COPY_MIN_WORDS)
      continue;
    // A lone line of a list in the page's own words ("- fourniture d'une
    // plateforme…") is not a quotation: only an exact copy of one is
    // reported, unless it is one of several copied lines (a repost).
    if (lone && trace.fidelity !== 'exact' && LIST_ITEM.test(lineStart(text, quote.inner.start)))
      continue;
    // A copy holding a marked quotation of some length is that quotation with
    // its attribution; a copy around a word in quote marks (« coco ») is a copy.
    const marked = quotes.filter((q) => q.start < quote.inner.end && quote.inner.start < q.end);
    if (marked.some((q) => wordCount(q.text) >= MIN_TRACED_WORDS)) continue;
    for (const q of marked) quotes.splice(quotes.indexOf(q), 1);
    quotes.push(quoteResult(text, quote.inner, false, trace));
  }
  quotes.sort((a, b) => a.start - b.start);
  return { language, aboutCase, mentions, claims, quotes };
}

/** A line that is an item of a list: a bullet, a dash or a number first. */
const LIST_ITEM = /^\s*(?:[-–—•*·▪◦]|\d{1,2}[.)])\s/;

/** The text of the line holding `at`, from its start to `at`. */
function lineStart(text: string, at: number): string {
  return text.slice(text.lastIndexOf('\n', at - 1) + 1, at + 1);
}

/**
 * A quotation in another language than the sources, traced as a translation
 * through the facts' statements in both languages: its best fact, when the
 * quotation restates it (the gates of a restatement, `translationOf`), gives
 * the original passage it renders.
 */
function traceTranslation(engine: Engine, words: string): QuoteTrace | null {
  const language = detectLanguage(words);
  if (language === 'und') return null;
  const fact = translationOf(engine.index, words, language);
  if (!fact) return null;
  const evidence = fact.evidence.find((e) => e.rendering === 'original') ?? fact.evidence[0]!;
  const source = engine.sources.find((s) => s.id === evidence.sourceId);
  if (!source || source.language === language) return null;
  return {
    fidelity: 'translated',
    sourceId: evidence.sourceId,
    sourceSpan: { start: evidence.start, end: evidence.end },
    sourceText: evidence.exact,
    changes: [],
    diff: '',
    similarity: 0,
    score: 0,
  };
}

function quoteResult(text: string, inner: Span, marked: boolean, trace: QuoteTrace): QuoteResult {
  return {
    start: inner.start,
    end: inner.end,
    text: text.slice(inner.start, inner.end),
    fidelity: trace.fidelity,
    marked,
    sourceId: trace.sourceId,
    sourceText: trace.sourceText,
    sourceSpan: trace.sourceSpan,
    diff: trace.diff,
    changes: trace.changes,
    ...(trace.alsoExactIn && { alsoExactIn: trace.alsoExactIn }),
  };
}
