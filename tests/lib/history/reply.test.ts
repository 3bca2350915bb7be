import { beforeAll, describe, expect, it } from 'vitest';
import { checkText, createEngine, type Engine } from '../../../lib/check-text.ts';
import type { ClaimResult } from '../../../lib/claims/check-claim.ts';
import type { Fact, Source, SourceMeta } from '../../../lib/facts/schema.ts';
import { historyEntryFrom, type HistoryClaim } from '../../../lib/history/entry.ts';
import { correctionReply, REPLY_MAX_LENGTH } from '../../../lib/history/reply.ts';
import { seedPack } from '../../helpers/seed-files.ts';

let engine: Engine;
let sources: Map<string, Source>;
let release: Source;
let facts: Map<string, Fact>;
beforeAll(async () => {
  const seeds = await seedPack();
  facts = new Map(seeds.pack.facts.map((f) => [f.id, f]));
  engine = createEngine(seeds.pack.facts, seeds.sources);
  sources = new Map(seeds.sources.map((s) => [s.id, s]));
  release = seeds.sources.find((s) => s.standing === 'primary')!;
});

/** The first claim the engine reports for a text. */
function claimOf(text: string): ClaimResult {
  const claim = checkText(engine, text).claims[0];
  if (!claim) throw new Error(`no claim in ${JSON.stringify(text)}`);
  return claim;
}

/** The same claim as the history keeps it. */
function historyClaimOf(text: string): HistoryClaim {
  const entry = historyEntryFrom(checkText(engine, text), {
    url: 'https://example.org/post',
    title: 'Post',
    kind: 'page',
    checkedAt: new Date('2026-03-01T10:00:00Z'),
  });
  return entry.results.claims[0]!;
}

function sourceOf(claim: HistoryClaim): SourceMeta | undefined {
  return claim.evidence && sources.get(claim.evidence.sourceId);
}

const PROCEEDINGS_PASSAGE =
  "Entre le 1er janvier 2021 et le 7 mai 2024, il ressort de l'exploitation des fichiers de police que pas moins de 23 051 procédures judiciaires en lien avec la plateforme coco ont été ouvertes.";

