/**
 * Work in steps: a generator that pauses (`yield`) between pieces of a long
 * computation and returns its result at the end. The content script drives
 * such steps within its time budget; everyone else runs them at once.
 */

/** Runs `steps` to their end in one go and returns their result. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
