/**
 * The engine on hostile text: arbitrary Unicode (emoji, right-to-left
 * scripts, combining marks, lone surrogates, NUL, control characters) mixed
 * with the case's own vocabulary. Whatever the input, nothing throws, every
 * span slices the text it was found in, and the same input gives the same
 * result. How the work grows with the length is shown by structure (a text
 * repeated k times gives k times the findings), not by timing.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkText, createEngine, type Engine, type TextReport } from '../../lib/check-text.ts';
import { findMentions } from '../../lib/mentions/find-mentions.ts';
import { foldSameLength, foldSameLengthWithSpaces } from '../../lib/text/fold.ts';
import { fold, normalizeText, toRawSpan } from '../../lib/text/normalize.ts';
import { splitSentences } from '../../lib/text/sentences.ts';
import type { Span } from '../../lib/text/span.ts';
import { extractVisibleText } from '../../lib/text/visible-text.ts';
import { seedPack } from '../helpers/seed-files.ts';

let engine: Engine;
beforeAll(async () => {
  const { pack, sources } = await seedPack();
  engine = createEngine(pack.facts, sources);
});

/** Pieces of the case's vocabulary, so that the engine's paths past the first test are taken. */
const VOCABULARY = [
  'Coco',
  'coco',
  'COCO',
  'coco.gg',
  'coco.fr',
  'www.coco.gg',
  'coco[.]gg',
  'coco(.)fr',
  'le site Coco',
  'the Coco chat site',
  'fermé le 25 juin 2024',
  'shut down on June 25, 2024',
  '23 051',
  '23 051 procédures',
  '32 051',
  '23,051 proceedings',
  '480 victimes',
  'Guernesey',
  'Malte',
  'JUNALCO',
  'UNCyber',
  'COMCYBER-MI',
  'selon le parquet',
  'Eurojust',
  '« ',
  ' »',
  '“',
  '”',
  '"',
  '« Dans l’ensemble des procédures recensées, la plateforme coco a été utilisée »',
  '. ',
  '? ',
  '! ',
  '…',
  '\n',
  '\n\n',
  ' ',
  '\u00a0',
  '\u202f',
  '-\n',
  '\u00ad',
  "l'affaire",
  'l’affaire',
];

/** Characters that break naive text code. */
const SPECIALS = [
  '\u0000',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uD83D\uDE00', // 😀
  '👩‍👩‍👧',
  '🇫🇷',
  'e\u0301',
  '\u0301',
  '\u0301\u0302\u0303',
  'שלום',
  'مرحبا',
  '\u200f',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ufffd',
  '\r',
  '\t',
  '\u2028',
  '\u0085',
  'ǅ',
  'İ',
  'ß',
  'œ',
  'ﬁ',
];

const noise = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(...SPECIALS),
);

/** Arbitrary text, case vocabulary and Unicode noise interleaved. */
const hostileText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...VOCABULARY) }, noise), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

const RUNS = { numRuns: 300 };

function expectSpan(text: string, span: Span, sliced?: string): void {
  expect(span.start).toBeGreaterThanOrEqual(0);
  expect(span.start).toBeLessThanOrEqual(span.end);
  expect(span.end).toBeLessThanOrEqual(text.length);
  if (sliced !== undefined) expect(text.slice(span.start, span.end)).toBe(sliced);
}

function expectReport(text: string, report: TextReport): void {
  for (const m of report.mentions) expectSpan(text, m, m.text);
  for (const c of report.claims) expectSpan(text, c, c.text);
  for (const q of report.quotes) expectSpan(text, q, q.text);
}

