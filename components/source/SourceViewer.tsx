import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  readSourceAndCiting,
  type CasefileDb,
  type StoredFact,
  type StoredSource,
} from '../../lib/db.ts';
import type { Language } from '../../lib/facts/schema.ts';
import type { SourceLink } from '../../lib/source-link.ts';
import { CitingFacts } from './CitingFacts.tsx';
import { MESSAGES, type ViewerMessages } from './messages.ts';
import { PressComparison } from './PressComparison.tsx';
import { formatDate, localeOf, uiLanguage } from '../i18n.ts';
import { SourceText, type Passage } from './SourceText.tsx';
import { useLiveQuery } from '../use-live-query.ts';

interface SourcePage {
  /** The id asked for: until the query for a new id answers, the page holds the last one's. */
  sourceId: string;
  source: StoredSource | undefined;
  /** Facts with at least one passage in this source: the bundled pack first, then the authors' order. */
  citing: StoredFact[];
  /** Every stored source's publisher, to name the other sources a fact cites. */
  publishers: Map<string, string>;
}

/** The source and the facts citing it, read in one consistent transaction. */
async function readSourcePage(db: CasefileDb, sourceId: string): Promise<SourcePage> {
  return { sourceId, ...(await readSourceAndCiting(db, sourceId)) };
}

/** What the page can do with the passage the address asks for, given the text's length. */
type PassageState =
  | { kind: 'none' }
  | { kind: 'marked'; passage: Passage }
  | { kind: 'out-of-range'; passage: Passage };

function passageState(link: SourceLink, textLength: number): PassageState {
  if (link.start === undefined || link.end === undefined) return { kind: 'none' };
  const passage = { start: link.start, end: link.end };
  return link.end <= textLength ? { kind: 'marked', passage } : { kind: 'out-of-range', passage };
}

function Shell({
  language,
  t,
  title,
  children,
}: {
  language: Language;
  t: ViewerMessages;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <div class="page" lang={language}>
      <header class="masthead">
        <p class="kicker">{t.kicker}</p>
        <h1>{title}</h1>
      </header>
      <main class="state">{children}</main>
    </div>
  );
}

interface Props {
  db: CasefileDb;
  /** The address's hash as parsed; null when it was malformed. */
  link: SourceLink | null;
}

/**
 * The source viewer: one source whole, as published, with the passage the
 * address names marked and brought into view, and beside it every fact that
 * cites the source, each linking to its passages. Read from IndexedDB, live.
 */
