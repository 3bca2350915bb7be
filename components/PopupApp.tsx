import { CasefileDb, type StoredFact } from '../lib/db.ts';
import type { SourceMeta } from '../lib/facts/schema.ts';
import { FactItem } from './FactItem.tsx';
import { messagesFor, uiLanguage } from './i18n.ts';
import { useLiveQuery } from './use-live-query.ts';

interface StoreSnapshot {
  facts: StoredFact[];
  sources: Map<string, SourceMeta>;
  seedError: string | undefined;
}

/** Everything the popup shows, read from IndexedDB in one consistent transaction. */
async function readStore(db: CasefileDb): Promise<StoreSnapshot> {
  return db.transaction('r', [db.facts, db.sources, db.meta], async () => {
    const [facts, sources, seedError] = await Promise.all([
      db.facts.orderBy('[packId+id]').toArray(),
      db.sources.toArray(),
      db.meta.get('seedError'),
    ]);
    return {
      facts,
      sources: new Map(sources.map(({ text: _text, ...meta }) => [meta.id, meta])),
      seedError: typeof seedError?.value === 'string' ? seedError.value : undefined,
    };
  });
}

/** The toolbar popup: the case, what the store holds, and every fact with its source passage. */
export function PopupApp({ db }: { db: CasefileDb }) {
  const language = uiLanguage();
  const t = messagesFor(language);
  const store = useLiveQuery(() => readStore(db), [db]);

  return (
    <main lang={language}>
      <header>
        <h1>{t.caseTitle}</h1>
        <p class="summary">{t.caseSummary}</p>
        {store.status === 'ready' && (
          <p class="counts" data-testid="counts">
            {t.counts(store.value.facts.length, store.value.sources.size)}
          </p>
        )}
      </header>
      {store.status === 'loading' && <p role="status">{t.loading}</p>}
      {store.status === 'error' && (
        <p role="alert">
          {t.readError} {String(store.error)}
        </p>
      )}
      {store.status === 'ready' && (
        <>
          {store.value.seedError && (
            <p role="alert" class="error">
              {t.seedError} {store.value.seedError}
            </p>
          )}
          {store.value.facts.length === 0 ? (
            <p role="status">{t.empty}</p>
          ) : (
            <section aria-labelledby="facts-heading">
              <h2 id="facts-heading">{t.factsHeading}</h2>
              <ol class="facts">
                {store.value.facts.map((fact) => (
                  <FactItem
                    key={`${fact.packId}/${fact.id}`}
                    fact={fact}
                    sources={store.value.sources}
                    language={language}
                    messages={t}
                  />
                ))}
              </ol>
            </section>
          )}
        </>
      )}
    </main>
  );
}
