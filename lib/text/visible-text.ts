/**
 * The text a reader sees in a page, with a map back to the DOM text nodes it
 * comes from.
 *
 * Pure: the tree is read through a handful of node properties (`nodeType`,
 * `nodeName`, `firstChild`, `nextSibling`, `data`, `getAttribute`), so the same
 * code walks the browser's DOM in the content script and linkedom's in Node.
 * It does not compute styles: what it skips is what markup alone says is not
 * shown (scripts, `hidden`, `aria-hidden`, inline `display: none`).
 *
 * White space is collapsed the way a browser renders it (runs of spaces, tabs
 * and newlines become one space; none at the start or end of a line; kept
 * inside `<pre>`), and blocks are separated by "\n" (lines: div, li, br, td…)
 * or "\n\n" (paragraphs: p, headings, lists, blockquote…) so that sentences
 * never run from one block into the next.
 *
 * Mapping back: each text node that contributed has one entry in `nodes`, with
 * the range [start, end) of `text` it produced and `runs`, pairs of offsets
 * (text offset, offset in the node's data) at which the two advance together.
 * Collapsing white space only ever drops characters of the node's data, so a
 * new pair starts after each dropped run. `domPointAt` does the lookup.
 */

/** One text node's contribution to the visible text. */
export interface VisibleTextNode {
  /** The DOM text node. */
  node: unknown;
  /** Where its visible text starts in `VisibleText.text`. */
  start: number;
  /** Where its visible text ends (exclusive). */
  end: number;
  /**
   * Pairs [t0, d0, t1, d1, …], t ascending, t0 = start: the character at text
   * offset t (tk ≤ t < tk+1) is the one at data offset dk + (t - tk) of the
   * node. A collapsed space maps to the first white-space character of its run.
   */
  runs: number[];
}

/** The visible text of a document or element and where it comes from. */
export interface VisibleText {
  text: string;
  /** For building highlights: each text node that contributed, in text order, without overlap. */
  nodes: VisibleTextNode[];
}

/** A position in a DOM text node, as a `Range` boundary takes it. */
export interface DomPoint {
  node: unknown;
  offset: number;
}

