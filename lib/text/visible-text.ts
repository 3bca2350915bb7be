/**
 * The text a reader sees in a page, with a map back to the DOM text nodes it
 * comes from.
 *
 * Pure: the tree is read through a handful of node properties (`nodeType`,
 * `nodeName`, `firstChild`, `nextSibling`, `data`, `getAttributeNames`,
 * `getAttribute`), so the same code walks the browser's DOM in the content
 * script and linkedom's in Node. It does not compute styles: what it skips is
 * what markup alone says is not shown (scripts, `hidden`, `aria-hidden`,
 * inline `display: none`).
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
 *
 * Cost: in the browser, each call into the DOM costs more than the work done
 * with its answer, so the walk makes few of them (one `getAttributeNames()`
 * per element rather than one `getAttribute` per attribute that hides), and
 * copies a text node's data in one piece unless white space in it collapses.
 * `visibleTextSteps` does the same walk in steps, for the content script to
 * give the page a turn in between.
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
  getAttributeNames?: () => string[];
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
/** A `<details>` entered while closed: its children other than `<summary>` are skipped. */
const CLOSED_DETAILS = 8;

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

/**
 * The kind of every tag name met so far, spelt as met: `nodeName` is upper
 * case in HTML documents, so an inline `SPAN` is looked up once, not lower-cased
 * at each element. Starts as KIND_BY_TAG.
 */
const KIND_BY_NAME = new Map<string, number>(KIND_BY_TAG);
/** Names KIND_BY_NAME stops learning at, so that a page of made-up tags cannot grow it forever. */
const MAX_KNOWN_NAMES = 2000;

/** Matches an inline style that hides the element (`display: none`, `visibility: hidden`). */
const HIDING_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;

/**
 * White space that collapsing changes: a run of two or more collapsible
 * characters, or one that is not a plain space. A single space between two
 * words is kept as it is, so text without a match is copied whole.
 */
const COLLAPSING_RUN = /[ \t\n\r\f]{2,}|[\t\n\r\f]/g;

const SPACE = 0x20;

/** The element's tag name, or undefined when it has none. */
function nameOf(element: DomNode): string | undefined {
  const name = element.nodeName;
  if (typeof name === 'string') return name;
  const tagName = element.tagName;
  return typeof tagName === 'string' ? tagName : undefined;
}

function kindOf(name: string | undefined): number {
  if (name === undefined) return INLINE;
  const known = KIND_BY_NAME.get(name);
  if (known !== undefined) return known;
  const kind = KIND_BY_TAG.get(name.toLowerCase()) ?? INLINE;
  if (KIND_BY_NAME.size < MAX_KNOWN_NAMES) KIND_BY_NAME.set(name, kind);
  return kind;
}

function isSummary(name: string | undefined): boolean {
  return name !== undefined && (name === 'SUMMARY' || name.toLowerCase() === 'summary');
}

/**
 * What the walk does with an element: SKIP it (not rendered, hidden by
 * markup, a closed `<dialog>`, or in a closed `<details>` without being its
 * `<summary>`), BREAK the line, or enter it with its kind (CLOSED_DETAILS for
 * a closed `<details>`).
 */
function entryKind(element: DomNode, parentClosed: boolean): number {
  const name = nameOf(element);
  const kind = kindOf(name);
  if (kind === SKIP) return SKIP;
  if (parentClosed && !isSummary(name)) return SKIP;
  if (kind === DIALOG && attribute(element, 'open') === null) return SKIP;
  if (isHidden(element)) return SKIP;
  if (kind === DETAILS && attribute(element, 'open') === null) return CLOSED_DETAILS;
  return kind;
}

function attribute(element: DomNode, name: string): string | null {
  return typeof element.getAttribute === 'function' ? element.getAttribute(name) : null;
}

/** The attributes by which markup hides an element (see `isHidden`). */
const HIDING_ATTRIBUTES = new Set(['hidden', 'data-casefile-ui', 'aria-hidden', 'style']);

/**
 * Whether markup hides the element: `hidden`, `aria-hidden="true"`, inline
 * style, or the extension's own UI. Most elements have none of these
 * attributes: one `getAttributeNames()` call tells, where asking for each of
 * them would take four calls into the DOM.
 */
function isHidden(element: DomNode): boolean {
  if (typeof element.getAttributeNames !== 'function') return hidesByAttributes(element);
  const names = element.getAttributeNames();
  for (let i = 0; i < names.length; i++) {
    if (HIDING_ATTRIBUTES.has(names[i]!)) return hidesByAttributes(element);
  }
  return false;
}

