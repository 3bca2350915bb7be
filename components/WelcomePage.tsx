import { useEffect, useRef } from 'preact/hooks';
import { HIGHLIGHT_PRIORITY, LEGEND_KINDS, type LegendKind } from '../utils/highlight-kinds.ts';
import { Legend } from './Legend.tsx';
import { messagesFor, uiLanguage } from './i18n.ts';

/** One sentence of the sample, and how the page would paint its parts. */
interface SamplePart {
  text: string;
  /** Parts of `text` and the kind each is painted as, mentions and quotations over claims. */
  paint: { words: string; kind: LegendKind }[];
}

const TEXT = {
  fr: {
    title: 'Casefile est installé',
    intro:
      'Sur les pages qui parlent de l’affaire Coco (le site coco.gg, fermé par la justice le 25 juin 2024), Casefile souligne ce qui est dit et le compare aux sources primaires : le communiqué du parquet de Paris et un article de BFM. Tout se fait dans votre navigateur : aucun texte ne le quitte.',
    sampleHeading: 'À quoi cela ressemble',
    sampleNote: 'Un exemple, soulignés comme sur une page :',
    legendHeading: 'Ce que signifient les traits',
    clickHeading: 'Voir la source',
    click:
      'Cliquez sur un passage souligné : une fiche montre le verdict, la raison, le passage de la source avec son contexte, qui l’a dit et quand, et ouvre la source complète avec le passage marqué. Le bouton de Casefile dans la barre d’outils liste tout ce que la page contient.',
    keysHeading: 'Au clavier',
    keys: [
      ['Alt+Maj+N', 'Alt+Maj+P', 'affirmation suivante / précédente'],
      ['Alt+Maj+J', 'Alt+Maj+K', 'contradiction suivante / précédente'],
      ['Échap', '', 'fermer la fiche'],
    ],
    offHeading: 'Désactiver',
    off: 'Cliquez sur le bouton de Casefile dans la barre d’outils : « Surligner l’affaire sur les pages » désactive tout, « Surligner sur … » seulement le site ouvert. La page retrouve exactement son état. La liste des sites et l’historique se règlent dans les options.',
    sample: [
      {
        text: 'Le site Coco a été fermé le 25 juin 2024 par le parquet de Paris.',
        paint: [
          {
            words: 'Le site Coco a été fermé le 25 juin 2024 par le parquet de Paris.',
            kind: 'supported',
          },
          { words: 'Coco', kind: 'mention' },
        ],
      },
      {
        text: 'Des opérations ont eu lieu dans sept pays.',
        paint: [{ words: 'Des opérations ont eu lieu dans sept pays.', kind: 'contradicted' }],
      },
      {
        text: 'Ses utilisateurs se comptaient par milliers chaque soir.',
        paint: [
          { words: 'Ses utilisateurs se comptaient par milliers chaque soir.', kind: 'unverified' },
        ],
      },
      {
        text: 'Le parquet dénonce « une absence notoire de modération »,',
        paint: [{ words: 'une absence notoire de modération', kind: 'quote' }],
      },
      {
        text: 'et ajoute que « les patrons de cette plateforme ont été arrêtés ».',
        paint: [
          { words: 'les patrons de cette plateforme ont été arrêtés', kind: 'quote-altered' },
        ],
      },
      {
        text: 'Une association affirme : « nous le réclamions depuis des années ».',
        paint: [{ words: 'nous le réclamions depuis des années', kind: 'quote-unsourced' }],
      },
    ] satisfies SamplePart[],
  },
  en: {
    title: 'Casefile is installed',
    intro:
      'On pages that speak of the Coco case (the site coco.gg, shut down by the French justice system on 25 June 2024), Casefile underlines what is said and compares it with the primary sources: the Paris prosecutor’s press release and a BFM article. Everything happens in your browser: no text ever leaves it.',
    sampleHeading: 'What it looks like',
    sampleNote: 'An example, underlined as on a page:',
    legendHeading: 'What the lines mean',
    clickHeading: 'Seeing the source',
    click:
      'Click an underlined passage: a card shows the verdict, the reason, the source passage in its context, who said it and when, and opens the full source with the passage marked. Casefile’s toolbar button lists everything the page holds.',
    keysHeading: 'With the keyboard',
    keys: [
      ['Alt+Shift+N', 'Alt+Shift+P', 'next / previous claim'],
      ['Alt+Shift+J', 'Alt+Shift+K', 'next / previous contradiction'],
      ['Escape', '', 'close the card'],
    ],
    offHeading: 'Switching it off',
    off: 'Click Casefile’s toolbar button: “Highlight the case on pages” switches everything off, “Highlight on …” only the site you are on. The page is left exactly as it was. The list of sites and the history are in the options.',
    sample: [
      {
        text: 'The Coco site was shut down on 25 June 2024 by the Paris prosecutor’s office.',
        paint: [
          {
            words: 'The Coco site was shut down on 25 June 2024 by the Paris prosecutor’s office.',
            kind: 'supported',
          },
          { words: 'Coco', kind: 'mention' },
        ],
      },
      {
        text: 'Operations took place in seven countries.',
        paint: [{ words: 'Operations took place in seven countries.', kind: 'contradicted' }],
      },
      {
        text: 'Thousands of users logged on every evening.',
        paint: [{ words: 'Thousands of users logged on every evening.', kind: 'unverified' }],
      },
      {
        text: 'The prosecutor denounced “une absence notoire de modération”,',
        paint: [{ words: 'une absence notoire de modération', kind: 'quote' }],
      },
      {
        text: 'adding that “the bosses of this platform were arrested”.',
        paint: [{ words: 'the bosses of this platform were arrested', kind: 'quote-altered' }],
      },
      {
        text: 'A charity said: “we had asked for it for years”.',
        paint: [{ words: 'we had asked for it for years', kind: 'quote-unsourced' }],
      },
    ] satisfies SamplePart[],
  },
};

