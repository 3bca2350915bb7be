import { useId, useState } from 'preact/hooks';
import {
  addVerdictReport,
  clearHistory,
  deleteHistory,
  deleteVerdictReports,
  listVerdictReports,
  setReportNote,
  readCitations,
  searchHistory,
  type CasefileDb,
  type HistoryClaim,
  type HistoryEntry,
} from '../lib/db.ts';
import { claimLink, pageLink } from '../lib/history/link.ts';
import { reportsExport, type VerdictReport } from '../lib/history/verdict-report.ts';
import { ReportVerdict } from './ReportVerdict.tsx';
import { historyToClaimReview } from '../lib/history/export-claim-review.ts';
import { historyToCsv } from '../lib/history/export-csv.ts';
import type { Verdict } from '../lib/claims/check-claim.ts';
import { count, formatLocalTime, messagesFor, reasonIn, uiLanguage } from './i18n.ts';
import { ReplyButton, type Citations } from './ReplyButton.tsx';
import { useLiveQuery } from './use-live-query.ts';

const MESSAGES = {
  fr: {
    title: 'Historique des vérifications',
    search: 'Rechercher (adresse, titre, texte d’une affirmation)',
    verdict: 'Verdict',
    any: 'Tous',
    exportCsv: 'Exporter en CSV',
    exportJsonLd: 'Exporter en JSON-LD (ClaimReview)',
    deleteEntry: 'Supprimer',
    deleteAll: 'Tout supprimer',
    confirmAll: 'Supprimer tout l’historique ? Cliquez encore pour confirmer.',
    empty: 'Aucune vérification enregistrée.',
    pasted: 'Texte collé',
    exported: (n: number) =>
      `${count('fr', n, { one: 'entrée exportée', other: 'entrées exportées' })}.`,
    showInPage: 'Voir dans la page',
    reportsHeading: 'Verdicts signalés',
    reportsIntro:
      'Les verdicts que vous avez signalés comme erronés, gardés dans ce navigateur. Exportez-les pour les transmettre au responsable du paquet de faits.',
    reportsNone: 'Aucun verdict signalé.',
    exportReports: 'Exporter les signalements (JSON)',
    reportNoteField: 'Ce qui est faux (note pour le responsable du paquet)',
    saveNote: 'Enregistrer la note',
    noteSaved: 'Note enregistrée.',
    reportsKept:
      'Supprimer l’historique ne supprime pas les signalements : supprimez-les ici. Les adresses sont gardées sans leurs paramètres ni leur ancre.',
    reportFacts: 'Faits : ',
    reportsExported: (n: number) =>
      `${count('fr', n, { one: 'signalement exporté', other: 'signalements exportés' })}.`,
    omitted: (claims: number, quotes: number) =>
      `Non gardées dans l’historique : ${count('fr', claims, { one: 'affirmation', other: 'affirmations' })} et ${count('fr', quotes, { one: 'citation', other: 'citations' })} de plus (comptées ci-dessus).`,
  },
  en: {
    title: 'History of checks',
    search: 'Search (address, title, text of a claim)',
    verdict: 'Verdict',
    any: 'Any',
    exportCsv: 'Export as CSV',
    exportJsonLd: 'Export as JSON-LD (ClaimReview)',
    deleteEntry: 'Delete',
    deleteAll: 'Delete all',
    confirmAll: 'Delete the whole history? Click again to confirm.',
    empty: 'No check recorded.',
    pasted: 'Pasted text',
    exported: (n: number) => `${count('en', n, { one: 'entry', other: 'entries' })} exported.`,
    showInPage: 'Show in the page',
    reportsHeading: 'Reported verdicts',
    reportsIntro:
      'The verdicts you reported as wrong, kept in this browser. Export them to pass them to the fact pack’s maintainer.',
    reportsNone: 'No verdict reported.',
    exportReports: 'Export the reports (JSON)',
    reportNoteField: 'What is wrong (a note for the pack’s maintainer)',
    saveNote: 'Save the note',
    noteSaved: 'Note saved.',
    reportsKept:
      'Deleting the history leaves the reports: delete them here. Addresses are kept without their query or fragment.',
    reportFacts: 'Facts: ',
    reportsExported: (n: number) =>
      `${count('en', n, { one: 'report', other: 'reports' })} exported.`,
    omitted: (claims: number, quotes: number) =>
      `Not kept in the history: ${count('en', claims, { one: 'more claim', other: 'more claims' })} and ${count('en', quotes, { one: 'more quotation', other: 'more quotations' })} (counted above).`,
  },
};

