import { describe, expect, it } from 'vitest';
import { findQuotes, type QuoteSpan } from '../../../lib/quotes/find-quotes.ts';
import { BFM } from './case-sources.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** Each quotation as `[marks, inner text]`. */
function inners(text: string): [QuoteSpan['marks'], string][] {
  return findQuotes(text).map((q) => [q.marks, text.slice(q.inner.start, q.inner.end)]);
}

describe('findQuotes', () => {
  it.each([
    [
      'guillemets with no-break spaces inside',
      `Le parquet dénonce une «${NBSP}notoire absence de modération${NBSP}» sur le site.`,
      [['guillemets', 'notoire absence de modération']],
    ],
    [
      'guillemets with narrow no-break spaces inside',
      `Selon le communiqué, le site était un «${NNBSP}facilitateur${NNBSP}» d'infractions.`,
      [['guillemets', 'facilitateur']],
    ],
    [
      'guillemets with plain spaces',
      'Le site « coco » a été fermé le 25 juin 2024.',
      [['guillemets', 'coco']],
    ],
    [
      'curly quotes',
      'The minister called it “cette plateforme mafieuse” on X.',
      [['curly', 'cette plateforme mafieuse']],
    ],
    [
      'straight quotes',
      'Gérald Darmanin: "Les dirigeants de cette plateforme mafieuse ont été interpellés".',
      [['straight', 'Les dirigeants de cette plateforme mafieuse ont été interpellés']],
    ],
    [
      'several quotations in order, of different kinds',
      'Un "discret ingénieur", une « absence notoire » et “70 parquets”.',
      [
        ['straight', 'discret ingénieur'],
        ['guillemets', 'absence notoire'],
        ['curly', '70 parquets'],
      ],
    ],
    [
      'an apostrophe inside a quotation is not a quote mark',
      `Des actes "de guet-apens, voire d'homicides" selon le parquet.`,
      [['straight', "de guet-apens, voire d'homicides"]],
    ],
    [
      'a typographic apostrophe inside guillemets',
      'Il cite « voire d’homicides » et « l’ensemble du territoire ».',
      [
        ['guillemets', 'voire d’homicides'],
        ['guillemets', 'l’ensemble du territoire'],
      ],
    ],
    [
      'a quotation spanning a line break',
      'Le parquet écrit : « Le site coco.gg est connu\ndepuis de nombreuses années » dans son communiqué.',
      [['guillemets', 'Le site coco.gg est connu\ndepuis de nombreuses années']],
    ],
  ] as const)('finds %s', (_label, text, expected) => {
    expect(inners(text)).toEqual(expected);
  });

  it.each([
    [
      'curly inside guillemets',
      '« Le ministre a parlé d’une “plateforme mafieuse” ce matin »',
      [['guillemets', 'Le ministre a parlé d’une “plateforme mafieuse” ce matin']],
    ],
    [
      'straight inside guillemets',
      'Il écrit « une "absence notoire" de modération » hier.',
      [['guillemets', 'une "absence notoire" de modération']],
    ],
    [
      'guillemets inside guillemets',
      '« Le site « coco » a été fermé » dit le parquet.',
      [['guillemets', 'Le site « coco » a été fermé']],
    ],
    [
      'straight inside straight',
      'Le post disait "le parquet parle de "plateforme mafieuse" ce matin" puis rien.',
      [['straight', 'le parquet parle de "plateforme mafieuse" ce matin']],
    ],
  ] as const)('reports nested quotations at the outermost level: %s', (_label, text, expected) => {
    expect(inners(text)).toEqual(expected);
  });

  it.each([
    ['an opening guillemet never closed', 'Le signe « ouvre une citation qui ne finit pas.', []],
    ['a closing guillemet never opened', 'Une fin de citation » sans début.', []],
    ['a curly closer alone', 'Un guillemet fermant ” perdu.', []],
    ['an inch mark', 'Un écran 15" suffit pour lire le communiqué.', []],
    [
      'a stray guillemet before a balanced pair',
      'Le signe « est un guillemet ; il a dit « bonjour » ensuite.',
      [['guillemets', 'bonjour']],
    ],
    [
      'a stray straight quote after a balanced pair',
      'Il a parlé de "plateforme mafieuse" puis un " seul.',
      [['straight', 'plateforme mafieuse']],
    ],
    ['marks around nothing', 'Des guillemets vides « » et " " ne citent rien.', []],
    ['marks around punctuation only', 'Une pause « … » dans le texte.', []],
  ] as const)('ignores unbalanced or empty marks: %s', (_label, text, expected) => {
    expect(inners(text)).toEqual(expected);
  });

  it('returns spans that include the marks and inner spans that exclude them', () => {
    const text = `Le parquet : «${NBSP}pas moins de 23${NBSP}051 procédures${NBSP}».`;
    const [quote] = findQuotes(text);
    expect(quote).toBeDefined();
    expect(text.slice(quote!.start, quote!.end)).toBe(
      `«${NBSP}pas moins de 23${NBSP}051 procédures${NBSP}»`,
    );
    expect(text.slice(quote!.inner.start, quote!.inner.end)).toBe(
      `pas moins de 23${NBSP}051 procédures`,
    );
  });

  it("finds every quotation in BFM's article, in order", () => {
    expect(inners(BFM).map(([, inner]) => inner.slice(0, 40))).toEqual([
      'cette plateforme mafieuse',
      'Les dirigeants de cette plateforme mafie',
      'Le site coco.gg est connu depuis de nomb',
      '70 parquets sur l’ensemble du territoire',
      'absence notoire',
      'discret ingénieur',
      "fourniture d'une plateforme en ligne pou",
      'd’intermédiation ou séquestre, au moyen ',
      "d'infractions relatives à la pédocrimina",
      'discret ingénieur',
    ]);
  });

  // A quadratic pass would run for minutes here and hit the test timeout;
  // speed itself is measured by `npm run bench`, not asserted.
  it.each([
    ['a megabyte of opening guillemets', '«'.repeat(1_000_000)],
    ['a megabyte of straight quotes', '"'.repeat(1_000_000)],
    ['a megabyte of mixed marks and spaces', '« " “ '.repeat(170_000)],
  ])('finishes on %s, with every quotation inside the text', (_label, text) => {
    for (const quote of findQuotes(text)) {
      expect(quote.start).toBeGreaterThanOrEqual(0);
      expect(quote.end).toBeLessThanOrEqual(text.length);
      expect(quote.inner.start).toBeLessThanOrEqual(quote.inner.end);
    }
  });

  it('reads one quotation the size of a megabyte', () => {
    const text = `« ${'mot '.repeat(250_000)}»`;
    expect(findQuotes(text)).toEqual([
      {
        start: 0,
        end: text.length,
        inner: { start: 2, end: text.length - 2 },
        marks: 'guillemets',
      },
    ]);
  });
});
