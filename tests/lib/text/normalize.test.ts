import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, normalizeText, toRawSpan } from '../../../lib/text/normalize.ts';

/** The raw text of the first match of `needle` (folded) in `raw`'s normalised text. */
function rawMatch(raw: string, needle: string): string | undefined {
  const normalized = normalizeText(raw);
  const folded = fold(needle);
  const at = normalized.text.indexOf(folded);
  if (at < 0) return undefined;
  const span = toRawSpan(normalized, at, at + folded.length);
  return raw.slice(span.start, span.end);
}

/** Checks the invariants of the offset map. */
function expectValidMap(raw: string): void {
  const { text, toRaw } = normalizeText(raw);
  expect(toRaw.length).toBe(text.length + 1);
  expect(toRaw[text.length]).toBe(raw.length);
  for (let i = 1; i < toRaw.length; i++) {
    if (toRaw[i]! < toRaw[i - 1]!) {
      throw new Error(`toRaw decreases at ${i}: ${toRaw[i - 1]} then ${toRaw[i]}`);
    }
  }
  for (const offset of toRaw) {
    if (offset > raw.length) throw new Error(`toRaw holds ${offset} past ${raw.length}`);
  }
}

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Characters that exercise every rule, mixed with plain letters. */
const tricky = fc.constantFrom(
  'a',
  'É',
  'e\u0301',
  'ß',
  'œ',
  '-',
  '\u2010',
  '\u00ad',
  ' ',
  '\u00a0',
  '\u202f',
  '\n',
  '\r\n',
  '\t',
  '\u200b',
  '\ufeff',
  '«',
  '’',
  '—',
  '\ud83d\ude31',
  '\ud800',
  '\udc00',
  '\u0000',
  'ש',
  '\u202e',
);

describe('normalizeText', () => {
  it.each([
    ['Le site a été FERMÉ', 'le site a ete ferme'],
    ['Façade, œuvre, Ægypte, Straße', 'facade, oeuvre, aegypte, strasse'],
    ['L’enquête ‘ouverte’ ʼici′ `là´', "l'enquete 'ouverte' 'ici' 'la'"],
    ['Le site « coco » a été fermé', 'le site " coco " a ete ferme'],
    ['“Mafia” „Plattform‟ ‹x› "y"', '"mafia" "plattform" "x" "y"'],
    ['notoire\u00a0absence\u202fde\tmodération', 'notoire absence de moderation'],
    ['23\u202f051 procédures', '23 051 procedures'],
    ['a\u2000b\u2005c\u200ad\u3000e', 'a b c d e'],
    ['  Le site\n\n\n  coco.gg  ', 'le site coco.gg'],
    ['co\u00adco\u200b.gg\u2060 \ufeffferme\u200c\u200d', 'coco.gg ferme'],
    ['2021–2024 — selon l’AFP ‒ x ― y − 1 ‐ z ‑ w', "2021-2024 - selon l'afp - x - y - 1 - z - w"],
    ['des procé-\ndures judiciaires', 'des procedures judiciaires'],
    ['des procé-\r\ndures judiciaires', 'des procedures judiciaires'],
    ['des procé-  \n   dures', 'des procedures'],
    ['des procé\u00ad\ndures', 'des procedures'],
    ['Jean-\nPierre', 'jean-pierre'],
    ['2023-\n2024', '2023- 2024'],
    ['fin -\nsuite', 'fin - suite'],
    ['guet-apens', 'guet-apens'],
    ['e\u0301te\u0301', 'ete'],
    ['ﬁn du ﬂux', 'fin du flux'],
    ['İstanbul ΣΟΦΙΑ', 'istanbul σοφια'],
    ['coco.gg fermé 😱 #Justice', 'coco.gg ferme 😱 #justice'],
    ['שלום \u202eעולם', 'שלום עולם'],
    ['x\u0000y\u0007z', 'xyz'],
    ['', ''],
    [' \n\t\u00a0', ''],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normalizeText(raw).text).toBe(expected);
  });

  it('maps each normalised character to the raw offset it comes from', () => {
    const raw = 'Œuvre  «\u00a0été\u00a0»';
    const { text, toRaw } = normalizeText(raw);
    expect(text).toBe('oeuvre " ete "');
    expect(Array.from(toRaw)).toEqual([0, 0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('keeps lone surrogates and maps an astral character to its first code unit', () => {
    const raw = 'a\ud800b😱c';
    const { text, toRaw } = normalizeText(raw);
    expect(text).toBe('a\ud800b😱c');
    expect(Array.from(toRaw)).toEqual([0, 1, 2, 3, 3, 5, 6]);
  });

  it('is linear on long runs of digits, spaces, quotes, dots and hyphens', () => {
    for (const run of ['1', ' ', '"', '.', '-', '-\n', 'a-\n ', '\u00ad']) {
      const raw = run.repeat(200_000);
      const started = performance.now();
      expectValidMap(raw);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  it('never throws and keeps the offset map valid, on any code units', () => {
    fc.assert(fc.property(fc.string({ unit: codeUnit, maxLength: 200 }), expectValidMap), {
      numRuns: 500,
    });
  });

  it('never throws and keeps the offset map valid, on any code points', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), expectValidMap), {
      numRuns: 500,
    });
  });

  it('never throws and keeps the offset map valid, on graphemes and tricky characters', () => {
    const text = fc.array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 3 })), {
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, (parts) => expectValidMap(parts.join(''))),
      { numRuns: 500 },
    );
  });
});

