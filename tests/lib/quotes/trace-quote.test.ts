import { describe, expect, it } from 'vitest';
import {
  ALTERED_MIN_SIMILARITY,
  buildQuoteIndex,
  findUnmarkedCopies,
  MIN_PASSAGE_DENSITY,
  MIN_TRACED_WORDS,
  scorePassage,
  traceQuote,
  type QuoteTrace,
} from '../../../lib/quotes/trace-quote.ts';
import { BFM, BFM_ID, CASE_INDEX, naiveSentences, RELEASE, RELEASE_ID } from './case-sources.ts';

/** The release's paragraph of figures, verbatim. */
const RELEASE_PARAGRAPH = RELEASE.slice(
  RELEASE.indexOf('Le site coco.gg'),
  RELEASE.indexOf('de modération.') + 'de modération.'.length,
);
const PROCEEDINGS_SENTENCE =
  "Entre le 1er janvier 2021 et le 7 mai 2024, il ressort de l'exploitation des fichiers de police que pas moins de 23 051 procédures judiciaires en lien avec la plateforme coco ont été ouvertes.";
const PARQUETS_SENTENCE =
  "70 parquets sur l'ensemble du territoire national, ont transmis des procédures dont ils ont eu à connaître impliquant la plateforme coco.fr, au préjudice de 480 victimes.";

/** The passage a trace points to, read back from its source. */
function passage(trace: QuoteTrace): string {
  const text = trace.sourceId === RELEASE_ID ? RELEASE : BFM;
  return trace.sourceSpan ? text.slice(trace.sourceSpan.start, trace.sourceSpan.end) : '';
}

