/**
 * Upgrades of the fact store: a database left by an earlier release, opened by
 * the current code and seeded as the background does, keeps the imported
 * packs, the history and the bookkeeping, and gets the bundled pack in the
 * current shape.
 *
 * Each fixture writes a database exactly as one release left it, through a
 * frozen copy of that release's Dexie schema and record shapes — never through
 * `CasefileDb` or `lib/db.ts`, which move on. The rule, checked by the first
 * test: every Dexie version up to the current one and every stored shape up to
 * `STORED_SHAPE` has a fixture, and so does the database the current code
 * leaves (current version, current shape). Adding `version(2)` to `CasefileDb`
 * therefore fails here until a fixture of a version-2 database exists, and the
 * version-1 fixtures below already test the upgrade from version 1.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addHistory,
  addVerdictReport,
  listVerdictReports,
  BUNDLED_PACK_ID,
  CasefileDb,
  exportPack,
  importPack,
  recordSeedCheck,
  searchHistory,
  seedBundledPack,
  STORED_SHAPE,
} from '../../lib/db.ts';
import { sha256Hex } from '../../lib/facts/hash.ts';
import type { Fact, FactPack, Source, SourceMeta } from '../../lib/facts/schema.ts';
import { seedPack } from '../helpers/seed-files.ts';

/** A database as a release left it, with the records the test expects to survive. */
interface LeftBehind {
  importedPack: Record<string, unknown>;
  importedFacts: Record<string, unknown>[];
  importedSources: Record<string, unknown>[];
  history: Record<string, unknown>[];
  /** Meta records that seeding does not own and must keep. */
  keptMeta: Record<string, unknown>[];
  /** Whether the release stored each fact's position (its pack's order). */
  hasPositions: boolean;
  /** Readers' reports of wrong verdicts (version 2 on). */
  reports: Record<string, unknown>[];
}

interface Fixture {
  /** Which release left such a database. */
  release: string;
  /** The Dexie version that release declared (`db.verno`). */
  dexieVersion: number;
  /** The `STORED_SHAPE` of its fact and source records. */
  storedShape: number;
  /** Writes the database under `name`, the bundled pack being `bundled` of the current seeds. */
  write(name: string, bundled: { pack: FactPack; sources: Source[] }): Promise<LeftBehind>;
}

/** Version 1 of the schema, frozen as it shipped. */
const SCHEMA_V1 = {
  sources: 'id, packId',
  facts: '[packId+id], packId, id, topic',
  packs: 'id, origin',
  meta: 'key',
  history: '++id, checkedAt, url',
};

/** Version 2 of the schema, frozen as it shipped: version 1 and the readers' reports. */
const SCHEMA_V2 = { reports: '++id, reportedAt, requestId' };

const SOURCE_TEXT =
  'Note de modération. Le site Coco a été fermé en juin 2024. ' +
  'Ses serveurs étaient hébergés en Bulgarie. Fin de la note.';

/** The moderators' own source and two facts anchored in it, in an order that is not the ids'. */
async function moderatorPack(): Promise<{ pack: FactPack; source: Source }> {
  const source: SourceMeta = {
    id: 'moderator-note-2026',
    title: 'Note de modération',
    publisher: 'Équipe de modération',
    author: null,
    published: '2026-01-15',
    language: 'fr',
    standing: 'press',
    sha256: await sha256Hex(SOURCE_TEXT),
  };
  const fact = (id: string, exact: string): Fact => {
    const start = SOURCE_TEXT.indexOf(exact);
    return {
      id,
      topic: 'shutdown',
      statement: { fr: exact, en: exact },
      attributedTo: 'Équipe de modération',
      evidence: [
        {
          sourceId: source.id,
          exact,
          prefix: SOURCE_TEXT.slice(Math.max(0, start - 8), start),
          suffix: SOURCE_TEXT.slice(start + exact.length, start + exact.length + 8),
          start,
          end: start + exact.length,
          rendering: 'original',
        },
      ],
      values: [],
    };
  };
  const pack: FactPack = {
    format: 'casefile-facts',
    formatVersion: 1,
    id: 'moderator-notes',
    title: 'Notes de modération',
    revised: '2026-01-15',
    facts: [
      fact('site-closed-june-2024', 'Le site Coco a été fermé en juin 2024.'),
      fact('servers-bulgaria', 'Ses serveurs étaient hébergés en Bulgarie.'),
    ],
  };
  return { pack, source: { ...source, text: SOURCE_TEXT } };
}