describe('the engine on arbitrary Unicode', () => {
  it('checkText never throws, reports spans that slice the text, and is deterministic', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const report = checkText(engine, text);
        expectReport(text, report);
        expect(checkText(engine, text)).toEqual(report);
      }),
      RUNS,
    );
  });

  it('findMentions reports spans that slice the text, in order, deterministically', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const scan = findMentions(text);
        let last = 0;
        for (const m of scan.mentions) {
          expectSpan(text, m, m.text);
          expect(m.start).toBeGreaterThanOrEqual(last);
          last = m.end;
        }
        expect(findMentions(text)).toEqual(scan);
      }),
      RUNS,
    );
  });

  it('splitSentences gives trimmed, ordered, disjoint spans covering every non-space character', () => {
    fc.assert(
      fc.property(
        hostileText,
        fc.constantFrom('fr', 'en', 'und') as fc.Arbitrary<'fr'>,
        (text, language) => {
          const spans = splitSentences(text, language);
          let last = 0;
          for (const span of spans) {
            expectSpan(text, span);
            expect(span.start).toBeGreaterThanOrEqual(last);
            expect(span.end).toBeGreaterThan(span.start);
            expect(/\s/.test(text[span.start]!)).toBe(false);
            expect(/\s/.test(text[span.end - 1]!)).toBe(false);
            last = span.end;
          }
          // Outside the sentences, only white space.
          let outside = '';
          let at = 0;
          for (const span of spans) {
            outside += text.slice(at, span.start);
            at = span.end;
          }
          outside += text.slice(at);
          expect(outside.trim()).toBe('');
          expect(splitSentences(text, language)).toEqual(spans);
        },
      ),
      RUNS,
    );
  });

  it('normalizeText maps every offset back into the raw text, in order', () => {
    fc.assert(
      fc.property(hostileText, fc.nat(), fc.nat(), (raw, a, b) => {
        const normalized = normalizeText(raw);
        const { text, toRaw } = normalized;
        expect(toRaw.length).toBe(text.length + 1);
        for (let i = 0; i <= text.length; i++) {
          expect(toRaw[i]!).toBeLessThanOrEqual(raw.length);
          if (i > 0) expect(toRaw[i]!).toBeGreaterThanOrEqual(toRaw[i - 1]!);
        }
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        expectSpan(raw, toRawSpan(normalized, start, end));
        expect(normalizeText(raw)).toEqual(normalized);
        expect(fold(raw)).toBe(text);
      }),
      RUNS,
    );
  });

  it('foldSameLength keeps the length, and foldSameLengthWithSpaces agrees with it', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const folded = foldSameLength(text);
        expect(folded.length).toBe(text.length);
        expect(foldSameLengthWithSpaces(text).folded).toBe(folded);
      }),
      RUNS,
    );
  });

  it('folding agrees with folding one unit at a time, spaces included', () => {
    // The reference: each character's lower case (kept when longer), then each unit folded alone.
    const byUnit = (text: string) =>
      Array.from(text, (ch) => {
        const lower = ch.toLowerCase();
        const kept = lower.length === ch.length ? lower : ch;
        return Array.from({ length: kept.length }, (_, i) => foldSameLength(kept.charAt(i))).join(
          '',
        );
      }).join('');
    const spaced = fc
      .array(
        fc.constantFrom(' ', '\u00a0', '\u202f', '\u2009', '\t', '\n', '\u3000', 'É', 'a', 'ç'),
        {
          maxLength: 12,
        },
      )
      .map((units) => units.join(''));
    fc.assert(
      fc.property(fc.oneof(hostileText, spaced), (text) => {
        const { folded, plainSpaces } = foldSameLengthWithSpaces(text);
        expect(folded).toBe(byUnit(text));
        expect(plainSpaces).toBe(!/\s\s|[^\S ]/.test(folded));
      }),
      { numRuns: 1000 },
    );
  });

  it('extractVisibleText maps every text node entry into the text, from documents built from arbitrary text', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (a, b) => {
        // Arbitrary text as markup, and as the data of text nodes (what a page's script can make).
        const { document } = parseHTML(
          `<!doctype html><html><body><p>${a}</p><div>${b}</div></body></html>`,
        );
        const p = document.createElement('p');
        p.appendChild(document.createTextNode(a));
        const pre = document.createElement('pre');
        pre.appendChild(document.createTextNode(b));
        document.body.appendChild(p);
        document.body.appendChild(pre);
        const visible = extractVisibleText(document);
        let last = 0;
        for (const entry of visible.nodes) {
          expectSpan(visible.text, entry);
          expect(entry.start).toBeGreaterThanOrEqual(last);
          last = entry.end;
          const data = (entry.node as { data: string }).data;
          for (let k = 0; k < entry.runs.length; k += 2) {
            expect(entry.runs[k]!).toBeGreaterThanOrEqual(entry.start);
            expect(entry.runs[k]!).toBeLessThanOrEqual(entry.end);
            expect(entry.runs[k + 1]!).toBeGreaterThanOrEqual(0);
            expect(entry.runs[k + 1]!).toBeLessThanOrEqual(data.length);
          }
        }
        expect(extractVisibleText(document).text).toBe(visible.text);
        // And the engine on what was extracted.
        expectReport(visible.text, checkText(engine, visible.text));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the engine on one sentence holding thousands of values', () => {
  // The patterns that once made a sentence quadratic in its values: each,
  // repeated into one sentence of up to 40 KB, is checked whole, with valid
  // spans and no more checks than the sentence's first values can give.
  it('checks such a sentence with valid spans and a bounded number of checks', () => {
    const units = [
      '25 juin 2024 ',
      '23 051 procédures et ',
      '? ',
      'coco.gg ',
      'en France, en Bulgarie, ',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...units), fc.integer({ min: 1, max: 2000 }), (unit, count) => {
        const text = `Le site Coco a été fermé par la justice. ${unit.repeat(count)}`;
        const report = checkText(engine, text);
        expectReport(text, report);
        for (const claim of report.claims) {
          expect(claim.checks.length).toBeLessThanOrEqual(engine.facts.length);
          expect(new Set(claim.checks.map((c) => `${c.factId}:${c.verdict}`)).size).toBe(
            claim.checks.length,
          );
        }
      }),
      { numRuns: 25, seed: 7 },
    );
  }, 60_000);
});

