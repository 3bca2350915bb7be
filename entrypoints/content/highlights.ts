/**
 * Painting with the CSS Custom Highlight API. Highlights are ranges kept in
 * the document's highlight registry: nothing is inserted into the page, so
 * turning them off restores it exactly and no MutationObserver (the page's
 * or ours) ever fires because of them. See docs/in-page.md for the measure
 * that chose this over wrapping text in elements.
 */

import { HIGHLIGHT_PRIORITY, type HighlightKind } from '../../utils/highlight-kinds.ts';

export type PaintKind = HighlightKind;

const PRIORITY = HIGHLIGHT_PRIORITY;

export class Painter {
  private readonly highlights = new Map<PaintKind, Highlight>();
  /**
   * The ranges of each kind, as this painter put them. The registry is the
   * page's too: it can clear it, delete our highlights or add its own ranges
   * to them (painting its own text as "supported"); `repair` puts it back.
   */
  private readonly ranges = new Map<PaintKind, Set<Range>>();

  /** The highlight of one kind, registered with the page on first use: a page with nothing to paint gets none. */
  private highlight(kind: PaintKind): Highlight {
    let highlight = this.highlights.get(kind);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = PRIORITY[kind];
      this.highlights.set(kind, highlight);
      this.ranges.set(kind, new Set());
      CSS.highlights.set(`casefile-${kind}`, highlight);
    }
    return highlight;
  }

  add(kind: PaintKind, range: Range): void {
    this.highlight(kind).add(range);
    this.ranges.get(kind)!.add(range);
  }

  remove(kind: PaintKind, range: Range): void {
    this.highlights.get(kind)?.delete(range);
    this.ranges.get(kind)?.delete(range);
  }

  /** Shows `range` as the current one (keyboard navigation), or none. */
  setCurrent(range: Range | null): void {
    this.highlights.get('current')?.clear();
    this.ranges.get('current')?.clear();
    if (range) this.add('current', range);
  }

  /**
   * Makes the registry show exactly what this painter painted: each of its
   * highlights registered under its name, with its priority, holding its
   * ranges and no other. One pass over at most a thousand ranges.
   */
  repair(): void {
    for (const [kind, highlight] of this.highlights) {
      const name = `casefile-${kind}`;
      const ours = this.ranges.get(kind)!;
      if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
      highlight.priority = PRIORITY[kind];
      let same = highlight.size === ours.size;
      if (same) for (const range of highlight) if (!ours.has(range as Range)) same = false;
      if (!same) {
        highlight.clear();
        for (const range of ours) highlight.add(range);
      }
    }
  }

  /** Removes every highlight from the page. */
  dispose(): void {
    for (const [kind, highlight] of this.highlights) {
      const name = `casefile-${kind}`;
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    }
    this.highlights.clear();
    this.ranges.clear();
  }
}