export function SourceViewer({ db, link }: Props) {
  const language = uiLanguage();
  const t = MESSAGES[language];
  const sourceId = link?.sourceId ?? '';
  const live = useLiveQuery(() => readSourcePage(db, sourceId), [db, sourceId]);
  // Following a link to another source keeps the last source's page until the
  // new one is read: show it as loading rather than mark the new offsets in
  // the old text (and scroll there).
  const page: typeof live =
    live.status === 'ready' && live.value.sourceId !== sourceId ? { status: 'loading' } : live;
  // Bumped when the current passage's link is followed again: the hash does
  // not change then, but the reader asked to see the passage.
  const [revealCount, setRevealCount] = useState(0);
  const source = page.status === 'ready' ? page.value.source : undefined;
  const aside = useRef<HTMLElement>(null);
  const revealKey = `${sourceId}:${link?.start ?? ''}:${link?.end ?? ''}:${revealCount}`;

  // When the facts scroll beside the text (wide windows), bring the current
  // passage's fact into their view too; when they are below the text, the
  // column does not scroll on its own and this does nothing.
  useLayoutEffect(() => {
    const column = aside.current;
    const current = column?.querySelector('[aria-current="location"]');
    if (!column || !current || column.scrollHeight <= column.clientHeight) return;
    const box = column.getBoundingClientRect();
    const item = current.getBoundingClientRect();
    if (item.top < box.top || item.bottom > box.bottom) {
      column.scrollTop += item.top - box.top - box.height / 3;
    }
  }, [revealKey, source?.id]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t.documentTitle(source?.title ?? t.kicker);
  }, [language, source?.title]);

  if (!link) {
    return (
      <Shell language={language} t={t} title={t.malformedTitle}>
        <p role="alert" data-testid="malformed">
          {t.malformed}
        </p>
      </Shell>
    );
  }
  if (page.status === 'loading') {
    return (
      <Shell language={language} t={t} title="Casefile">
        <p role="status">{t.loading}</p>
      </Shell>
    );
  }
  if (page.status === 'error') {
    return (
      <Shell language={language} t={t} title={t.readErrorTitle}>
        <p role="alert" class="error">
          {t.readError} {String(page.error)}
        </p>
      </Shell>
    );
  }
  if (!source) {
    return (
      <Shell language={language} t={t} title={t.notFoundTitle}>
        <p role="alert" data-testid="not-found">
          {t.notFound}
        </p>
        <p class="asked">
          {t.askedFor} <code>{link.sourceId}</code>
        </p>
      </Shell>
    );
  }

  const number = new Intl.NumberFormat(localeOf(language));
  const state = passageState(link, source.text.length);
  const marked = state.kind === 'marked' ? state.passage : undefined;

  return (
    <div class="page" lang={language}>
      <header class="masthead">
        <p class="kicker">{t.kicker}</p>
        <h1 lang={source.language}>{source.title}</h1>
        <dl class="meta" aria-label={t.metadata} data-testid="metadata">
          <div>
            <dt>{t.publisher}</dt>
            <dd>{source.publisher}</dd>
          </div>
          <div>
            <dt>{t.author}</dt>
            <dd>{source.author ?? <span class="none">{t.noAuthor}</span>}</dd>
          </div>
          <div>
            <dt>{t.date}</dt>
            <dd>
              <time dateTime={source.published}>{formatDate(source.published, language)}</time>
            </dd>
          </div>
          <div>
            <dt>{t.language}</dt>
            <dd>{t.languages[source.language]}</dd>
          </div>
          <div>
            <dt>{t.standing}</dt>
            <dd>
              <span class={`standing standing-${source.standing}`}>
                {source.standing === 'primary' ? t.primary : t.press}
              </span>
            </dd>
          </div>
        </dl>
      </header>
      <div class="layout">
        <main aria-labelledby="text-heading">
          <h2 id="text-heading">
            {t.fullText} <span class="length">· {t.length(number.format(source.text.length))}</span>
          </h2>
          {state.kind === 'marked' && (
            <p class="passage-status" role="status" data-testid="passage-status">
              {t.passageShown(number.format(state.passage.start), number.format(state.passage.end))}{' '}
              <button type="button" onClick={() => setRevealCount((n) => n + 1)}>
                {t.backToPassage}
              </button>
            </p>
          )}
          {state.kind === 'none' && (
            <p class="passage-status" role="status" data-testid="passage-status">
              {t.noPassage}
            </p>
          )}
          {state.kind === 'out-of-range' && (
            <p class="passage-status warning" role="alert" data-testid="passage-status">
              {t.outOfRange(
                number.format(state.passage.start),
                number.format(state.passage.end),
                number.format(source.text.length),
              )}
            </p>
          )}
          <SourceText
            text={source.text}
            passage={marked}
            lang={source.language}
            markLabel={t.citedPassage}
            revealKey={revealKey}
          />
          <PressComparison
            facts={page.value.citing}
            publishers={page.value.publishers}
            language={language}
          />
        </main>
        <aside aria-labelledby="facts-heading" ref={aside}>
          <h2 id="facts-heading">
            {t.citingFacts} <span class="count">({page.value.citing.length})</span>
          </h2>
          <CitingFacts
            facts={page.value.citing}
            sourceId={source.id}
            sourceLanguage={source.language}
            current={marked}
            publishers={page.value.publishers}
            language={language}
            messages={t}
            onReveal={() => setRevealCount((n) => n + 1)}
          />
        </aside>
      </div>
    </div>
  );
}
