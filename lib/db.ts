/**
 * The fact store: the one module that knows IndexedDB. Sources, facts and the
 * packs they came from, a log of checks for later features, and a few
 * bookkeeping records. The database name is injected so tests open a fresh one.
 */
import { Dexie, type DexieOptions, type EntityTable, type Table } from 'dexie';
import { sha256Hex } from './facts/hash.ts';
import type { Fact, FactPack, Source } from './facts/schema.ts';
import { parsePackText, type PackProblem } from './facts/validate-pack.ts';

export const DEFAULT_DB_NAME = 'casefile';

/** The id of the pack built into the extension; a user's pack may not take it. */
export const BUNDLED_PACK_ID = 'coco-2024';

/**
 * A fact as stored: its pack's id beside it, so the same id may exist in two
 * packs, and its position in the pack, whose order is the authors' (the
 * narrative order of the sources) and is kept for display.
 */
export type StoredFact = Fact & { packId: string; position: number };

/** A source as stored, with the pack that first brought it. */
export type StoredSource = Source & { packId: string };

export interface PackRecord {
  id: string;
  title: string;
  revised: string;
  origin: 'bundled' | 'imported';
  /** SHA-256 of the pack and its sources: an unchanged pack is not written again. */
  contentHash: string;
  factCount: number;
  /** ISO timestamp of the write that stored this revision. */
  storedAt: string;
}

/**
 * Bookkeeping: `lastSeed` (when the bundled pack was last written),
 * `lastSeedCheck` (when the background last compared it, and why) and `seedError`.
 */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** One checked page or text, kept for moderators when history is on. */
export interface HistoryEntry {
  id?: number;
  url: string;
  title: string;
  checkedAt: string;
  counts: { supported: number; contradicted: number; unverified: number };
  /** The claims and quotes found, as the engine reported them. */
  results: unknown;
}

export class CasefileDb extends Dexie {
  sources!: EntityTable<StoredSource, 'id'>;
  facts!: Table<StoredFact, [string, string]>;
  packs!: EntityTable<PackRecord, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  history!: EntityTable<HistoryEntry, 'id'>;

  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Keep every version's declaration once a build has shipped it; add a
    // new version with an .upgrade() beside it rather than editing this one.
    this.version(1).stores({
      sources: 'id, packId',
      facts: '[packId+id], packId, id, topic',
      packs: 'id, origin',
      meta: 'key',
      history: '++id, checkedAt, url',
    });
  }
}

export interface SeedOutcome {
  /** False when the bundled pack was already stored unchanged and nothing was written. */
  written: boolean;
  factCount: number;
}

/** SHA-256 over a pack and the hashes of its sources: equal packs give equal hashes. */
async function contentHashOf(pack: FactPack, sources: readonly Source[]): Promise<string> {
  const sourceHashes = sources.map((s) => `${s.id}:${s.sha256}`).sort();
  return sha256Hex(JSON.stringify({ pack, sourceHashes }));
}

/**
 * Stores the bundled pack (already validated) in one transaction, replacing the
 * previous bundled facts. Idempotent: when the same pack is already stored it
 * writes nothing. Imported packs and history are never touched.
 */
export async function seedBundledPack(
  db: CasefileDb,
  pack: FactPack,
  sources: readonly Source[],
  now: Date = new Date(),
): Promise<SeedOutcome> {
  const contentHash = await contentHashOf(pack, sources);
  return db.transaction('rw', [db.packs, db.facts, db.sources, db.meta], async () => {
    const existing = await db.packs.get(pack.id);
    if (existing?.contentHash === contentHash) {
      return { written: false, factCount: existing.factCount };
    }
    await writePack(db, pack, sources, 'bundled', contentHash, now);
    await db.meta.put({ key: 'lastSeed', value: { at: now.toISOString(), contentHash } });
    await db.meta.delete('seedError');
    return { written: true, factCount: pack.facts.length };
  });
}

/** Records that the background compared the bundled pack with the store, and whether it wrote. */
export async function recordSeedCheck(
  db: CasefileDb,
  check: { reason: string; written: boolean },
  now: Date = new Date(),
): Promise<void> {
  await db.meta.put({ key: 'lastSeedCheck', value: { ...check, at: now.toISOString() } });
}

