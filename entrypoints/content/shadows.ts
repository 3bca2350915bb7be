/** Finding the page's open shadow roots (closed ones cannot be read, by design). */
import { runToEnd } from '../../lib/steps.ts';

/** Elements visited between two pauses of the walk for shadow roots. */
const SHADOW_WALK_STEP = 512;

/**
 * The open shadow roots under `root`, and under them, in steps of
 * SHADOW_WALK_STEP elements: each element read from a content script costs a
 * wrapper object, and a large page's walk is tens of milliseconds.
 */
export function* shadowRootSteps(root: Node): Generator<void, ShadowRoot[], void> {
  const found: ShadowRoot[] = [];
  const pending: Node[] = [root];
  let visited = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (
      !(next instanceof Element) &&
      !(next instanceof Document) &&
      !(next instanceof DocumentFragment)
    )
      continue;
    const walker = document.createTreeWalker(next, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const shadow = (node as Element).shadowRoot;
      if (shadow) {
        found.push(shadow);
        pending.push(shadow);
      }
      if (++visited % SHADOW_WALK_STEP === 0) yield;
    }
  }
  return found;
}

/** The open shadow roots under `root` at once, for a part the page just added. */
export function openShadowRoots(root: Node): ShadowRoot[] {
  return runToEnd(shadowRootSteps(root));
}
