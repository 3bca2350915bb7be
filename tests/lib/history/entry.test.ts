import { beforeAll, describe, expect, it } from 'vitest';
import { checkText, createEngine, type Engine, type TextReport } from '../../../lib/check-text.ts';
import {
  decisiveCheck,
  HISTORY_ENTRY_LIMITS,
  HISTORY_TEXT_MAX,
  historyEntryFrom,
  truncateText,
} from '../../../lib/history/entry.ts';
import { seedPack } from '../../helpers/seed-files.ts';

let engine: Engine;
beforeAll(async () => {
  const { pack, sources } = await seedPack();
  engine = createEngine(pack.facts, sources);
});

/** A short post mixing a false figure, a true date, an unverifiable claim and an altered quotation. */
const POST = [
  'Coco fermé : selon le parquet, 32 051 procédures liées à Coco ont été ouvertes.',
  'Le site Coco a été fermé le 25 juin 2024.',
  'Le site de tchat Coco attirait 800 000 visiteurs par mois.',
  '« Coco est un site dangereux », dit-il.',
].join('\n');

const META = {
  url: 'https://forum.example.org/t/coco-ferme/1234',
  title: 'Coco fermé : le fil',
  kind: 'page' as const,
  checkedAt: new Date('2026-03-01T10:00:00Z'),
};