/** The content hash as releases before shape 2 computed it: no shape in it. */
async function hashWithoutShape(pack: FactPack, sources: readonly Source[]): Promise<string> {
  const sourceHashes = sources.map((s) => `${s.id}:${s.sha256}`).sort();
  return sha256Hex(JSON.stringify({ pack, sourceHashes }));
}

/** The content hash of shape 2. */
async function hashOfShape2(pack: FactPack, sources: readonly Source[]): Promise<string> {
  const sourceHashes = sources.map((s) => `${s.id}:${s.sha256}`).sort();
  return sha256Hex(JSON.stringify({ shape: 2, pack, sourceHashes }));
}

/**
 * A database of version 1 (or 2, with readers' reports): the bundled pack
 * and an imported one, written with or without positions and with the given
 * hash, plus history and meta.
 * With `staleBundled`, the bundled pack is an older revision (a fact the
 * current seeds no longer have), as after an extension update.
 */
async function writeRelease(
  name: string,
  bundled: { pack: FactPack; sources: Source[] },
  options: {
    positions: boolean;
    hash: (pack: FactPack, sources: readonly Source[]) => Promise<string>;
    staleBundled: boolean;
    typedHistory: boolean;
    /** The Dexie version to write (2 adds the reports). */
    version?: 1 | 2;
  },
): Promise<LeftBehind> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  if (options.version === 2) old.version(2).stores(SCHEMA_V2);
  await old.open();
  const asStored = (pack: FactPack) =>
    pack.facts.map((fact, position) => ({
      ...fact,
      packId: pack.id,
      ...(options.positions ? { position } : {}),
    }));

  const oldBundled: FactPack = options.staleBundled
    ? {
        ...bundled.pack,
        revised: '2025-12-01',
        facts: [{ ...bundled.pack.facts[0]!, id: 'retired-fact' }, ...bundled.pack.facts.slice(1)],
      }
    : bundled.pack;
  const mine = await moderatorPack();
  const bundledHash = await options.hash(oldBundled, bundled.sources);
  const importedPack = {
    id: mine.pack.id,
    title: mine.pack.title,
    revised: mine.pack.revised,
    origin: 'imported',
    contentHash: await options.hash(mine.pack, [mine.source]),
    factCount: mine.pack.facts.length,
    storedAt: '2026-01-20T09:00:00.000Z',
  };
  const importedFacts = asStored(mine.pack);
  const importedSources = [{ ...mine.source, packId: mine.pack.id }];
  const history = [
    {
      id: 1,
      url: 'https://forum.example.org/t/coco/1',
      title: 'Coco : le fil',
      checkedAt: '2026-01-21T10:00:00.000Z',
      counts: { supported: 1, contradicted: 0, unverified: 0 },
      ...(options.typedHistory
        ? {
            kind: 'page',
            language: 'fr',
            results: {
              claims: [{ text: 'Coco a fermé en 2024.', verdict: 'supported', reason: 'r' }],
              quotes: [],
            },
          }
        : // The first release stored the engine's results as they came.
          { results: [{ sentence: 'Coco a fermé en 2024.', verdict: 'supported' }] }),
    },
    {
      id: 2,
      url: '',
      title: 'Texte collé',
      checkedAt: '2026-01-22T10:00:00.000Z',
      counts: { supported: 0, contradicted: 0, unverified: 0 },
      ...(options.typedHistory
        ? { kind: 'text', language: 'fr', results: { claims: [], quotes: [] } }
        : { results: null }),
    },
  ];
  const keptMeta = [
    {
      key: 'lastSeedCheck',
      value: { reason: 'startup', written: false, at: '2026-01-20T08:00:00.000Z' },
    },
  ];

  const reports =
    options.version === 2
      ? [
          {
            id: 1,
            reportedAt: '2026-01-23T10:00:00.000Z',
            url: 'https://forum.example.org/t/coco/1',
            title: 'Coco : le fil',
            claim: 'Coco a fermé en 2024.',
            verdict: 'supported',
            reason: 'r',
            note: 'Le site a fermé en juin, pas en 2024 seulement.',
            facts: [
              {
                engineId: 'site-closed-june-2024',
                packId: 'moderator-notes',
                id: 'site-closed-june-2024',
                packRevised: '2026-01-15',
                statement: { fr: 'Le site Coco a été fermé en juin 2024.', en: 'x' },
                evidence: [],
              },
            ],
          },
        ]
      : [];

  await old.transaction('rw', old.tables, async () => {
    if (reports.length > 0) await old.table('reports').bulkPut(reports);
    await old
      .table('sources')
      .bulkPut(bundled.sources.map((s) => ({ ...s, packId: oldBundled.id })));
    await old.table('facts').bulkPut(asStored(oldBundled));
    await old.table('packs').put({
      id: oldBundled.id,
      title: oldBundled.title,
      revised: oldBundled.revised,
      origin: 'bundled',
      contentHash: bundledHash,
      factCount: oldBundled.facts.length,
      storedAt: '2026-01-01T00:00:00.000Z',
    });
    await old.table('sources').bulkPut(importedSources);
    await old.table('facts').bulkPut(importedFacts);
    await old.table('packs').put(importedPack);
    await old.table('history').bulkPut(history);
    await old
      .table('meta')
      .bulkPut([
        { key: 'lastSeed', value: { at: '2026-01-01T00:00:00.000Z', contentHash: bundledHash } },
        ...keptMeta,
      ]);
  });
  old.close();
  return {
    importedPack,
    importedFacts,
    importedSources,
    history,
    keptMeta,
    hasPositions: options.positions,
    reports,
  };
}