function hidesByAttributes(element: DomNode): boolean {
  if (attribute(element, 'hidden') !== null) return true;
  if (attribute(element, 'data-casefile-ui') !== null) return true;
  const ariaHidden = attribute(element, 'aria-hidden');
  if (ariaHidden !== null && ariaHidden.trim().toLowerCase() === 'true') return true;
  const style = attribute(element, 'style');
  return style !== null && HIDING_STYLE.test(style);
}

function dataOf(node: DomNode): string {
  const data = node.data;
  if (typeof data === 'string') return data;
  const value = node.nodeValue;
  return typeof value === 'string' ? value : '';
}

/** The visible text under construction. */
class Builder {
  parts: string[] = [];
  length = 0;
  nodes: VisibleTextNode[] = [];
  /** The last entry of `nodes`, if any. */
  last: VisibleTextNode | null = null;
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

  /**
   * A text node's data, its white space collapsed unless `preserve`. Each
   * stretch between two collapsing runs is written in one piece.
   */
  text(node: DomNode, preserve: boolean): void {
    const data = dataOf(node);
    if (data.length === 0) return;
    if (preserve) {
      this.write(node, data, 0, data.length);
      return;
    }
    let from = 0;
    COLLAPSING_RUN.lastIndex = 0;
    for (let run = COLLAPSING_RUN.exec(data); run !== null; run = COLLAPSING_RUN.exec(data)) {
      this.words(node, data, from, run.index);
      this.space(node, run.index);
      from = run.index + run[0].length;
    }
    this.words(node, data, from, data.length);
  }

  /**
   * data[from, to): words separated by single spaces, kept as they are, except
   * a space at either end of the data, which collapses like any run.
   */
  private words(node: DomNode, data: string, from: number, to: number): void {
    if (from >= to) return;
    if (data.charCodeAt(from) === SPACE) {
      this.space(node, from);
      from++;
      if (from === to) return;
    }
    const trailingSpace = data.charCodeAt(to - 1) === SPACE;
    if (trailingSpace) to--;
    this.write(node, data, from, to);
    if (trailingSpace) this.space(node, to);
  }

  /** A run of collapsible white space starting at data offset `offset` of `node`. */
  private space(node: DomNode, offset: number): void {
    if (this.spaceNode === null && !this.atLineStart && this.pendingBreak === 0) {
      this.spaceNode = node;
      this.spaceOffset = offset;
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
      const last = this.last;
      if (last !== null && last.node === node && last.end === this.length) {
        const runs = last.runs;
        const runText = runs[runs.length - 2]!;
        const runData = runs[runs.length - 1]!;
        if (runData + (this.length - runText) !== dataOffset) runs.push(this.length, dataOffset);
        last.end += s.length;
      } else {
        this.last = {
          node,
          start: this.length,
          end: this.length + s.length,
          runs: [this.length, dataOffset],
        };
        this.nodes.push(this.last);
      }
    }
    this.parts.push(s);
    this.length += s.length;
  }

  finish(): VisibleText {
    return { text: this.parts.join(''), nodes: this.nodes };
  }
}

/** The newlines an element needs where it starts and where it ends, by kind. */
const LINES_AROUND = [
  0, // INLINE
  0, // SKIP
  1, // LINE
  2, // PARAGRAPH
  0, // BREAK
  2, // PRE
  2, // DETAILS
  1, // DIALOG
  2, // CLOSED_DETAILS
];

/**
 * A walk over a tree in document order that can stop after any number of
 * nodes and go on later. All the state between two steps is here: the next
 * node to read and the elements entered, so a node removed meanwhile only
 * ends its siblings' walk early (its `nextSibling` is null).
 */
class Walk {
  private readonly builder = new Builder();
  /** The next node to read; null when the innermost entered element has no more children. */
  private node: DomNode | null = null;
  /** Entered elements, innermost last. */
  private readonly elements: DomNode[] = [];
  /**
   * Their kinds (CLOSED_DETAILS for a closed `<details>`), after the root's:
   * one more than `elements`, so that the last is always the parent's.
   */
  private readonly kinds: number[] = [];
  /** How many `<pre>`-like elements are entered, the root included. */
  private preDepth = 0;
  /**
   * The root's children, when it has `childNodes`: linkedom's doctype has no
   * `nextSibling`, which would hide the whole document.
   */
  private topChildren: ArrayLike<DomNode> | null = null;
  private topIndex = 0;
  private done = false;