describe('toRawSpan', () => {
  const paragraph =
    'Dans l’ensemble des procédures recensées, la plateforme coco a été utilisée ' +
    'spécifiquement pour sa notoire\u00a0absence de modération.';

  it('slices back the raw text of a normalised match', () => {
    expect(rawMatch(paragraph, 'notoire absence de moderation')).toBe(
      'notoire\u00a0absence de modération',
    );
    expect(rawMatch(paragraph, "l'ensemble")).toBe('l’ensemble');
  });

  it.each([
    ['Le site « coco » a été fermé', '" coco "', '« coco »'],
    ['des procé-\ndures judiciaires', 'procedures', 'procé-\ndures'],
    ['des procé-\ndures judiciaires', 'proce', 'procé'],
    ['fermé le 25\u202fjuin 2024.', '25 juin', '25\u202fjuin'],
    ['  coco.gg  ', 'coco.gg', 'coco.gg'],
    ['une e\u0301tude', 'etude', 'e\u0301tude'],
    ['une étude', 'etude', 'étude'],
    ['Straße 5', 'strass', 'Straß'],
    ['Straße 5', 'stras', 'Straß'],
    ['bravo 😱 la police', '😱', '😱'],
    ['co\u200bco fermé', 'coco', 'co\u200bco'],
  ])('in %j, maps %j back to %j', (raw, needle, expected) => {
    expect(rawMatch(raw, needle)).toBe(expected);
  });

  it('gives an empty span for an empty range and clamps out-of-range offsets', () => {
    const normalized = normalizeText('  Le site');
    expect(toRawSpan(normalized, 3, 3)).toEqual({ start: 5, end: 5 });
    expect(toRawSpan(normalized, -5, 100)).toEqual({ start: 2, end: 9 });
  });

  it('works on a copy of the normalised text, a character per code unit', () => {
    const { text, toRaw } = normalizeText('Le site « coco »');
    const copy = { text, toRaw: Uint32Array.from(toRaw) };
    expect(toRawSpan(copy, 3, 7)).toEqual({ start: 3, end: 7 });
  });
});

describe('fold', () => {
  it.each([
    ['Gérald Darmanin', 'gerald darmanin'],
    ['JUNALCO', 'junalco'],
    ['l’Intérieur', "l'interieur"],
    ['  pédocriminalité ', 'pedocriminalite'],
    ['« plateforme mafieuse »', '" plateforme mafieuse "'],
  ])('folds %j to %j', (s, expected) => {
    expect(fold(s)).toBe(expected);
  });

  it('folds a dictionary entry and the page text alike', () => {
    const page = normalizeText('La plateforme COCO.GG a été fermée par l’UNCyber').text;
    expect(page.includes(fold('coco.gg'))).toBe(true);
    expect(page.includes(fold("l'UNCyber"))).toBe(true);
  });
});
