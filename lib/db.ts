/**
 * The fact store: the one module that knows IndexedDB. Sources, facts and the
 * packs they came from, the moderators' history of checks, and a few
 * bookkeeping records. The database name is injected so tests open a fresh one.
 */
import { Dexie, type DexieOptions, type EntityTable, type Table } from 'dexie';
import { sha256Hex } from './facts/hash.ts';
import type { Fact, FactPack, LocalizedText, Source, SourceMeta } from './facts/schema.ts';
import { parsePackText, type PackProblem } from './facts/validate-pack.ts';
import type { HistoryEntry, Verdict } from './history/entry.ts';
import { statementsByPassage } from './history/reply.ts';
import {
  boundedRequest,
  REPORT_LIMITS,
  reportedAddress,
  type ReportedFact,
  type VerdictReport,
  type VerdictReportRequest,
} from './history/verdict-report.ts';
import { foldSameLength } from './text/fold.ts';

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

// The history entry's shape lives beside its pure builder and exports, which
// must not import Dexie; it is re-exported here with the functions that store it.
export type {
  HistoryClaim,
  HistoryEntry,
  HistoryMeta,
  HistoryQuote,
  Verdict,
} from './history/entry.ts';
export { historyEntryFrom } from './history/entry.ts';

export class CasefileDb extends Dexie {
  sources!: EntityTable<StoredSource, 'id'>;
  facts!: Table<StoredFact, [string, string]>;
  packs!: EntityTable<PackRecord, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  history!: EntityTable<HistoryEntry, 'id'>;
  reports!: EntityTable<VerdictReport, 'id'>;

  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Keep every version's declaration once a build has shipped it; add a
    // new version with an .upgrade() beside it rather than editing this one.
    // tests/lib/db-upgrade.test.ts opens a fixture of every earlier version's
    // database with this code, and fails until the new version has one too.
    this.version(1).stores({
      sources: 'id, packId',
      facts: '[packId+id], packId, id, topic',
      packs: 'id, origin',
      meta: 'key',
      history: '++id, checkedAt, url',
    });
    // Version 2: readers' reports of wrong verdicts (a new table, nothing to move).
    this.version(2).stores({ reports: '++id, reportedAt, requestId' });
  }
}

/** Whether an error, or any error it wraps (Dexie's `inner`, a `cause`), is a full disk. */
function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== null && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { name, message, inner, cause } = current as {
      name?: unknown;
      message?: unknown;
      inner?: unknown;
      cause?: unknown;
    };
    if (name === 'QuotaExceededError') return true;
    if (typeof message === 'string' && message.includes('QuotaExceededError')) return true;
    current = inner ?? cause;
  }
  return false;
}

/**
 * Runs a write; when the browser refuses it for lack of space, rejects with
 * an Error carrying `message` (for the user) and the browser's error as its
 * `cause`. Other errors reject as they are.
 */
async function reportingFullDisk<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new Error(message, { cause: error });
    throw error;
  }
}

const SEED_DISK_FULL =
  'The bundled facts could not be stored because the disk is full: free some space and restart the browser.';
const IMPORT_DISK_FULL =
  'The pack could not be imported because the disk is full: free some space and import it again.';
const HISTORY_DISK_FULL =
  'The history could not be saved because the disk is full: free some space and check again.';

export interface SeedOutcome {
  /** False when the bundled pack was already stored unchanged and nothing was written. */
  written: boolean;
  factCount: number;
}

/**
 * The shape in which facts and sources are written (`StoredFact`,
 * `StoredSource`). Part of the content hash: when the code writes records of
 * a new shape (a field added, like `position`), an unchanged pack is written
 * again on update instead of being left in the old shape. Before shape 2 the
 * hash held no shape, and the first release's facts had no `position`.
 * Raising it needs a fixture of the old shape in `tests/lib/db-upgrade.test.ts`.
 */
export const STORED_SHAPE = 2;

/** SHA-256 over a pack and the hashes of its sources: equal packs give equal hashes. */
async function contentHashOf(pack: FactPack, sources: readonly Source[]): Promise<string> {
  const sourceHashes = sources.map((s) => `${s.id}:${s.sha256}`).sort();
  return sha256Hex(JSON.stringify({ shape: STORED_SHAPE, pack, sourceHashes }));
}