describe('historyEntryFrom', () => {
  it('keeps each claim with the fact and passage its verdict rests on, and counts verdicts', () => {
    const report = checkText(engine, POST);
    const entry = historyEntryFrom(report, META);

    expect(entry).toMatchObject({
      url: META.url,
      title: META.title,
      kind: 'page',
      language: 'fr',
      checkedAt: '2026-03-01T10:00:00.000Z',
      counts: { supported: 1, contradicted: 1, unverified: 2 },
    });
    // The quotation's sentence is about the case too, and nothing speaks to it.
    expect(entry.results.claims).toHaveLength(4);
    expect(entry.id).toBeUndefined();
    const [false_, true_, unknown] = entry.results.claims;
    expect(false_).toMatchObject({
      verdict: 'contradicted',
      factId: 'proceedings-2021-2024',
      reason: '32,051 stated; the sources say 23,051',
      evidence: { sourceId: 'parquet-paris-communique-2024-06-25' },
    });
    expect(false_?.evidence?.exact).toContain('23 051');
    expect(true_).toMatchObject({ verdict: 'supported', factId: 'shutdown-date' });
    expect(unknown?.verdict).toBe('unverified');
    expect(unknown).not.toHaveProperty('factId');
    expect(unknown).not.toHaveProperty('evidence');
  });

  it('keeps quotations with their fidelity, source and difference, and nothing else of the report', () => {
    const entry = historyEntryFrom(checkText(engine, POST), META);
    expect(entry.results.quotes).toEqual([
      {
        text: 'Coco est un site dangereux',
        fidelity: 'altered',
        sourceId: 'bfm-techco-fermeture-coco-2024-06-25',
        diff: expect.stringContaining('dangereux'),
      },
    ]);
    expect(Object.keys(entry.results).sort()).toEqual(['claims', 'quotes']);
    // The stored entry is plain data: it survives structured cloning unchanged.
    expect(structuredClone(entry)).toEqual(entry);
  });

  it('records pasted text with an empty address', () => {
    const entry = historyEntryFrom(
      checkText(engine, 'The Coco chat site was shut down on June 25, 2024.'),
      {
        url: '',
        title: 'Texte collé',
        kind: 'text',
        checkedAt: META.checkedAt,
      },
    );
    expect(entry).toMatchObject({ url: '', kind: 'text', language: 'en' });
    expect(entry.counts.supported).toBe(1);
  });

  it('gives an empty entry for a page that is not about the case', () => {
    const entry = historyEntryFrom(checkText(engine, 'Recette : la noix de coco râpée.'), META);
    expect(entry.results).toEqual({ claims: [], quotes: [] });
    expect(entry.counts).toEqual({ supported: 0, contradicted: 0, unverified: 0 });
  });

  it('cuts every text to 2 000 characters', () => {
    const long = `Coco fermé : selon le parquet, 32 051 procédures ont été ouvertes ${'et encore '.repeat(400)}`;
    const report: TextReport = checkText(engine, long);
    const entry = historyEntryFrom(report, { ...META, title: 'T'.repeat(5000) });
    expect(report.claims[0]!.text.length).toBeGreaterThan(HISTORY_TEXT_MAX);
    expect(entry.results.claims[0]!.text).toHaveLength(HISTORY_TEXT_MAX);
    expect(entry.results.claims[0]!.text.endsWith('…')).toBe(true);
    expect(entry.title).toHaveLength(HISTORY_TEXT_MAX);
  });

  it('keeps at most a hundred claims of a huge page, contradicted ones first, and counts them all', () => {
    const lines: string[] = [];
    for (let i = 0; i < 150; i++)
      lines.push(`Le parquet de Paris a fermé le site Coco le 25 juin 2024 (note ${i}).`);
    for (let i = 0; i < 30; i++)
      lines.push(`Le parquet de Paris a fermé le site Coco le 25 juillet 2024 (note ${i}).`);
    const report = checkText(engine, lines.join('\n'));
    const contradicted = report.claims.filter((c) => c.verdict === 'contradicted').length;
    expect(contradicted).toBe(30);
    const entry = historyEntryFrom(report, META);
    expect(entry.results.claims).toHaveLength(HISTORY_ENTRY_LIMITS.claims);
    expect(entry.results.claims.filter((c) => c.verdict === 'contradicted')).toHaveLength(30);
    // Kept in page order: the supported claims (before them on the page) come first.
    expect(entry.results.claims[0]!.verdict).toBe('supported');
    expect(entry.counts.contradicted + entry.counts.supported).toBe(report.claims.length);
    expect(entry.omitted).toEqual({ claims: report.claims.length - 100, quotes: 0 });
  });

  it('stops within its character budget however long each claim is', () => {
    const long = `Le parquet de Paris a fermé le site Coco le 25 juin 2024 ${'et encore '.repeat(300)}`;
    const report = checkText(engine, Array.from({ length: 80 }, () => `${long}.`).join('\n'));
    expect(report.claims.length).toBe(80);
    const entry = historyEntryFrom(report, META);
    expect(JSON.stringify(entry.results).length).toBeLessThan(
      HISTORY_ENTRY_LIMITS.characters * 1.2,
    );
    expect(entry.results.claims.length).toBeGreaterThan(10);
    expect(entry.omitted?.claims).toBe(80 - entry.results.claims.length);
  });

  it('records no omission when everything is kept', () => {
    expect(historyEntryFrom(checkText(engine, POST), META).omitted).toBeUndefined();
  });

  it('rejects an invalid check time', () => {
    expect(() =>
      historyEntryFrom(checkText(engine, POST), { ...META, checkedAt: new Date('nope') }),
    ).toThrow(RangeError);
  });
});

describe('truncateText', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['a longer sentence', 8, 'a longe…'],
    // Never half an emoji: the cut moves before the surrogate pair.
    ['ab😀cd', 4, 'ab…'],
  ])('cuts %j to %i characters', (text, max, expected) => {
    expect(truncateText(text, max)).toBe(expected);
  });
});

describe('decisiveCheck', () => {
  const evidence = { sourceId: 's', exact: 'x', start: 0, end: 1 };
  it('picks the first check with the claim’s verdict, not merely the first check', () => {
    const checks = [
      {
        factId: 'a',
        verdict: 'supported' as const,
        reason: 'a',
        reasons: { fr: 'a', en: 'a' },
        evidence,
      },
      {
        factId: 'b',
        verdict: 'contradicted' as const,
        reason: 'b',
        reasons: { fr: 'b', en: 'b' },
        evidence,
      },
    ];
    expect(decisiveCheck({ verdict: 'contradicted', checks })?.factId).toBe('b');
    expect(decisiveCheck({ verdict: 'supported', checks })?.factId).toBe('a');
    expect(decisiveCheck({ verdict: 'unverified', checks: [] })).toBeUndefined();
  });
});
