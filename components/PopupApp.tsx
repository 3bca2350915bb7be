import type { TextReport } from '../lib/check-text.ts';
import type { ClaimResult } from '../lib/claims/check-claim.ts';
import { reportRequestOf } from '../lib/history/verdict-report.ts';
import type { ReportOutcome } from './ReportVerdict.tsx';
import {
  addHistory,
  addVerdictReport,
  CasefileDb,
  historyEntryFrom,
  readStoreSummary,
  type StoredFact,
} from '../lib/db.ts';
import { getSettings } from '../utils/settings.ts';
import { FactItem } from './FactItem.tsx';
import { HighlightToggles } from './HighlightToggles.tsx';
import { PageSummary, usePageReport, webHostOf } from './PageSummary.tsx';
import { Legend } from './Legend.tsx';
import { PasteCheck } from './PasteCheck.tsx';
import { useMemo } from 'preact/hooks';
import { messagesFor, uiLanguage } from './i18n.ts';
import { useLiveQuery } from './use-live-query.ts';

/** Facts grouped by topic, topics in the order they first appear. */
function groupByTopic(facts: readonly StoredFact[]): [string, StoredFact[]][] {
  const groups = new Map<string, StoredFact[]>();
  for (const fact of facts) {
    const group = groups.get(fact.topic);
    if (group) group.push(fact);
    else groups.set(fact.topic, [fact]);
  }
  return [...groups];
}

/** Records a pasted text in the history, unless the user turned the history off. */
async function logText(db: CasefileDb, text: string, report: TextReport): Promise<void> {
  if (!report.aboutCase || !(await getSettings()).history) return;
  const title = text.replace(/\s+/g, ' ').slice(0, 80);
  await addHistory(
    db,
    historyEntryFrom(report, { url: '', title, kind: 'text', checkedAt: new Date() }),
  );
}

/** The toolbar popup: the case, what the store holds, and every fact with its source passage. */
export function PopupApp({ db }: { db: CasefileDb }) {
  const language = uiLanguage();
  const t = messagesFor(language);
  const store = useLiveQuery(() => readStoreSummary(db), [db]);
  const report = usePageReport();
  const citations = useMemo(
    () =>
      store.status === 'ready'
        ? { sources: [...store.value.sources.values()], statements: store.value.statements }
        : undefined,
    [store],
  );

  const keepReport = (
    claim: ClaimResult,
    note: string,
    page: { url: string; title: string },
  ): Promise<ReportOutcome> =>
    addVerdictReport(db, reportRequestOf(claim, note), page).then(() => ({ ok: true }) as const);

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
        <HighlightToggles t={t} host={webHostOf(report)} />
      </header>
      <PageSummary t={t} report={report} citations={citations} onReport={keepReport} />
      <details class="legend-box">
        <summary>{t.legendTitle}</summary>
        <Legend t={t} />
      </details>
      <PasteCheck
        t={t}
        citations={citations}
        onReport={(claim, note) => keepReport(claim, note, { url: '', title: '' })}
        onChecked={(text, report) => void logText(db, text, report)}
      />
      <p class="history-link">
        <a href="/checked.html" target="_blank" rel="noopener">
          {t.historyLink}
        </a>
      </p>
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
            <section aria-label={t.factsHeading}>
              {groupByTopic(store.value.facts).map(([topic, facts]) => (
                <section key={topic} aria-labelledby={`topic-${topic}`}>
                  <h2 id={`topic-${topic}`}>{t.topics[topic] ?? topic}</h2>
                  <ol class="facts">
                    {facts.map((fact) => (
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
              ))}
            </section>
          )}
        </>
      )}
    </main>
  );
}
