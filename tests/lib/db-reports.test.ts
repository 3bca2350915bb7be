import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addVerdictReport,
  BUNDLED_PACK_ID,
  CasefileDb,
  deleteVerdictReports,
  importPack,
  listVerdictReports,
  REPORTS_MAX,
  setReportNote,
  seedBundledPack,
} from '../../lib/db.ts';
import { VerdictReportRequestSchema } from '../../lib/history/report-request-schema.ts';
import {
  reportRequestOf,
  reportsExport,
  type VerdictReport,
} from '../../lib/history/verdict-report.ts';
import { copyOfFirstFact, seedPack } from '../helpers/seed-files.ts';

let db: CasefileDb;
let counter = 0;
let bundled: Awaited<ReturnType<typeof seedPack>>;

beforeEach(async () => {
  counter += 1;
  db = new CasefileDb(`casefile-reports-test-${counter}`);
  await db.open();
  bundled = await seedPack();
  await seedBundledPack(db, bundled.pack, bundled.sources);
});

afterEach(async () => {
  await db.delete();
});

describe('verdict reports', () => {
  const request = (fields: Partial<Parameters<typeof addVerdictReport>[1]> = {}) => ({
    claim: 'Selon le parquet, 32 051 procédures liées à Coco ont été ouvertes.',
    verdict: 'contradicted' as const,
    reason: '32,051 stated; the sources say 23,051',
    factIds: ['proceedings-2021-2024'],
    note: 'Le chiffre de la page est le bon.',
    ...fields,
  });

  it('keeps the claim, the verdict, the note and each fact as its pack has it', async () => {
    await importPack(db, JSON.stringify(copyOfFirstFact(bundled.pack)));
    const first = bundled.pack.facts[0]!;
    const page = { url: 'https://forum.example.org/t/1', title: 'Fil' };
    await addVerdictReport(
      db,
      request({ factIds: [first.id, `my-notes/${first.id}`, 'gone-fact'] }),
      page,
      new Date('2026-12-01T09:30:00Z'),
    );
    const [report] = await listVerdictReports(db);
    expect(report).toMatchObject({
      reportedAt: '2026-12-01T09:30:00.000Z',
      ...page,
      verdict: 'contradicted',
      note: 'Le chiffre de la page est le bon.',
    });
    // A fact the store no longer has is not made up.
    expect(report!.facts.map((f) => [f.engineId, f.packId, f.id, f.packRevised])).toEqual([
      [first.id, BUNDLED_PACK_ID, first.id, bundled.pack.revised],
      [`my-notes/${first.id}`, 'my-notes', first.id, '2026-11-30'],
    ]);
    expect(report!.facts[0]!.statement).toEqual(first.statement);
    expect(report!.facts[0]!.evidence).toHaveLength(first.evidence.length);
    for (const e of report!.facts[0]!.evidence) {
      const source = bundled.sources.find((s) => s.id === e.sourceId)!;
      expect(source.text.slice(e.start, e.end)).toBe(e.exact);
    }
  });

  it('lists newest first, deletes by id, and keeps at most REPORTS_MAX, dropping the oldest', async () => {
    const old: VerdictReport[] = Array.from({ length: REPORTS_MAX }, (_, i) => ({
      reportedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      url: `https://example.org/${i}`,
      title: '',
      claim: `claim ${i}`,
      verdict: 'unverified',
      reason: '',
      note: '',
      facts: [],
    }));
    await db.reports.bulkAdd(old);
    await addVerdictReport(db, request(), { url: 'https://example.org/new', title: '' });
    const reports = await listVerdictReports(db);
    expect(reports).toHaveLength(REPORTS_MAX);
    expect(reports[0]!.url).toBe('https://example.org/new');
    expect(reports.some((r) => r.claim === 'claim 0')).toBe(false);
    expect(reports.at(-1)!.claim).toBe('claim 1');
    await deleteVerdictReports(db, [reports[0]!.id!]);
    expect((await listVerdictReports(db))[0]!.claim).toBe(`claim ${REPORTS_MAX - 1}`);
  });

  it.each([
    ['an unknown field', { ...request(), url: 'https://elsewhere.example' }],
    ['an empty claim', request({ claim: '   ' })],
    ['a note past the limit', request({ note: 'x'.repeat(1_001) })],
    ['a verdict that is not one', { ...request(), verdict: 'false' }],
    ['too many facts', request({ factIds: Array.from({ length: 11 }, (_, i) => `f-${i}`) })],
    ['facts that are not a list', { ...request(), factIds: 'victims-480' }],
  ])('refuses a request with %s', (_what, hostile) => {
    expect(VerdictReportRequestSchema.safeParse(hostile).success).toBe(false);
  });

  it('builds a valid request from a checked claim, each fact once', () => {
    const built = reportRequestOf(
      {
        text: '  Coco a fermé le 26 juin 2024.  ',
        verdict: 'contradicted',
        reason: 'r',
        checks: [{ factId: 'a' } as never, { factId: 'b' } as never, { factId: 'a' } as never],
      },
      '  faux  ',
    );
    expect(built).toEqual({
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      claim: 'Coco a fermé le 26 juin 2024.',
      verdict: 'contradicted',
      reason: 'r',
      factIds: ['a', 'b'],
      note: 'faux',
    });
    expect(VerdictReportRequestSchema.safeParse(built).success).toBe(true);
  });

  it('exports every report newest first, without store ids, in a named format', async () => {
    await addVerdictReport(db, request({ claim: 'older' }), { url: '', title: '' }, new Date(1));
    await addVerdictReport(db, request({ claim: 'newer' }), { url: '', title: '' }, new Date(2));
    const file = reportsExport(await db.reports.toArray(), new Date('2026-12-02T00:00:00Z'));
    expect(file).toMatchObject({
      format: 'casefile-verdict-reports',
      formatVersion: 1,
      generatedAt: '2026-12-02T00:00:00.000Z',
    });
    expect(file.reports.map((r) => r.claim)).toEqual(['newer', 'older']);
    expect(file.reports.every((r) => !('id' in r))).toBe(true);
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
  });
});