describe('correctionReply', () => {
  it('corrects a French post in French, quoting the figure at fault and the release', () => {
    const claim = historyClaimOf(
      'Selon le parquet, 32 051 procédures liées à Coco ont été ouvertes.',
    );
    expect(correctionReply(claim, sourceOf(claim), 'fr')).toBe(
      `« 32 051 procédures » : inexact. Selon le communiqué du Parquet de Paris (JUNALCO) du 25 juin 2024 (« Communiqué de presse : fermeture du site “coco” ») : « ${PROCEEDINGS_PASSAGE} »`,
    );
  });

  it('corrects an English post in English with the fact’s English statement, citing publisher, title and date', () => {
    const claim = historyClaimOf(
      'According to prosecutors, 32,051 proceedings linked to the Coco chat site were opened.',
    );
    const statement = facts.get(claim.factId!)!.statement;
    expect(correctionReply(claim, sourceOf(claim), 'en', statement)).toBe(
      `"32,051 proceedings" is inaccurate. ${statement.en.replace(/\.$/, '')}, according to the press release of the Parquet de Paris (JUNALCO) of 25 June 2024 ("Communiqué de presse : fermeture du site « coco »").`,
    );
    // Without the fact, the release's own words.
    expect(correctionReply(claim, sourceOf(claim), 'en')).toBe(
      `"32,051 proceedings" is inaccurate. According to the press release of the Parquet de Paris (JUNALCO) of 25 June 2024 ("Communiqué de presse : fermeture du site « coco »"): "${PROCEEDINGS_PASSAGE}"`,
    );
  });

  it('names the right agency in English when a post says Europol', () => {
    const claim = historyClaimOf(
      'The Coco chat site was shut down by French prosecutors; the operation was coordinated with Europol.',
    );
    expect(claim.verdict).toBe('contradicted');
    const reply = correctionReply(
      claim,
      sourceOf(claim),
      'en',
      facts.get(claim.factId!)!.statement,
    )!;
    expect(reply).toMatch(/^"[^"]*Europol[^"]*" is inaccurate\. /);
    expect(reply).toContain('Eurojust');
    expect(reply).not.toMatch(/ les | des | été /);
    expect(reply.length).toBeLessThanOrEqual(REPLY_MAX_LENGTH);
  });

  it('cites a source’s address when its pack gives one, and never invents one', () => {
    const claim = historyClaimOf(
      'Selon le parquet, 32 051 procédures liées à Coco ont été ouvertes.',
    );
    const source = sourceOf(claim)!;
    expect(correctionReply(claim, source, 'fr')).not.toMatch(/https?:/);
    const url = 'https://www.example.org/communique-coco';
    const reply = correctionReply(claim, { ...source, url }, 'fr')!;
    expect(reply.endsWith(` ${url}`)).toBe(true);
    expect(reply.length).toBeLessThanOrEqual(REPLY_MAX_LENGTH);
  });

  it.each([
    // A date: its numbers and its month, in the post's wording.
    ['Le site Coco a été fermé le 25 juillet 2024.', 'fr', '« 25 juillet 2024 » : inexact.'],
    ['Coco was shut down on July 25, 2024.', 'en', '"July 25, 2024" is inaccurate.'],
    [
      'Le site coco.gg a fait 4 800 victimes selon le parquet.',
      'fr',
      '« 4 800 victimes » : inexact.',
    ],
    // A place given as a country code in the reason: the claim's opening is
    // quoted, and the passage on the registration (not the move to .gg).
    [
      'La plateforme Coco était immatriculée à Malte.',
      'fr',
      "« La plateforme Coco était immatriculée à Malte » : inexact. Selon l'article de BFM (Tech&Co) du 25 juin 2024 (« Fermeture de Coco: Gérald Darmanin annonce l'interpellation des dirigeants de “cette plateforme mafieuse” ») : « la plateforme immatriculée sur l'ile anglo-normande Guernesey »",
    ],
  ] as const)('for %j begins %j', (text, language, start) => {
    const claim = historyClaimOf(text);
    const reply = correctionReply(claim, sourceOf(claim), language);
    expect(reply?.startsWith(start)).toBe(true);
    expect(reply?.endsWith(language === 'fr' ? ' »' : '"')).toBe(true);
  });

  it('reads the engine’s own claim result as well as a history claim', () => {
    const text = 'Selon le parquet, 32 051 procédures liées à Coco ont été ouvertes.';
    const history = historyClaimOf(text);
    expect(correctionReply(claimOf(text), sourceOf(history), 'fr')).toBe(
      correctionReply(history, sourceOf(history), 'fr'),
    );
  });

  it.each([
    'Le site Coco a été fermé le 25 juin 2024.',
    'Le site de tchat Coco attirait 800 000 visiteurs par mois.',
  ])('gives no reply for a claim that is not contradicted: %j', (text) => {
    const claim = historyClaimOf(text);
    expect(claim.verdict).not.toBe('contradicted');
    expect(correctionReply(claim, sourceOf(claim), 'fr')).toBeNull();
    expect(correctionReply(claimOf(text), sourceOf(claim), 'en')).toBeNull();
  });

  it('gives no reply for a contradiction with no passage to cite', () => {
    const claim: HistoryClaim = {
      text: 'Coco a fermé en 2023.',
      verdict: 'contradicted',
      reason: '2023 stated; the sources say 2024',
    };
    expect(correctionReply(claim, undefined, 'fr')).toBeNull();
  });

  it('cites "the sources" when the source is not known', () => {
    const claim = historyClaimOf('Le site Coco a été fermé le 25 juillet 2024.');
    expect(correctionReply(claim, undefined, 'fr')).toBe(
      '« 25 juillet 2024 » : inexact. Selon les sources : « Le site « coco » a été fermé le 25 juin 2024 »',
    );
    expect(correctionReply(claim, undefined, 'en')).toBe(
      '"25 juillet 2024" is inaccurate. According to the sources: "Le site « coco » a été fermé le 25 juin 2024"',
    );
  });

  describe('with a long passage', () => {
    /** A whole paragraph of the release around the figure, far longer than a reply. */
    function longClaim(): HistoryClaim {
      const at = release.text.indexOf('23 051');
      const start = release.text.lastIndexOf('\n', at - 300) + 1;
      const exact = release.text.slice(start, at + 400);
      return {
        text: 'Coco : 32 051 procédures, et personne n’a rien fait pendant des années, c’est un scandale absolu dont on parlera longtemps.',
        verdict: 'contradicted',
        reason: '32,051 stated; the sources say 23,051',
        factId: 'proceedings-2021-2024',
        evidence: { sourceId: release.id, exact, start, end: start + exact.length },
      };
    }

    it.each(['fr', 'en'] as const)(
      'stays under the limit in %s, cut at words, around the true figure',
      (language) => {
        const claim = longClaim();
        expect(claim.evidence!.exact.length).toBeGreaterThan(REPLY_MAX_LENGTH);
        const reply = correctionReply(claim, release, language)!;
        expect(reply.length).toBeLessThanOrEqual(REPLY_MAX_LENGTH);
        const [open, close] = language === 'fr' ? ['« ', ' »'] : [': "', '"'];
        const passage = reply.slice(
          reply.lastIndexOf(open, reply.indexOf('…')) + open.length,
          -close.length,
        );
        expect(passage).toMatch(/^….+…$/s);
        expect(passage).toContain('23 051');
        // Cut at word boundaries: the words kept are the source's, whole.
        const body = passage.slice(1, -1);
        const at = claim.evidence!.exact.indexOf(body);
        expect(at).toBeGreaterThan(0);
        expect(claim.evidence!.exact[at - 1]).toMatch(/\s/);
        expect(claim.evidence!.exact[at + body.length]).toMatch(/[\s,;:.]/);
      },
    );

    it('quotes the figure at fault, not the whole claim', () => {
      expect(correctionReply(longClaim(), release, 'fr')).toMatch(
        /^« 32 051 procédures » : inexact\./,
      );
    });
  });

  it('quotes the opening of a long claim when the reason names nothing in it', () => {
    const claim: HistoryClaim = {
      text: `La plateforme Coco était immatriculée à Malte, ${'selon plusieurs comptes très suivis, '.repeat(5)}ce qui est faux.`,
      verdict: 'contradicted',
      reason: 'MT stated; the sources name GG',
      evidence: {
        sourceId: release.id,
        exact: 'Le site « coco » a été fermé le 25 juin 2024',
        start: 0,
        end: 44,
      },
    };
    const reply = correctionReply(claim, release, 'fr')!;
    const quoted = /^« (.+?) » : inexact\./.exec(reply)?.[1];
    expect(quoted).toMatch(/^La plateforme Coco était immatriculée à Malte, .+…$/);
    expect(quoted!.length).toBeLessThanOrEqual(80);
  });
});
