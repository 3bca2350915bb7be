import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BUNDLED_PACK_ID,
  CasefileDb,
  exportPack,
  importPack,
  removePack,
  seedBundledPack,
} from '../../lib/db.ts';
import type { FactPack, Source } from '../../lib/facts/schema.ts';
import { seedPack } from '../helpers/seed-files.ts';

let db: CasefileDb;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new CasefileDb(`casefile-test-${counter}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

/** Everything in the store, for before/after comparisons. */
async function snapshot(database: CasefileDb) {
  return {
    packs: await database.packs.toArray(),
    facts: await database.facts.toArray(),
    sources: await database.sources.toArray(),
    meta: await database.meta.toArray(),
    history: await database.history.toArray(),
  };
}

/** A small user pack citing the bundled release, anchored to its first sentence about the site. */
function userPack(release: Source, id = 'my-notes'): FactPack {
  const exact = 'Les opérations ont été coordonnées avec Eurojust.';
  const start = release.text.indexOf(exact);
  return {
    format: 'casefile-facts',
    formatVersion: 1,
    id,
    title: 'Notes de modération',
    revised: '2026-11-23',
    facts: [
      {
        id: 'eurojust-coordination-note',
        topic: 'investigation',
        statement: {
          fr: 'Eurojust a coordonné les opérations.',
          en: 'Eurojust coordinated the operations.',
        },
        attributedTo: 'Parquet de Paris',
        evidence: [
          {
            sourceId: release.id,
            exact,
            prefix: release.text.slice(start - 10, start),
            suffix: release.text.slice(start + exact.length, start + exact.length + 10),
            start,
            end: start + exact.length,
            rendering: 'original',
          },
        ],
        values: [],
      },
    ],
  };
}

async function seeded() {
  const { pack, sources } = await seedPack();
  await seedBundledPack(db, pack, sources, new Date('2026-01-01T00:00:00Z'));
  const release = sources.find((s) => s.standing === 'primary');
  if (!release) throw new Error('no primary source in the seeds');
  return { pack, sources, release };
}

describe('seedBundledPack', () => {
  it('stores every bundled fact and source', async () => {
    const { pack, sources } = await seeded();
    expect(await db.facts.where('packId').equals(BUNDLED_PACK_ID).count()).toBe(pack.facts.length);
    expect(await db.sources.count()).toBe(sources.length);
    expect((await db.packs.get(BUNDLED_PACK_ID))?.origin).toBe('bundled');
  });

  it('is idempotent: seeding the same pack again writes nothing', async () => {
    const { pack, sources } = await seeded();
    const before = await snapshot(db);
    const again = await seedBundledPack(db, pack, sources, new Date('2026-06-01T00:00:00Z'));
    expect(again.written).toBe(false);
    expect(await snapshot(db)).toEqual(before);
  });

  it('replaces the bundled facts on update and keeps imported packs and history', async () => {
    const { pack, sources, release } = await seeded();
    expect((await importPack(db, JSON.stringify(userPack(release)))).ok).toBe(true);
    await db.history.add({
      url: 'https://example.org/post',
      title: 'Un post',
      checkedAt: '2026-02-01T10:00:00Z',
      kind: 'page',
      language: 'fr',
      counts: { supported: 1, contradicted: 0, unverified: 0 },
      results: { claims: [], quotes: [] },
    });
    const dropped = pack.facts[0]!;
    const updated: FactPack = { ...pack, revised: '2026-12-01', facts: pack.facts.slice(1) };

    const outcome = await seedBundledPack(db, updated, sources, new Date('2026-12-01T00:00:00Z'));

    expect(outcome.written).toBe(true);
    expect(await db.facts.get([BUNDLED_PACK_ID, dropped.id])).toBeUndefined();
    expect(await db.facts.where('packId').equals(BUNDLED_PACK_ID).count()).toBe(
      pack.facts.length - 1,
    );
    expect(await db.facts.get(['my-notes', 'eurojust-coordination-note'])).toBeDefined();
    expect(await db.history.count()).toBe(1);
    expect((await db.packs.get(BUNDLED_PACK_ID))?.revised).toBe('2026-12-01');
  });
});

describe('importPack', () => {
  it('imports a valid pack beside the bundled one', async () => {
    const { pack, release } = await seeded();
    const outcome = await importPack(db, JSON.stringify(userPack(release)));
    expect(outcome).toMatchObject({
      ok: true,
      replaced: false,
      pack: { id: 'my-notes', origin: 'imported' },
    });
    expect(await db.facts.count()).toBe(pack.facts.length + 1);
  });

  it('replaces an imported pack of the same id', async () => {
    const { release } = await seeded();
    await importPack(db, JSON.stringify(userPack(release)));
    const second = userPack(release);
    second.facts[0]!.statement.en = 'Eurojust coordinated the operations in six countries.';
    const outcome = await importPack(db, JSON.stringify(second));
    expect(outcome).toMatchObject({ ok: true, replaced: true });
    expect(
      (await db.facts.get(['my-notes', 'eurojust-coordination-note']))?.statement.en,
    ).toContain('six');
  });

  const malformed: [string, (pack: FactPack) => unknown, string][] = [
    [
      'a wrong type',
      (p) => ((p.facts[0]!.evidence[0] as { start: unknown }).start = '12'),
      'facts.0.evidence.0.start',
    ],
    [
      'a missing statement',
      (p) => delete (p.facts[0]!.statement as { en?: string }).en,
      'facts.0.statement.en',
    ],
    [
      'an unknown field',
      (p) => ((p.facts[0] as Record<string, unknown>).confidence = 0.9),
      'facts.0',
    ],
    ['a bad id', (p) => (p.facts[0]!.id = 'Not Kebab'), 'facts.0.id'],
    [
      'an unknown source',
      (p) => (p.facts[0]!.evidence[0]!.sourceId = 'le-figaro'),
      'facts.0.evidence.0.sourceId',
    ],
    [
      'an anchor that does not slice',
      (p) => (p.facts[0]!.evidence[0]!.exact = 'Les opérations ont été coordonnées avec Interpol.'),
      'facts.0.evidence.0.exact',
    ],
    ['a duplicate id', (p) => p.facts.push(structuredClone(p.facts[0]!)), 'facts.1.id'],
    ['the bundled id', (p) => (p.id = BUNDLED_PACK_ID), 'id'],
  ];

  it.each(malformed)(
    'rejects %s, naming the field path, and changes nothing',
    async (_name, spoil, path) => {
      const { release } = await seeded();
      const before = await snapshot(db);
      const pack = userPack(release);
      spoil(pack);
      const outcome = await importPack(db, JSON.stringify(pack));
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.problems.map((p) => p.path)).toContain(path);
      expect(await snapshot(db)).toEqual(before);
    },
  );

  it('rejects text that is not JSON with the parser’s message', async () => {
    await seeded();
    const outcome = await importPack(db, '{"format": "casefile-facts",');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.problems[0]).toMatchObject({ path: '(file)', message: /not valid JSON/ });
  });

  it('rejects a pack over the size limit before parsing it', async () => {
    await seeded();
    const outcome = await importPack(db, `{"pad": "${'x'.repeat(11 * 1024 * 1024)}"}`);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]?.message).toMatch(/larger than 10 MB/);
  });

  it('leaves the store as it was when the write itself fails', async () => {
    const { release } = await seeded();
    const before = await snapshot(db);
    const put = vi
      .spyOn(db.packs, 'put')
      .mockRejectedValue(new Error('QuotaExceededError: disk full'));
    await expect(importPack(db, JSON.stringify(userPack(release)))).rejects.toThrow(/disk full/);
    put.mockRestore();
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('exportPack', () => {
  it('exports the bundled pack with its sources, and the export imports elsewhere', async () => {
    const { pack } = await seeded();
    const exported = await exportPack(db);
    expect(exported.facts).toEqual(pack.facts);
    expect(exported.sources?.every((s) => s.text.length > 0)).toBe(true);

    const other = new CasefileDb(`casefile-test-export-${counter}`);
    try {
      const renamed = { ...exported, id: 'coco-2024-copy' };
      const outcome = await importPack(other, JSON.stringify(renamed));
      expect(outcome.ok).toBe(true);
      expect(await other.facts.count()).toBe(pack.facts.length);
    } finally {
      await other.delete();
    }
  });

  it('throws for a pack that is not stored', async () => {
    await expect(exportPack(db, 'nothing-here')).rejects.toThrow(/no pack "nothing-here"/);
  });
});

describe('removePack', () => {
  it('removes an imported pack and keeps the bundled one', async () => {
    const { pack, release } = await seeded();
    await importPack(db, JSON.stringify(userPack(release)));
    await removePack(db, 'my-notes');
    expect(await db.packs.get('my-notes')).toBeUndefined();
    expect(await db.facts.count()).toBe(pack.facts.length);
    await expect(removePack(db, BUNDLED_PACK_ID)).rejects.toThrow(/cannot be removed/);
  });
});
