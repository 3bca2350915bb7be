import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BUNDLED_PACK_ID,
  CasefileDb,
  exportPack,
  importPack,
  removePack,
  seedBundledPack,
} from '../../lib/db.ts';
import { sha256Hex } from '../../lib/facts/hash.ts';
import type { Fact, FactPack, Source } from '../../lib/facts/schema.ts';
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

/** A user pack that brings its own source, with three facts: one citing the release, two the note. */
async function packWithOwnSource(release: Source): Promise<FactPack> {
  const text = 'Note interne. Le site a fermé. Ses serveurs sont saisis. Fin.';
  const source: Source = {
    id: 'moderation-note',
    title: 'Note interne',
    publisher: 'Modération',
    author: null,
    published: '2026-11-01',
    language: 'fr',
    standing: 'press',
    sha256: await sha256Hex(text),
    text,
  };
  const noteFact = (id: string, exact: string): Fact => {
    const start = text.indexOf(exact);
    return {
      id,
      topic: 'shutdown',
      statement: { fr: exact, en: exact },
      attributedTo: 'Modération',
      evidence: [
        {
          sourceId: source.id,
          exact,
          prefix: text.slice(0, start),
          suffix: text.slice(start + exact.length),
          start,
          end: start + exact.length,
          rendering: 'original',
        },
      ],
      values: [],
    };
  };
  const base = userPack(release);
  return {
    ...base,
    sources: [source],
    facts: [
      ...base.facts,
      noteFact('site-closed-note', 'Le site a fermé.'),
      noteFact('servers-seized-note', 'Ses serveurs sont saisis.'),
    ],
  };
}

