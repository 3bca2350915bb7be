import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAP, placement } from '../../entrypoints/content/placement.ts';

const VIEWPORT = { width: 1200, height: 800 };

/** Whether two boxes share any area. */
function overlap(
  a: { top: number; bottom: number; left: number; right: number },
  b: { top: number; bottom: number; left: number; right: number },
): boolean {
  return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
}

function boxOf(spot: ReturnType<typeof placement>, height: number) {
  const shown = spot.maxHeight === null ? height : Math.min(height, spot.maxHeight);
  return {
    top: spot.top,
    bottom: spot.top + shown,
    left: spot.left,
    right: spot.left + spot.width,
  };
}

describe('where the card goes', () => {
  it('goes below a claim when it fits, above when it does not', () => {
    const line = { top: 100, bottom: 120, left: 50, right: 600 };
    expect(placement(line, 500, VIEWPORT)).toMatchObject({ top: 120 + GAP, maxHeight: null });
    const low = { top: 700, bottom: 720, left: 50, right: 600 };
    expect(placement(low, 500, VIEWPORT)).toMatchObject({ top: 700 - GAP - 500, maxHeight: null });
  });

  it('measures: a 560 px card under a claim in the middle of a 800 px window goes above it', () => {
    const middle = { top: 380, bottom: 420, left: 50, right: 600 };
    const spot = placement(middle, 560, VIEWPORT);
    expect(overlap(boxOf(spot, 560), middle)).toBe(false);
    expect(spot.top).toBeGreaterThanOrEqual(GAP);
  });

  it('never covers its highlight while there is room around it, and stays in the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 780 }),
        fc.integer({ min: 14, max: 400 }),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 120, max: 900 }),
        (top, tall, left, height) => {
          const anchor = {
            top,
            bottom: Math.min(top + tall, 800),
            left,
            right: Math.min(left + 300, 1200),
          };
          const spot = placement(anchor, height, VIEWPORT);
          const box = boxOf(spot, height);
          // Inside the window.
          expect(box.top).toBeGreaterThanOrEqual(0);
          expect(box.bottom).toBeLessThanOrEqual(VIEWPORT.height);
          expect(box.left).toBeGreaterThanOrEqual(0);
          expect(box.right).toBeLessThanOrEqual(VIEWPORT.width);
          // Off the highlight whenever a side has room for a card worth reading.
          const room = Math.max(anchor.top, VIEWPORT.height - anchor.bottom) - 2 * GAP;
          if (room >= 160) expect(overlap(box, anchor)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('goes beside a highlight as tall as the window, when the window is wide enough', () => {
    const tall = { top: 0, bottom: 800, left: 40, right: 600 };
    const spot = placement(tall, 500, VIEWPORT);
    expect(spot.left).toBeGreaterThanOrEqual(600);
    expect(overlap(boxOf(spot, 500), tall)).toBe(false);
  });

  it('fits a narrow window', () => {
    const spot = placement({ top: 100, bottom: 120, left: 10, right: 300 }, 300, {
      width: 320,
      height: 640,
    });
    expect(spot.width).toBe(320 - 2 * GAP);
    expect(spot.left).toBe(GAP);
  });
});
