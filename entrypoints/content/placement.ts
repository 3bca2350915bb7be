/**
 * Where the card goes beside a highlight: a pure function of the
 * highlight's box, the card's measured height and the window, so that it can
 * be tested without a browser.
 */

/** Space between the highlight and the card, and between the card and the window's edges, in CSS pixels. */
export const GAP = 8;
export const CARD_WIDTH = 420;
/** Below this height the card would show too little: it goes beside the highlight, or takes the larger side anyway. */
const MIN_CARD_HEIGHT = 160;

/** Where the card goes, in viewport coordinates, and the height it must keep to (null: its own). */
export interface Placement {
  top: number;
  left: number;
  width: number;
  maxHeight: number | null;
}

/**
 * Places a card of the measured `height` next to the highlight `anchor`,
 * inside the viewport: below it when it fits, else above, else beside it
 * when the highlight is tall and the window wide, else on the larger side,
 * scrolling inside itself. It never covers the highlight while there is any
 * room around it.
 */
export function placement(
  anchor: { top: number; bottom: number; left: number; right: number },
  height: number,
  viewport: { width: number; height: number },
): Placement {
  const width = Math.min(CARD_WIDTH, viewport.width - 2 * GAP);
  const left = Math.max(GAP, Math.min(anchor.left, viewport.width - width - GAP));
  const below = viewport.height - Math.max(anchor.bottom, 0) - 2 * GAP;
  const above = Math.min(anchor.top, viewport.height) - 2 * GAP;
  if (height <= below)
    return { top: Math.max(anchor.bottom, 0) + GAP, left, width, maxHeight: null };
  if (height <= above) return { top: anchor.top - GAP - height, left, width, maxHeight: null };
  const tall = Math.min(height, viewport.height - 2 * GAP);
  if (Math.max(below, above) < Math.min(height, MIN_CARD_HEIGHT)) {
    // A highlight as tall as the window: beside it, if the window is wide enough.
    const top = Math.max(GAP, Math.min(anchor.top, viewport.height - GAP - tall));
    if (viewport.width - anchor.right - 2 * GAP >= width)
      return { top, left: anchor.right + GAP, width, maxHeight: tall };
    if (anchor.left - 2 * GAP >= width)
      return { top, left: anchor.left - GAP - width, width, maxHeight: tall };
  }
  // The larger side, the card scrolling inside itself.
  const room = Math.max(below, above, MIN_CARD_HEIGHT);
  return below >= above
    ? {
        top: Math.min(Math.max(anchor.bottom, 0) + GAP, viewport.height - GAP - room),
        left,
        width,
        maxHeight: room,
      }
    : { top: Math.max(GAP, anchor.top - GAP - room), left, width, maxHeight: room };
}
