import { describe, expect, it } from 'vitest';
import { ellipsisBoundaries, foldWord, splitWords } from '../../../lib/quotes/words.ts';

const keys = (text: string): string[] => splitWords(text).map((w) => w.key);

describe('splitWords', () => {
  it.each([
    ['case and accents', 'Île Guernesey ÉTÉ', ['ile', 'guernesey', 'ete']],
    [
      'elision, straight and typographic',
      "d'homicides l’ensemble",
      ['d', 'homicides', 'l', 'ensemble'],
    ],
    ['an elided word cut before its word', "avec l'", ['avec', 'l']],
    ['a modifier-letter apostrophe', 'dʼhomicides', ['d', 'homicides']],
    ['domains stay one word', 'coco.gg et Coco.fr.', ['coco.gg', 'et', 'coco.fr']],
    ['hyphens separate words', 'guet-apens COMCYBER-MI', ['guet', 'apens', 'comcyber', 'mi']],
    [
      'thousands with a space',
      'pas moins de 23 051 procédures',
      ['pas', 'moins', 'de', '23051', 'procedures'],
    ],
    ['thousands with a no-break space', '23\u00a0051 et 500\u202f000', ['23051', 'et', '500000']],
    ['thousands with a dot', 'plus de 23.000 procédures', ['plus', 'de', '23000', 'procedures']],
    ['a decimal comma', '3,5 millions', ['3,5', 'millions']],
    ['a phone number is not a grouped number', '06 07 18', ['06', '07', '18']],
    ['a year and a count stay apart', 'en 2024 480 victimes', ['en', '2024', '480', 'victimes']],
    ['ligatures', 'mettre en œuvre', ['mettre', 'en', 'oeuvre']],
    ['punctuation and quote marks', '« coco », (ONAF) ; “UNCyber”!', ['coco', 'onaf', 'uncyber']],
  ])('folds %s', (_label, text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it('keeps raw spans, across a grouped number and an elision', () => {
    const text = 'de 23\u00a0051 d’homicides';
    expect(splitWords(text).map((w) => text.slice(w.start, w.end))).toEqual([
      'de',
      '23\u00a0051',
      'd’',
      'homicides',
    ]);
  });

  it('stops after the limit, and reads only the range asked for', () => {
    expect(splitWords('un deux trois quatre', 0, 20, 2).map((w) => w.key)).toEqual(['un', 'deux']);
    expect(splitWords('un deux trois quatre', 3, 13).map((w) => w.key)).toEqual(['deux', 'trois']);
  });
});

describe('foldWord', () => {
  it('gives two spellings of the same word one key', () => {
    expect(foldWord('Pédocriminalité')).toBe(foldWord('pedocriminalite'));
    expect(foldWord('d’')).toBe(foldWord("d'"));
  });
});

describe('ellipsisBoundaries', () => {
  it.each([
    ['…', 'connu … voire', [0, 1, 0]],
    ['...', 'connu ... voire', [0, 1, 0]],
    ['[…]', 'connu […] voire', [0, 1, 0]],
    ['(...)', 'connu (...) voire', [0, 1, 0]],
    ['a leading ellipsis', '… voire', [1, 0]],
    ['no ellipsis', 'connu, voire', [0, 0, 0]],
  ])('marks %s', (_label, text, expected) => {
    expect([...ellipsisBoundaries(text, splitWords(text))]).toEqual(expected);
  });
});
