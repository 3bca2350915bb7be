/**
 * Word alignment of a quotation against a window of a source, and its
 * reading as a word diff: which quote words match the source, which were
 * changed, added, dropped or moved.
 *
 * Words are compared by integer ids (one id per folded word; a quote word the
 * sources never use has a negative id and matches nothing).
 *
 * 1. `alignWords`: a semi-global alignment (the whole quote against any
 *    stretch of the window: Sellers' approximate matching, on words). It
 *    maximises a score in which a matching word earns more than any edit
 *    costs, so the most words align; among those, the fewest edits win.
 * 2. `readAlignment`: unmatched quote words that reappear, unmatched, a few
 *    words away in the source are moves; a move and the matches it crosses
 *    form one reordered block ("notoire absence" → "absence notoire"). The
 *    rest, between aligned words, are changed, added or dropped; words the
 *    quote drops where it shows an ellipsis are acknowledged omissions.
 *
 * Cost: O(quote words × window words) time and memory for the table; the
 * caller caps both (see `MAX_QUOTE_WORDS` in trace-quote.ts).
 */
import type { Span } from '../text/span.ts';

/**
 * Alignment scores, in integer units. A match (+4) outweighs the two edits a
 * swap of two neighbours costs through "drop one, match, add it back"
 * (2 + 2), so swapped words still align and are read as a move. A substitution
 * (3) is cheaper than adding and dropping the same position (2 + 2): a word
 * changed in place reads as one change, not two. Adding and dropping cost the
 * same: the alignment has no reason to prefer either side.
 */
const MATCH_SCORE = 4;
const SUBSTITUTE_COST = 3;
const ADD_COST = 2;
const DROP_COST = 2;

/**
 * How far (in source words) an unmatched quote word may be from where the
 * alignment places it and still count as moved rather than added: a few words,
 * enough for "sa notoire absence" → "son absence notoire", not so far that two
 * unrelated uses of "de" in a paragraph pair up.
 */
const REORDER_MAX_DISTANCE = 6;

/** Moves considered per alignment: a quote with more moved words is a rewrite, and this bounds the work. */
const MAX_MOVES = 24;

/**
 * At most this many unaligned words at either end of a quote are paired with
 * the source words just outside the passage (in the same sentence) as a
 * change — "32 051 procédures" against "23 051 procédures" — rather than
 * reported as added. More than that is the writer's own words around the quote.
 */
const EDGE_PAIR_MAX_WORDS = 2;

/** One step of an alignment: word `q` of the quote, word `s` of the source (absolute index). */
export type AlignOp =
  | { kind: 'match'; q: number; s: number }
  | { kind: 'sub'; q: number; s: number }
  | { kind: 'add'; q: number }
  | { kind: 'drop'; s: number };

/**
 * The best alignment of the whole quote against a stretch of
 * `source[from, to)`: its steps in order. Dropping source words costs nothing
 * before quote word `i` when `freeDropBefore[i]` is set (the quote shows an
 * ellipsis there). Returns no steps for an empty quote or window.
 */
