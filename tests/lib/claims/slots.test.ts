/**
 * The slot vocabulary is closed: every slot is filled by a rule and holds a
 * fact's value, and a pack may use no other slot.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../lib/check-text.ts';
import { findValues } from '../../../lib/claims/case-rules.ts';
import { SLOT_NAMES, SLOTS, type Slot } from '../../../lib/claims/slots.ts';
import type { FactPack } from '../../../lib/facts/schema.ts';
import { parsePackText } from '../../../lib/facts/validate-pack.ts';
import { foldSameLength } from '../../../lib/text/fold.ts';
import { seedPack } from '../../helpers/seed-files.ts';

let engine: Engine;
let bundled: Awaited<ReturnType<typeof seedPack>>;
beforeAll(async () => {
  bundled = await seedPack();
  engine = createEngine(bundled.pack.facts, bundled.sources);
});

/** For each slot, a sentence about the case one of whose values a rule puts in it. */
const PROBES: Record<Slot, string> = {
  'proceedings-count':
    'Selon le parquet, 23 051 procédures judiciaires liées à Coco ont été ouvertes.',
  'proceedings-period':
    'Entre le 1er janvier 2021 et le 7 mai 2024, 23 051 procédures ont été ouvertes en lien avec le site Coco.',
  'victims-count': 'Le site Coco a fait 480 victimes.',
  'prosecutors-offices-count': '70 parquets ont transmis des procédures impliquant le site Coco.',
  'operation-countries':
    'Des opérations contre le site Coco ont eu lieu en France, en Bulgarie et en Allemagne.',
  'operation-countries-count': 'Des opérations contre le site Coco ont été menées dans six pays.',
  'operation-coordination': 'Les opérations contre le site Coco ont été coordonnées avec Eurojust.',
  'investigation-lead': 'L’enquête sur le site Coco a été menée sous la direction de la JUNALCO.',
  'investigation-units': 'L’enquête sur le site Coco a été conduite par l’UNCyber et l’ONAF.',
  'investigation-support': 'L’enquête sur le site Coco a été menée avec l’appui du COMCYBER-MI.',
  'investigation-opened': 'L’enquête sur le site Coco avait été ouverte en décembre 2023.',
  'shutdown-date': 'Le site Coco a été fermé le 25 juin 2024.',
  'announcement-date': 'La fermeture du site Coco a été annoncée le 25 juin 2024.',
  // The release announced the shutdown: an announced date may be either.
  'release-date':
    'La fermeture du site Coco a été annoncée par le parquet de Paris le 25 juin 2024.',
  'site-age': 'Le site Coco existait depuis 20 ans.',
  'site-domains': 'Le site Coco était accessible à l’adresse coco.gg.',
  'registration-place': 'La plateforme Coco était immatriculée à Guernesey.',
  'penalty-online-platform-illicit-transaction':
    'La fourniture d’une plateforme en ligne pour permettre une transaction illicite, reprochée au site Coco, est passible de 10 ans d’emprisonnement.',
  'fine-online-platform-illicit-transaction':
    'La fourniture d’une plateforme en ligne pour permettre une transaction illicite, reprochée au site Coco, est punie de 500 000 euros d’amende.',
  'penalty-intermediation':
    'L’intermédiation ou le séquestre au moyen d’une plateforme en ligne, reprochés au site Coco, sont passibles de 5 ans d’emprisonnement.',
  'fine-intermediation':
    'L’intermédiation ou le séquestre au moyen d’une plateforme en ligne, reprochés au site Coco, sont punis de 150 000 euros d’amende.',
};

/** The slots the rules give the sentence's values. */
function slotsFilled(sentence: string): Slot[] {
  const values = findValues(sentence, foldSameLength(sentence), {
    language: 'fr',
    index: engine.index,
    slots: engine.slots,
    inCaseParagraph: true,
    named: true,
  });
  return values.found.flatMap((found) => [...found.slots]);
}

describe('the slot vocabulary', () => {
  it('has a probe for every slot', () => {
    expect(Object.keys(PROBES).sort()).toEqual([...SLOT_NAMES].sort());
  });

  it.each(SLOT_NAMES)('%s is filled by a rule', (slot) => {
    expect(slotsFilled(PROBES[slot])).toContain(slot);
  });

  it.each(SLOT_NAMES)('%s holds a value of a bundled fact, of its kind', (slot) => {
    const values = bundled.pack.facts.flatMap((fact) => fact.values).filter((v) => v.slot === slot);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value.kind).toBe(SLOTS[slot].kind);
  });

  it.each([
    ['a slot no rule fills', 'shutdown-announcer'],
    ['a slot of another kind of value', 'victims-count'],
  ])('refuses a pack with %s, naming the field and the slots it may use', async (_what, slot) => {
    const pack: FactPack = structuredClone(bundled.pack);
    const fact = pack.facts.find((f) => f.values.some((v) => v.kind === 'date'))!;
    const index = fact.values.findIndex((v) => v.kind === 'date');
    (fact.values[index] as { slot: string }).slot = slot;
    const outcome = await parsePackText(
      JSON.stringify(pack),
      new Map(bundled.sources.map((source) => [source.id, source])),
    );
    expect(outcome.ok).toBe(false);
    const problems = outcome.ok ? [] : outcome.problems;
    const position = pack.facts.indexOf(fact);
    expect(problems.map((p) => p.path)).toContain(`facts.${position}.values.${index}.slot`);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/shutdown-date/);
  });
});
