import { Fragment } from 'preact';
import type { StoredFact } from '../../lib/db.ts';
import type { Evidence, Language } from '../../lib/facts/schema.ts';
import { sourceViewerHash } from '../../lib/source-link.ts';
import type { Passage } from './SourceText.tsx';
import type { ViewerMessages } from './messages.ts';

/** Characters of a passage shown, at most, as the text of its link. */
const LINK_CHARS = 90;

/** Runs of white space, line breaks included: a link's text is one line. */
const WHITESPACE_RUN = /\s+/g;

/** A passage as the text of its link: on one line, cut at a word boundary after LINK_CHARS. */
export function linkText(exact: string): string {
  const flat = exact.replace(WHITESPACE_RUN, ' ').trim();
  if (flat.length <= LINK_CHARS) return flat;
  const head = flat.slice(0, LINK_CHARS);
  const cut = head.lastIndexOf(' ');
  return `${cut > 0 ? head.slice(0, cut) : head}…`;
}

interface Props {
  facts: readonly StoredFact[];
  /** The source shown: its passages are linked in this page. */
  sourceId: string;
  /** The language the source is written in, that of its passages. */
  sourceLanguage: Language;
  /** The passage marked now, if any. */
  current: Passage | undefined;
  /** Publishers of the stored sources, to name the other sources a fact cites. */
  publishers: ReadonlyMap<string, string>;
  language: Language;
  messages: ViewerMessages;
  /** Brings the current passage into view again (its link was followed a second time). */
  onReveal: () => void;
}

function isCurrent(evidence: Evidence, current: Passage | undefined): boolean {
  return current !== undefined && evidence.start === current.start && evidence.end === current.end;
}

/** The first passage of each other source a fact cites, in the order the fact gives them. */
function elsewhere(fact: StoredFact, sourceId: string): Evidence[] {
  const seen = new Set<string>([sourceId]);
  const firsts: Evidence[] = [];
  for (const evidence of fact.evidence) {
    if (seen.has(evidence.sourceId)) continue;
    seen.add(evidence.sourceId);
    firsts.push(evidence);
  }
  return firsts;
}

/**
 * Every fact that cites the source shown: its statement, who asserts it, and
 * a link to each of its passages in this source, with how the passage renders
 * the fact (and why, for rounded or altered renderings). Links to passages of
 * other sources change the page's hash too, so the viewer follows them in place.
 */
export function CitingFacts({
  facts,
  sourceId,
  sourceLanguage,
  current,
  publishers,
  language,
  messages: t,
  onReveal,
}: Props) {
  if (facts.length === 0) return <p class="empty">{t.noCitingFacts}</p>;
  return (
    <ol class="citing-facts">
      {facts.map((fact) => {
        const here = fact.evidence.filter((e) => e.sourceId === sourceId);
        const others = elsewhere(fact, sourceId);
        return (
          <li key={`${fact.packId}/${fact.id}`} class="fact" data-fact-id={fact.id}>
            <p class="statement">{fact.statement[language]}</p>
            <p class="attribution">
              {t.assertedBy} {fact.attributedTo}
            </p>
            <ul class="evidence">
              {here.map((evidence) => {
                const selected = isCurrent(evidence, current);
                return (
                  <li
                    key={`${evidence.start}-${evidence.end}`}
                    class={selected ? 'selected' : undefined}
                  >
                    <a
                      href={sourceViewerHash(evidence)}
                      aria-current={selected ? 'location' : undefined}
                      lang={sourceLanguage}
                      onClick={(event) => {
                        if (!selected) return; // the hash changes and the page follows
                        event.preventDefault();
                        onReveal();
                      }}
                    >
                      {t.quote(linkText(evidence.exact))}
                    </a>{' '}
                    <span class={`rendering rendering-${evidence.rendering}`}>
                      <span class="visually-hidden">{t.renderingIs} </span>
                      {t.renderings[evidence.rendering]}
                    </span>
                    {evidence.note && <p class="note">{evidence.note}</p>}
                  </li>
                );
              })}
            </ul>
            {others.length > 0 && (
              <p class="elsewhere">
                {t.alsoIn}{' '}
                {others.map((evidence, i) => (
                  <Fragment key={evidence.sourceId}>
                    {i > 0 && ', '}
                    <a href={sourceViewerHash(evidence)}>
                      {publishers.get(evidence.sourceId) ?? evidence.sourceId}
                    </a>
                  </Fragment>
                ))}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
