/**
 * Painting with the CSS Custom Highlight API. Highlights are ranges kept in
 * the document's highlight registry: nothing is inserted into the page, so
 * turning them off restores it exactly and no MutationObserver (the page's
 * or ours) ever fires because of them. See docs/in-page.md for the measure
 * that chose this over wrapping text in elements.
 */

export type PaintKind =
  'mention' | 'supported' | 'contradicted' | 'unverified' | 'quote' | 'current';

const KINDS: readonly PaintKind[] = [
  'mention',
  'quote',
  'unverified',
  'supported',
  'contradicted',
  'current',
];

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

  constructor() {
    for (const kind of KINDS) {
      const highlight = new Highlight();
      highlight.priority = PRIORITY[kind];
      this.highlights.set(kind, highlight);
      CSS.highlights.set(`casefile-${kind}`, highlight);
    }
  }

  add(kind: PaintKind, range: Range): void {
    this.highlights.get(kind)?.add(range);
  }

  remove(kind: PaintKind, range: Range): void {
    this.highlights.get(kind)?.delete(range);
  }

  /** Shows `range` as the current one (keyboard navigation), or none. */
  setCurrent(range: Range | null): void {
    const current = this.highlights.get('current');
    current?.clear();
    if (range) current?.add(range);
  }

  /** Removes every highlight from the page. */
  dispose(): void {
    for (const kind of KINDS) CSS.highlights.delete(`casefile-${kind}`);
    this.highlights.clear();
  }
}