/**
 * Stores the bundled pack (already validated) in one transaction, replacing the
 * previous bundled facts. Idempotent: when the same pack is already stored it
 * writes nothing. Imported packs and history are never touched. A failed write
 * leaves the store as it was; a full disk rejects with an Error saying so (the
 * browser's error is its `cause`).
 */
export async function seedBundledPack(
  db: CasefileDb,
  pack: FactPack,
  sources: readonly Source[],
  now: Date = new Date(),
): Promise<SeedOutcome> {
  const contentHash = await contentHashOf(pack, sources);
  return reportingFullDisk(SEED_DISK_FULL, () =>
    db.transaction('rw', [db.packs, db.facts, db.sources, db.meta], async () => {
      const existing = await db.packs.get(pack.id);
      if (existing?.contentHash === contentHash) {
        return { written: false, factCount: existing.factCount };
      }
      await writePack(db, pack, sources, 'bundled', contentHash, now);
      await db.meta.put({ key: 'lastSeed', value: { at: now.toISOString(), contentHash } });
      await db.meta.delete('seedError');
      return { written: true, factCount: pack.facts.length };
    }),
  );
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
 * failure while writing rolls the whole transaction back and rejects, with an
 * Error saying the disk is full when that is why (the browser's error is its
 * `cause`).
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
        {
          path: 'id',
          message: `"${pack.id}" is the bundled pack's id; give your pack its own id`,
          messages: {
            en: `"${pack.id}" is the bundled pack's id; give your pack its own id`,
            fr: `« ${pack.id} » est l’identifiant du pack fourni ; donnez au vôtre son propre identifiant`,
          },
        },
      ],
    };
  }
  const contentHash = await contentHashOf(pack, sources);
  return reportingFullDisk(IMPORT_DISK_FULL, () =>
    db.transaction('rw', [db.packs, db.facts, db.sources], async () => {
      const replaced = (await db.packs.get(pack.id)) !== undefined;
      await writePack(db, pack, sources, 'imported', contentHash, now);
      const record = await db.packs.get(pack.id);
      if (!record) throw new Error(`pack "${pack.id}" vanished while it was written`);
      return { ok: true as const, pack: record, replaced };
    }),
  );
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

// ——————————————————————————————— history ————————————————————————————————

/**
 * A page checked again within this time (a rescan after the page changed, a
 * reload) replaces its earlier entry instead of adding a near-duplicate; past
 * it, a new check is a new visit worth its own line.
 */
export const HISTORY_REPLACE_WINDOW_MS = 10 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How many entries the history keeps for one site (origin) and in all; past
 * either, the oldest go first. A page that changes its address every few
 * seconds (each address is a new entry) fills its own site's share and no
 * more. With the per-entry limits (HISTORY_ENTRY_LIMITS) a site holds a few
 * megabytes at most.
 */
export const HISTORY_LIMITS = { perOrigin: 50, total: 1000 } as const;

/** The origin an entry is filed under, or null for pasted text and addresses without one. */
function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Deletes the oldest of `entries` past the first `keep` (newest first by check time). */
async function dropOldest(db: CasefileDb, entries: HistoryEntry[], keep: number): Promise<void> {
  if (entries.length <= keep) return;
  entries.sort((a, b) => b.checkedAt.localeCompare(a.checkedAt));
  await db.history.bulkDelete(
    entries.slice(keep).flatMap((e) => (e.id === undefined ? [] : [e.id])),
  );
}

/**
 * Stores a history entry and returns its id. When an entry for the same page
 * (same non-empty url) was stored in the ten minutes before this check, it is
 * replaced — same id, new results — rather than duplicated. Past
 * HISTORY_LIMITS (per origin, then in all) the oldest entries are deleted. `checkedAt` is
 * stored in UTC form so that the index sorts by time. Rejects with a
 * RangeError for a `checkedAt` that is not a date, and with an Error saying
 * the disk is full when the browser refuses the write for lack of space (the
 * original error is its `cause`); other errors reject as they are.
 */