export function alignWords(
  quote: ArrayLike<number>,
  source: ArrayLike<number>,
  from: number,
  to: number,
  freeDropBefore?: Uint8Array,
): AlignOp[] {
  const n = quote.length;
  const m = to - from;
  if (n === 0 || m <= 0) return [];
  const width = m + 1;
  const stretch = Int32Array.from({ length: m }, (_, j) => source[from + j] as number);
  const table = new Int32Array((n + 1) * width); // row 0 is all zeros: the passage may start anywhere
  for (let i = 1; i <= n; i++) {
    const row = i * width;
    const up = row - width;
    const id = quote[i - 1] as number;
    const dropCost = freeDropBefore?.[i] ? 0 : DROP_COST;
    let left = -i * ADD_COST;
    table[row] = left;
    for (let j = 1; j <= m; j++) {
      let best =
        (table[up + j - 1] as number) +
        (id >= 0 && id === stretch[j - 1] ? MATCH_SCORE : -SUBSTITUTE_COST);
      const added = (table[up + j] as number) - ADD_COST;
      if (added > best) best = added;
      const dropped = left - dropCost;
      if (dropped > best) best = dropped;
      table[row + j] = best;
      left = best;
    }
  }
  const equal = (i: number, j: number): boolean => {
    const id = quote[i - 1] as number;
    return id >= 0 && id === stretch[j - 1];
  };

  // The passage may end anywhere: the best last column, the earliest on ties (the tightest passage).
  const last = n * width;
  let j = 0;
  for (let k = 1; k <= m; k++) if ((table[last + k] as number) > (table[last + j] as number)) j = k;

  const ops: AlignOp[] = [];
  let i = n;
  while (i > 0) {
    const here = table[i * width + j] as number;
    if (j > 0) {
      const diagonal = table[(i - 1) * width + j - 1] as number;
      const same = equal(i, j);
      if (same && here === diagonal + MATCH_SCORE) {
        ops.push({ kind: 'match', q: i - 1, s: from + j - 1 });
        i--;
        j--;
        continue;
      }
      if (!same && here === diagonal - SUBSTITUTE_COST) {
        ops.push({ kind: 'sub', q: i - 1, s: from + j - 1 });
        i--;
        j--;
        continue;
      }
    }
    if (here === (table[(i - 1) * width + j] as number) - ADD_COST) {
      ops.push({ kind: 'add', q: i - 1 });
      i--;
      continue;
    }
    ops.push({ kind: 'drop', s: from + j - 1 });
    j--;
  }
  return ops.reverse();
}

/** A stretch of an aligned quote: quote word indices and source word indices, both half-open. */
export interface AlignedSegment {
  kind: 'equal' | 'changed' | 'added' | 'dropped' | 'reordered' | 'omitted';
  quote: Span;
  source: Span;
}

/** A quote aligned with a source passage. */
export interface WordAlignment {
  /** The stretches, in quote (and source) order; they tile the quote and the passage. */
  segments: AlignedSegment[];
  /** The source passage, in source word indices. */
  passage: Span;
  /** Quote words found in the passage, in order or moved. */
  aligned: number;
  /** Of those, the words found out of order. */
  moved: number;
  /** Source words the quote omits where it shows an ellipsis. */
  omitted: number;
}

export interface ReadOptions {
  /** Per quote word boundary (0..n): the quote shows an ellipsis there. */
  freeDropBefore?: Uint8Array;
  /** Per source word: a sentence or line ends just before it. */
  breakBefore?: Uint8Array;
}

interface Pair {
  q: number;
  s: number;
  moved: boolean;
}

interface Box {
  qlo: number;
  qhi: number;
  slo: number;
  shi: number;
}

/**
 * Reads an alignment as stretches of equal, changed, added, dropped,
 * reordered and omitted words. `quote` and `source` are the word ids the
 * alignment was made on (`source` whole: moves may reach a few words past the
 * aligned stretch). Returns null when no word aligns.
 */
