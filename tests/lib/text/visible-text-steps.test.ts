import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  extractVisibleText,
  visibleTextSteps,
  type VisibleText,
  type VisibleTextNode,
} from '../../../lib/text/visible-text.ts';

function documentOf(html: string) {
  return parseHTML(html).document;
}

/** Runs the steps to the end; how many times they yielded, and the result. */
function runSteps(root: unknown, nodesPerStep?: number): { yields: number; visible: VisibleText } {
  const steps = visibleTextSteps(root, nodesPerStep);
  let yields = 0;
  let step = steps.next();
  while (step.done !== true) {
    yields++;
    step = steps.next();
  }
  return { yields, visible: step.value };
}

/** Expects the same text and the same entries, down to the node objects. */
function expectSame(actual: VisibleText, expected: VisibleText): void {
  const offsets = (visible: VisibleText) =>
    visible.nodes.map(({ start, end, runs }) => ({ start, end, runs }));
  expect(actual.text).toBe(expected.text);
  expect(offsets(actual)).toEqual(offsets(expected));
  actual.nodes.forEach((entry, i) => expect(entry.node).toBe(expected.nodes[i]!.node));
}

const DOCUMENTS: Record<string, string> = {
  article: `<!doctype html><html><head><title>Titre</title><style>p{}</style></head><body>
    <nav><a href="/">Accueil</a> <a href="/tech">Tech</a></nav>
    <div data-casefile-ui><span>Casefile</span></div>
    <main><article>
      <h1>Fermeture de Coco :
          Gérald Darmanin annonce l'interpellation des dirigeants</h1>
      <p>Ce 25 juin, le site <strong>Coco</strong> a été
         fermé à l'initiative des <em>autorités   françaises</em>.</p>
      <p hidden>Réservé aux abonnés.</p>
      <span aria-hidden="true">🔒</span>
      <div style="display: none">Publicité</div>
      <ul><li>23 051 procédures</li><li>480 <abbr>victimes</abbr></li></ul>
      <p>Thomas Leroy<br>Journaliste<br><br>BFM</p>
      <script>window.x = 1;</script><button>Partager</button>
    </article></main>
    <footer><p>© BFM TV</p></footer>
  </body></html>`,
  pre: '<p>avant</p><pre>ligne 1\n    ligne  2\n<b>gras  </b>\tfin\n</pre><p>  après  </p>',
  details:
    '<details><summary>Lire <b>plus</b></summary><p>Caché</p>texte caché</details>' +
    '<details open><summary>Ouvert</summary><p>Visible</p></details>' +
    '<dialog>Fermé</dialog><dialog open>Ouvert</dialog>',
  hidden:
    '<p>un <span hidden>caché</span>deux <span aria-hidden=" TRUE ">caché</span>trois</p>' +
    '<p style="color: red; visibility:hidden !important">caché</p><p style="color: red">vu</p>' +
    '<div aria-hidden="false">vu aussi</div>',
  deep: `<html><body>${'<div>'.repeat(5000)}Le site <b>est</b> fermé${'</div>'.repeat(5000)}</body></html>`,
  'deep inline': `<p>${'<span> a'.repeat(5000)}${'</span>'.repeat(5000)}</p>`,
};

