import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addHistory,
  CasefileDb,
  clearHistory,
  deleteHistory,
  HISTORY_LIMITS,
  HISTORY_REPLACE_WINDOW_MS,
  pruneHistory,
  searchHistory,
  type HistoryClaim,
  type HistoryEntry,
} from '../../lib/db.ts';

let db: CasefileDb;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new CasefileDb(`casefile-history-test-${counter}`);
  await db.open();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const claim = (text: string, verdict: HistoryClaim['verdict']): HistoryClaim => ({
  text,
  verdict,
  reason:
    verdict === 'unverified' ? 'about the case, but no verified fact speaks to what it says' : 'r',
});

/** An entry checked at `checkedAt`, with claims of the verdicts given. */
function entry(
  checkedAt: string,
  fields: Partial<HistoryEntry> & { claims?: HistoryClaim[] } = {},
): HistoryEntry {
  const { claims = [], ...rest } = fields;
  const counts = { supported: 0, contradicted: 0, unverified: 0 };
  for (const c of claims) counts[c.verdict] += 1;
  return {
    url: 'https://forum.example.org/t/coco-ferme/1234',
    title: 'Coco fermé : le fil',
    kind: 'page',
    language: 'fr',
    checkedAt,
    counts,
    results: { claims, quotes: [] },
    ...rest,
  };
}

const minutes = (iso: string, n: number) => new Date(Date.parse(iso) + n * 60_000).toISOString();

describe('addHistory', () => {
  it('stores an entry and returns its id', async () => {
    const id = await addHistory(db, entry('2026-03-01T10:00:00.000Z'));
    expect(await db.history.get(id)).toMatchObject({ id, checkedAt: '2026-03-01T10:00:00.000Z' });
  });

  it('replaces the entry of a page re-checked within ten minutes, keeping its id', async () => {
    const first = await addHistory(
      db,
      entry('2026-03-01T10:00:00.000Z', { claims: [claim('Coco fermé', 'supported')] }),
    );
    const again = await addHistory(
      db,
      entry(minutes('2026-03-01T10:00:00.000Z', 9), {
        claims: [claim('Coco fermé', 'supported'), claim('32 051 procédures', 'contradicted')],
      }),
    );
    expect(again).toBe(first);
    const stored = await db.history.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.counts).toEqual({ supported: 1, contradicted: 1, unverified: 0 });
    expect(stored[0]?.checkedAt).toBe(minutes('2026-03-01T10:00:00.000Z', 9));
  });

  it('adds a new entry for the same page after ten minutes, for another page, and for pasted text', async () => {
    const at = '2026-03-01T10:00:00.000Z';
    await addHistory(db, entry(at));
    await addHistory(
      db,
      entry(new Date(Date.parse(at) + HISTORY_REPLACE_WINDOW_MS + 1).toISOString()),
    );
    await addHistory(db, entry(minutes(at, 1), { url: 'https://example.org/autre' }));
    await addHistory(db, entry(minutes(at, 2), { url: '', kind: 'text', title: 'Texte collé' }));
    await addHistory(db, entry(minutes(at, 3), { url: '', kind: 'text', title: 'Texte collé' }));
    expect(await db.history.count()).toBe(5);
  });

  it('ignores an id given by the caller, and stores the time in UTC form', async () => {
    const id = await addHistory(db, { ...entry('2026-03-01T12:00:00+02:00'), id: 999 });
    expect(id).not.toBe(999);
    expect((await db.history.get(id))?.checkedAt).toBe('2026-03-01T10:00:00.000Z');
  });

  it('rejects a check time that is not a date', async () => {
    await expect(addHistory(db, entry('yesterday'))).rejects.toThrow(RangeError);
  });

  it('says the disk is full when the browser refuses a new entry for lack of space', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(db.history, 'add').mockRejectedValue(quota);
    const failure = addHistory(db, entry('2026-03-01T10:00:00.000Z'));
    await expect(failure).rejects.toThrow(Error);
    await expect(failure).rejects.toThrow(/history could not be saved because the disk is full/);
    // Dexie wraps the browser's error in its own QuotaExceededError, kept as the cause.
    await expect(failure).rejects.toMatchObject({ cause: { name: 'QuotaExceededError' } });
    expect(await db.history.count()).toBe(0);
  });

  it('says the disk is full when replacing an entry fails for lack of space, and keeps the old one', async () => {
    await addHistory(db, entry('2026-03-01T10:00:00.000Z', { title: 'Avant' }));
    vi.spyOn(db.history, 'put').mockRejectedValue(new Error('QuotaExceededError: disk full'));
    await expect(
      addHistory(db, entry('2026-03-01T10:05:00.000Z', { title: 'Après' })),
    ).rejects.toThrow(/disk is full/);
    expect((await db.history.toArray()).map((e) => e.title)).toEqual(['Avant']);
  });

  it('lets any other failure through as it is', async () => {
    vi.spyOn(db.history, 'add').mockRejectedValue(new TypeError('something else'));
    await expect(addHistory(db, entry('2026-03-01T10:00:00.000Z'))).rejects.toThrow(
      /^something else$/,
    );
  });
});