/** Offers `content` as a file download; nothing leaves the browser. */
function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const ICON = { supported: '✓', contradicted: '✗', unverified: '?' };

/** A report's note, written here (never in a web page, whose scripts hear keystrokes). */
function ReportNote({
  note,
  label,
  save,
  onSave,
}: {
  note: string;
  label: string;
  save: string;
  onSave: (note: string) => Promise<void>;
}) {
  const [text, setText] = useState(note);
  const id = useId();
  return (
    <form
      class="report-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(text);
      }}
    >
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={1000}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <div class="report-actions">
        <button type="submit">{save}</button>
      </div>
    </form>
  );
}

/** A record's page address: a link when it is a web page's, plain text otherwise. */
function PageAddress({ url }: { url: string }) {
  const href = pageLink(url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {url}
    </a>
  ) : (
    <>{url}</>
  );
}

/** A link that opens the page scrolled to the claim (a text fragment), for web pages only. */
function ClaimLink({ url, text, label }: { url: string; text: string; label: string }) {
  const href = claimLink(url, text);
  return href ? (
    <a class="claim-link" href={href} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  ) : null;
}

/**
 * The moderators' record: every checked page and pasted text, searchable,
 * deletable, and exportable as CSV and as schema.org ClaimReview JSON-LD.
 */