describe('visibleTextSteps', () => {
  it.each(Object.keys(DOCUMENTS))('gives what extractVisibleText gives: %s', (name) => {
    const document = documentOf(DOCUMENTS[name]!);
    const expected = extractVisibleText(document);
    expect(expected.text.length).toBeGreaterThan(0);
    for (const nodesPerStep of [1, 2, 7, 100, 2000, undefined]) {
      expectSame(runSteps(document, nodesPerStep).visible, expected);
    }
  });

  it('gives the same for an element, a text node and what is not a node', () => {
    const document = documentOf(DOCUMENTS.details! + DOCUMENTS.pre!);
    const roots: unknown[] = [
      document.querySelector('details'),
      document.querySelector('pre'),
      document.querySelector('pre')!.firstChild,
      document.querySelector('summary'),
      null,
      'texte',
      {},
    ];
    for (const root of roots) {
      expectSame(runSteps(root, 1).visible, extractVisibleText(root));
    }
  });

  it('yields every nodesPerStep nodes', () => {
    const document = documentOf(`<div>${'<p>un <b>deux</b> trois</p>'.repeat(1000)}</div>`);
    const few = runSteps(document, 5000);
    const many = runSteps(document, 100);
    expect(few.yields).toBeGreaterThan(0);
    expect(many.yields).toBeGreaterThan(few.yields * 10);
    expect(runSteps(document, 0).yields).toBeGreaterThan(many.yields);
  });

  it('does not throw when the tree changes between steps', () => {
    const document = documentOf(DOCUMENTS.article!);
    const steps = visibleTextSteps(document, 3);
    const changes = [
      () => document.querySelector('h1')?.remove(),
      () => document.querySelector('ul')?.firstChild?.remove(),
      () => document.querySelector('main')?.remove(),
      () => document.body.append(document.createTextNode(' ajouté '), document.createElement('p')),
      () => document.querySelector('footer')?.replaceChildren(),
    ];
    let step = steps.next();
    for (let i = 0; step.done !== true; i++) {
      changes[i % changes.length]!();
      step = steps.next();
    }
    expect(typeof step.value.text).toBe('string');
  });
});

// ——————————————— a straightforward reference, character by character ———————————————

/** One character of the visible text and where it comes from (null: a separator). */
interface Piece {
  char: string;
  node: unknown;
  offset: number;
}

/** The kinds of the tags the generated trees use. */
const REFERENCE_SKIP = new Set(['script', 'textarea', 'button']);
const REFERENCE_LINES: Record<string, number> = { div: 1, li: 1, summary: 1, td: 1, dialog: 1 };
const REFERENCE_PARAGRAPHS = new Set(['p', 'h2', 'ul', 'pre', 'details']);

function hiddenByMarkup(element: Element): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.hasAttribute('data-casefile-ui') ||
    element.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute('style') ?? '')
  );
}