export function readAlignment(
  ops: readonly AlignOp[],
  quote: ArrayLike<number>,
  source: ArrayLike<number>,
  options: ReadOptions = {},
): WordAlignment | null {
  const n = quote.length;
  const matches: Pair[] = [];
  let passageLo = Number.POSITIVE_INFINITY;
  let passageHi = Number.NEGATIVE_INFINITY;
  const unmatchedQuote: number[] = [];
  for (const op of ops) {
    if (op.kind !== 'add') {
      passageLo = Math.min(passageLo, op.s);
      passageHi = Math.max(passageHi, op.s + 1);
    }
    if (op.kind === 'match') matches.push({ q: op.q, s: op.s, moved: false });
    else if (op.kind !== 'drop') unmatchedQuote.push(op.q);
  }
  if (matches.length === 0) return null;

  const moves = findMoves(matches, unmatchedQuote, quote, source, passageLo, passageHi);
  const pairs = [...matches, ...moves].sort((a, b) => a.q - b.q);
  const boxes = reorderBoxes(pairs);
  const inBox = (p: Pair): boolean =>
    boxes.some((b) => p.q >= b.qlo && p.q <= b.qhi && p.s >= b.slo && p.s <= b.shi);

  const anchors: Box[] = [
    ...pairs.filter((p) => !inBox(p)).map((p) => ({ qlo: p.q, qhi: p.q, slo: p.s, shi: p.s })),
    ...boxes,
  ].sort((a, b) => a.qlo - b.qlo);
  const isReorder = new Set<Box>(boxes);

  const segments: AlignedSegment[] = [];
  const push = (kind: AlignedSegment['kind'], quoteSpan: Span, sourceSpan: Span): void => {
    const previous = segments[segments.length - 1];
    if (kind === 'equal' && previous?.kind === 'equal') {
      previous.quote.end = quoteSpan.end;
      previous.source.end = sourceSpan.end;
    } else segments.push({ kind, quote: quoteSpan, source: sourceSpan });
  };
  const gap = (quoteSpan: Span, sourceSpan: Span, ellipsis: boolean): void => {
    const hasQuote = quoteSpan.end > quoteSpan.start;
    const hasSource = sourceSpan.end > sourceSpan.start;
    if (hasQuote && hasSource) push('changed', quoteSpan, sourceSpan);
    else if (hasQuote) push('added', quoteSpan, sourceSpan);
    else if (hasSource) push(ellipsis ? 'omitted' : 'dropped', quoteSpan, sourceSpan);
  };

  const first = anchors[0] as Box;
  const lastAnchor = anchors[anchors.length - 1] as Box;
  // Source words before the first aligned word are not part of the passage, unless they pair
  // with the quote's own first words (a changed word at the very start).
  const sLo = edgePair(first.qlo, first.slo, -1, source.length, options.breakBefore) ?? first.slo;
  const sHi =
    edgePair(n - lastAnchor.qhi - 1, lastAnchor.shi + 1, +1, source.length, options.breakBefore) ??
    lastAnchor.shi + 1;

  let qCursor = 0;
  let sCursor = sLo;
  for (const anchor of anchors) {
    const ellipsis = Boolean(options.freeDropBefore?.[anchor.qlo]) && qCursor === anchor.qlo;
    gap(
      { start: qCursor, end: anchor.qlo },
      { start: sCursor, end: Math.max(sCursor, anchor.slo) },
      ellipsis,
    );
    const quoteSpan = { start: anchor.qlo, end: anchor.qhi + 1 };
    const sourceSpan = { start: anchor.slo, end: anchor.shi + 1 };
    push(isReorder.has(anchor) ? 'reordered' : 'equal', quoteSpan, sourceSpan);
    qCursor = anchor.qhi + 1;
    sCursor = Math.max(sCursor, anchor.shi + 1);
  }
  gap({ start: qCursor, end: n }, { start: sCursor, end: Math.max(sCursor, sHi) }, false);

  let omitted = 0;
  for (const segment of segments) {
    if (segment.kind === 'omitted') omitted += segment.source.end - segment.source.start;
  }
  return {
    segments,
    passage: { start: sLo, end: sHi },
    aligned: pairs.length,
    moved: moves.length,
    omitted,
  };
}

/**
 * The new passage edge when `count` unaligned quote words at one end of the
 * quote pair with as many source words just outside `edge` (direction -1:
 * before the passage starting at `edge`; +1: from `edge` on), within the same
 * sentence; null when they do not (none, too many, or across a sentence end).
 */
function edgePair(
  count: number,
  edge: number,
  direction: -1 | 1,
  sourceLength: number,
  breakBefore: Uint8Array | undefined,
): number | null {
  if (count < 1 || count > EDGE_PAIR_MAX_WORDS) return null;
  if (direction < 0) {
    if (edge - count < 0) return null;
    for (let s = edge - count + 1; s <= edge; s++) if (breakBefore?.[s]) return null;
    return edge - count;
  }
  if (edge + count > sourceLength) return null;
  for (let s = edge; s < edge + count; s++) if (breakBefore?.[s]) return null;
  return edge + count;
}

/**
 * Unmatched quote words that reappear, unmatched, within
 * `REORDER_MAX_DISTANCE` words of where the alignment would put them, and
 * that cross an aligned word (a genuine change of order).
 */
