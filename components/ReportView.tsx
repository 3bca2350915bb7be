import type { QuoteResult } from '../lib/check-text.ts';
import type { ClaimResult } from '../lib/claims/check-claim.ts';
import { sourceViewerPath } from '../lib/source-link.ts';
import { quoteLabel, reasonIn, type Messages } from './i18n.ts';
import { ReplyButton, type Citations } from './ReplyButton.tsx';
import { ReportVerdict, type ReportOutcome } from './ReportVerdict.tsx';
import { WordDiff } from './WordDiff.tsx';

const ICON = { supported: '✓', contradicted: '✗', unverified: '?' };
const FIDELITY_ICON = { exact: '=', altered: '≠', unsourced: '∅', translated: '⇄' };

/** Verdict order in lists: what a reader must see first comes first. */
const ORDER = { contradicted: 0, unverified: 1, supported: 2 };

/** Longest source passage shown in a list, in characters. */
const PASSAGE_CHARS = 220;

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > 0 ? cut : max)}…`;
}

export type ListedClaim = ClaimResult & { painted?: boolean };

interface Props {
  claims: readonly ListedClaim[];
  quotes: readonly QuoteResult[];
  t: Messages;
  /** With citations, contradicted claims offer a reply to copy, in `replyLanguage`. */
  citations?: Citations;
  replyLanguage?: 'fr' | 'en';
  /** Offered on each claim when set: keep a reader's report that its verdict is wrong. */
  onReport?: (claim: ListedClaim, note: string) => Promise<ReportOutcome>;
  /** Offered on each claim when set: show it in the page. */
  onChoose?: (claim: ListedClaim) => void;
}

/**
 * Counts by verdict, then every claim (contradicted first) with its reason and
 * source passage, then every quotation with its fidelity and word diff.
 */
export function ReportView({
  claims,
  quotes,
  t,
  onChoose,
  citations,
  replyLanguage = 'fr',
  onReport,
}: Props) {
  const counts = { supported: 0, contradicted: 0, unverified: 0 };
  for (const claim of claims) counts[claim.verdict] += 1;
  const sorted = [...claims].sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict]);
  return (
    <div class="report">
      <p class="page-counts" data-testid="page-counts">
        {t.pageCounts(counts)}
      </p>
      <ol class="page-claims" aria-label={t.claimsListLabel}>
        {sorted.map((claim, i) => {
          const check = claim.checks.find((c) => c.verdict === claim.verdict) ?? claim.checks[0];
          // An unverified claim's closest fact, labelled as such: never a check.
          const cited = check?.evidence ?? claim.nearest?.evidence;
          return (
            <li
              key={`${claim.start}-${claim.text}`}
              class={`page-claim ${claim.verdict}`}
              data-verdict={claim.verdict}
            >
              <span class="page-verdict" role="img" aria-label={t.verdicts[claim.verdict]}>
                {ICON[claim.verdict]}
              </span>
              <div>
                {onChoose ? (
                  <button
                    type="button"
                    class="page-text link-like"
                    aria-describedby={`page-reason-${i}`}
                    onClick={() => onChoose(claim)}
                  >
                    {claim.text}
                  </button>
                ) : (
                  <p class="page-text">{claim.text}</p>
                )}
                <p class="page-reason" id={`page-reason-${i}`}>
                  {reasonIn(claim, t.language)}
                  {claim.painted === false && ` — ${t.notPainted}`}
                </p>
                {cited && (
                  <blockquote class={check ? 'page-passage' : 'page-passage nearest'} lang="fr">
                    {!check && (
                      <span class="nearest-label" lang={t.language}>
                        {t.nearestFact}
                        {t.language === 'fr' ? '\u00a0: ' : ': '}
                      </span>
                    )}
                    {shorten(cited.exact, PASSAGE_CHARS)}{' '}
                    <a
                      href={sourceViewerPath(cited)}
                      target="_blank"
                      rel="noopener"
                      class="source-link"
                    >
                      {t.openSource}
                    </a>
                  </blockquote>
                )}
                {citations && claim.verdict === 'contradicted' && (
                  <ReplyButton claim={claim} citations={citations} language={replyLanguage} t={t} />
                )}
                {onReport && <ReportVerdict t={t} onReport={(note) => onReport(claim, note)} />}
              </div>
            </li>
          );
        })}
      </ol>
      {quotes.length > 0 && (
        <>
          <h3>{t.quotationsHeading}</h3>
          <ol class="page-quotes">
            {quotes.map((quote) => (
              <li
                key={`${quote.start}-${quote.text}`}
                class={`page-quote ${quote.fidelity}`}
                data-fidelity={quote.fidelity}
              >
                <p>
                  <span role="img" aria-label={quoteLabel(t, quote)}>
                    {FIDELITY_ICON[quote.fidelity]}
                  </span>{' '}
                  <strong>{quoteLabel(t, quote)}</strong> —{' '}
                  {quote.marked === false
                    ? shorten(quote.text, 160)
                    : `« ${shorten(quote.text, 160)} »`}
                </p>
                {quote.fidelity === 'altered' && quote.diff && <WordDiff diff={quote.diff} />}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