describe('searchHistory', () => {
  beforeEach(async () => {
    await addHistory(
      db,
      entry('2026-03-01T10:00:00.000Z', {
        url: 'https://www.lemonde.fr/pixels/article/coco',
        title: 'Fermeture de Coco : ce que l’on sait',
        claims: [claim('Le site Coco a été fermé le 25 juin 2024.', 'supported')],
      }),
    );
    await addHistory(
      db,
      entry('2026-03-02T10:00:00.000Z', {
        url: 'https://social.example/@marc/112233',
        title: 'Post de Marc',
        claims: [
          claim('Selon le parquet, 32 051 procédures ont été ouvertes.', 'contradicted'),
          claim('Le site de tchat Coco attirait 800 000 visiteurs par mois.', 'unverified'),
        ],
      }),
    );
    await addHistory(
      db,
      entry('2026-03-03T10:00:00.000Z', {
        url: '',
        kind: 'text',
        title: 'Texte collé',
        claims: [claim('La plateforme était IMMATRICULÉE à Malte.', 'contradicted')],
      }),
    );
  });

  const titles = (entries: HistoryEntry[]) => entries.map((e) => e.title);

  it('lists every entry, newest first', async () => {
    expect(titles(await searchHistory(db))).toEqual([
      'Texte collé',
      'Post de Marc',
      'Fermeture de Coco : ce que l’on sait',
    ]);
  });

  it.each([
    ['immatriculee', ['Texte collé']],
    ['Procédures', ['Post de Marc']],
    ['lemonde.fr', ['Fermeture de Coco : ce que l’on sait']],
    ['FERMETURE', ['Fermeture de Coco : ce que l’on sait']],
    ['coco', ['Post de Marc', 'Fermeture de Coco : ce que l’on sait']],
    ['marc 32 051', ['Post de Marc']],
    ['  ', ['Texte collé', 'Post de Marc', 'Fermeture de Coco : ce que l’on sait']],
    ['Guernesey', []],
  ])(
    'finds %j in the address, title or claims, in any case and with or without accents',
    async (query, expected) => {
      expect(titles(await searchHistory(db, { query }))).toEqual(expected);
    },
  );

  it('keeps entries with a claim of the verdict asked for', async () => {
    expect(titles(await searchHistory(db, { verdict: 'contradicted' }))).toEqual([
      'Texte collé',
      'Post de Marc',
    ]);
    expect(titles(await searchHistory(db, { verdict: 'unverified' }))).toEqual(['Post de Marc']);
    expect(titles(await searchHistory(db, { verdict: 'supported', query: 'marc' }))).toEqual([]);
  });

  it('returns at most `limit` entries, the newest', async () => {
    expect(titles(await searchHistory(db, { limit: 2 }))).toEqual(['Texte collé', 'Post de Marc']);
    expect(titles(await searchHistory(db, { verdict: 'contradicted', limit: 1 }))).toEqual([
      'Texte collé',
    ]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %d', async (limit) => {
    await expect(searchHistory(db, { limit })).rejects.toThrow(RangeError);
  });

  it('reads rows stored before entries had their typed shape without failing', async () => {
    await db.history.add({ ...entry('2026-02-01T10:00:00.000Z'), results: [] as never });
    expect(titles(await searchHistory(db, { query: 'coco' }))).toContain('Coco fermé : le fil');
    expect(await searchHistory(db, { verdict: 'supported' })).toHaveLength(1);
  });
});

describe('deleteHistory and clearHistory', () => {
  it('deletes the entries asked for, and then all of them', async () => {
    const a = await addHistory(
      db,
      entry('2026-03-01T10:00:00.000Z', { url: 'https://a.example/' }),
    );
    const b = await addHistory(
      db,
      entry('2026-03-01T11:00:00.000Z', { url: 'https://b.example/' }),
    );
    const c = await addHistory(
      db,
      entry('2026-03-01T12:00:00.000Z', { url: 'https://c.example/' }),
    );
    await deleteHistory(db, [a, c, 12345]);
    expect((await db.history.toArray()).map((e) => e.id)).toEqual([b]);
    await clearHistory(db);
    expect(await db.history.count()).toBe(0);
  });
});

describe('pruneHistory', () => {
  it('deletes entries older than the number of days given and says how many', async () => {
    const now = new Date('2026-03-31T12:00:00.000Z');
    for (const [i, iso] of [
      '2026-01-01T00:00:00.000Z',
      '2026-02-28T12:00:00.000Z',
      '2026-03-01T11:59:59.999Z',
      '2026-03-01T12:00:00.000Z',
      '2026-03-30T00:00:00.000Z',
    ].entries()) {
      await addHistory(db, entry(iso, { url: `https://example.org/${i}` }));
    }
    expect(await pruneHistory(db, 30, now)).toBe(3);
    expect((await db.history.orderBy('checkedAt').toArray()).map((e) => e.checkedAt)).toEqual([
      '2026-03-01T12:00:00.000Z',
      '2026-03-30T00:00:00.000Z',
    ]);
    expect(await pruneHistory(db, 30, now)).toBe(0);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d days', async (days) => {
    await expect(pruneHistory(db, days)).rejects.toThrow(RangeError);
  });
});

describe('addHistory bounds', () => {
  const at = (n: number) => new Date(Date.UTC(2026, 2, 1) + n * 60 * 60_000).toISOString();

  it('keeps the newest entries of one site, however many addresses it uses', async () => {
    const count = HISTORY_LIMITS.perOrigin + 15;
    for (let i = 0; i < count; i++)
      await addHistory(db, entry(at(i), { url: `https://feed.example.org/?page=${i}` }));
    await addHistory(db, entry(at(0), { url: 'https://other.example.org/a' }));
    await addHistory(db, entry(at(1), { url: '' }));
    const site = await db.history.where('url').startsWith('https://feed.example.org/').toArray();
    expect(site).toHaveLength(HISTORY_LIMITS.perOrigin);
    const kept = site.map((e) => e.checkedAt).sort();
    expect(kept[0]).toBe(at(15));
    expect(kept.at(-1)).toBe(at(count - 1));
    // Another site and pasted text are not counted against it.
    expect(await db.history.count()).toBe(HISTORY_LIMITS.perOrigin + 2);
  });

  it('keeps the newest entries in all, dropping the oldest first', async () => {
    const sites = Math.ceil((HISTORY_LIMITS.total + 20) / 10);
    const rows: HistoryEntry[] = [];
    for (let i = 0; i < HISTORY_LIMITS.total; i++)
      rows.push(entry(at(i), { url: `https://site${i % sites}.example.org/${i}` }));
    await db.history.bulkAdd(rows);
    await addHistory(db, entry(at(HISTORY_LIMITS.total), { url: 'https://new.example.org/x' }));
    await addHistory(db, entry(at(HISTORY_LIMITS.total + 1), { url: '' }));
    expect(await db.history.count()).toBe(HISTORY_LIMITS.total);
    const oldest = await db.history.orderBy('checkedAt').first();
    expect(oldest?.checkedAt).toBe(at(2));
  });
});