/** Paints the sample with the page's own highlight styles, and takes the paint away on leaving. */
function usePaintedSample(sample: readonly SamplePart[]) {
  const root = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const highlights = new Map(
      LEGEND_KINDS.map((kind) => {
        const highlight = new Highlight();
        highlight.priority = HIGHLIGHT_PRIORITY[kind];
        return [kind, highlight] as const;
      }),
    );
    const spans = element.querySelectorAll<HTMLElement>('[data-part]');
    spans.forEach((span, i) => {
      const node = span.firstChild;
      if (!node) return;
      for (const { words, kind } of sample[i]!.paint) {
        const at = node.textContent!.indexOf(words);
        if (at < 0) continue;
        const range = new Range();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        highlights.get(kind)!.add(range);
      }
    });
    for (const [kind, highlight] of highlights) CSS.highlights.set(`casefile-${kind}`, highlight);
    return () => {
      for (const kind of highlights.keys()) CSS.highlights.delete(`casefile-${kind}`);
    };
  }, [sample]);
  return root;
}

/** The page opened once, after install: the styles on a sample, how to read the source, how to switch off. */
export function WelcomePage() {
  const language = uiLanguage();
  const t = messagesFor(language);
  const w = TEXT[language];
  const sample = usePaintedSample(w.sample);
  return (
    <main lang={language}>
      <h1>{w.title}</h1>
      <p>{w.intro}</p>
      <section aria-labelledby="sample-heading">
        <h2 id="sample-heading">{w.sampleHeading}</h2>
        <p>{w.sampleNote}</p>
        <p class="sample-text" ref={sample}>
          {w.sample.map((part, i) => (
            <span key={i} data-part={i}>
              {part.text}
              {i < w.sample.length - 1 ? ' ' : ''}
            </span>
          ))}
        </p>
      </section>
      <section aria-labelledby="legend-heading">
        <h2 id="legend-heading">{w.legendHeading}</h2>
        <Legend t={t} />
      </section>
      <section aria-labelledby="click-heading">
        <h2 id="click-heading">{w.clickHeading}</h2>
        <p>{w.click}</p>
      </section>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">{w.keysHeading}</h2>
        <ul>
          {w.keys.map(([first, second, what]) => (
            <li key={first}>
              <kbd>{first}</kbd>
              {second && (
                <>
                  {' / '}
                  <kbd>{second}</kbd>
                </>
              )}{' '}
              — {what}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="off-heading">
        <h2 id="off-heading">{w.offHeading}</h2>
        <p>{w.off}</p>
      </section>
    </main>
  );
}
