import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Checker, MAX_CHECK_CHARS } from '../../entrypoints/background/checker.ts';
import { checkText, createEngine, type Engine } from '../../lib/check-text.ts';
import { caseSignals } from '../../lib/mentions/find-mentions.ts';
import type { FactsReply } from '../../utils/messages.ts';
import { seedPack } from '../helpers/seed-files.ts';

let stored: FactsReply;
let engine: Engine;
beforeAll(async () => {
  const { pack, sources } = await seedPack();
  stored = { facts: pack.facts, sources };
  engine = createEngine(pack.facts, sources);
});

/** An article of two chunks: the first names the site, the case's signals come in the second. */
const FIRST = 'Pendant vingt ans, Coco a fait partie du paysage.\n\n';
const SECOND =
  'Le parquet de Paris et la JUNALCO ont annoncé la fermeture, avec Eurojust et la gendarmerie.';

describe('Checker (the service worker’s one engine)', () => {
  it('checks each chunk as the page would have, with an article’s signals shared by its chunks', async () => {
    const checker = new Checker(() => Promise.resolve(stored));
    const article = FIRST + SECOND;
    const reports = await checker.check({
      type: 'casefile:check',
      chunks: [
        { text: FIRST, at: 0 },
        { text: SECOND, at: FIRST.length },
      ],
      article,
    });
    const signals = caseSignals(article);
    const shifted = (at: number) => ({
      signals: { at: signals.at.map((p) => p - at), ids: signals.ids },
    });
    expect(reports).toEqual([
      checkText(engine, FIRST, shifted(0)),
      checkText(engine, SECOND, shifted(FIRST.length)),
    ]);
    // The first chunk alone is not about the case; with its article, it is.
    expect(checkText(engine, FIRST).aboutCase).toBe(false);
    expect(reports?.[0]?.aboutCase).toBe(true);
  });

  it('checks a chunk alone when no article is given', async () => {
    const checker = new Checker(() => Promise.resolve(stored));
    const reports = await checker.check({
      type: 'casefile:check',
      chunks: [{ text: FIRST, at: 0 }],
    });
    expect(reports).toEqual([checkText(engine, FIRST)]);
  });

  it('builds the engine once, and again after the facts changed', async () => {
    const read = vi.fn(() => Promise.resolve(stored));
    const checker = new Checker(read);
    const request = { type: 'casefile:check' as const, chunks: [{ text: SECOND, at: 0 }] };
    await checker.check(request);
    await checker.check(request);
    expect(read).toHaveBeenCalledTimes(1);
    checker.invalidate();
    await checker.check(request);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('answers null when no fact is stored, and reads again after a failed read', async () => {
    expect(
      await new Checker(() => Promise.resolve({ facts: [], sources: [] })).check({
        type: 'casefile:check',
        chunks: [{ text: SECOND, at: 0 }],
      }),
    ).toBeNull();
    const read = vi
      .fn<() => Promise<FactsReply>>()
      .mockRejectedValueOnce(new Error('disk'))
      .mockResolvedValue(stored);
    const checker = new Checker(read);
    const request = { type: 'casefile:check' as const, chunks: [{ text: SECOND, at: 0 }] };
    await expect(checker.check(request)).rejects.toThrow('disk');
    expect(await checker.check(request)).toHaveLength(1);
  });

  it('refuses a request past its size limit, before building anything', async () => {
    const read = vi.fn(() => Promise.resolve(stored));
    const checker = new Checker(read);
    const huge = 'x'.repeat(MAX_CHECK_CHARS / 2 + 1);
    await expect(
      checker.check({
        type: 'casefile:check',
        chunks: [
          { text: huge, at: 0 },
          { text: huge, at: huge.length },
        ],
      }),
    ).rejects.toThrow(RangeError);
    expect(read).not.toHaveBeenCalled();
  });

  it('lets askers take turns: a short request is answered before a long one of another tab ends', async () => {
    // 100 chunks of 5,000 characters take the worker well over one slice:
    // the short request, come meanwhile, is served at the first turn.
    const checker = new Checker(() => Promise.resolve(stored));
    const chunk = { text: (FIRST + SECOND + '\n\n').repeat(30), at: 0 };
    const answered: string[] = [];
    const long = checker
      .check({ type: 'casefile:check', chunks: Array.from({ length: 100 }, () => chunk) }, 1)
      .then((reports) => answered.push(`long ${reports?.length}`));
    const short = checker
      .check({ type: 'casefile:check', chunks: [{ text: SECOND, at: 0 }] }, 2)
      .then((reports) => answered.push(`short ${reports?.length}`));
    await Promise.all([long, short]);
    expect(answered).toEqual(['short 1', 'long 100']);
  });

  it('answers one asker’s requests in the order they came, each with its own reports', async () => {
    const checker = new Checker(() => Promise.resolve(stored));
    const [first, second] = await Promise.all([
      checker.check({ type: 'casefile:check', chunks: [{ text: FIRST, at: 0 }] }, 7),
      checker.check({ type: 'casefile:check', chunks: [{ text: SECOND, at: 0 }] }, 7),
    ]);
    expect(first).toEqual([checkText(engine, FIRST)]);
    expect(second).toEqual([checkText(engine, SECOND)]);
  });
});
