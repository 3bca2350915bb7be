import { beforeAll, describe, expect, it } from 'vitest';
import { checkText, createEngine } from '../../../lib/check-text.ts';
import { SourceListSchema, type SourceMeta } from '../../../lib/facts/schema.ts';
import { historyEntryFrom, type HistoryEntry } from '../../../lib/history/entry.ts';
import {
  CLAIM_REVIEW_AUTHOR,
  historyToClaimReview,
  type ClaimReviewNode,
} from '../../../lib/history/export-claim-review.ts';
import { readSeedJson, seedPack } from '../../helpers/seed-files.ts';

const GENERATED_AT = new Date('2026-03-05T12:00:00Z');
const SOURCES = SourceListSchema.parse(readSeedJson('sources.json'));

let page: HistoryEntry;
let pasted: HistoryEntry;
beforeAll(async () => {
  const { pack, sources } = await seedPack();
  const engine = createEngine(pack.facts, sources);
  page = historyEntryFrom(
    checkText(
      engine,
      [
        'Coco fermé : selon le parquet, 32 051 procédures liées à Coco ont été ouvertes.',
        'Le site Coco a été fermé le 25 juin 2024.',
        'Le site de tchat Coco attirait 800 000 visiteurs par mois.',
        'La plateforme Coco était immatriculée à Malte.',
      ].join('\n'),
    ),
    {
      url: 'https://forum.example.org/t/coco-ferme/1234',
      title: 'Coco fermé : le fil',
      kind: 'page',
      checkedAt: new Date('2026-03-01T10:00:00Z'),
    },
  );
  pasted = historyEntryFrom(
    checkText(engine, 'The Coco chat site was shut down on July 25, 2024.'),
    { url: '', title: 'Pasted text', kind: 'text', checkedAt: new Date('2026-03-02T09:00:00Z') },
  );
});

/** The document as a consumer reads it: serialised and parsed back. */
function exported(entries: HistoryEntry[], sources: SourceMeta[] = SOURCES) {
  const document = historyToClaimReview(entries, sources, { generatedAt: GENERATED_AT });
  const parsed = JSON.parse(JSON.stringify(document)) as {
    '@context': string;
    '@graph': ClaimReviewNode[];
  };
  expect(parsed).toEqual(document);
  return parsed;
}

describe('historyToClaimReview', () => {
  it('is a schema.org JSON-LD graph with one review per decided claim, none for unverified ones', () => {
    const document = exported([page, pasted]);
    expect(document['@context']).toBe('https://schema.org');
    const graph = document['@graph'];
    expect(page.results.claims.map((c) => c.verdict)).toEqual([
      'contradicted',
      'supported',
      'unverified',
      'contradicted',
    ]);
    expect(graph.map((r) => r.claimReviewed)).toEqual([
      page.results.claims[0]!.text,
      page.results.claims[1]!.text,
      page.results.claims[3]!.text,
      pasted.results.claims[0]!.text,
    ]);
    expect(graph.some((r) => r.claimReviewed.includes('800 000 visiteurs'))).toBe(false);
  });

  it('gives every review the properties ClaimReview consumers require', () => {
    for (const review of exported([page, pasted])['@graph']) {
      expect(review).toMatchObject({
        '@type': 'ClaimReview',
        claimReviewed: expect.any(String),
        datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        sdDatePublished: '2026-03-05T12:00:00.000Z',
        author: { '@type': 'Organization', name: CLAIM_REVIEW_AUTHOR },
        reviewRating: { '@type': 'Rating', bestRating: 5, worstRating: 1 },
        reviewBody: expect.any(String),
        itemReviewed: { '@type': 'Claim', appearance: [expect.any(Object)] },
      });
      expect(review.itemReviewed).not.toHaveProperty('author');
    }
  });

  it('rates a contradicted claim 1 and a supported one 5, named in English', () => {
    const [contradicted, supported] = exported([page])['@graph'];
    expect(contradicted?.reviewRating).toMatchObject({
      ratingValue: 1,
      alternateName: 'Contradicted',
    });
    expect(contradicted?.reviewBody).toBe('32,051 stated; the sources say 23,051');
    expect(contradicted?.datePublished).toBe('2026-03-01T10:00:00.000Z');
    expect(supported?.reviewRating).toMatchObject({ ratingValue: 5, alternateName: 'Supported' });
  });

  it('cites the source passage with its title, publisher and date, and invents no address', () => {
    const graph = exported([page])['@graph'];
    expect(graph[0]?.citation).toEqual({
      '@type': 'CreativeWork',
      name: 'Communiqué de presse : fermeture du site « coco »',
      publisher: { '@type': 'Organization', name: 'Parquet de Paris (JUNALCO)' },
      datePublished: '2024-06-25',
      text: page.results.claims[0]!.evidence!.exact,
    });
    // The press source has an author, and says so.
    expect(graph[2]?.citation).toMatchObject({
      publisher: { name: 'BFM (Tech&Co)' },
      author: { '@type': 'Person', name: 'Thomas Leroy' },
    });
    const json = JSON.stringify(graph.map((r) => r.citation));
    expect(json).not.toMatch(/"url"|https?:/);
  });

  it('points at the page for a page, and carries the claim itself for pasted text', () => {
    const graph = exported([page, pasted])['@graph'];
    expect(graph[0]?.itemReviewed).toEqual({
      '@type': 'Claim',
      appearance: [
        {
          '@type': 'CreativeWork',
          url: 'https://forum.example.org/t/coco-ferme/1234',
          name: 'Coco fermé : le fil',
        },
      ],
      inLanguage: 'fr',
    });
    expect(graph[3]?.itemReviewed).toEqual({
      '@type': 'Claim',
      appearance: [{ '@type': 'CreativeWork', text: pasted.results.claims[0]!.text }],
      inLanguage: 'en',
    });
  });

  it('names a source missing from the list by its id only', () => {
    const graph = exported([page], [])['@graph'];
    expect(graph[0]?.citation).toEqual({
      '@type': 'CreativeWork',
      identifier: 'parquet-paris-communique-2024-06-25',
      text: page.results.claims[0]!.evidence!.exact,
    });
  });

  it('gives an empty graph for no entries, and refuses an invalid generation date', () => {
    expect(exported([])['@graph']).toEqual([]);
    expect(() => historyToClaimReview([page], SOURCES, { generatedAt: new Date('x') })).toThrow(
      RangeError,
    );
  });
});