describe('traceQuote', () => {
  describe("on BFM's real quotations", () => {
    it.each([
      [
        'the release on coco.gg as a facilitator (typographic apostrophe in d’homicides)',
        'Le site coco.gg est connu depuis de nombreuses années comme étant un facilitateur de commission de diverses infractions, notamment des actes de pédocriminalité, de proxénétisme, de prostitution, de viols, de vente de stupéfiants, de guet-apens, voire d’homicides',
        RELEASE_ID,
      ],
      [
        'the release on the 70 parquets',
        '70 parquets sur l’ensemble du territoire national, ont transmis des procédures dont ils ont eu à connaître impliquant la plateforme coco.fr, au préjudice de 480 victimes',
        RELEASE_ID,
      ],
      [
        'the release on the first offence',
        "fourniture d'une plateforme en ligne pour permettre une transaction illicite en bande organisée",
        RELEASE_ID,
      ],
      [
        'the release on the second offence',
        'd’intermédiation ou séquestre, au moyen d’une plateforme en ligne',
        RELEASE_ID,
      ],
      [
        "the minister's post on X (only in the article)",
        'Les dirigeants de cette plateforme mafieuse ont été interpellés',
        BFM_ID,
      ],
      ["the minister's scare quote", 'cette plateforme mafieuse', BFM_ID],
      ["Le Monde's two words, quoted by the article", 'discret ingénieur', BFM_ID],
      ['one word of the release', 'coco', RELEASE_ID],
    ])('%s is exact', (_label, quote, sourceId) => {
      const trace = traceQuote(quote, CASE_INDEX);
      expect(trace).toMatchObject({ fidelity: 'exact', sourceId, changes: [], diff: '' });
      expect(trace.similarity).toBe(1);
      expect(trace.sourceText).toBe(passage(trace));
      expect(trace.alsoExactIn).toBeUndefined();
    });

    it('the offences with "d\'infractions" are altered against the release, and exact in the article', () => {
      const quote =
        "d'infractions relatives à la pédocriminalité, au proxénétisme aggravé, au blanchiment aggravé, et à l’association de malfaiteurs en vue de commettre ces infractions";
      const trace = traceQuote(quote, CASE_INDEX);
      expect(trace).toMatchObject({
        fidelity: 'altered',
        sourceId: RELEASE_ID,
        changes: [{ kind: 'changed', quote: "d'", source: 'les' }],
      });
      expect(trace.sourceText).toMatch(/^les infractions relatives .* commettre ces infractions$/);
      expect(trace.diff).toMatch(
        /^\[-les-\] \{\+d'\+\} infractions relatives à la pédocriminalité/,
      );
      expect(trace.alsoExactIn?.sourceId).toBe(BFM_ID);
      const span = trace.alsoExactIn?.sourceSpan ?? { start: 0, end: 0 };
      expect(BFM.slice(span.start, span.end)).toBe(quote);
    });

    it('"son absence notoire de modération" is altered, with the reorder shown as such', () => {
      const trace = traceQuote(
        'la plateforme coco a été utilisée spécifiquement pour son absence notoire de modération',
        CASE_INDEX,
      );
      expect(trace).toMatchObject({ fidelity: 'altered', sourceId: RELEASE_ID });
      expect(trace.changes).toEqual([
        { kind: 'changed', quote: 'son', source: 'sa' },
        { kind: 'reordered', quote: 'absence notoire', source: 'notoire absence' },
      ]);
      expect(trace.diff).toBe(
        'la plateforme coco a été utilisée spécifiquement pour [-sa-] {+son+} [~notoire absence → absence notoire~] de modération',
      );
      expect(trace.sourceText).toBe(
        'la plateforme coco a été utilisée spécifiquement pour sa notoire absence de modération',
      );
    });

    it.each([
      [
        'une absence notoire de modération',
        '[-sa-] {+une+} [~notoire absence → absence notoire~] de modération',
      ],
      ['absence notoire', '[~notoire absence → absence notoire~]'],
    ])(
      'the article\'s "%s" is altered against the release and exact in the article',
      (quote, diff) => {
        const trace = traceQuote(quote, CASE_INDEX);
        expect(trace).toMatchObject({ fidelity: 'altered', sourceId: RELEASE_ID, diff });
        expect(trace.changes.map((c) => c.kind)).toContain('reordered');
        expect(trace.alsoExactIn?.sourceId).toBe(BFM_ID);
      },
    );
  });

  it.each([
    ['…', 'Le site coco.gg est connu … voire d’homicides'],
    ['[…]', 'Le site coco.gg est connu depuis de nombreuses années […] voire d’homicides'],
    [
      '(...)',
      'il ressort de l’exploitation des fichiers de police (...) 23 051 procédures judiciaires',
    ],
  ])('treats words left out behind an ellipsis %s as acknowledged: exact', (_label, quote) => {
    const trace = traceQuote(quote, CASE_INDEX);
    expect(trace).toMatchObject({ fidelity: 'exact', sourceId: RELEASE_ID, diff: '', changes: [] });
    expect(trace.sourceText?.length).toBeGreaterThan(quote.length);
  });

  describe('altered quotations', () => {
    it.each([
      [
        'one figure changed (23 051 → 32 051)',
        PROCEEDINGS_SENTENCE.replace('23 051', '32 051'),
        [{ kind: 'changed', quote: '32 051', source: '23 051' }],
        'pas moins de [-23 051-] {+32 051+} procédures',
      ],
      [
        'a changed figure as the first word',
        '32 051 procédures judiciaires en lien avec la plateforme coco ont été ouvertes',
        [{ kind: 'changed', quote: '32 051', source: '23 051' }],
        '[-23 051-] {+32 051+} procédures judiciaires',
      ],
      [
        'words dropped',
        'il ressort des fichiers de police que pas moins de 23 051 procédures judiciaires ont été ouvertes',
        [
          { kind: 'dropped', source: "de l'exploitation" },
          { kind: 'dropped', source: 'en lien avec la plateforme coco' },
        ],
        "il ressort [-de l'exploitation-] des fichiers",
      ],
      [
        'words added',
        'Le site coco.gg est connu depuis de très nombreuses années comme étant un dangereux facilitateur de commission de diverses infractions',
        [
          { kind: 'added', quote: 'très' },
          { kind: 'added', quote: 'dangereux' },
        ],
        'depuis de {+très+} nombreuses années comme étant un {+dangereux+} facilitateur',
      ],
      [
        'words added after the sentence the quote copies',
        'pas moins de 23 051 procédures judiciaires en lien avec la plateforme coco ont été ouvertes selon Mediapart',
        [{ kind: 'added', quote: 'selon Mediapart' }],
        'ont été ouvertes {+selon Mediapart+}',
      ],
      [
        'words reordered',
        'la plateforme coco a été utilisée spécifiquement pour sa absence notoire de modération',
        [{ kind: 'reordered', quote: 'absence notoire', source: 'notoire absence' }],
        'pour sa [~notoire absence → absence notoire~] de modération',
      ],
      [
        'a figure changed after an acknowledged omission',
        'Entre le 1er janvier 2021 et le 7 mai 2024 (...) pas moins de 32 051 procédures judiciaires',
        [{ kind: 'changed', quote: '32 051', source: '23 051' }],
        'et le 7 mai 2024 […] pas moins de [-23 051-] {+32 051+} procédures judiciaires',
      ],
      [
        'a long copy with one figure changed (480 → 840 victimes)',
        RELEASE_PARAGRAPH.replace('480 victimes', '840 victimes'),
        [{ kind: 'changed', quote: '840', source: '480' }],
        'au préjudice de [-480-] {+840+} victimes',
      ],
    ])('%s', (_label, quote, changes, diffPart) => {
      const trace = traceQuote(quote, CASE_INDEX);
      expect(trace).toMatchObject({ fidelity: 'altered', sourceId: RELEASE_ID, changes });
      expect(trace.diff).toContain(diffPart);
      expect(trace.similarity).toBeGreaterThanOrEqual(ALTERED_MIN_SIMILARITY);
      expect(trace.sourceText).toBe(passage(trace));
      expect(trace.alsoExactIn).toBeUndefined();
    });
  });

  describe('unsourced quotations', () => {
    it.each([
      [
        'an invented quote',
        "Nous avons démantelé un réseau criminel d'une ampleur inédite sur l'ensemble du territoire",
      ],
      [
        "an English translation of the release's first sentence on coco.gg",
        'The coco.gg website has been known for many years as a facilitator of various offences, including acts of child sexual abuse, pimping, prostitution, rape, drug dealing, ambushes and even homicides',
      ],
      [
        "an English translation of the release's figures",
        'Between 1 January 2021 and 7 May 2024, no fewer than 23,051 judicial proceedings linked to the coco platform were opened',
      ],
      [
        'a French paraphrase of the figures',
        'Selon le parquet, plus de 23 000 procédures ont visé la plateforme entre 2021 et 2024',
      ],
      [
        'a French sentence about the case',
        'Le site de la plateforme a été fermé par la justice en France et en Allemagne',
      ],
      ['two words that are not verbatim', 'ingénieur discret'],
      ['a short scare quote no source uses', 'plateforme criminelle'],
      ['one word no source uses', 'honteux'],
      ['no word at all', ' … ; « » '],
      ['nothing', ''],
    ])('%s', (_label, quote) => {
      const trace = traceQuote(quote, CASE_INDEX);
      expect(trace).toMatchObject({ fidelity: 'unsourced', changes: [], diff: '', score: 0 });
      expect(trace.sourceId).toBeUndefined();
      expect(trace.similarity).toBeLessThan(ALTERED_MIN_SIMILARITY);
    });

    it(`does not trace quotes of fewer than ${MIN_TRACED_WORDS} words fuzzily`, () => {
      expect(traceQuote('23 051 procédures', CASE_INDEX).fidelity).toBe('exact');
      expect(traceQuote('32 051 procédures', CASE_INDEX).fidelity).toBe('unsourced');
    });
  });

  describe('scores', () => {
    it('more similar scores higher: one word changed beats three', () => {
      const one = traceQuote(PARQUETS_SENTENCE.replace('480', '840'), CASE_INDEX);
      const three = traceQuote(
        PARQUETS_SENTENCE.replace('480', '840').replace('70', '17').replace('national', 'européen'),
        CASE_INDEX,
      );
      expect(one.fidelity).toBe('altered');
      expect(three.fidelity).toBe('altered');
      expect(one.similarity).toBeGreaterThan(three.similarity);
      expect(one.score).toBeGreaterThan(three.score);
      const exact = traceQuote(PARQUETS_SENTENCE, CASE_INDEX);
      expect(exact.score).toBeGreaterThan(one.score);
    });

    it('a reorder costs less than a changed word', () => {
      const reordered = traceQuote(
        'utilisée spécifiquement pour sa absence notoire de modération',
        CASE_INDEX,
      );
      const changed = traceQuote(
        'utilisée spécifiquement pour sa totale absence de modération',
        CASE_INDEX,
      );
      expect(reordered.fidelity).toBe('altered');
      expect(changed.fidelity).toBe('altered');
      expect(reordered.score).toBeGreaterThan(changed.score);
    });

    it('primary preferred over press at equal alignment', () => {
      const sentence =
        'La plateforme a été fermée le 25 juin 2024 par les autorités judiciaires françaises.';
      const index = buildQuoteIndex([
        { id: 'press', standing: 'press', text: `Un article. ${sentence} Fin de l'article.` },
        { id: 'primary', standing: 'primary', text: `Communiqué. ${sentence} Fin du communiqué.` },
      ]);
      expect(traceQuote(sentence, index).sourceId).toBe('primary');
      const altered = traceQuote(sentence.replace('25 juin', '26 juin'), index);
      expect(altered).toMatchObject({ fidelity: 'altered', sourceId: 'primary' });

      const features = { similarity: 0.8, order: 1, density: 1 };
      expect(scorePassage({ ...features, standing: 'primary' })).toBeGreaterThan(
        scorePassage({ ...features, standing: 'press' }),
      );
    });

    it('any qualifying primary passage outranks any press passage', () => {
      const weakestPrimary = scorePassage({
        similarity: ALTERED_MIN_SIMILARITY,
        order: 0,
        density: MIN_PASSAGE_DENSITY,
        standing: 'primary',
      });
      const exactPress = scorePassage({ similarity: 1, order: 1, density: 1, standing: 'press' });
      expect(weakestPrimary).toBeGreaterThan(exactPress);
    });

    it.each([
      ['in order beats reordered', { order: 1 }, { order: 0.5 }],
      ['a tight passage beats a scattered one', { density: 1 }, { density: 0.6 }],
    ])('at equal similarity, %s', (_label, better, worse) => {
      const base = { similarity: 0.9, order: 1, density: 1, standing: 'primary' as const };
      expect(scorePassage({ ...base, ...better })).toBeGreaterThan(
        scorePassage({ ...base, ...worse }),
      );
    });
  });

  describe('large inputs', () => {
    it('traces a 50-word copy with a changed figure as altered', () => {
      const quote = RELEASE_PARAGRAPH.split(' ')
        .slice(20, 70)
        .join(' ')
        .replace('23 051', '32 051');
      expect(traceQuote(quote, CASE_INDEX).fidelity).toBe('altered');
    });

    it('gives up on a megabyte between one pair of quote marks (unsourced, not a hang)', () => {
      const huge = `${RELEASE_PARAGRAPH} `.repeat(Math.ceil(1_000_000 / RELEASE_PARAGRAPH.length));
      expect(traceQuote(huge, CASE_INDEX).fidelity).toBe('unsourced');
    });
  });
});

describe('findUnmarkedCopies', () => {
  const repost = (body: string): string =>
    `🚨 Fermeture de Coco : ce que dit vraiment le parquet. ${body} Partagez avant que ce soit supprimé !`;

  it("finds a repost that copies the release's paragraph without quote marks: exact", () => {
    const text = repost(`${PROCEEDINGS_SENTENCE} ${PARQUETS_SENTENCE}`);
    const copies = findUnmarkedCopies(text, naiveSentences(text), CASE_INDEX);
    expect(copies).toHaveLength(2);
    const [first, second] = copies;
    expect(first?.quote.marks).toBe('unmarked');
    expect(text.slice(first!.quote.inner.start, first!.quote.inner.end)).toBe(
      PROCEEDINGS_SENTENCE.slice(0, -1),
    );
    expect(first?.trace).toMatchObject({ fidelity: 'exact', sourceId: RELEASE_ID });
    expect(second?.trace).toMatchObject({ fidelity: 'exact', sourceId: RELEASE_ID });
  });

  it('finds the same repost with "32 051": altered', () => {
    const text = repost(PROCEEDINGS_SENTENCE.replace('23 051', '32 051'));
    const copies = findUnmarkedCopies(text, naiveSentences(text), CASE_INDEX);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.trace).toMatchObject({
      fidelity: 'altered',
      sourceId: RELEASE_ID,
      changes: [{ kind: 'changed', quote: '32 051', source: '23 051' }],
    });
  });

  it.each([
    [
      'a news sentence about the case',
      'Le site Coco, fermé le 25 juin 2024 par la justice, était connu pour de nombreuses affaires de pédocriminalité et de proxénétisme.',
    ],
    [
      'a news sentence that reuses the period and figure in its own words',
      'Entre le 1er janvier 2021 et le 7 mai 2024, plus de 23 000 procédures ont été ouvertes en lien avec le site, selon le parquet.',
    ],
    ['a fragment shorter than MIN_UNMARKED_WORDS copied verbatim', 'Fermé le 25 juin 2024.'],
  ])('does not report %s', (_label, text) => {
    expect(findUnmarkedCopies(text, naiveSentences(text), CASE_INDEX)).toEqual([]);
  });

  it('reports the release’s shortest sentence copied verbatim, as reposts of the release do', () => {
    const text = 'Les opérations ont été coordonnées avec Eurojust.';
    const copies = findUnmarkedCopies(text, naiveSentences(text), CASE_INDEX);
    expect(copies.map((c) => c.trace.fidelity)).toEqual(['exact']);
  });

  it('ignores sentence spans outside the text', () => {
    const text = PROCEEDINGS_SENTENCE;
    const copies = findUnmarkedCopies(text, [{ start: -10, end: text.length + 10 }], CASE_INDEX);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.quote).toMatchObject({ start: 0, end: text.length });
  });
});