/** The node properties read; the browser's DOM and linkedom both have them. */
interface DomNode {
  nodeType?: number;
  nodeName?: string;
  tagName?: string;
  firstChild?: DomNode | null;
  nextSibling?: DomNode | null;
  childNodes?: ArrayLike<DomNode>;
  data?: unknown;
  nodeValue?: unknown;
  getAttribute?: (name: string) => string | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Inline (the default, unknown elements included): text joins its neighbours. */
const INLINE = 0;
/** Not rendered, or rendered as something other than text: skipped with everything inside. */
const SKIP = 1;
/** A block that starts and ends a line ("\n"). */
const LINE = 2;
/** A block that starts and ends a paragraph ("\n\n"). */
const PARAGRAPH = 3;
/** A forced line break (`<br>`): one "\n" each, so two make a blank line. */
const BREAK = 4;
/** A paragraph whose white space is kept as it is. */
const PRE = 5;
/** `<details>`: when closed, only its `<summary>` shows. */
const DETAILS = 6;
/** `<dialog>`: shown only when open. */
const DIALOG = 7;

const KIND_BY_TAG = new Map<string, number>();
function tags(kind: number, names: string): void {
  for (const name of names.split(' ')) {
    KIND_BY_TAG.set(name, kind);
    KIND_BY_TAG.set(name.toUpperCase(), kind);
  }
}
tags(
  SKIP,
  'script style noscript template head title svg math iframe object embed textarea input ' +
    'select option optgroup datalist button canvas audio video img picture map area meta link ' +
    'base param source track frameset frame rp',
);
tags(
  PARAGRAPH,
  'p h1 h2 h3 h4 h5 h6 blockquote figure ul ol dl menu table article section header footer ' +
    'main nav aside hr address form fieldset hgroup search',
);
tags(
  LINE,
  'html body div li dt dd tr td th thead tbody tfoot caption figcaption summary legend center',
);
tags(BREAK, 'br');
tags(PRE, 'pre listing xmp plaintext');
tags(DETAILS, 'details');
tags(DIALOG, 'dialog');

/** Matches an inline style that hides the element (`display: none`, `visibility: hidden`). */
const HIDING_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;

function kindOf(element: DomNode): number {
  const name = typeof element.nodeName === 'string' ? element.nodeName : element.tagName;
  if (typeof name !== 'string') return INLINE;
  return KIND_BY_TAG.get(name) ?? KIND_BY_TAG.get(name.toLowerCase()) ?? INLINE;
}

function attribute(element: DomNode, name: string): string | null {
  return typeof element.getAttribute === 'function' ? element.getAttribute(name) : null;
}

/** Whether markup hides the element: `hidden`, `aria-hidden="true"`, inline style, or the extension's own UI. */
function isHidden(element: DomNode): boolean {
  if (attribute(element, 'hidden') !== null) return true;
  if (attribute(element, 'data-casefile-ui') !== null) return true;
  const ariaHidden = attribute(element, 'aria-hidden');
  if (ariaHidden !== null && ariaHidden.trim().toLowerCase() === 'true') return true;
  const style = attribute(element, 'style');
  return style !== null && HIDING_STYLE.test(style);
}

function dataOf(node: DomNode): string {
  if (typeof node.data === 'string') return node.data;
  return typeof node.nodeValue === 'string' ? node.nodeValue : '';
}

/** White space that rendering collapses (ASCII only: a no-break space is kept). */
function isCollapsible(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

/** The visible text under construction. */
class Builder {
  parts: string[] = [];
  length = 0;
  nodes: VisibleTextNode[] = [];
  /** Newlines owed before the next character (0, 1 or 2). */
  pendingBreak = 0;
  /** The node and data offset of a collapsed space owed before the next character, if any. */
  spaceNode: DomNode | null = null;
  spaceOffset = -1;
  /** Whether the last character written is a newline (or nothing is written yet). */
  atLineStart = true;

  /** A block boundary: at least `lines` newlines before the next text; trailing spaces go. */
  block(lines: number): void {
    if (this.length > 0 && lines > this.pendingBreak) this.pendingBreak = lines;
    this.spaceNode = null;
  }

  /** A `<br>`: one more newline, up to a blank line. */
  lineBreak(): void {
    if (this.length > 0) this.pendingBreak = Math.min(this.pendingBreak + 1, 2);
    this.spaceNode = null;
  }

  text(node: DomNode, preserve: boolean): void {
    const data = dataOf(node);
    if (data.length === 0) return;
    if (preserve) {
      this.write(node, data, 0, data.length);
      return;
    }
    let i = 0;
    while (i < data.length) {
      if (isCollapsible(data.charCodeAt(i))) {
        if (this.spaceNode === null && !this.atLineStart && this.pendingBreak === 0) {
          this.spaceNode = node;
          this.spaceOffset = i;
        }
        i++;
        continue;
      }
      let j = i + 1;
      while (j < data.length && !isCollapsible(data.charCodeAt(j))) j++;
      this.write(node, data, i, j);
      i = j;
    }
  }

  /** Writes data[from, to) of `node`, after the newlines and the space owed. */
  private write(node: DomNode, data: string, from: number, to: number): void {
    if (this.pendingBreak > 0) {
      this.append(null, this.pendingBreak === 1 ? '\n' : '\n\n', 0);
      this.pendingBreak = 0;
      this.spaceNode = null;
    }
    if (this.spaceNode !== null) {
      this.append(this.spaceNode, ' ', this.spaceOffset);
      this.spaceNode = null;
    }
    this.append(node, from === 0 && to === data.length ? data : data.slice(from, to), from);
    this.atLineStart = data.charCodeAt(to - 1) === 0x0a;
  }

  /** Appends `s`, coming from `node` at `dataOffset` (or from no node: a separator). */
  private append(node: DomNode | null, s: string, dataOffset: number): void {
    if (node !== null) {
      const last = this.nodes[this.nodes.length - 1];
      if (last !== undefined && last.node === node && last.end === this.length) {
        const runs = last.runs;
        const runText = runs[runs.length - 2]!;
        const runData = runs[runs.length - 1]!;
        if (runData + (this.length - runText) !== dataOffset) runs.push(this.length, dataOffset);
        last.end += s.length;
      } else {
        this.nodes.push({
          node,
          start: this.length,
          end: this.length + s.length,
          runs: [this.length, dataOffset],
        });
      }
    }
    this.parts.push(s);
    this.length += s.length;
  }

  finish(): VisibleText {
    return { text: this.parts.join(''), nodes: this.nodes };
  }
}

/**
 * The visible text of a document or element, in reading order, with the text
 * nodes it comes from (see the module comment for the mapping). Skips what is
 * not rendered as text (script, style, head, svg, form controls…), what markup
 * hides (`hidden`, `aria-hidden="true"`, inline `display: none` or
 * `visibility: hidden`, closed `<details>` and `<dialog>`) and the extension's
 * own UI (`data-casefile-ui`). The root itself is read whatever its
 * attributes. Anything that is not a node gives empty text. Iterative: any
 * depth of nesting is fine.
 */
export function extractVisibleText(root: unknown): VisibleText {
  const builder = new Builder();
  if (root === null || typeof root !== 'object') return builder.finish();
  const top = root as DomNode;
  if (top.nodeType === TEXT_NODE || top.nodeType === CDATA_SECTION_NODE) {
    builder.text(top, false);
    return builder.finish();
  }

  const rootKind = top.nodeType === ELEMENT_NODE ? kindOf(top) : INLINE;
  // Entered elements, innermost last, with what each means for its children.
  const stack: DomNode[] = [];
  const kinds: number[] = [];
  const closedDetails: boolean[] = [];
  let preDepth = rootKind === PRE ? 1 : 0;
  const rootClosedDetails = rootKind === DETAILS && attribute(top, 'open') === null;

  // The root's children come from `childNodes` when it has them: linkedom's
  // doctype has no `nextSibling`, which would hide the whole document.
  const topChildren =
    top.childNodes !== undefined && top.childNodes !== null ? top.childNodes : null;
  let topIndex = 0;
  const nextOf = (current: DomNode): DomNode | null =>
    stack.length === 0 && topChildren !== null
      ? (topChildren[++topIndex] ?? null)
      : (current.nextSibling ?? null);

  let node = topChildren !== null ? (topChildren[0] ?? null) : (top.firstChild ?? null);
  for (;;) {
    if (node === null) {
      const element = stack.pop();
      if (element === undefined) break;
      const kind = kinds.pop()!;
      closedDetails.pop();
      if (kind === PRE) preDepth--;
      boundary(builder, kind);
      node = nextOf(element);
      continue;
    }
    const type = node.nodeType;
    const parentClosed =
      stack.length === 0 ? rootClosedDetails : closedDetails[closedDetails.length - 1]!;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      if (!parentClosed) builder.text(node, preDepth > 0);
      node = nextOf(node);
      continue;
    }
    if (type !== ELEMENT_NODE) {
      node = nextOf(node);
      continue;
    }
    const kind = kindOf(node);
    if (
      kind === SKIP ||
      (parentClosed && !isSummary(node)) ||
      (kind === DIALOG && attribute(node, 'open') === null) ||
      isHidden(node)
    ) {
      node = nextOf(node);
      continue;
    }
    if (kind === BREAK) {
      builder.lineBreak();
      node = nextOf(node);
      continue;
    }
    boundary(builder, kind);
    if (kind === PRE) preDepth++;
    stack.push(node);
    kinds.push(kind);
    closedDetails.push(kind === DETAILS && attribute(node, 'open') === null);
    node = node.firstChild ?? null;
  }
  return builder.finish();
}

/** The separation a block needs where it starts and where it ends. */
function boundary(builder: Builder, kind: number): void {
  if (kind === LINE || kind === DIALOG) builder.block(1);
  else if (kind === PARAGRAPH || kind === PRE || kind === DETAILS) builder.block(2);
}

function isSummary(element: DomNode): boolean {
  const name = typeof element.nodeName === 'string' ? element.nodeName : element.tagName;
  return typeof name === 'string' && name.toLowerCase() === 'summary';
}

/** The data offset of the character at text offset `t` of an entry (start ≤ t < end). */
function dataOffsetAt(entry: VisibleTextNode, t: number): number {
  const runs = entry.runs;
  let lo = 0;
  let hi = runs.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[2 * mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return runs[2 * lo + 1]! + (t - runs[2 * lo]!);
}

/**
 * The DOM position of a text offset, for a `Range`: with side 'start', the
 * position before the character at `offset` (or before the next node's text
 * when `offset` falls on a separator); with side 'end', the position after the
 * character at `offset - 1` (or after the previous node's text). Null when no
 * text node is on that side of `offset`.
 */
export function domPointAt(
  visible: VisibleText,
  offset: number,
  side: 'start' | 'end',
): DomPoint | null {
  const nodes = visible.nodes;
  if (side === 'start') {
    // The first entry that ends after `offset`.
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nodes[mid]!.end > offset) hi = mid;
      else lo = mid + 1;
    }
    const entry = nodes[lo];
    if (entry === undefined) return null;
    return { node: entry.node, offset: dataOffsetAt(entry, Math.max(offset, entry.start)) };
  }
  // The last entry that starts before `offset`.
  let lo = -1;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (nodes[mid]!.start < offset) lo = mid;
    else hi = mid - 1;
  }
  const entry = nodes[lo];
  if (entry === undefined) return null;
  return { node: entry.node, offset: dataOffsetAt(entry, Math.min(offset, entry.end) - 1) + 1 };
}
