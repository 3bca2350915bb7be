/**
 * Scanning a part of the page: its visible text, read in slices, first for
 * mentions of the case (cheap, in the content script itself), then, only
 * for the parts about the case, through the engine, whose code is loaded on
 * first need. The results become DOM ranges. Knows the DOM and the engine's
 * output shape, nothing about painting or cards.
 */
import type { QuoteResult, TextReport } from '../../lib/check-text.ts';
import type { ClaimResult } from '../../lib/claims/check-claim.ts';
import {
  caseSignals,
  findMentions,
  type Mention,
  type PageContext,
} from '../../lib/mentions/find-mentions.ts';
import { inSlices, type Slicer } from '../../lib/steps.ts';
import type { Span } from '../../lib/text/span.ts';
import { domPointAt, visibleTextSteps, type VisibleText } from '../../lib/text/visible-text.ts';

export type Item =
  | { kind: 'mention'; range: Range; root: Node; mention: Mention }
  | { kind: 'claim'; range: Range; root: Node; claim: ClaimResult }
  | { kind: 'quote'; range: Range; root: Node; quote: QuoteResult };

/**
 * The engine reads the page in chunks of at most this many characters, cut at
 * paragraph breaks: a chunk of case text stays well under the 50 ms a task
 * may take, even before the engine's code is warm.
 */
const CHUNK_CHARS = 4000;

/**
 * Up to this length the page is read as one article, whose case signals
 * count in each of its chunks: a long feature is 5 000 to 12 000
 * characters; a feed or a portal is longer, and many subjects.
 */
const PAGE_CONTEXT_MAX_CHARS = 12_000;

/** Paragraph breaks in the visible text, where chunks are cut. */
const PARAGRAPH_BREAK = /\n\n/g;

/** The visible text cut into chunks at paragraph breaks. */
function chunksOf(text: string): Span[] {
  const chunks: Span[] = [];
  let start = 0;
  let lastBreak = -1;
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    if (match.index - start > CHUNK_CHARS && lastBreak > start) {
      chunks.push({ start, end: lastBreak });
      start = lastBreak;
    }
    lastBreak = match.index;
  }
  // A long run without breaks is cut where it must be.
  while (text.length - start > CHUNK_CHARS * 2) {
    chunks.push({ start, end: start + CHUNK_CHARS });
    start += CHUNK_CHARS;
  }
  if (start < text.length) chunks.push({ start, end: text.length });
  return chunks;
}

/** A DOM range over [start, end) of the visible text, or null when it cannot be placed. */
function rangeOf(visible: VisibleText, start: number, end: number): Range | null {
  const from = domPointAt(visible, start, 'start');
  const to = domPointAt(visible, end, 'end');
  if (!from || !to) return null;
  try {
    const range = document.createRange();
    range.setStart(from.node as Node, from.offset);
    range.setEnd(to.node as Node, to.offset);
    return range.collapsed ? null : range;
  } catch {
    return null; // the page changed between reading and painting
  }
}

/**
 * The engine's check of one text, in steps (loaded lazily: see
 * modules/lazy-chunks.ts): each `next()` does a few sentences, the last
 * returns the report.
 */
export type Check = (text: string, page: PageContext) => Generator<void, TextReport, void>;

/** The engine's check, loaded and built on first call; null when there are no facts to check against. */
export type LoadCheck = () => Promise<Check | null>;

export interface ScanTiming {
  /** Milliseconds spent finding mentions and claims. */
  scan: number;
  /** Milliseconds spent turning results into ranges and painting them. */
  highlight: number;
}

/**
 * Scans `root` chunk by chunk, in slices of at most about SLICE_MS, and hands
 * each chunk's items to `paint`. A chunk that is not about the case costs one
 * mention scan; the engine is loaded (`loadCheck`) only for one that is.
 * Stops early when the pass is aborted.
 */
export async function scanRoot(
  loadCheck: LoadCheck,
  root: Node,
  paint: (items: Item[]) => void,
  slicer: Slicer,
  timing: ScanTiming,
): Promise<void> {
  // The page's text, a thousand nodes at a time within the task's budget.
  const visible = await inSlices(visibleTextSteps(root), slicer, timing);
  if (!visible) return;
  // An article read in several chunks is one page: its case signals count
  // in every chunk. A feed or a portal is many subjects: each chunk alone.
  const signals =
    visible.text.length <= PAGE_CONTEXT_MAX_CHARS ? caseSignals(visible.text) : undefined;
  for (const chunk of chunksOf(visible.text)) {
    if (!(await slicer.pause())) return;
    const t = performance.now();
    const text = visible.text.slice(chunk.start, chunk.end);
    const page: PageContext = signals
      ? { signals: { at: signals.at.map((at) => at - chunk.start), ids: signals.ids } }
      : {};
    const aboutCase = findMentions(text, page).aboutCase;
    timing.scan += performance.now() - t;
    // Most chunks of most pages stop here, without the engine.
    if (!aboutCase) continue;
    const check = await loadCheck();
    if (!check) return;
    const report = await inSlices(check(text, page), slicer, timing);
    if (!report) return;
    const scanned = performance.now();
    if (report.aboutCase) paint(itemsOf(report, visible, chunk.start, root));
    timing.highlight += performance.now() - scanned;
  }
}

/** A chunk's results as ranges of the page. */
function itemsOf(report: TextReport, visible: VisibleText, offset: number, root: Node): Item[] {
  const items: Item[] = [];
  const at = (span: Span) => rangeOf(visible, offset + span.start, offset + span.end);
  for (const mention of report.mentions) {
    const range = at(mention);
    if (range) items.push({ kind: 'mention', range, root, mention });
  }
  for (const claim of report.claims) {
    const range = at(claim);
    if (range) items.push({ kind: 'claim', range, root, claim });
  }
  for (const quote of report.quotes) {
    const range = at(quote);
    if (range) items.push({ kind: 'quote', range, root, quote });
  }
  return items;
}
