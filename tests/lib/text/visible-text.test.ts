import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../lib/text/sentences.ts';
import {
  domPointAt,
  extractVisibleText,
  type VisibleText,
  type VisibleTextNode,
} from '../../../lib/text/visible-text.ts';

interface TextNodeLike {
  data: string;
}

function documentOf(html: string) {
  return parseHTML(html).document;
}

function textOf(html: string): string {
  return extractVisibleText(documentOf(html)).text;
}

/** The data of the node an entry comes from. */
function dataOf(entry: VisibleTextNode): string {
  return (entry.node as TextNodeLike).data;
}

/**
 * Every character of every entry comes from the data offset its runs give:
 * the same character, or white space for a collapsed space.
 */
function expectExactMapping(visible: VisibleText): void {
  let previousEnd = 0;
  for (const entry of visible.nodes) {
    expect(entry.start).toBeGreaterThanOrEqual(previousEnd);
    expect(entry.end).toBeGreaterThan(entry.start);
    expect(entry.runs[0]).toBe(entry.start);
    previousEnd = entry.end;
    const data = dataOf(entry);
    for (let t = entry.start; t < entry.end; t++) {
      const start = domPointAt(visible, t, 'start');
      const end = domPointAt(visible, t + 1, 'end');
      expect(start?.node).toBe(entry.node);
      expect(end?.node).toBe(entry.node);
      const shown = visible.text[t];
      const source = data[start!.offset];
      if (shown === ' ') expect(source).toMatch(/[ \t\n\r\f]/);
      else expect(source).toBe(shown);
      expect(end!.offset).toBe(start!.offset + 1);
    }
  }
}

const ARTICLE = `<!doctype html>
<html lang="fr">
<head>
  <title>Fermeture de Coco : Darmanin annonce des interpellations</title>
  <style>.pub { display: block }</style>
  <script>window.dataLayer = ["coco"];</script>
</head>
<body>
  <nav><a href="/">Accueil</a> <a href="/tech">Tech&amp;Co</a></nav>
  <div data-casefile-ui><span>Casefile : 3 affirmations vérifiées</span></div>
  <main>
    <article>
      <h1>Fermeture de Coco :
          Gérald Darmanin annonce l'interpellation des dirigeants</h1>
      <p class="chapo">Ce 25 juin au matin, le site <strong>Coco</strong> a été
         fermé à l'initiative des <em>autorités   françaises</em>, 20 ans après sa création.</p>
      <p hidden>Contenu réservé aux abonnés.</p>
      <span aria-hidden="true">🔒</span>
      <div style="display: none">Publicité</div>
      <div style="color: red; visibility:hidden !important">Publicité</div>
      <p>Le parquet évoque :</p>
      <ul>
        <li>23 051 procédures judiciaires</li>
        <li>480 <abbr title="victimes">victimes</abbr></li>
      </ul>
      <blockquote>« Les dirigeants de cette plateforme mafieuse ont été interpellés ! »</blockquote>
      <p>Thomas Leroy<br>Journaliste BFM Business</p>
      <noscript>Activez JavaScript</noscript>
      <button>Partager</button>
      <template><p>Modèle</p></template>
      <svg><text>Logo</text></svg>
      <textarea>Votre commentaire</textarea>
    </article>
  </main>
  <footer><p>© BFM TV</p></footer>
</body>
</html>`;

