import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../lib/quotes/find-quotes.ts';
import {
  findUnmarkedCopies,
  traceQuote,
  type QuoteTrace,
} from '../../../lib/quotes/trace-quote.ts';
import { splitWords } from '../../../lib/quotes/words.ts';
import { CASE_INDEX, CASE_SOURCES, RELEASE } from './case-sources.ts';

/** Any code points, lone surrogate halves included. */
const anyUnicode = fc.string({ unit: 'binary', maxLength: 300 });
/** Text dense in what the parsers decide on: marks, spaces, apostrophes, dots, digits. */
const markHeavy = fc.string({
  unit: fc.constantFrom(
    '«',
    '»',
    '“',
    '”',
    '"',
    "'",
    '’',
    ' ',
    '\u00a0',
    '\u202f',
    '\n',
    '.',
    '…',
    ',',
    '-',
    'a',
    'É',
    '2',
    '0',
    '5',
    '\ud83d',
    'coco',
    'de ',
    'notoire ',
    'absence ',
  ),
  maxLength: 200,
});
const anyText = fc.oneof(anyUnicode, markHeavy);

/** A stretch of the release's words, mutated: words dropped, replaced, swapped, duplicated. */
const mutatedRelease = fc
  .tuple(
    fc.nat({ max: RELEASE.length }),
    fc.integer({ min: 1, max: 80 }),
    fc.array(
      fc.tuple(fc.nat(), fc.constantFrom('drop', 'replace', 'swap', 'repeat'), fc.string()),
      {
        maxLength: 6,
      },
    ),
  )
  .map(([at, length, edits]) => {
    const words = RELEASE.slice(at).split(/\s+/).slice(0, length);
    for (const [position, edit, replacement] of edits) {
      if (words.length === 0) break;
      const i = position % words.length;
      if (edit === 'drop') words.splice(i, 1);
      else if (edit === 'replace') words[i] = replacement;
      else if (edit === 'repeat') words.splice(i, 0, words[i] ?? '');
      else if (i + 1 < words.length)
        [words[i], words[i + 1]] = [words[i + 1] ?? '', words[i] ?? ''];
    }
    return words.join(' ');
  });

function expectWellFormed(trace: QuoteTrace): void {
  expect(['exact', 'altered', 'unsourced']).toContain(trace.fidelity);
  expect(trace.similarity).toBeGreaterThanOrEqual(0);
  expect(trace.similarity).toBeLessThanOrEqual(1);
  expect(trace.diff === '').toBe(trace.changes.length === 0);
  if (trace.fidelity === 'unsourced') {
    expect(trace.sourceId).toBeUndefined();
    return;
  }
  if (trace.fidelity === 'exact') expect(trace.changes).toEqual([]);
  else expect(trace.changes.length).toBeGreaterThan(0);
  const source = CASE_SOURCES.find((s) => s.id === trace.sourceId);
  expect(source).toBeDefined();
  const span = trace.sourceSpan ?? { start: -1, end: -1 };
  expect(span.start).toBeGreaterThanOrEqual(0);
  expect(span.end).toBeGreaterThan(span.start);
  expect(span.end).toBeLessThanOrEqual(source?.text.length ?? 0);
  expect(trace.sourceText).toBe(source?.text.slice(span.start, span.end));
  if (trace.alsoExactIn) {
    const press = CASE_SOURCES.find((s) => s.id === trace.alsoExactIn?.sourceId);
    expect(trace.alsoExactIn.sourceSpan.end).toBeLessThanOrEqual(press?.text.length ?? 0);
  }
}

describe('findQuotes (properties)', () => {
  it('never throws, and returns ordered, disjoint spans within the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let previousEnd = 0;
        for (const quote of findQuotes(text)) {
          expect(quote.start).toBeGreaterThanOrEqual(previousEnd);
          expect(quote.start).toBeLessThan(quote.inner.start);
          expect(quote.inner.start).toBeLessThan(quote.inner.end);
          expect(quote.inner.end).toBeLessThan(quote.end);
          expect(quote.end).toBeLessThanOrEqual(text.length);
          expect('«“"').toContain(text[quote.start]);
          expect('»”"').toContain(text[quote.end - 1]);
          previousEnd = quote.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('splitWords (properties)', () => {
  it('returns ordered, disjoint, non-empty words within the text, with keys free of spaces', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let previousEnd = 0;
        for (const word of splitWords(text)) {
          expect(word.start).toBeGreaterThanOrEqual(previousEnd);
          expect(word.end).toBeGreaterThan(word.start);
          expect(word.end).toBeLessThanOrEqual(text.length);
          expect(word.key).not.toMatch(/\s/);
          previousEnd = word.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('traceQuote (properties)', () => {
  it('never throws on arbitrary unicode, and every trace is well formed', () => {
    fc.assert(
      fc.property(anyText, (text) => expectWellFormed(traceQuote(text, CASE_INDEX))),
      { numRuns: 500 },
    );
  });

  it('never throws on mutated passages of the release, and every trace is well formed', () => {
    fc.assert(
      fc.property(mutatedRelease, (quote) => expectWellFormed(traceQuote(quote, CASE_INDEX))),
      { numRuns: 300 },
    );
  });

  it('finds every unmutated stretch of the release exact', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: RELEASE.length - 1 }),
        fc.integer({ min: 3, max: 60 }),
        (at, length) => {
          const words = splitWords(RELEASE)
            .filter((w) => w.start >= at)
            .slice(0, length);
          fc.pre(words.length >= 3);
          const first = words[0]!;
          const last = words[words.length - 1]!;
          const trace = traceQuote(RELEASE.slice(first.start, last.end), CASE_INDEX);
          expect(trace.fidelity).toBe('exact');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('findUnmarkedCopies (properties)', () => {
  const spans = fc.array(
    fc
      .tuple(fc.integer({ min: -5, max: 400 }), fc.integer({ min: -5, max: 400 }))
      .map(([a, b]) => ({
        start: a,
        end: b,
      })),
    { maxLength: 5 },
  );

  it('never throws, and returns spans within the text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mutatedRelease), spans, (text, sentences) => {
        for (const { quote, trace } of findUnmarkedCopies(text, sentences, CASE_INDEX)) {
          expect(quote.marks).toBe('unmarked');
          expect(quote.start).toBeGreaterThanOrEqual(0);
          expect(quote.start).toBeLessThanOrEqual(quote.inner.start);
          expect(quote.inner.end).toBeLessThanOrEqual(quote.end);
          expect(quote.end).toBeLessThanOrEqual(text.length);
          expectWellFormed(trace);
        }
      }),
      { numRuns: 300 },
    );
  });
});
