import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf } from '../../entrypoints/content/page-scan.ts';

const CHUNK = 4000;

/** The chunks cover the text from end to end, in order, without gaps or overlaps. */
function expectTiling(text: string, chunks: { start: number; end: number }[]) {
  let at = 0;
  for (const chunk of chunks) {
    expect(chunk.start).toBe(at);
    expect(chunk.end).toBeGreaterThan(chunk.start);
    at = chunk.end;
  }
  expect(at).toBe(text.length);
}

describe('chunksOf', () => {
  it('cuts at paragraph breaks, a chunk holding paragraphs up to 4 000 characters', () => {
    const paragraph = 'p'.repeat(1500);
    const text = Array.from({ length: 6 }, () => paragraph).join('\n\n');
    const chunks = chunksOf(text);
    expectTiling(text, chunks);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks.slice(1))
      expect(text.slice(chunk.start, chunk.start + 2)).toBe('\n\n');
  });

  it('never makes a chunk longer than 8 000 characters, even of one run 2.45 million long', () => {
    const text = `${'a'.repeat(10)}\n\n${'x'.repeat(2_450_000)}\n\n${'b'.repeat(5000)}\n\nLe site Coco a été fermé.`;
    const chunks = chunksOf(text);
    expectTiling(text, chunks);
    expect(Math.max(...chunks.map((c) => c.end - c.start))).toBeLessThanOrEqual(2 * CHUNK);
    // The claim at the end is in a chunk of its own size, not lost in a huge one.
    const last = chunks.at(-1)!;
    expect(text.slice(last.start, last.end)).toContain('Le site Coco a été fermé.');
  });

  it('tiles any text with chunks of at most 8 000 characters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 12_000 }), fc.boolean()), { maxLength: 20 }),
        (parts) => {
          const text = parts.map(([n, brk]) => 'w'.repeat(n) + (brk ? '\n\n' : ' ')).join('');
          const chunks = chunksOf(text);
          expectTiling(text, chunks);
          for (const c of chunks) expect(c.end - c.start).toBeLessThanOrEqual(2 * CHUNK);
        },
      ),
      { numRuns: 200 },
    );
  });
});
