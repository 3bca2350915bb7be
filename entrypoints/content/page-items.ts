/**
 * What Casefile found in the page: its mentions, claims and quotations as
 * ranges, which of them are painted, and the one the reader is on. Reading
 * order, the popup's report, the card's content and the item under the
 * pointer or the selection are all read from here.
 */
import type { CardContent } from '../../components/SourceCard.tsx';
import type { PageLanguage, PageReport, VerdictCounts } from '../../utils/messages.ts';
import { Painter, type PaintKind } from './highlights.ts';
import type { Item } from './page-scan.ts';

/** Tells this document's reports from a reloaded one's at the same address. */
const DOCUMENT_TOKEN = Math.random().toString(36).slice(2);

/**
 * At most this many highlights are painted on one page: enough for any
 * article, and a feed of thousands of posts stays fluid. The rest are counted
 * and listed in the popup.
 */
const MAX_PAINTED = 1000;

/**
 * Whether an item is painted. A passage the page copies from the source
 * with changes but without quotation marks claims no quotation: it is not
 * painted as one (its claim is, and the popup lists the copy).
 */
function isPainted(item: Item): boolean {
  return !(item.kind === 'quote' && !item.quote.marked && item.quote.fidelity === 'altered');
}

function paintKind(item: Item): PaintKind {
  if (item.kind === 'claim') return item.claim.verdict;
  if (item.kind === 'quote') {
    if (item.quote.fidelity === 'altered') return 'quote-altered';
    if (item.quote.fidelity === 'unsourced') return 'quote-unsourced';
    return 'quote';
  }
  return item.kind;
}

/**
 * Items in the order they are read: by position within one tree; a shadow
 * root's items where its host stands (ranges of two trees cannot be compared).
 */
function inReadingOrder(a: Item, b: Item): number {
  if (a.root === b.root) return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
  const place = (item: Item) =>
    item.root instanceof ShadowRoot ? item.root.host : item.range.startContainer;
  const position = place(a).compareDocumentPosition(place(b));
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

/** Whether a parent of `node` (within its tree) is one of `nodes`: a walk up, not a search. */
export function hasAncestorIn(node: Node, nodes: ReadonlySet<Node>): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    if (nodes.has(parent)) return true;
  }
  return false;
}

export class PageItems {
  private readonly painter = new Painter();
  private items: Item[] = [];
  private readonly painted = new Set<Item>();
  /** Whether items were added since they were last put in reading order. */
  private unsorted = false;
  /** The item last opened or stepped to, for Enter and for the next step. */
  current: Item | null = null;

  get size(): number {
    return this.items.length;
  }

  /** Adds a chunk's items, painting them while fewer than MAX_PAINTED are. */
  add(items: readonly Item[]): void {
    for (const item of items) {
      this.items.push(item);
      if (this.painted.size < MAX_PAINTED && isPainted(item)) {
        this.painter.add(paintKind(item), item.range);
        this.painted.add(item);
      }
    }
    this.unsorted ||= items.length > 0;
  }

  /** Drops (and unpaints) the items of parts the page removed or changed under `roots`. */
  dropUnder(roots: ReadonlySet<Node>): void {
    this.items = this.items.filter((item) => {
      const start = item.range.startContainer;
      const stale = !start.isConnected || roots.has(start) || hasAncestorIn(start, roots);
      if (stale && this.painted.delete(item)) this.painter.remove(paintKind(item), item.range);
      if (stale && item === this.current) this.current = null;
      return !stale;
    });
  }

  /** The items in reading order, sorted only when someone reads them in order. */
  ordered(): Item[] {
    if (this.unsorted) {
      this.items.sort(inReadingOrder);
      this.unsorted = false;
    }
    return this.items;
  }

  /** Marks `item` as the one the reader is on (or none). */
  setCurrent(item: Item | null): void {
    if (item) this.current = item;
    this.painter.setCurrent(item?.range ?? null);
  }

  /** Puts back what the page took from the highlight registry (see Painter.repair). */
  repair(): void {
    this.painter.repair();
  }

  /** Unpaints everything and forgets every item. */
  dispose(): void {
    this.painter.dispose();
    this.items = [];
    this.painted.clear();
    this.current = null;
  }

  counts(): { counts: VerdictCounts; mentions: number; claims: number } {
    const counts: VerdictCounts = { supported: 0, contradicted: 0, unverified: 0 };
    let mentions = 0;
    for (const item of this.items) {
      if (item.kind === 'claim') counts[item.claim.verdict] += 1;
      else if (item.kind === 'mention') mentions += 1;
    }
    return { counts, mentions, claims: counts.supported + counts.contradicted + counts.unverified };
  }

  /** The language most claims are in, as the engine read their chunks. */
  private language(): PageLanguage {
    const seen = { fr: 0, en: 0, und: 0 };
    for (const item of this.items) if (item.kind === 'claim') seen[item.language] += 1;
    return seen.fr === 0 && seen.en === 0 ? 'und' : seen.en > seen.fr ? 'en' : 'fr';
  }