function findMoves(
  matches: readonly Pair[],
  unmatchedQuote: readonly number[],
  quote: ArrayLike<number>,
  source: ArrayLike<number>,
  passageLo: number,
  passageHi: number,
): Pair[] {
  const lo = Math.max(0, passageLo - REORDER_MAX_DISTANCE);
  const hi = Math.min(source.length, passageHi + REORDER_MAX_DISTANCE);
  const matchedSource = new Set(matches.map((p) => p.s));
  const free = new Map<number, number[]>();
  for (let s = lo; s < hi; s++) {
    const id = source[s] as number;
    if (matchedSource.has(s)) continue;
    const list = free.get(id);
    if (list) list.push(s);
    else free.set(id, [s]);
  }

  // Where the alignment places quote word q: next to the nearest match before it (or after it).
  const matchAt = new Map(matches.map((p) => [p.q, p.s]));
  const projected = (q: number): number => {
    for (let d = 1; d <= q || d < quote.length - q; d++) {
      const before = matchAt.get(q - d);
      if (before !== undefined) return before + d;
      const after = matchAt.get(q + d);
      if (after !== undefined) return after - d;
    }
    return Number.NaN;
  };

  let moves: Pair[] = [];
  for (const q of unmatchedQuote) {
    if (moves.length >= MAX_MOVES) break;
    const candidates = free.get(quote[q] as number);
    if (!candidates || (quote[q] as number) < 0) continue;
    const target = projected(q);
    let best = -1;
    for (const [k, s] of candidates.entries()) {
      const distance = Math.abs(s - target);
      if (distance > REORDER_MAX_DISTANCE) continue;
      if (best < 0 || distance < Math.abs((candidates[best] as number) - target)) best = k;
    }
    if (best < 0) continue;
    const [s] = candidates.splice(best, 1) as [number];
    moves.push({ q, s, moved: true });
  }

  // A "move" that crosses nothing is just a word the alignment chose not to match: drop it.
  const crosses = (a: Pair, b: Pair): boolean => (a.q - b.q) * (a.s - b.s) < 0;
  for (let changed = true; changed;) {
    const kept = moves.filter(
      (move) => matches.some((p) => crosses(move, p)) || moves.some((o) => crosses(move, o)),
    );
    changed = kept.length !== moves.length;
    moves = kept;
  }
  return moves;
}

/**
 * The reordered blocks: for each move, the smallest box (a quote range and a
 * source range) that holds it and every aligned pair that crosses it or falls
 * in either range, merged where boxes overlap. Outside the boxes the aligned
 * pairs are in order.
 */
function reorderBoxes(pairs: readonly Pair[]): Box[] {
  let boxes: Box[] = pairs
    .filter((p) => p.moved)
    .map((p) => ({ qlo: p.q, qhi: p.q, slo: p.s, shi: p.s }));
  const touches = (box: Box, p: Pair): boolean =>
    (p.q >= box.qlo && p.q <= box.qhi) ||
    (p.s >= box.slo && p.s <= box.shi) ||
    (p.q < box.qlo && p.s > box.shi) ||
    (p.q > box.qhi && p.s < box.slo);
  const overlap = (a: Box, b: Box): boolean =>
    (a.qlo <= b.qhi && b.qlo <= a.qhi) || (a.slo <= b.shi && b.slo <= a.shi);

  for (let changed = true; changed;) {
    changed = false;
    for (const box of boxes) {
      for (const p of pairs) {
        if (!touches(box, p)) continue;
        if (p.q < box.qlo || p.q > box.qhi || p.s < box.slo || p.s > box.shi) {
          box.qlo = Math.min(box.qlo, p.q);
          box.qhi = Math.max(box.qhi, p.q);
          box.slo = Math.min(box.slo, p.s);
          box.shi = Math.max(box.shi, p.s);
          changed = true;
        }
      }
    }
    const merged: Box[] = [];
    for (const box of boxes) {
      const into = merged.find((other) => overlap(other, box));
      if (!into) {
        merged.push(box);
        continue;
      }
      into.qlo = Math.min(into.qlo, box.qlo);
      into.qhi = Math.max(into.qhi, box.qhi);
      into.slo = Math.min(into.slo, box.slo);
      into.shi = Math.max(into.shi, box.shi);
      changed = true;
    }
    boxes = merged;
  }
  return boxes;
}