/**
 * Every database a release can leave. Add one for each new Dexie version or
 * stored shape, written as that release writes (a frozen schema and record
 * shapes), before the code moves past it.
 */
const FIXTURES: Fixture[] = [
  {
    release: 'the first release (facts without positions, untyped history)',
    dexieVersion: 1,
    storedShape: 1,
    write: (name, bundled) =>
      writeRelease(name, bundled, {
        positions: false,
        hash: hashWithoutShape,
        staleBundled: true,
        typedHistory: false,
      }),
  },
  {
    release: 'releases with positions but no shape in the content hash',
    dexieVersion: 1,
    storedShape: 1,
    write: (name, bundled) =>
      writeRelease(name, bundled, {
        positions: true,
        hash: hashWithoutShape,
        staleBundled: false,
        typedHistory: true,
      }),
  },
  {
    release: 'releases before readers could report a verdict (version 1, shape 2)',
    dexieVersion: 1,
    storedShape: 2,
    write: (name, bundled) =>
      writeRelease(name, bundled, {
        positions: true,
        hash: hashOfShape2,
        staleBundled: false,
        typedHistory: true,
      }),
  },
  {
    release: 'the current code (version 2, shape 2)',
    dexieVersion: 2,
    storedShape: 2,
    write: (name, bundled) =>
      writeRelease(name, bundled, {
        positions: true,
        hash: hashOfShape2,
        staleBundled: false,
        typedHistory: true,
        version: 2,
      }),
  },
];

const CURRENT_VERSION = new CasefileDb('casefile-upgrade-verno').verno;

let opened: CasefileDb | undefined;
let counter = 0;

afterEach(async () => {
  await opened?.delete();
  opened = undefined;
});

describe('upgrade fixtures', () => {
  it('cover every Dexie version and stored shape, and the database the current code leaves', () => {
    for (let version = 1; version <= CURRENT_VERSION; version += 1) {
      expect(
        FIXTURES.some((f) => f.dexieVersion === version),
        `CasefileDb declares version ${CURRENT_VERSION} but no fixture in tests/lib/db-upgrade.test.ts ` +
          `writes a version-${version} database: add one (frozen schema, records as that release writes them)`,
      ).toBe(true);
    }
    for (let shape = 1; shape <= STORED_SHAPE; shape += 1) {
      expect(
        FIXTURES.some((f) => f.storedShape === shape),
        `STORED_SHAPE is ${STORED_SHAPE} but no fixture in tests/lib/db-upgrade.test.ts ` +
          `writes records of shape ${shape}: add one`,
      ).toBe(true);
    }
    expect(
      FIXTURES.some((f) => f.dexieVersion === CURRENT_VERSION && f.storedShape === STORED_SHAPE),
      `no fixture writes the database the current code leaves (version ${CURRENT_VERSION}, ` +
        `shape ${STORED_SHAPE}): add one, so that the next version's upgrade is tested from it`,
    ).toBe(true);
    expect(
      FIXTURES.filter((f) => f.dexieVersion > CURRENT_VERSION || f.storedShape > STORED_SHAPE),
      'a fixture is newer than the code',
    ).toEqual([]);
  });
});