  /**
   * What the page holds, for the popup (in reading order) or for the history
   * (`inOrder` false: in the order found, which a busy feed's record does not
   * need to pay a sort of thousands of ranges for).
   */
  report(passes: PageReport['passes'], inOrder = true): PageReport {
    const items = inOrder ? this.ordered() : this.items;
    return {
      version: PageItems.versionOf(passes, this.items.length, this.painted.size),
      url: location.href,
      title: document.title,
      language: this.language(),
      painted: this.painted.size,
      claims: items.flatMap((item) =>
        item.kind === 'claim' ? [{ ...item.claim, painted: this.painted.has(item) }] : [],
      ),
      quotes: items.flatMap((item) => (item.kind === 'quote' ? [item.quote] : [])),
      mentions: items.filter((item) => item.kind === 'mention').length,
      passes: { ...passes },
    };
  }

  /** What a report's `version` is made of: any change to what it would say changes it. */
  static versionOf(passes: PageReport['passes'], items: number, painted: number): string {
    return `${DOCUMENT_TOKEN} ${location.href} ${document.title} ${passes.count} ${items} ${painted}`;
  }

  /** The version of the report this page would give now. */
  version(passes: PageReport['passes']): string {
    return PageItems.versionOf(passes, this.items.length, this.painted.size);
  }

  /** The report of a page where highlighting is off: nothing found. */
  static emptyReport(passes: PageReport['passes']): PageReport {
    return {
      version: PageItems.versionOf(passes, 0, 0),
      url: location.href,
      title: document.title,
      language: 'und',
      painted: 0,
      claims: [],
      quotes: [],
      mentions: 0,
      passes: { ...passes },
    };
  }

  /** The painted claims (or mentions, on a page with no claim) to step through, in reading order. */
  steps(onlyContradicted: boolean): Item[] {
    const targets = this.ordered().filter(
      (item) => this.painted.has(item) && item.kind !== 'quote',
    );
    const claims = targets.filter((item) => item.kind === 'claim');
    if (onlyContradicted)
      return claims.filter(
        (item) => item.kind === 'claim' && item.claim.verdict === 'contradicted',
      );
    return claims.length > 0 ? claims : targets;
  }

  /** The claim `text` the popup chose, at `start` when several are alike. */
  claimOf(text: string, start: number): Item | undefined {
    const candidates = this.ordered().filter(
      (item) => item.kind === 'claim' && item.claim.text === text,
    );
    return (
      candidates.find((item) => item.kind === 'claim' && item.claim.start === start) ??
      candidates[0]
    );
  }

  /** The painted claim (or quote, or mention) under a point of the viewport, or null. */
  at(x: number, y: number): Item | null {
    const caret = document.caretPositionFromPoint?.(x, y);
    const node = caret?.offsetNode;
    if (!node) return null;
    let best: Item | null = null;
    const rank = { claim: 3, quote: 2, mention: 1 };
    for (const item of this.painted) {
      let inside: boolean;
      try {
        inside = item.range.isPointInRange(node, caret.offset);
      } catch {
        inside = false; // a range whose nodes left the page
      }
      if (inside && (!best || rank[item.kind] > rank[best.kind])) best = item;
    }
    return best;
  }

  /** What the card of `item` shows: its claim, and the quotations and mentions inside its range. */
  contentOf(item: Item): CardContent {
    const inside = (other: Item) =>
      other.root === item.root &&
      item.range.compareBoundaryPoints(Range.START_TO_START, other.range) <= 0 &&
      item.range.compareBoundaryPoints(Range.END_TO_END, other.range) >= 0;
    const around = this.ordered();
    return {
      claim: item.kind === 'claim' ? item.claim : undefined,
      quotes: around.flatMap((o) =>
        o.kind === 'quote' && (o === item || inside(o)) ? [o.quote] : [],
      ),
      mentions: around.flatMap((o) =>
        o.kind === 'mention' && (o === item || inside(o)) ? [o.mention] : [],
      ),
    };
  }

  /**
   * The page's own claim under the reader's selection, a contradiction
   * first: a sentence the page shows in red is the same claim when selected,
   * and keeps its verdict (read alone, it may not even name the case).
   */
  underSelection(): Item | null {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const selected = selection.getRangeAt(0);
    let found: Item | null = null;
    for (const item of this.items) {
      if (item.kind !== 'claim' || item.range.startContainer.getRootNode() !== document) continue;
      // The claim starts before the selection ends, and ends after it starts.
      const overlaps =
        item.range.compareBoundaryPoints(Range.END_TO_START, selected) < 0 &&
        item.range.compareBoundaryPoints(Range.START_TO_END, selected) > 0;
      if (!overlaps) continue;
      if (item.claim.verdict === 'contradicted') return item;
      found ??= item;
    }
    return found;
  }
}
