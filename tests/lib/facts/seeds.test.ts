import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactPackSchema, SourceListSchema } from '../../../lib/facts/schema.ts';
import { readSeedJson, readSourceTexts, seedPack, SEEDS_DIR } from '../../helpers/seed-files.ts';

const SHARED_SOURCES = resolve(import.meta.dirname, '../../../../shared/sources');

const sources = SourceListSchema.parse(readSeedJson('sources.json'));
const pack = FactPackSchema.parse(readSeedJson('facts.json'));
const texts = readSourceTexts();
const evidence = pack.facts.flatMap((fact) =>
  fact.evidence.map((e, i) => ({ label: `${fact.id} #${i}`, fact, ...e })),
);

describe('seeds/sources.json', () => {
  it('lists exactly the text files in seeds/sources/', () => {
    expect(sources.map((s) => s.id).sort()).toEqual(Object.keys(texts).sort());
  });

  it.each(sources.map((s) => [s.id, s] as const))(
    '%s: sha256 matches the file bytes',
    (id, source) => {
      const bytes = readFileSync(resolve(SEEDS_DIR, 'sources', `${id}.txt`));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(source.sha256);
    },
  );

  // A clone without ../shared still checks every hash above.
  it.skipIf(!existsSync(SHARED_SOURCES)).each(sources.map((s) => [s.id] as const))(
    '%s: is byte for byte the shared source',
    (id) => {
      const shared = readFileSync(resolve(SHARED_SOURCES, `${id}.txt`));
      expect(readFileSync(resolve(SEEDS_DIR, 'sources', `${id}.txt`)).equals(shared)).toBe(true);
    },
  );
});

describe('seeds/facts.json', () => {
  it('holds every checkable fact of the two sources (25–40) with unique ids', () => {
    expect(pack.facts.length).toBeGreaterThanOrEqual(25);
    expect(pack.facts.length).toBeLessThanOrEqual(40);
    expect(new Set(pack.facts.map((f) => f.id)).size).toBe(pack.facts.length);
  });

  it.each(evidence.map((e) => [e.label, e] as const))(
    '%s: anchor slices its source exactly',
    (_label, e) => {
      const text = texts[e.sourceId];
      expect(text, `source ${e.sourceId}`).toBeDefined();
      expect(text!.slice(e.start, e.end)).toBe(e.exact);
      expect(text!.slice(e.start - e.prefix.length, e.start)).toBe(e.prefix);
      expect(text!.slice(e.end, e.end + e.suffix.length)).toBe(e.suffix);
    },
  );

  it('explains every rounded or altered rendering, and gives the original first', () => {
    for (const fact of pack.facts) {
      const renderings = fact.evidence.map((e) => e.rendering);
      for (const e of fact.evidence) {
        if (e.rendering === 'rounds' || e.rendering === 'alters')
          expect(e.note, fact.id).toBeTruthy();
      }
      if (renderings.some((r) => r !== 'original')) {
        const originals = renderings.filter((r) => r === 'original').length;
        if (originals > 0) expect(renderings[0], fact.id).toBe('original');
      }
    }
  });

  it('records the two alterations and the rounding the sources README names', () => {
    const notes = evidence.filter((e) => e.rendering === 'alters').map((e) => e.exact);
    expect(notes.some((exact) => exact.includes('absence notoire'))).toBe(true);
    expect(notes.some((exact) => exact.includes("d'infractions relatives"))).toBe(true);
    const rounded = evidence.filter((e) => e.rendering === 'rounds').map((e) => e.exact);
    expect(rounded.some((exact) => exact.includes('23.000'))).toBe(true);
  });

  it('assembles into the bundled pack exactly as the background does', async () => {
    const { pack: assembled, sources: stored } = await seedPack();
    expect(assembled.facts).toHaveLength(pack.facts.length);
    expect(stored.map((s) => s.id).sort()).toEqual(sources.map((s) => s.id).sort());
  });
});