export async function addHistory(db: CasefileDb, entry: HistoryEntry): Promise<number> {
  const time = Date.parse(entry.checkedAt);
  if (Number.isNaN(time)) throw new RangeError(`"${entry.checkedAt}" is not a check time`);
  const { id: _id, ...fields } = entry;
  const record: HistoryEntry = { ...fields, checkedAt: new Date(time).toISOString() };
  return reportingFullDisk(HISTORY_DISK_FULL, () =>
    db.transaction('rw', db.history, async () => {
      if (record.url !== '') {
        const since = time - HISTORY_REPLACE_WINDOW_MS;
        const recent = (await db.history.where('url').equals(record.url).toArray())
          .filter((e) => Date.parse(e.checkedAt) >= since)
          .sort((a, b) => b.checkedAt.localeCompare(a.checkedAt));
        const [latest, ...older] = recent;
        if (latest?.id !== undefined) {
          await db.history.bulkDelete(older.flatMap((e) => (e.id === undefined ? [] : [e.id])));
          await db.history.put({ ...record, id: latest.id });
          return latest.id;
        }
      }
      const id = await db.history.add(record);
      if (id === undefined) throw new Error('the history entry was stored without an id');
      const origin = originOf(record.url);
      if (origin) {
        // Addresses of one origin sort together after it: a range of the url index.
        const site = await db.history.where('url').startsWith(`${origin}/`).toArray();
        await dropOldest(db, site, HISTORY_LIMITS.perOrigin);
      }
      const excess = (await db.history.count()) - HISTORY_LIMITS.total;
      if (excess > 0) {
        const oldest = await db.history.orderBy('checkedAt').limit(excess).primaryKeys();
        await db.history.bulkDelete(oldest);
      }
      return id;
    }),
  );
}

export interface HistoryQuery {
  /** Words to find, in any case and with or without accents, in the url, title or a claim. */
  query?: string;
  /** Keep only entries with at least one claim of this verdict. */
  verdict?: Verdict;
  /** At most this many entries (a positive integer); all when omitted. */
  limit?: number;
}

/** Lower case, no accents, one plain space for any run of white space. */
function foldForSearch(text: string): string {
  return foldSameLength(text.normalize('NFC')).replace(/\s+/g, ' ');
}

/** Claims of an entry; rows stored before entries had their typed shape have none. */
function claimsOf(entry: HistoryEntry): HistoryEntry['results']['claims'] {
  const claims = (entry.results as Partial<HistoryEntry['results']> | undefined)?.claims;
  return Array.isArray(claims) ? claims : [];
}

/**
 * History entries, newest first. With `query`, only those where every word
 * of the query appears (case and accents aside) in the url, the title or the
 * text of a claim; with `verdict`, only those with at least one claim of
 * that verdict. Throws a RangeError for a `limit` that is not a positive integer.
 */
export async function searchHistory(
  db: CasefileDb,
  { query = '', verdict, limit }: HistoryQuery = {},
): Promise<HistoryEntry[]> {
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit > 0)) {
    throw new RangeError(`a search limit must be a positive integer, not ${limit}`);
  }
  const words = foldForSearch(query).split(' ').filter(Boolean);
  const matches = (entry: HistoryEntry) => {
    const claims = claimsOf(entry);
    if (verdict !== undefined && !claims.some((c) => c.verdict === verdict)) return false;
    if (words.length === 0) return true;
    const haystack = foldForSearch(
      [entry.url, entry.title, ...claims.map((c) => c.text)].join('\n'),
    );
    return words.every((word) => haystack.includes(word));
  };
  const collection = db.history.orderBy('checkedAt').reverse().filter(matches);
  return limit === undefined ? collection.toArray() : collection.limit(limit).toArray();
}

/** Deletes the history entries with these ids; ids not stored are ignored. */
export async function deleteHistory(db: CasefileDb, ids: readonly number[]): Promise<void> {
  await db.history.bulkDelete([...ids]);
}

/** Deletes every history entry. */
export async function clearHistory(db: CasefileDb): Promise<void> {
  await db.history.clear();
}

/**
 * Deletes the entries checked more than `olderThanDays` days before `now`
 * and returns how many. Throws a RangeError for a negative or non-finite
 * number of days.
 */
export async function pruneHistory(
  db: CasefileDb,
  olderThanDays: number,
  now: Date = new Date(),
): Promise<number> {
  if (!(Number.isFinite(olderThanDays) && olderThanDays >= 0)) {
    throw new RangeError(`cannot keep history for ${olderThanDays} days`);
  }
  const cutoff = new Date(now.getTime() - olderThanDays * DAY_MS);
  if (Number.isNaN(cutoff.getTime())) throw new RangeError('pruning needs a valid date');
  return db.history.where('checkedAt').below(cutoff.toISOString()).delete();
}