/** Records why the bundled pack could not be stored, for the popup to show. */
export async function recordSeedError(db: CasefileDb, message: string): Promise<void> {
  await db.meta.put({ key: 'seedError', value: message });
}

async function writePack(
  db: CasefileDb,
  pack: FactPack,
  sources: readonly Source[],
  origin: PackRecord['origin'],
  contentHash: string,
  now: Date,
): Promise<void> {
  await db.facts.where('packId').equals(pack.id).delete();
  await db.facts.bulkPut(
    pack.facts.map((fact, position) => ({ ...fact, packId: pack.id, position })),
  );
  const stored = await db.sources.bulkGet(sources.map((s) => s.id));
  const fresh = sources
    .filter((s, i) => stored[i]?.sha256 !== s.sha256)
    .map((s) => ({ ...s, packId: pack.id }));
  await db.sources.bulkPut(fresh);
  await db.packs.put({
    id: pack.id,
    title: pack.title,
    revised: pack.revised,
    origin,
    contentHash,
    factCount: pack.facts.length,
    storedAt: now.toISOString(),
  });
}

export type ImportOutcome =
  { ok: true; pack: PackRecord; replaced: boolean } | { ok: false; problems: PackProblem[] };

/**
 * Imports a fact pack from the text of a JSON file. A pack with the id of one
 * already imported replaces it. On any problem (size, JSON, shape, anchors,
 * ids) nothing is written and the problems name the field paths at fault; a
 * failure while writing rolls the whole transaction back.
 */
export async function importPack(
  db: CasefileDb,
  text: string,
  now: Date = new Date(),
): Promise<ImportOutcome> {
  const stored = await db.sources.toArray();
  const result = await parsePackText(text, new Map(stored.map((s) => [s.id, s])));
  if (!result.ok) return result;
  const { pack, sources } = result;
  if (pack.id === BUNDLED_PACK_ID) {
    return {
      ok: false,
      problems: [
        { path: 'id', message: `"${pack.id}" is the bundled pack's id; give your pack its own id` },
      ],
    };
  }
  const contentHash = await contentHashOf(pack, sources);
  return db.transaction('rw', [db.packs, db.facts, db.sources], async () => {
    const replaced = (await db.packs.get(pack.id)) !== undefined;
    await writePack(db, pack, sources, 'imported', contentHash, now);
    const record = await db.packs.get(pack.id);
    if (!record) throw new Error(`pack "${pack.id}" vanished while it was written`);
    return { ok: true as const, pack: record, replaced };
  });
}

/**
 * Exports one stored pack (the bundled one by default) in the import format,
 * with the texts of every source it cites, so the file imports anywhere.
 * Throws when no such pack is stored.
 */
export async function exportPack(
  db: CasefileDb,
  packId: string = BUNDLED_PACK_ID,
): Promise<FactPack> {
  return db.transaction('r', [db.packs, db.facts, db.sources], async () => {
    const record = await db.packs.get(packId);
    if (!record) throw new Error(`no pack "${packId}" is stored`);
    const facts = await db.facts.where('packId').equals(packId).sortBy('position');
    const sourceIds = [...new Set(facts.flatMap((f) => f.evidence.map((e) => e.sourceId)))].sort();
    const sources = (await db.sources.bulkGet(sourceIds)).filter((s) => s !== undefined);
    return {
      format: 'casefile-facts',
      formatVersion: 1,
      id: record.id,
      title: record.title,
      revised: record.revised,
      sources: sources.map(({ packId: _pack, ...source }) => source),
      facts: facts.map(({ packId: _pack, position: _position, ...fact }) => fact),
    };
  });
}

/** Deletes an imported pack and its facts; sources no other fact cites go with it. */
export async function removePack(db: CasefileDb, packId: string): Promise<void> {
  if (packId === BUNDLED_PACK_ID) throw new Error('the bundled pack cannot be removed');
  await db.transaction('rw', [db.packs, db.facts, db.sources], async () => {
    await db.facts.where('packId').equals(packId).delete();
    await db.packs.delete(packId);
    const cited = new Set<string>();
    await db.facts.each((f) => f.evidence.forEach((e) => cited.add(e.sourceId)));
    const orphans = await db.sources.where('packId').equals(packId).primaryKeys();
    await db.sources.bulkDelete(orphans.filter((id) => !cited.has(id)));
  });
}
