/**
 * Work in steps: a generator that pauses (`yield`) between pieces of a long
 * computation and returns its result at the end. The content script drives
 * such steps within a time budget (`inSlices`: the walk of a page's text,
 * the search for shadow roots), so that the page never freezes; tests and
 * the command line run them at once (`runToEnd`).
 */

/** Runs `steps` to their end in one go and returns their result. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * Work in the same task goes on until it has run this long; then the
 * browser gets the main thread back (input, painting, the page's own
 * scripts) before the next step.
 */
export const SLICE_MS = 8;

/** The parts of the Prioritized Task Scheduling API used here, where the browser has it. */
interface TaskScheduler {
  postTask?: (task: () => void, options: { priority: 'user-visible' }) => Promise<void>;
}

/**
 * Lets the browser run other tasks (input, painting, the page's scripts).
 * The next slice is posted as an ordinary task, queued behind the page's own:
 * `scheduler.yield()` would resume ahead of them, and a pass of many slices
 * would hold back the page's timers until its end.
 */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'user-visible' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The time budget of one task, shared by everything a page's pass does
 * (reading the DOM, cutting and sending chunks, placing ranges, looking for
 * shadow roots): `pause()` gives the main thread back to the browser once
 * the task has run SLICE_MS, and resolves at once (without a task switch)
 * before that.
 */
export class Slicer {
  private start = performance.now();
  private readonly signal: AbortSignal;

  constructor(signal: AbortSignal) {
    this.signal = signal;
  }

  /** Yields to the browser if this task has run its share; false when the pass was aborted. */
  async pause(): Promise<boolean> {
    if (performance.now() - this.start > SLICE_MS) {
      await yieldToBrowser();
      this.start = performance.now();
    }
    return !this.signal.aborted;
  }
}

/**
 * Runs `steps` to their end within the pass's time budget, adding the time
 * they take to `timing`'s scan when given; null when the pass is aborted on
 * the way.
 */
export async function inSlices<T>(
  steps: Generator<void, T, void>,
  slicer: Slicer,
  timing?: { scan: number },
): Promise<T | null> {
  for (;;) {
    if (!(await slicer.pause())) return null;
    const t = performance.now();
    const step = steps.next();
    if (timing) timing.scan += performance.now() - t;
    if (step.done) return step.value;
  }
}