  constructor(root: unknown) {
    if (root === null || typeof root !== 'object') {
      this.done = true;
      return;
    }
    const top = root as DomNode;
    if (top.nodeType === TEXT_NODE || top.nodeType === CDATA_SECTION_NODE) {
      this.builder.text(top, false);
      this.done = true;
      return;
    }
    const rootKind = top.nodeType === ELEMENT_NODE ? kindOf(nameOf(top)) : INLINE;
    this.preDepth = rootKind === PRE ? 1 : 0;
    const rootClosed = rootKind === DETAILS && attribute(top, 'open') === null;
    this.kinds.push(rootClosed ? CLOSED_DETAILS : rootKind);
    this.topChildren =
      top.childNodes !== undefined && top.childNodes !== null ? top.childNodes : null;
    this.node =
      this.topChildren !== null ? (this.topChildren[0] ?? null) : (top.firstChild ?? null);
  }

  /** Reads up to `maxNodes` more nodes (elements left count too); true when the walk is over. */
  step(maxNodes: number): boolean {
    if (this.done) return true;
    const builder = this.builder;
    const elements = this.elements;
    const kinds = this.kinds;
    const topChildren = this.topChildren;
    let topIndex = this.topIndex;
    let node = this.node;
    let preDepth = this.preDepth;
    let parentClosed = kinds[kinds.length - 1] === CLOSED_DETAILS;
    for (let budget = maxNodes; budget > 0; budget--) {
      // The node just read, or the element just left: the walk goes on after it.
      let finished: DomNode;
      if (node === null) {
        const element = elements.pop();
        if (element === undefined) {
          this.done = true;
          break;
        }
        const kind = kinds.pop()!;
        if (kind === PRE) preDepth--;
        parentClosed = kinds[kinds.length - 1] === CLOSED_DETAILS;
        if (LINES_AROUND[kind]! > 0) builder.block(LINES_AROUND[kind]!);
        finished = element;
      } else {
        const type = node.nodeType;
        if (type === ELEMENT_NODE) {
          const kind = entryKind(node, parentClosed);
          if (kind === BREAK) {
            builder.lineBreak();
          } else if (kind !== SKIP) {
            if (LINES_AROUND[kind]! > 0) builder.block(LINES_AROUND[kind]!);
            if (kind === PRE) preDepth++;
            elements.push(node);
            kinds.push(kind);
            parentClosed = kind === CLOSED_DETAILS;
            node = node.firstChild ?? null;
            continue;
          }
        } else if ((type === TEXT_NODE || type === CDATA_SECTION_NODE) && !parentClosed) {
          builder.text(node, preDepth > 0);
        }
        finished = node;
      }
      node =
        elements.length === 0 && topChildren !== null
          ? (topChildren[++topIndex] ?? null)
          : (finished.nextSibling ?? null);
    }
    this.node = node;
    this.topIndex = topIndex;
    this.preDepth = preDepth;
    return this.done;
  }

  /** The visible text read so far: all of it once `step` returned true. */
  result(): VisibleText {
    return this.builder.finish();
  }
}

/**
 * Nodes a step of `visibleTextSteps` reads by default: well under 1 ms in
 * Chromium once the code is optimized, a few ms for the first, cold steps.
 */
const NODES_PER_STEP = 1000;

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
  const walk = new Walk(root);
  walk.step(Infinity);
  return walk.result();
}

/**
 * `extractVisibleText` in steps, for a caller that must not hold the page's
 * main thread for long: each `next()` reads about `nodesPerStep` more nodes
 * (elements and text nodes; 1,000 by default) and yields, and the last one
 * returns the same value `extractVisibleText(root)` would have. Drive it with
 * a time budget, giving the browser a turn in between:
 *
 * ```ts
 * const steps = visibleTextSteps(root);
 * let step = steps.next();
 * while (!step.done) {
 *   if (performance.now() > deadline) deadline = await nextSlice();
 *   step = steps.next();
 * }
 * const visible = step.value;
 * ```
 *
 * The page may change between two steps: the walk never throws for it, and
 * reads the tree as it is when it gets there, so the result may hold text
 * nodes removed since, or miss text added behind it; check `isConnected` or
 * watch mutations when that matters.
 */
export function* visibleTextSteps(
  root: unknown,
  nodesPerStep = NODES_PER_STEP,
): Generator<void, VisibleText, void> {
  const walk = new Walk(root);
  const size = nodesPerStep >= 1 ? nodesPerStep : 1;
  while (!walk.step(size)) yield;
  return walk.result();
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
