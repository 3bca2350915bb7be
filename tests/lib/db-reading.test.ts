/**
 * The store's readings, the one way each part of the extension reads facts,
 * sources and packs: the same order, the same ids, everywhere.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BUNDLED_PACK_ID,
  CasefileDb,
  compareStoredFacts,
  importPack,
  listPacks,
  readCitations,
  readFactSet,
  readSourceAndCiting,
  readStoreSummary,
  removeImportedPacks,
  seedBundledPack,
} from '../../lib/db.ts';
import { statementKey } from '../../lib/history/reply.ts';
import { copyOfFirstFact, seedPack } from '../helpers/seed-files.ts';

let db: CasefileDb;
let counter = 0;
let bundled: Awaited<ReturnType<typeof seedPack>>;

beforeEach(async () => {
  counter += 1;
  db = new CasefileDb(`casefile-reading-test-${counter}`);
  await db.open();
  bundled = await seedPack();
  await seedBundledPack(db, bundled.pack, bundled.sources);
});

afterEach(async () => {
  await db.delete();
});

describe('readFactSet', () => {
  it('gives the bundled facts first, in their pack’s order, and a taken id as <pack>/<id>', async () => {
    expect((await importPack(db, JSON.stringify(copyOfFirstFact(bundled.pack)))).ok).toBe(true);
    const set = await readFactSet(db);
    const first = bundled.pack.facts[0]!;
    expect(set.facts.slice(0, bundled.pack.facts.length).map((f) => f.id)).toEqual(
      bundled.pack.facts.map((f) => f.id),
    );
    const copy = set.facts.at(-1)!;
    expect(copy.id).toBe(`my-notes/${first.id}`);
    expect(copy.statement.en).toBe('My version.');
    expect(set.origins.get(copy.id)).toEqual({ packId: 'my-notes', id: first.id });
    expect(set.origins.get(first.id)).toEqual({ packId: BUNDLED_PACK_ID, id: first.id });
    // Storage fields are not part of a fact.
    expect(Object.keys(copy)).not.toContain('packId');
    expect(Object.keys(copy)).not.toContain('position');
    expect(set.sources.map((s) => s.id).sort()).toEqual(bundled.sources.map((s) => s.id).sort());
    expect(Object.keys(set.sources[0]!)).not.toContain('packId');
  });
});

describe('the other readings', () => {
  it('order facts the same way: bundled first, packs by id, the authors’ order, then by id', () => {
    const fact = (packId: string, id: string, position?: number) => ({ packId, id, position });
    const sorted = [
      fact('zz-notes', 'b', 0),
      fact('aa-notes', 'z', 1),
      fact(BUNDLED_PACK_ID, 'later', 3),
      fact('aa-notes', 'y', 0),
      fact(BUNDLED_PACK_ID, 'first', 0),
      fact('aa-notes', 'old-b'),
      fact('aa-notes', 'old-a'),
    ].sort(compareStoredFacts);
    expect(sorted.map((f) => `${f.packId}:${f.id}`)).toEqual([
      `${BUNDLED_PACK_ID}:first`,
      `${BUNDLED_PACK_ID}:later`,
      'aa-notes:y',
      'aa-notes:z',
      'aa-notes:old-a',
      'aa-notes:old-b',
      'zz-notes:b',
    ]);
  });

  it('give the popup and the history each statement under the id the engine gives its fact', async () => {
    await importPack(db, JSON.stringify(copyOfFirstFact(bundled.pack)));
    const first = bundled.pack.facts[0]!;
    const summary = await readStoreSummary(db);
    expect(summary.facts[0]!.packId).toBe(BUNDLED_PACK_ID);
    expect(summary.facts.at(-1)!.packId).toBe('my-notes');
    // A contradicted claim resting on the imported copy names it `my-notes/<id>`:
    // its reply must find that fact's own statement, not the bundled one's.
    const passage = first.evidence[0]!;
    expect(summary.statements.get(statementKey(`my-notes/${first.id}`, passage))?.en).toBe(
      'My version.',
    );
    expect(summary.statements.get(statementKey(first.id, passage))).toEqual(first.statement);
    // A fact id with a passage its fact does not cite finds no statement.
    expect(summary.statements.get(statementKey(first.id, { sourceId: 'other', start: 0 }))).toBe(
      undefined,
    );
    expect([...summary.sources.values()].every((s) => !('text' in s))).toBe(true);
    const citations = await readCitations(db);
    expect(citations.statements).toEqual(summary.statements);
    expect(citations.sources.map((s) => s.id).sort()).toEqual([...summary.sources.keys()].sort());
  });

  it('give the source viewer the source and the facts citing it, in order', async () => {
    const sourceId = bundled.sources[0]!.id;
    const page = await readSourceAndCiting(db, sourceId);
    expect(page.source?.id).toBe(sourceId);
    const citing = bundled.pack.facts.filter((f) =>
      f.evidence.some((e) => e.sourceId === sourceId),
    );
    expect(page.citing.map((f) => f.id)).toEqual(citing.map((f) => f.id));
    expect(page.publishers.get(sourceId)).toBe(bundled.sources[0]!.publisher);
    expect((await readSourceAndCiting(db, 'no-such-source')).source).toBeUndefined();
  });

  it('list the bundled pack first, then by title, and remove every imported pack at once', async () => {
    await importPack(db, JSON.stringify(copyOfFirstFact(bundled.pack, 'zeta-notes', 'Alpha')));
    await importPack(db, JSON.stringify(copyOfFirstFact(bundled.pack, 'alpha-notes', 'Zeta')));
    expect((await listPacks(db)).map((p) => p.id)).toEqual([
      BUNDLED_PACK_ID,
      'zeta-notes',
      'alpha-notes',
    ]);
    await removeImportedPacks(db);
    expect((await listPacks(db)).map((p) => p.id)).toEqual([BUNDLED_PACK_ID]);
    expect((await readFactSet(db)).facts).toHaveLength(bundled.pack.facts.length);
  });
});