describe.each(FIXTURES.map((f) => [f.release, f] as const))(
  'opening a database left by %s',
  (_release, fixture) => {
    async function upgraded() {
      counter += 1;
      const name = `casefile-upgrade-${counter}`;
      const bundled = await seedPack();
      const left = await fixture.write(name, bundled);
      opened = new CasefileDb(name);
      await opened.open();
      // As the background does at every start.
      const outcome = await seedBundledPack(opened, bundled.pack, bundled.sources);
      return { db: opened, bundled, left, outcome };
    }

    it('opens at the current version', async () => {
      const { db } = await upgraded();
      expect(db.verno).toBe(CURRENT_VERSION);
    });

    it('keeps the imported pack, its facts and its sources as they were', async () => {
      const { db, left } = await upgraded();
      expect(await db.packs.get('moderator-notes')).toEqual(left.importedPack);
      expect(await db.facts.where('packId').equals('moderator-notes').toArray()).toEqual(
        expect.arrayContaining(left.importedFacts),
      );
      expect(await db.facts.where('packId').equals('moderator-notes').count()).toBe(
        left.importedFacts.length,
      );
      expect(await db.sources.where('packId').equals('moderator-notes').toArray()).toEqual(
        left.importedSources,
      );
    });

    it('keeps every history entry, which search reads and new entries follow', async () => {
      const { db, left } = await upgraded();
      expect(await db.history.toArray()).toEqual(left.history);
      expect(await searchHistory(db)).toHaveLength(left.history.length);
      expect(await searchHistory(db, { query: 'coco' })).toHaveLength(1);
      const id = await addHistory(db, {
        url: 'https://example.org/new',
        title: 'Nouveau',
        checkedAt: '2026-02-01T10:00:00.000Z',
        kind: 'page',
        language: 'fr',
        counts: { supported: 0, contradicted: 0, unverified: 0 },
        results: { claims: [], quotes: [] },
      });
      expect(id).toBeGreaterThan(left.history.length);
    });

    it('keeps the readers’ reports, and takes new ones', async () => {
      const { db, left } = await upgraded();
      expect(await listVerdictReports(db)).toEqual(left.reports);
      await addVerdictReport(
        db,
        {
          claim: 'Coco a fermé en 2023.',
          verdict: 'contradicted',
          reason: 'r',
          factIds: ['servers-bulgaria'],
          note: '',
        },
        { url: 'https://example.org/a', title: 'A' },
      );
      const [latest] = await listVerdictReports(db);
      expect(latest).toMatchObject({
        claim: 'Coco a fermé en 2023.',
        facts: [{ packId: 'moderator-notes', id: 'servers-bulgaria' }],
      });
      expect(await db.reports.count()).toBe(left.reports.length + 1);
    });

    it('keeps the meta records seeding does not own, then records the check', async () => {
      const { db, left } = await upgraded();
      for (const record of left.keptMeta)
        expect(await db.meta.get(String(record.key))).toEqual(record);
      await recordSeedCheck(
        db,
        { reason: 'update', written: true },
        new Date('2026-02-01T00:00:00Z'),
      );
      expect((await db.meta.get('lastSeedCheck'))?.value).toMatchObject({ reason: 'update' });
    });

    it('stores the bundled pack in the current shape, again only when the shape or pack changed', async () => {
      const { db, bundled, outcome } = await upgraded();
      expect(outcome.written).toBe(fixture.storedShape < STORED_SHAPE);
      const facts = await db.facts.where('packId').equals(BUNDLED_PACK_ID).sortBy('position');
      expect(facts.map(({ packId: _p, position: _q, ...fact }) => fact)).toEqual(
        bundled.pack.facts,
      );
      expect(facts.map((f) => f.position)).toEqual(bundled.pack.facts.map((_f, i) => i));
      expect(await seedBundledPack(db, bundled.pack, bundled.sources)).toMatchObject({
        written: false,
      });
    });

    it('exports the imported pack, and the export imports again', async () => {
      const { db, left } = await upgraded();
      const { pack: authored } = await moderatorPack();
      const exported = await exportPack(db, 'moderator-notes');
      const byId = (facts: readonly Fact[]) => [...facts].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(exported.facts)).toEqual(byId(authored.facts));
      // A release that stored no positions kept no order but the ids'.
      if (left.hasPositions) expect(exported.facts).toEqual(authored.facts);
      const again = await importPack(db, JSON.stringify(exported));
      expect(again).toMatchObject({ ok: true, replaced: true });
      expect(await db.facts.where('packId').equals('moderator-notes').count()).toBe(2);
    });
  },
);
