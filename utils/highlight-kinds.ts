/**
 * The kinds of highlight Casefile paints, in the order a reader meets them,
 * and which is drawn over which: shared by the painter in pages, the legend,
 * the welcome page's sample, the tests and the benchmark.
 */
export const HIGHLIGHT_KINDS = [
  'mention',
  'supported',
  'contradicted',
  'unverified',
  /** A quotation traced exactly (or translated) to the source. */
  'quote',
  'quote-altered',
  'quote-unsourced',
  /** The claim the reader stepped to or opened. */
  'current',
] as const;

export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** The kinds a legend explains (the current claim's mark needs no legend). */
export type LegendKind = Exclude<HighlightKind, 'current'>;

export const LEGEND_KINDS: readonly LegendKind[] = HIGHLIGHT_KINDS.filter(
  (kind): kind is LegendKind => kind !== 'current',
);

/**
 * Higher kinds are drawn over lower ones where highlights overlap: a
 * contradiction over a mention, and a quotation over the claim it sits in
 * (an altered quotation inside a supported sentence must not show green only).
 */
export const HIGHLIGHT_PRIORITY: Record<HighlightKind, number> = {
  mention: 1,
  unverified: 2,
  supported: 3,
  contradicted: 4,
  quote: 5,
  'quote-unsourced': 6,
  'quote-altered': 7,
  current: 8,
};
