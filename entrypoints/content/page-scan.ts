/**
 * Scanning a part of the page: its visible text, read in slices and cut in
 * chunks; the chunks that may name the case (one native search each) go to
 * the browser's one engine, in the service worker, and their reports come
 * back as DOM ranges. The page's main thread only reads text and places
 * ranges. Knows the DOM and the engine's output shape, nothing about
 * painting or cards.
 */
import type { QuoteResult, TextReport } from '../../lib/check-text.ts';
import type { ClaimResult } from '../../lib/claims/check-claim.ts';
import type { Mention } from '../../lib/mentions/find-mentions.ts';
import { mayMentionCase } from '../../lib/mentions/may-mention.ts';
import { ARTICLE_MAX_CHARS, type CheckRequest } from '../../utils/messages.ts';
import { inSlices, type Slicer } from '../../lib/steps.ts';
import type { Span } from '../../lib/text/span.ts';
import { domPointAt, visibleTextSteps, type VisibleText } from '../../lib/text/visible-text.ts';

export type Item =
  | { kind: 'mention'; range: Range; root: Node; mention: Mention }
  | {
      kind: 'claim';
      range: Range;
      root: Node;
      claim: ClaimResult;
      /** The language of the chunk it is in, as the engine read it. */
      language: TextReport['language'];
    }
  | { kind: 'quote'; range: Range; root: Node; quote: QuoteResult };

/**
 * The engine reads the page in chunks of at most this many characters, cut at
 * paragraph breaks: a chunk of case text stays well under the 50 ms a task
 * may take, even before the engine's code is warm.
 */
const CHUNK_CHARS = 4000;

/** Paragraph breaks in the visible text, where chunks are cut. */
const PARAGRAPH_BREAK = /\n\n/g;

/**
 * The visible text cut into chunks at paragraph breaks, none longer than
 * twice CHUNK_CHARS: a run without breaks is cut where it must be, so that
 * no chunk (and no batch) grows past what the engine accepts in one request.
 */
export function chunksOf(text: string): Span[] {
  const chunks: Span[] = [];
  let start = 0;
  let lastBreak = -1;
  const close = (end: number) => {
    while (end - start > CHUNK_CHARS * 2) {
      chunks.push({ start, end: start + CHUNK_CHARS });
      start += CHUNK_CHARS;
    }
    if (end > start) chunks.push({ start, end });
    start = end;
  };
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    if (match.index - start > CHUNK_CHARS) close(lastBreak > start ? lastBreak : match.index);
    lastBreak = match.index;
  }
  close(text.length);
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
 * Checks chunks with the engine (in the service worker): their reports in
 * order, or null when there is nothing to check against or the extension
 * cannot be reached.
 */
export type AskCheck = (request: Omit<CheckRequest, 'type'>) => Promise<TextReport[] | null>;

/** Chunks sent in one request, at most: a round trip per 32 000 characters of a long page. */
const BATCH_CHARS = 32_000;

export interface ScanTiming {
  /** Milliseconds spent finding mentions and claims. */
  scan: number;
  /** Milliseconds spent turning results into ranges and painting them. */
  highlight: number;
}

/**
 * Scans `root`: its visible text in slices of at most about SLICE_MS, then
 * the chunks that may name the case, sent to the engine in batches, and
 * hands each chunk's items to `paint`. A page whose chunks cannot name the
 * case costs the text walk and one native search per chunk. Stops early
 * when the pass is aborted.
 */
export async function scanRoot(
  askCheck: AskCheck,
  root: Node,
  paint: (items: Item[]) => void,
  slicer: Slicer,
  timing: ScanTiming,
): Promise<void> {
  // The page's text, a thousand nodes at a time within the task's budget.
  const visible = await inSlices(visibleTextSteps(root), slicer, timing);
  if (!visible) return;
  const t = performance.now();
  const candidates = chunksOf(visible.text).filter((chunk) =>
    mayMentionCase(visible.text.slice(chunk.start, chunk.end)),
  );
  // An article read in several chunks is one page: its case signals count
  // in every chunk (the engine reads them from the whole text). A feed or a
  // portal is many subjects: each chunk alone.
  const article =
    visible.text.length <= ARTICLE_MAX_CHARS && candidates.length > 0 ? visible.text : undefined;
  timing.scan += performance.now() - t;
  for (let first = 0; first < candidates.length;) {
    let last = first + 1;
    let size = candidates[first]!.end - candidates[first]!.start;
    while (last < candidates.length && size < BATCH_CHARS) {
      size += candidates[last]!.end - candidates[last]!.start;
      last += 1;
    }
    const batch = candidates.slice(first, last);
    first = last;
    if (!(await slicer.pause())) return;
    const sent = performance.now();
    const asked = askCheck({
      chunks: batch.map((chunk) => ({
        text: visible.text.slice(chunk.start, chunk.end),
        at: chunk.start,
      })),
      ...(article !== undefined && { article }),
    });
    timing.scan += performance.now() - sent;
    const reports = await asked;
    // A batch the engine could not check (refused, or no answer) costs only
    // its own chunks: the rest of the page is still read.
    if (!reports) continue;
    if (!(await slicer.pause())) return;
    const received = performance.now();
    batch.forEach((chunk, i) => {
      const report = reports[i];
      if (report?.aboutCase) paint(itemsOf(report, visible, chunk.start, root));
    });
    timing.highlight += performance.now() - received;
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
    if (range) items.push({ kind: 'claim', range, root, claim, language: report.language });
  }
  for (const quote of report.quotes) {
    const range = at(quote);
    if (range) items.push({ kind: 'quote', range, root, quote });
  }
  return items;
}
