import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../components/i18n.ts';
import { SourceCard } from '../../components/SourceCard.tsx';
import { checkText, createEngine, type Engine } from '../../lib/check-text.ts';
import type { Fact, Source } from '../../lib/facts/schema.ts';
import { rendered } from '../helpers/render.ts';
import { seedPack } from '../helpers/seed-files.ts';

let engine: Engine;
let facts: Map<string, Fact>;
let sources: Map<string, Source>;

beforeAll(async () => {
  const { pack, sources: list } = await seedPack();
  engine = createEngine(pack.facts, list);
  facts = new Map(pack.facts.map((fact) => [fact.id, fact]));
  sources = new Map(list.map((source) => [source.id, source]));
});

function card(
  text: string,
  pick: (report: ReturnType<typeof checkText>) => Parameters<typeof SourceCard>[0]['content'],
) {
  const report = checkText(engine, text);
  return rendered(
    <SourceCard
      content={pick(report)}
      facts={facts}
      sources={sources}
      language="en"
      onOpenSource={() => undefined}
      onClose={() => undefined}
    />,
  );
}

describe('the card’s evidence', () => {
  it('shows a fact checked twice once, with each check named', () => {
    const root = card(
      'Le site Coco a été fermé par la justice. Entre le 1er janvier 2021 et le 7 mai 2024, 32 051 procédures judiciaires liées à Coco ont été ouvertes, selon le parquet de Paris.',
      (report) => {
        const claim = report.claims.find((c) => c.verdict === 'contradicted')!;
        expect(new Set(claim.checks.map((c) => c.factId)).size).toBe(1);
        expect(claim.checks.length).toBeGreaterThan(1);
        return { claim, quotes: [], mentions: [] };
      },
    );
    expect(root.querySelectorAll('section.check')).toHaveLength(1);
    const named = [...root.querySelectorAll('li.check-reason')].map((li) => li.textContent);
    expect(named).toHaveLength(2);
    expect(named.join(' ')).toContain('32,051 stated; the sources say 23,051');
    expect(named.join(' ')).toContain('period');
    // The decisive figure is marked in the source passage.
    expect(
      [...root.querySelectorAll('section.check blockquote mark')].map((m) => m.textContent),
    ).toContain('23 051');
  });

  it('names the closest verified fact on an unverified claim, as not the same claim', () => {
    const root = card('Le site Coco a été fermé par la justice.', (report) => {
      const claim = report.claims[0]!;
      expect(claim.verdict).toBe('unverified');
      return { claim, quotes: [], mentions: [] };
    });
    const headings = [...root.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).toContain('The closest verified fact');
    expect(root.querySelector('.nearest-note')!.textContent).toMatch(/does not say the same thing/);
    const passage = root.querySelector('section.check')!;
    expect(passage.getAttribute('data-verdict')).toBe('unverified');
    expect(passage.querySelector('.statement')!.textContent).toMatch(/shut down/i);
    expect(passage.querySelector('blockquote')!.textContent).toContain(
      'a été fermé le 25 juin 2024',
    );
    // Nothing was compared: no value is marked as if it were decisive.
    expect(passage.querySelectorAll('mark')).toHaveLength(0);
  });

  it('names no fact on an unverified claim when none is near', () => {
    const root = card(
      'Le fondateur du site Coco, Isaac Steidl, a été mis en examen à l’automne 2025.',
      (report) => ({ claim: report.claims[0]!, quotes: [], mentions: [] }),
    );
    expect(root.querySelector('.nearest-note')).toBeNull();
    expect(root.querySelector('section.check')).toBeNull();
    expect(root.querySelector('.reason')!.textContent).toMatch(/another event/);
  });

  it('says what an unsourced quotation is, and shows its words', () => {
    const root = card(
      'Le site Coco a été fermé par la justice. Le parquet a déclaré : « nous avons enfin fermé ce repaire de criminels, sans aucune pitié ».',
      (report) => {
        const quote = report.quotes.find((q) => q.fidelity === 'unsourced')!;
        expect(quote).toBeDefined();
        return { quotes: [quote], mentions: [] };
      },
    );
    expect(root.textContent).toContain(messagesFor('en').unsourcedExplain);
    expect(root.querySelector('.page-words')!.textContent).toContain('repaire de criminels');
  });
});