/** The facts and sources an engine is built from, with where each fact came from. */
export interface FactSet {
  /** Every fact, the bundled pack's first, each pack in its own order, ids unique. */
  facts: Fact[];
  sources: Source[];
  /** For each fact's id in `facts`, its pack and its id there. */
  origins: Map<string, { packId: string; id: string }>;
}

/**
 * The order facts are read in everywhere: the bundled pack first, then each
 * imported pack by id, each in its authors' order (facts stored by the first
 * release have no position: they follow, by id).
 */
export function compareStoredFacts(
  a: Pick<StoredFact, 'packId' | 'id'> & { position?: number },
  b: Pick<StoredFact, 'packId' | 'id'> & { position?: number },
): number {
  const positionOf = (fact: { position?: number }) =>
    Number.isFinite(fact.position) ? fact.position! : Number.MAX_SAFE_INTEGER;
  return (
    Number(b.packId === BUNDLED_PACK_ID) - Number(a.packId === BUNDLED_PACK_ID) ||
    (a.packId < b.packId ? -1 : a.packId > b.packId ? 1 : 0) ||
    positionOf(a) - positionOf(b) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Every stored fact and source, as engines are built from them: the one
 * reading of the facts (the service worker's engine, the cards and the
 * replies all go through it). Fact ids are unique within a pack only: a
 * fact of an imported pack whose id is already taken is handed on as
 * `<pack>/<id>`, so no two facts share an id. Storage fields (`packId`,
 * `position`) are not part of a fact.
 */
export async function readFactSet(db: CasefileDb): Promise<FactSet> {
  return db.transaction('r', [db.facts, db.sources], async () => {
    const [facts, sources] = await Promise.all([db.facts.toArray(), db.sources.toArray()]);
    return factSetOf(facts, sources);
  });
}

/** The fact set of stored facts and sources (see readFactSet); sorts `facts` in place. */
function factSetOf(facts: StoredFact[], sources: readonly StoredSource[]): FactSet {
  const origins = new Map<string, { packId: string; id: string }>();
  return {
    facts: facts.sort(compareStoredFacts).map(({ packId, position: _position, ...fact }) => {
      const id = origins.has(fact.id) ? `${packId}/${fact.id}` : fact.id;
      origins.set(id, { packId, id: fact.id });
      return { ...fact, id };
    }),
    sources: sources.map(({ packId: _pack, ...source }) => source),
    origins,
  };
}

/** What a copied reply cites, from a fact set: the sources' descriptions and the statements by fact and passage. */
function citationsOfSet(set: FactSet): {
  sources: SourceMeta[];
  statements: Map<string, LocalizedText>;
} {
  return {
    sources: set.sources.map(({ text: _text, ...meta }) => meta),
    statements: statementsByPassage(set.facts),
  };
}

/** What the popup shows of the store, read in one consistent transaction. */
export interface StoreSummary {
  /** Every fact as stored, in `compareStoredFacts` order. */
  facts: StoredFact[];
  sources: Map<string, SourceMeta>;
  /** Each fact's statement, by the id the engine gives it and each passage it cites (statementKey). */
  statements: Map<string, LocalizedText>;
  /** Why the bundled pack could not be stored, when it could not. */
  seedError: string | undefined;
}

export async function readStoreSummary(db: CasefileDb): Promise<StoreSummary> {
  return db.transaction('r', [db.facts, db.sources, db.meta], async () => {
    const [facts, sources, seedError] = await Promise.all([
      db.facts.toArray(),
      db.sources.toArray(),
      db.meta.get('seedError'),
    ]);
    // One read of the facts: the set sorts them in place, for display too.
    const { sources: metas, statements } = citationsOfSet(factSetOf(facts, sources));
    return {
      facts,
      sources: new Map(metas.map((meta) => [meta.id, meta])),
      statements,
      seedError: typeof seedError?.value === 'string' ? seedError.value : undefined,
    };
  });
}

/** The sources' descriptions and the facts' statements (by engine id), for copied replies. */
export async function readCitations(
  db: CasefileDb,
): Promise<{ sources: SourceMeta[]; statements: Map<string, LocalizedText> }> {
  return citationsOfSet(await readFactSet(db));
}

/** A source and the facts citing it (in `compareStoredFacts` order), for the source viewer. */
export async function readSourceAndCiting(
  db: CasefileDb,
  sourceId: string,
): Promise<{
  source: StoredSource | undefined;
  citing: StoredFact[];
  publishers: Map<string, string>;
}> {
  return db.transaction('r', [db.sources, db.facts], async () => {
    const [sources, facts] = await Promise.all([db.sources.toArray(), db.facts.toArray()]);
    return {
      source: sources.find((s) => s.id === sourceId),
      citing: facts
        .filter((f) => f.evidence.some((e) => e.sourceId === sourceId))
        .sort(compareStoredFacts),
      publishers: new Map(sources.map((s) => [s.id, s.publisher])),
    };
  });
}

/** Every pack record: the bundled pack first, then by title. */
export async function listPacks(db: CasefileDb): Promise<PackRecord[]> {
  return (await db.packs.toArray()).sort(
    (a, b) =>
      Number(b.origin === 'bundled') - Number(a.origin === 'bundled') ||
      a.title.localeCompare(b.title) ||
      a.id.localeCompare(b.id),
  );
}

/** Removes every imported pack in one transaction: all of them go, or none. */
export async function removeImportedPacks(db: CasefileDb): Promise<void> {
  await db.transaction('rw', [db.packs, db.facts, db.sources], async () => {
    const ids = await db.packs.where('origin').equals('imported').primaryKeys();
    for (const id of ids) await removePack(db, id);
  });
}

const REPORT_DISK_FULL =
  'The report could not be kept because the disk is full: free some space and report it again.';

/** At most this many reports are kept; the oldest go first. */
export const REPORTS_MAX = 1_000;

/**
 * Keeps a reader's report of a wrong verdict (a request already checked
 * against VerdictReportRequestSchema), with the facts it names as their
 * packs have them now, so the report still says what was wrong after the
 * pack changes. Returns the stored report's id.
 */
export async function addVerdictReport(
  db: CasefileDb,
  request: VerdictReportRequest,
  page: { url: string; title: string },
  now: Date = new Date(),
): Promise<number> {
  request = boundedRequest(request);
  const set = await readFactSet(db);
  const byId = new Map(set.facts.map((f) => [f.id, f]));
  const packs = new Map((await db.packs.toArray()).map((p) => [p.id, p]));
  const facts: ReportedFact[] = request.factIds.flatMap((engineId) => {
    const fact = byId.get(engineId);
    const origin = set.origins.get(engineId);
    if (!fact || !origin) return [];
    return [
      {
        engineId,
        packId: origin.packId,
        id: origin.id,
        packRevised: packs.get(origin.packId)?.revised ?? '',
        statement: fact.statement,
        evidence: fact.evidence.map(({ sourceId, start, end, exact }) => ({
          sourceId,
          start,
          end,
          exact,
        })),
      },
    ];
  });
  const report: VerdictReport = {
    reportedAt: now.toISOString(),
    url: reportedAddress(page.url).slice(0, 2_000),
    title: page.title.slice(0, 500),
    claim: request.claim,
    verdict: request.verdict,
    reason: request.reason,
    note: request.note,
    facts,
    ...(request.requestId !== undefined && { requestId: request.requestId }),
  };
  return reportingFullDisk(REPORT_DISK_FULL, () =>
    db.transaction('rw', db.reports, async () => {
      // The same request sent again (its answer was lost with the worker): kept once.
      if (report.requestId !== undefined) {
        const kept = await db.reports.where('requestId').equals(report.requestId).first();
        if (kept?.id !== undefined) return kept.id;
      }
      const id = await db.reports.add(report);
      if (id === undefined) throw new Error('the report was stored without an id');
      const extra = (await db.reports.count()) - REPORTS_MAX;
      if (extra > 0) await db.reports.orderBy('reportedAt').limit(extra).delete();
      return id;
    }),
  );
}

/** Every kept report, newest first. */
export async function listVerdictReports(db: CasefileDb): Promise<VerdictReport[]> {
  return db.reports.orderBy('reportedAt').reverse().toArray();
}

/** Sets (or clears) the reader's note on a kept report, within REPORT_LIMITS. */
export async function setReportNote(db: CasefileDb, id: number, note: string): Promise<void> {
  await db.reports.update(id, { note: note.trim().slice(0, REPORT_LIMITS.note) });
}

export async function deleteVerdictReports(db: CasefileDb, ids: readonly number[]): Promise<void> {
  await db.reports.bulkDelete([...ids]);
}