describe('verdict reports kept safely', () => {
  const base = {
    claim: 'Selon le parquet, 32 051 procédures liées à Coco ont été ouvertes.',
    verdict: 'contradicted' as const,
    reason: 'r',
    factIds: [] as string[],
    note: '',
  };

  it('keeps a request sent again (its answer lost with the worker) once', async () => {
    const request = { ...base, requestId: crypto.randomUUID() };
    const first = await addVerdictReport(db, request, { url: 'https://example.org/a', title: '' });
    const again = await addVerdictReport(db, request, { url: 'https://example.org/a', title: '' });
    expect(again).toBe(first);
    expect(await db.reports.count()).toBe(1);
    // Another report of the same claim is another report.
    await addVerdictReport(
      db,
      { ...base, requestId: crypto.randomUUID() },
      { url: 'https://example.org/a', title: '' },
    );
    expect(await db.reports.count()).toBe(2);
  });

  it('keeps the page’s address without its query or fragment, and only a web page’s', async () => {
    await addVerdictReport(db, base, {
      url: 'https://forum.example.org/t/1?session=secret&token=abc#reply-9',
      title: 'Fil',
    });
    await addVerdictReport(db, base, { url: 'file:///home/me/notes.html', title: '' });
    const urls = (await listVerdictReports(db)).map((r) => r.url).sort();
    expect(urls).toEqual(['', 'https://forum.example.org/t/1']);
    const file = reportsExport(await db.reports.toArray(), new Date());
    expect(JSON.stringify(file)).not.toMatch(/secret|token|reply-9|requestId/);
  });

  it('bounds what an extension page asks to keep, and the note written later', async () => {
    const id = await addVerdictReport(
      db,
      { ...base, claim: 'x'.repeat(5_000), note: 'n'.repeat(5_000), factIds: Array(20).fill('f') },
      { url: '', title: '' },
    );
    const [report] = await listVerdictReports(db);
    expect(report!.claim).toHaveLength(2_000);
    expect(report!.note).toHaveLength(1_000);
    await setReportNote(db, id, `  ${'m'.repeat(3_000)}  `);
    expect((await db.reports.get(id))!.note).toBe('m'.repeat(1_000));
    await setReportNote(db, id, 'Le chiffre de la page est le bon.');
    expect((await db.reports.get(id))!.note).toBe('Le chiffre de la page est le bon.');
  });
});