/** The error a browser gives when the disk is full. */
function quotaError(): Error {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/**
 * Makes the `nth` record (1-based) newly written to `table` fail with
 * `error()`, in the middle of the import; returns the function that stops it.
 */
function failOnWrite(
  table: 'facts' | 'sources' | 'packs',
  nth: number,
  error: () => Error,
): () => void {
  let written = 0;
  const fail = () => {
    written += 1;
    if (written === nth) throw error();
  };
  db[table].hook('creating', fail);
  return () => db[table].hook('creating').unsubscribe(fail);
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

  it('says the disk is full when an update cannot be stored, and keeps the previous pack', async () => {
    const { pack, sources } = await seeded();
    const before = await snapshot(db);
    const updated: FactPack = { ...pack, revised: '2026-12-01' };
    const stop = failOnWrite('facts', 3, quotaError);
    const failure = seedBundledPack(db, updated, sources, new Date('2026-12-01T00:00:00Z'));
    await expect(failure).rejects.toThrow(
      'The bundled facts could not be stored because the disk is full: free some space and restart the browser.',
    );
    await expect(failure).rejects.toMatchObject({ cause: { name: 'QuotaExceededError' } });
    stop();
    expect(await snapshot(db)).toEqual(before);
  });

  it('says the disk is full when the first seeding cannot be stored, and stores nothing', async () => {
    const { pack, sources } = await seedPack();
    const stop = failOnWrite('sources', 1, quotaError);
    await expect(seedBundledPack(db, pack, sources)).rejects.toThrow(/disk is full/);
    stop();
    expect(await snapshot(db)).toEqual(
      await snapshot(new CasefileDb(`casefile-test-empty-${counter}`)),
    );
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

  /** A copy of a stored source, as a pack carrying its sources has it. */
  const carried = (p: FactPack, release: Source, change: Record<string, unknown> = {}) =>
    (p.sources = [{ ...release, ...change } as Source]);

  /** [what is wrong, how to spoil a valid pack, the path named, the message given]. */
  const malformed: [string, (pack: FactPack, release: Source) => unknown, string, RegExp][] = [
    [
      'a wrong type',
      (p) => ((p.facts[0]!.evidence[0] as { start: unknown }).start = '12'),
      'facts.0.evidence.0.start',
      /expected number, received string/,
    ],
    [
      'a list where an object is expected',
      (p) => ((p as { facts: unknown }).facts = { first: p.facts[0] }),
      'facts',
      /expected array, received object/,
    ],
    [
      'an unsupported format version',
      (p) => ((p as { formatVersion: unknown }).formatVersion = 2),
      'formatVersion',
      /expected 1/,
    ],
    [
      'a missing statement',
      (p) => delete (p.facts[0]!.statement as { en?: string }).en,
      'facts.0.statement.en',
      /expected string, received undefined/,
    ],
    [
      'an unknown field in a fact',
      (p) => ((p.facts[0] as Record<string, unknown>).confidence = 0.9),
      'facts.0',
      /Unrecognized key: "confidence"/,
    ],
    [
      'an unknown field in the pack',
      (p) => ((p as Record<string, unknown>).license = 'CC-BY'),
      '(pack)',
      /Unrecognized key: "license"/,
    ],
    [
      'an unknown field in an evidence passage',
      (p) => ((p.facts[0]!.evidence[0] as Record<string, unknown>).page = 2),
      'facts.0.evidence.0',
      /Unrecognized key: "page"/,
    ],
    [
      'an unknown field in a value',
      (p) =>
        (p.facts[0]!.values = [
          { kind: 'domains', slot: 'site-domains', domains: ['coco.gg'], tld: 'gg' } as never,
        ]),
      'facts.0.values.0',
      /Unrecognized key: "tld"/,
    ],
    [
      'an unknown field in a carried source',
      (p, release) => carried(p, release, { homepage: 'https://example.org' }),
      'sources.0',
      /Unrecognized key: "homepage"/,
    ],
    [
      'a carried source whose address is not a web address',
      (p, release) => carried(p, release, { url: 'javascript:alert(1)' }),
      'sources.0.url',
      /URL/i,
    ],
    ['a bad id', (p) => (p.facts[0]!.id = 'Not Kebab'), 'facts.0.id', /kebab-case/],
    [
      'an unknown source',
      (p) => (p.facts[0]!.evidence[0]!.sourceId = 'le-figaro'),
      'facts.0.evidence.0.sourceId',
      /unknown source "le-figaro"/,
    ],
    [
      'an anchor that does not slice',
      (p) => (p.facts[0]!.evidence[0]!.exact = 'Les opérations ont été coordonnées avec Interpol.'),
      'facts.0.evidence.0.exact',
      /not the source text between start and end/,
    ],
    [
      'an anchor past the end of its source',
      (p, release) => {
        const e = p.facts[0]!.evidence[0]!;
        e.start = release.text.length;
        e.end = release.text.length + e.exact.length;
      },
      'facts.0.evidence.0.end',
      /past the end of the source/,
    ],
    [
      'an anchor whose length is not its passage’s',
      (p) => (p.facts[0]!.evidence[0]!.end += 1),
      'facts.0.evidence.0.end',
      /end - start must equal the length of exact/,
    ],
    [
      'a prefix that is not the text before the passage',
      (p) => (p.facts[0]!.evidence[0]!.prefix = 'autre chose'),
      'facts.0.evidence.0.prefix',
      /not the source text just before start/,
    ],
    [
      'a suffix that is not the text after the passage',
      (p) => (p.facts[0]!.evidence[0]!.suffix = 'autre chose'),
      'facts.0.evidence.0.suffix',
      /not the source text just after end/,
    ],
    [
      'a carried source whose text does not match its hash',
      (p, release) => carried(p, release, { text: `${release.text} ` }),
      'sources.0.sha256',
      /does not match the source text/,
    ],
    [
      'a duplicate id',
      (p) => p.facts.push(structuredClone(p.facts[0]!)),
      'facts.1.id',
      /duplicate id "eurojust-coordination-note" \(also facts.0\)/,
    ],
    ['the bundled id', (p) => (p.id = BUNDLED_PACK_ID), 'id', /bundled pack's id/],
  ];

  it.each(malformed)(
    'rejects %s, naming the field path and the fault, and changes nothing',
    async (_name, spoil, path, message) => {
      const { release } = await seeded();
      const before = await snapshot(db);
      const pack = userPack(release);
      spoil(pack, release);
      const outcome = await importPack(db, JSON.stringify(pack));
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.problems).toContainEqual(
          expect.objectContaining({ path, message: expect.stringMatching(message) }),
        );
        // Said in French too, not the English words again.
        for (const problem of outcome.problems) {
          expect(problem.messages.en).toBe(problem.message);
          expect(problem.messages.fr).toMatch(/\p{L}/u);
          expect(problem.messages.fr).not.toBe(problem.messages.en);
        }
      }
      expect(await snapshot(db)).toEqual(before);
    },
  );

  it('rejects a "__proto__" field as an unknown one, and changes nothing', async () => {
    const { release } = await seeded();
    const before = await snapshot(db);
    const text = JSON.stringify(userPack(release)).replace('{', '{"__proto__":{"polluted":true},');
    const outcome = await importPack(db, text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.problems).toContainEqual({
        path: '(pack)',
        message: expect.stringMatching(/Unrecognized key: "__proto__"/),
        messages: {
          en: expect.stringMatching(/Unrecognized key: "__proto__"/),
          fr: expect.stringMatching(/Clé non reconnue : "__proto__"/),
        },
      });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await snapshot(db)).toEqual(before);
  });

  it('rejects text that is not JSON with the parser’s message', async () => {
    await seeded();
    const outcome = await importPack(db, '{"format": "casefile-facts",');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.problems[0]).toMatchObject({ path: '(file)', message: /not valid JSON/ });
  });

  it('refuses a 50 MB pack before parsing it, naming its size and the limit, and changes nothing', async () => {
    await seeded();
    const before = await snapshot(db);
    const parse = vi.spyOn(JSON, 'parse');
    const outcome = await importPack(db, `{"pad": "${'x'.repeat(50 * 1024 * 1024)}"}`);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(outcome).toEqual({
      ok: false,
      problems: [
        {
          path: '(file)',
          message: 'the pack is 50.0 MB; packs larger than 10 MB are refused',
          messages: {
            en: 'the pack is 50.0 MB; packs larger than 10 MB are refused',
            fr: 'le pack fait 50,0 Mo ; au-delà de 10 Mo, un pack est refusé',
          },
        },
      ],
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves the store as it was when the write itself fails', async () => {
    const { release } = await seeded();
    const before = await snapshot(db);
    const put = vi
      .spyOn(db.packs, 'put')
      .mockRejectedValue(new Error('QuotaExceededError: disk full'));
    await expect(importPack(db, JSON.stringify(userPack(release)))).rejects.toThrow(
      /pack could not be imported because the disk is full/,
    );
    put.mockRestore();
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves the store as it was when a replacing import fails half way through its facts', async () => {
    const { release } = await seeded();
    expect((await importPack(db, JSON.stringify(userPack(release)))).ok).toBe(true);
    const before = await snapshot(db);
    const replacement = await packWithOwnSource(release);
    // The old facts are deleted and the first new one written before this throws.
    const stop = failOnWrite('facts', 2, () => new Error('the write was interrupted'));
    await expect(importPack(db, JSON.stringify(replacement))).rejects.toThrow(/interrupted/);
    stop();
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves the store as it was when the transaction is aborted after its facts and sources', async () => {
    const { release } = await seeded();
    const before = await snapshot(db);
    const stop = failOnWrite('packs', 1, () => {
      Dexie.currentTransaction?.abort();
      return new Error('aborted');
    });
    await expect(
      importPack(db, JSON.stringify(await packWithOwnSource(release))),
    ).rejects.toThrow();
    stop();
    expect(await snapshot(db)).toEqual(before);
  });

  it('says the disk is full when the browser refuses a source for lack of space, and changes nothing', async () => {
    const { release } = await seeded();
    const before = await snapshot(db);
    const stop = failOnWrite('sources', 1, quotaError);
    const failure = importPack(db, JSON.stringify(await packWithOwnSource(release)));
    await expect(failure).rejects.toThrow(
      'The pack could not be imported because the disk is full: free some space and import it again.',
    );
    await expect(failure).rejects.toMatchObject({ cause: { name: 'QuotaExceededError' } });
    stop();
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