describe('the engine on long texts', () => {
  const PARAGRAPH =
    'Le site coco.gg a été fermé le 25 juin 2024, selon le parquet de Paris. ' +
    'Selon le parquet, 32 051 procédures liées à Coco ont été ouvertes, et 480 victimes recensées. ' +
    '« Dans l’ensemble des procédures recensées, la plateforme coco a été utilisée spécifiquement pour son absence notoire de modération », a dit le parquet. ' +
    'Le site était immatriculé à Malte. 🇫🇷 שלום e\u0301 \u0000';

  const counts = (report: TextReport) => ({
    mentions: report.mentions.length,
    claims: report.claims.length,
    quotes: report.quotes.length,
    verdicts: report.claims.map((c) => c.verdict),
  });

  it('finds k times as much in a paragraph repeated k times (work grows with the text, not faster)', () => {
    const base = counts(checkText(engine, Array(2).fill(PARAGRAPH).join('\n\n')));
    expect(base.mentions).toBeGreaterThan(0);
    expect(base.claims).toBeGreaterThan(0);
    expect(base.quotes).toBeGreaterThan(0);
    for (const k of [4, 16, 64, 256]) {
      const text = Array(k).fill(PARAGRAPH).join('\n\n');
      const report = checkText(engine, text);
      expectReport(text, report);
      const got = counts(report);
      expect(got.mentions * 2).toBe(base.mentions * k);
      expect(got.claims * 2).toBe(base.claims * k);
      expect(got.quotes * 2).toBe(base.quotes * k);
      expect(got.verdicts).toEqual(
        Array(k / 2)
          .fill(base.verdicts)
          .flat(),
      );
    }
  });

  it('finds k times as many mentions and sentences in a text repeated k times', () => {
    const base = Array(2).fill(PARAGRAPH).join('\n\n');
    const mentions = findMentions(base).mentions.length;
    const sentences = splitSentences(base, 'fr').length;
    for (const k of [8, 128, 1024]) {
      const text = Array(k).fill(PARAGRAPH).join('\n\n');
      expect(findMentions(text).mentions.length * 2).toBe(mentions * k);
      expect(splitSentences(text, 'fr').length * 2).toBe(sentences * k);
    }
  });

  it('checks a ten-million-character text of case text and noise, with valid offsets', () => {
    // Deterministic noise: one fast-check sample with a fixed seed.
    const noiseBlock = fc
      .sample(fc.array(noise, { minLength: 200, maxLength: 200 }), { seed: 42, numRuns: 1 })[0]!
      .join('');
    const block = `${PARAGRAPH}\n${noiseBlock}\n\n`;
    const text = block.repeat(Math.ceil(10_000_000 / block.length)).slice(0, 10_000_000);
    expect(text.length).toBe(10_000_000);
    const report = checkText(engine, text);
    expect(report.mentions.length).toBeGreaterThan(0);
    expect(report.claims.length).toBeGreaterThan(0);
    expectReport(text, report);
  }, 120_000);
});