/** extractVisibleText as its documentation says, one character at a time, recursively. */
function reference(root: Element): VisibleText {
  const pieces: Piece[] = [];
  let pendingBreak = 0;
  let space: { node: unknown; offset: number } | null = null;
  let atLineStart = true;

  const block = (lines: number): void => {
    if (pieces.length > 0 && lines > pendingBreak) pendingBreak = lines;
    space = null;
  };
  const emit = (char: string, node: unknown, offset: number): void => {
    if (pendingBreak > 0) {
      for (let i = 0; i < pendingBreak; i++) pieces.push({ char: '\n', node: null, offset: 0 });
      pendingBreak = 0;
      space = null;
    }
    if (space !== null) {
      pieces.push({ char: ' ', node: space.node, offset: space.offset });
      space = null;
    }
    pieces.push({ char, node, offset });
    atLineStart = char === '\n';
  };
  const text = (node: Text, preserve: boolean): void => {
    for (let i = 0; i < node.data.length; i++) {
      const char = node.data[i]!;
      if (preserve || !' \t\n\r\f'.includes(char)) emit(char, node, i);
      else if (space === null && !atLineStart && pendingBreak === 0) space = { node, offset: i };
    }
  };
  const visit = (node: Node, preserve: boolean, parentClosed: boolean): void => {
    if (node.nodeType === 3) {
      if (!parentClosed) text(node as Text, preserve);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.localName;
    if (REFERENCE_SKIP.has(tag) || (parentClosed && tag !== 'summary')) return;
    if (tag === 'dialog' && !element.hasAttribute('open')) return;
    if (hiddenByMarkup(element)) return;
    if (tag === 'br') {
      if (pieces.length > 0) pendingBreak = Math.min(pendingBreak + 1, 2);
      space = null;
      return;
    }
    const lines = REFERENCE_PARAGRAPHS.has(tag) ? 2 : (REFERENCE_LINES[tag] ?? 0);
    if (lines > 0) block(lines);
    const closed = tag === 'details' && !element.hasAttribute('open');
    for (const child of element.childNodes) visit(child, preserve || tag === 'pre', closed);
    if (lines > 0) block(lines);
  };

  const rootTag = root.localName;
  const rootClosed = rootTag === 'details' && !root.hasAttribute('open');
  for (const child of root.childNodes) visit(child, rootTag === 'pre', rootClosed);
  return piecesToVisibleText(pieces);
}

/** Consecutive characters of one node make one entry; a new run starts where its offsets jump. */
function piecesToVisibleText(pieces: Piece[]): VisibleText {
  const nodes: VisibleTextNode[] = [];
  let last: VisibleTextNode | null = null;
  let lastOffset = -1;
  pieces.forEach((piece, t) => {
    if (piece.node === null) {
      last = null;
      return;
    }
    if (last === null || last.node !== piece.node) {
      last = { node: piece.node, start: t, end: t + 1, runs: [t, piece.offset] };
      nodes.push(last);
    } else {
      if (piece.offset !== lastOffset + 1) last.runs.push(t, piece.offset);
      last.end = t + 1;
    }
    lastOffset = piece.offset;
  });
  return { text: pieces.map((piece) => piece.char).join(''), nodes };
}

// ——————————————— random trees ———————————————

type Tree =
  | { text: string }
  | { comment: string }
  | { tag: string; attribute: [string, string] | null; children: Tree[] };

const TAGS = [
  'span',
  'b',
  'x-custom',
  'div',
  'li',
  'td',
  'p',
  'h2',
  'ul',
  'pre',
  'br',
  'details',
  'summary',
  'dialog',
  'script',
  'textarea',
  'button',
];
const ATTRIBUTES: [string, string][] = [
  ['class', 'x'],
  ['open', ''],
  ['hidden', ''],
  ['data-casefile-ui', ''],
  ['aria-hidden', 'true'],
  ['aria-hidden', ' TRUE '],
  ['aria-hidden', 'false'],
  ['style', 'display: none'],
  ['style', 'color: red; visibility:hidden'],
  ['style', 'color: red'],
];
/** Words, the characters white-space collapsing handles, and ones it must keep. */
const DATA_UNITS = ['a', 'bc', 'é', '😱', '\u00a0', ' ', ' ', '  ', '\t', '\n', '\r', '\f', ' \n '];

const trees = fc.letrec<{ tree: Tree; element: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ text: fc.string({ unit: fc.constantFrom(...DATA_UNITS), maxLength: 6 }) }),
    fc.record({ comment: fc.constant('c') }),
    tie('element'),
  ),
  element: fc.record({
    tag: fc.constantFrom(...TAGS),
    attribute: fc.option(fc.constantFrom(...ATTRIBUTES), { freq: 2, nil: null }),
    children: fc.array(tie('tree'), { maxLength: 5 }),
  }),
}));

function build(document: Document, tree: Tree): Node {
  if ('text' in tree) return document.createTextNode(tree.text);
  if ('comment' in tree) return document.createComment(tree.comment);
  const element = document.createElement(tree.tag);
  if (tree.attribute !== null) element.setAttribute(...tree.attribute);
  for (const child of tree.children) element.append(build(document, child));
  return element;
}

describe('extractVisibleText on random trees', () => {
  it('matches the character-by-character reference, whole and in steps', () => {
    const document = documentOf('<!doctype html><html><body></body></html>');
    fc.assert(
      fc.property(trees.element, fc.integer({ min: 1, max: 8 }), (tree, nodesPerStep) => {
        const root = build(document, tree) as Element;
        const visible = extractVisibleText(root);
        expectSame(visible, reference(root));
        expectSame(runSteps(root, nodesPerStep).visible, visible);
      }),
      { numRuns: 2000 },
    );
  });
});