export function HistoryApp({ db }: { db: CasefileDb }) {
  const language = uiLanguage();
  const t = MESSAGES[language];
  const common = messagesFor(language);
  const [query, setQuery] = useState('');
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const live = useLiveQuery(
    async () => ({
      entries: await searchHistory(db, { query, verdict: verdict || undefined, limit: 500 }),
      citations: await readCitations(db),
      reports: await listVerdictReports(db),
    }),
    [db, query, verdict],
  );
  const entries: HistoryEntry[] = live.status === 'ready' ? live.value.entries : [];
  const citations: Citations =
    live.status === 'ready' ? live.value.citations : { sources: [], statements: new Map() };
  const sources = citations.sources;
  const reports: VerdictReport[] = live.status === 'ready' ? live.value.reports : [];
  const stamp = new Date().toISOString().slice(0, 10);
  const keepReport = (entry: HistoryEntry, claim: HistoryClaim, note: string) =>
    addVerdictReport(
      db,
      {
        claim: claim.text,
        verdict: claim.verdict,
        reason: claim.reason,
        factIds: claim.factId === undefined ? [] : [claim.factId],
        note: note.trim(),
      },
      { url: entry.url, title: entry.title },
    ).then(() => ({ ok: true }) as const);

  return (
    <div class="page" lang={language}>
      <header>
        <h1>{t.title}</h1>
        <div class="controls">
          <label>
            {t.search}
            <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          </label>
          <label>
            {t.verdict}
            <select
              value={verdict}
              onChange={(e) => setVerdict(e.currentTarget.value as Verdict | '')}
            >
              <option value="">{t.any}</option>
              <option value="contradicted">{common.verdicts.contradicted}</option>
              <option value="supported">{common.verdicts.supported}</option>
              <option value="unverified">{common.verdicts.unverified}</option>
            </select>
          </label>
        </div>
        <div class="actions">
          <button
            type="button"
            onClick={() => {
              download(
                `casefile-history-${stamp}.csv`,
                'text/csv;charset=utf-8',
                historyToCsv(entries),
              );
              setStatus(t.exported(entries.length));
            }}
          >
            {t.exportCsv}
          </button>
          <button
            type="button"
            onClick={() => {
              const doc = historyToClaimReview(entries, sources, { generatedAt: new Date() });
              download(
                `casefile-claimreview-${stamp}.jsonld`,
                'application/ld+json',
                JSON.stringify(doc, null, 2),
              );
              setStatus(t.exported(entries.length));
            }}
          >
            {t.exportJsonLd}
          </button>
          <button
            type="button"
            class="danger"
            onClick={() => {
              if (!confirming) return setConfirming(true);
              setConfirming(false);
              void clearHistory(db);
            }}
          >
            {confirming ? t.confirmAll : t.deleteAll}
          </button>
        </div>
        <p role="status" class="status">
          {status}
        </p>
      </header>
      <main>
        {live.status === 'ready' && entries.length === 0 && <p>{t.empty}</p>}
        <ol class="entries">
          {entries.map((entry) => (
            <li key={entry.id} class="entry" data-testid="history-entry">
              <div class="entry-head">
                <h2>{entry.kind === 'text' ? t.pasted : entry.title || entry.url}</h2>
                <button
                  type="button"
                  onClick={() => entry.id !== undefined && void deleteHistory(db, [entry.id])}
                >
                  {t.deleteEntry}
                </button>
              </div>
              <p class="meta">
                <time dateTime={entry.checkedAt}>{formatLocalTime(entry.checkedAt, language)}</time>
                {entry.url && (
                  <>
                    {' · '}
                    <PageAddress url={entry.url} />
                  </>
                )}{' '}
                · {common.pageCounts(entry.counts)}
              </p>
              <ul class="claims">
                {entry.results.claims.map((claim, i) => (
                  <li key={i} class={claim.verdict} data-verdict={claim.verdict}>
                    <span role="img" aria-label={common.verdicts[claim.verdict]}>
                      {ICON[claim.verdict]}
                    </span>{' '}
                    {claim.text}
                    <span class="reason">{reasonIn(claim, language)}</span>
                    <div class="claim-actions">
                      <ClaimLink url={entry.url} text={claim.text} label={t.showInPage} />
                      {claim.verdict === 'contradicted' && (
                        <ReplyButton
                          claim={claim}
                          citations={citations}
                          language={entry.language === 'en' ? 'en' : 'fr'}
                          t={common}
                        />
                      )}
                      <ReportVerdict
                        t={common}
                        onReport={(note) => keepReport(entry, claim, note)}
                      />
                    </div>
                  </li>
                ))}
              </ul>
              {entry.omitted && (
                <p class="meta" data-testid="omitted">
                  {t.omitted(entry.omitted.claims, entry.omitted.quotes)}
                </p>
              )}
            </li>
          ))}
        </ol>
        <section class="reports" aria-labelledby="reports-heading">
          <h2 id="reports-heading">{t.reportsHeading}</h2>
          <p class="meta">{t.reportsIntro}</p>
          <p class="meta">{t.reportsKept}</p>
          {reports.length === 0 ? (
            live.status === 'ready' && <p>{t.reportsNone}</p>
          ) : (
            <>
              <button
                type="button"
                onClick={() => {
                  download(
                    `casefile-reports-${stamp}.json`,
                    'application/json',
                    JSON.stringify(reportsExport(reports, new Date()), null, 2),
                  );
                  setStatus(t.reportsExported(reports.length));
                }}
              >
                {t.exportReports}
              </button>
              <ol class="entries">
                {reports.map((report) => (
                  <li
                    key={report.id}
                    class="entry"
                    data-testid="verdict-report"
                    data-verdict={report.verdict}
                  >
                    <div class="entry-head">
                      <p>
                        <strong>{common.verdicts[report.verdict]}</strong> — {report.claim}
                      </p>
                      <button
                        type="button"
                        onClick={() =>
                          report.id !== undefined && void deleteVerdictReports(db, [report.id])
                        }
                      >
                        {t.deleteEntry}
                      </button>
                    </div>
                    <p class="meta">
                      <time dateTime={report.reportedAt}>
                        {formatLocalTime(report.reportedAt, language)}
                      </time>
                      {report.url && (
                        <>
                          {' · '}
                          <PageAddress url={report.url} />
                        </>
                      )}
                    </p>
                    <ReportNote
                      key={`${report.id}-${report.note}`}
                      note={report.note}
                      label={t.reportNoteField}
                      save={t.saveNote}
                      onSave={(note) =>
                        report.id === undefined
                          ? Promise.resolve()
                          : setReportNote(db, report.id, note).then(() => setStatus(t.noteSaved))
                      }
                    />
                    {report.facts.length > 0 && (
                      <p class="meta">
                        {t.reportFacts}
                        {report.facts.map((f) => `${f.packId}/${f.id}`).join(', ')}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      </main>
    </div>
  );
}
