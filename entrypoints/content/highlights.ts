/**
 * Painting with the CSS Custom Highlight API. Highlights are ranges kept in
 * the document's highlight registry: nothing is inserted into the page, so
 * turning them off restores it exactly and no MutationObserver (the page's
 * or ours) ever fires because of them. See docs/in-page.md for the measure
 * that chose this over wrapping text in elements.
 */

export type PaintKind =
  'mention' | 'supported' | 'contradicted' | 'unverified' | 'quote' | 'current';

/** Later kinds win where highlights overlap: a contradiction shows over a mention. */
const PRIORITY: Record<PaintKind, number> = {
  mention: 1,
  quote: 2,
  unverified: 3,
  supported: 4,
  contradicted: 5,
  current: 6,
};

export class Painter {
  private readonly highlights = new Map<PaintKind, Highlight>();

  /** The highlight of one kind, registered with the page on first use: a page with nothing to paint gets none. */
  private highlight(kind: PaintKind): Highlight {
    let highlight = this.highlights.get(kind);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = PRIORITY[kind];
      this.highlights.set(kind, highlight);
      CSS.highlights.set(`casefile-${kind}`, highlight);
    }
    return highlight;
  }

  add(kind: PaintKind, range: Range): void {
    this.highlight(kind).add(range);
  }

  remove(kind: PaintKind, range: Range): void {
    this.highlights.get(kind)?.delete(range);
  }

  /** Shows `range` as the current one (keyboard navigation), or none. */
  setCurrent(range: Range | null): void {
    this.highlights.get('current')?.clear();
    if (range) this.highlight('current').add(range);
  }

  /** Removes every highlight from the page. */
  dispose(): void {
    for (const [kind, highlight] of this.highlights) {
      const name = `casefile-${kind}`;
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    }
    this.highlights.clear();
  }
}