describe('extractVisibleText', () => {
  it('reads an article in order, without what is not shown', () => {
    expect(textOf(ARTICLE)).toBe(
      [
        'Accueil Tech&Co',
        "Fermeture de Coco : Gérald Darmanin annonce l'interpellation des dirigeants",
        "Ce 25 juin au matin, le site Coco a été fermé à l'initiative des autorités françaises, 20 ans après sa création.",
        'Le parquet évoque :',
        '23 051 procédures judiciaires\n480 victimes',
        '« Les dirigeants de cette plateforme mafieuse ont été interpellés ! »',
        'Thomas Leroy\nJournaliste BFM Business',
        '© BFM TV',
      ].join('\n\n'),
    );
  });

  it('maps every character back to its text node and offset', () => {
    const visible = extractVisibleText(documentOf(ARTICLE));
    expectExactMapping(visible);
    const emphasis = visible.nodes.find((n) => dataOf(n) === 'autorités   françaises')!;
    expect(visible.text.slice(emphasis.start, emphasis.end)).toBe('autorités françaises');
    expect(emphasis.runs).toEqual([emphasis.start, 0, emphasis.start + 10, 12]);
  });

  it('records each contributing node with the slice of text it gives', () => {
    const visible = extractVisibleText(
      documentOf('<p>Le site <strong>Coco</strong> a été\n   fermé <em> hier </em>.</p>'),
    );
    expect(visible.text).toBe('Le site Coco a été fermé hier .');
    expect(
      visible.nodes.map((n) => [visible.text.slice(n.start, n.end), dataOf(n)] as const),
    ).toEqual([
      ['Le site ', 'Le site '],
      ['Coco', 'Coco'],
      [' a été fermé ', ' a été\n   fermé '],
      ['hier ', ' hier '],
      ['.', '.'],
    ]);
    expectExactMapping(visible);
  });

  it.each([
    ['<p>un</p><p>deux</p>', 'un\n\ndeux'],
    ['<div>un</div><div>deux</div>', 'un\ndeux'],
    ['<div><div><p>un</p></div></div><div>deux</div>', 'un\n\ndeux'],
    ['<p>un<br>deux<br><br>trois<br></p><p>quatre</p>', 'un\ndeux\n\ntrois\n\nquatre'],
    ['<span>co</span><b>co</b>.<i>gg</i>', 'coco.gg'],
    ['<p>  \n  espaces   \t autour  \n </p>', 'espaces autour'],
    ['<p>a\u00a0\u00a0b</p>', 'a\u00a0\u00a0b'],
    ['<pre>ligne 1\n    ligne  2</pre><p>après</p>', 'ligne 1\n    ligne  2\n\naprès'],
    ['<table><tr><td>Procédures</td><td>23 051</td></tr></table>', 'Procédures\n23 051'],
    ['<details><summary>Lire plus</summary><p>Caché</p></details>', 'Lire plus'],
    ['<details open><summary>Lire plus</summary><p>Visible</p></details>', 'Lire plus\n\nVisible'],
    ['<dialog>Fermé</dialog><dialog open>Ouvert</dialog>', 'Ouvert'],
    ['<p>un <span hidden>caché</span>deux</p>', 'un deux'],
    ['<p>un <span aria-hidden="TRUE">caché</span>deux</p>', 'un deux'],
    ['<p>un <span aria-hidden="false">vu</span> deux</p>', 'un vu deux'],
    ['<p style="DISPLAY : NONE">caché</p><p style="display:block">vu</p>', 'vu'],
    ['<p>un <!-- commentaire --> deux</p>', 'un deux'],
    ['<p>avant <select><option>Choix</option></select>après</p>', 'avant après'],
    ['<div>Post 1 😱 #coco</div><div>post 2</div>', 'Post 1 😱 #coco\npost 2'],
    ['', ''],
  ])('reads %j as %j', (html, expected) => {
    const visible = extractVisibleText(documentOf(html));
    expect(visible.text).toBe(expected);
    expectExactMapping(visible);
  });

  it('reads an element or a text node given as the root', () => {
    const document = documentOf('<div id="a"><p>Dans <em>la</em> page</p></div><p>hors</p>');
    expect(extractVisibleText(document.getElementById('a')).text).toBe('Dans la page');
    expect(extractVisibleText(document.querySelector('em')!.firstChild).text).toBe('la');
  });

  it('gives empty text for what is not a node', () => {
    expect(extractVisibleText(null)).toEqual({ text: '', nodes: [] });
    expect(extractVisibleText('<p>texte</p>')).toEqual({ text: '', nodes: [] });
    expect(extractVisibleText({})).toEqual({ text: '', nodes: [] });
  });

  it('keeps blocks apart so that sentences never run from one into the next', () => {
    const visible = extractVisibleText(
      documentOf(
        '<h2>Un discret ingénieur</h2><p>Selon le Monde, il vit dans le Var</p>' +
          '<ul><li>la fourniture d’une plateforme en ligne permettant une transaction illicite</li>' +
          '<li>le blanchiment aggravé</li></ul>',
      ),
    );
    const sentences = splitSentences(visible.text, 'fr').map((s) =>
      visible.text.slice(s.start, s.end),
    );
    expect(sentences).toEqual([
      'Un discret ingénieur',
      'Selon le Monde, il vit dans le Var',
      'la fourniture d’une plateforme en ligne permettant une transaction illicite',
      'le blanchiment aggravé',
    ]);
  });

  it('walks a document nested 5 000 levels deep', () => {
    const html = '<div>'.repeat(5000) + 'Le site est fermé' + '</div>'.repeat(5000);
    const visible = extractVisibleText(documentOf(`<html><body>${html}</body></html>`));
    expect(visible.text).toBe('Le site est fermé');
    expect(visible.nodes).toHaveLength(1);
  });

  it('walks a tree nested 100 000 levels deep, built node by node', () => {
    // A minimal tree of plain objects: the walk needs no DOM implementation.
    const leaf = { nodeType: 3, data: 'profond', nextSibling: null };
    let node: object = leaf;
    for (let i = 0; i < 100_000; i++) {
      node = { nodeType: 1, nodeName: 'SPAN', firstChild: node, nextSibling: null };
    }
    expect(extractVisibleText(node).text).toBe('profond');
  });
});

describe('domPointAt', () => {
  const visible = extractVisibleText(
    documentOf('<p>Le site <strong>Coco</strong> a été\n   fermé.</p><p>Fin.</p>'),
  );
  const [first, strong, rest, end] = visible.nodes as [
    VisibleTextNode,
    VisibleTextNode,
    VisibleTextNode,
    VisibleTextNode,
  ];

  it('maps the ends of a match to a range over the DOM', () => {
    const at = visible.text.indexOf('Coco a été fermé');
    const start = domPointAt(visible, at, 'start');
    const stop = domPointAt(visible, at + 'Coco a été fermé'.length, 'end');
    expect(start).toEqual({ node: strong.node, offset: 0 });
    expect(stop).toEqual({ node: rest.node, offset: ' a été\n   fermé'.length });
  });

  it('maps an offset after collapsed white space to its place in the data', () => {
    const at = visible.text.indexOf('fermé');
    expect(domPointAt(visible, at, 'start')).toEqual({ node: rest.node, offset: 10 });
    expect(dataOf(rest).slice(10)).toBe('fermé.');
  });

  it('moves an offset on a separator to the next node (start) or the previous one (end)', () => {
    const separator = visible.text.indexOf('\n');
    expect(domPointAt(visible, separator, 'start')).toEqual({ node: end.node, offset: 0 });
    expect(domPointAt(visible, separator + 2, 'end')).toEqual({
      node: rest.node,
      offset: dataOf(rest).length,
    });
  });

  it('returns null past either end', () => {
    expect(domPointAt(visible, visible.text.length, 'start')).toBeNull();
    expect(domPointAt(visible, 0, 'end')).toBeNull();
    expect(domPointAt(visible, 0, 'start')).toEqual({ node: first.node, offset: 0 });
    expect(domPointAt({ text: '', nodes: [] }, 0, 'start')).toBeNull();
  });
});
