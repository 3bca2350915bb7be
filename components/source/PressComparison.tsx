import type { StoredFact } from '../../lib/db.ts';
import type { Language } from '../../lib/facts/schema.ts';
import { sourceViewerHash } from '../../lib/source-link.ts';

const MESSAGES = {
  fr: {
    heading: 'Ce que la presse a fait du communiqué',
    intro:
      'Chaque passage du communiqué, face à la façon dont l’article le cite, l’arrondit ou le modifie.',
    original: 'Original',
    renderings: {
      quotes: 'cite',
      reports: 'rapporte',
      rounds: 'arrondit',
      alters: 'modifie',
      original: 'original',
    },
  },
  en: {
    heading: 'What the press made of the release',
    intro: 'Each passage of the release, beside the way the article quotes, rounds or alters it.',
    original: 'Original',
    renderings: {
      quotes: 'quotes',
      reports: 'reports',
      rounds: 'rounds',
      alters: 'alters',
      original: 'original',
    },
  },
};

/** Renderings worth setting side by side: the press's words differ from, or repeat, the original's. */
const SHOWN = new Set(['quotes', 'rounds', 'alters']);

/**
 * The places where the press article quotes, rounds or alters the primary
 * source, each beside the original passage, with the note saying what
 * differs. Only facts that have both an original passage and such a
 * rendering appear; all text is rendered as text.
 */
export function PressComparison({
  facts,
  publishers,
  language,
}: {
  facts: readonly StoredFact[];
  publishers: ReadonlyMap<string, string>;
  language: Language;
}) {
  const t = MESSAGES[language];
  const pairs = facts.flatMap((fact) => {
    const original = fact.evidence.find((e) => e.rendering === 'original');
    return original
      ? fact.evidence
          .filter((e) => SHOWN.has(e.rendering) && e.sourceId !== original.sourceId)
          .map((press) => ({ fact, original, press }))
      : [];
  });
  if (pairs.length === 0) return null;
  return (
    <section class="press-comparison" aria-labelledby="press-heading">
      <h2 id="press-heading">{t.heading}</h2>
      <p class="intro">{t.intro}</p>
      <ul>
        {pairs.map(({ fact, original, press }) => (
          <li key={`${fact.packId}/${fact.id}/${press.start}`} data-rendering={press.rendering}>
            <div class="pair">
              <blockquote lang="fr">
                <span class="who">
                  {t.original} · {publishers.get(original.sourceId)}
                </span>
                <a href={sourceViewerHash(original)}>{original.exact}</a>
              </blockquote>
              <blockquote lang="fr" class={`rendering-${press.rendering}`}>
                <span class="who">
                  {publishers.get(press.sourceId)} ·{' '}
                  <strong>{t.renderings[press.rendering]}</strong>
                </span>
                <a href={sourceViewerHash(press)}>{press.exact}</a>
              </blockquote>
            </div>
            {press.note && <p class="note">{press.note}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
