import { afterEach, describe, expect, it, vi } from 'vitest';
import { inSlices, runToEnd, SLICE_MS, Slicer } from '../../lib/steps.ts';

/** Ten steps, each of which the fake clock says takes `stepMs`. */
function* work(clock: { now: number }, stepMs: number): Generator<void, string, void> {
  for (let i = 0; i < 10; i++) {
    clock.now += stepMs;
    yield;
  }
  return 'done';
}

/** A clock that moves only when the work says so, and counts the times the browser got the thread. */
function fakeClock() {
  const clock = { now: 0, yields: 0 };
  vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
  vi.stubGlobal('scheduler', {
    postTask: (task: () => void) => {
      clock.yields += 1;
      return Promise.resolve().then(task);
    },
  });
  return clock;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('inSlices', () => {
  it('gives the thread back each time a slice has run its time, and returns the result', async () => {
    const clock = fakeClock();
    const stepMs = 3;
    expect(await inSlices(work(clock, stepMs), new Slicer(new AbortController().signal))).toBe(
      'done',
    );
    // 30 ms of work in slices of just over SLICE_MS: a yield every three steps.
    expect(clock.yields).toBe(Math.floor((10 * stepMs) / (SLICE_MS + 1)));
    expect(clock.yields).toBeGreaterThan(1);
  });

  it('does not yield at all for work shorter than one slice', async () => {
    const clock = fakeClock();
    expect(await inSlices(work(clock, 0.5), new Slicer(new AbortController().signal))).toBe('done');
    expect(clock.yields).toBe(0);
  });

  it('stops at the next pause once aborted, with null', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const steps = work(clock, 3);
    const result = inSlices(steps, new Slicer(controller.signal));
    controller.abort();
    expect(await result).toBeNull();
    // Aborted while the first pause was settling: that one step ran, no other.
    expect(clock.now).toBe(3);
  });

  it('gives what runToEnd gives', async () => {
    const clock = fakeClock();
    expect(runToEnd(work(clock, 3))).toBe(
      await inSlices(work(clock, 3), new Slicer(new AbortController().signal)),
    );
  });
});
