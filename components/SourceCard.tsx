import type { QuoteResult } from '../lib/check-text.ts';
import type { ClaimResult, Check, EvidenceRef, Verdict } from '../lib/claims/check-claim.ts';
import type { Fact, Language, Source, Value } from '../lib/facts/schema.ts';
import type { Mention } from '../lib/mentions/find-mentions.ts';
import { formatDate, messagesFor, quoteLabel, reasonIn, type Messages } from './i18n.ts';
import { trimContext } from './SourcePassage.tsx';
import { Legend } from './Legend.tsx';
import { WordDiff } from './WordDiff.tsx';
import { ReportVerdict, type ReportOutcome } from './ReportVerdict.tsx';

/** What a card shows: the sentence under the pointer, the quotations in it, the mentions in it. */
export interface CardContent {
  claim?: ClaimResult;
  quotes: QuoteResult[];
  mentions: Mention[];
  /** A title above everything, for a selection checked on demand. */
  title?: string;
  /** Said instead of a verdict when there is nothing to show (a selection not about the case). */
  notice?: string;
}

export interface SourceRef {
  sourceId: string;
  start: number;
  end: number;
}

interface Props {
  content: CardContent;
  facts: ReadonlyMap<string, Fact>;
  sources: ReadonlyMap<string, Source>;
  language: Language;
  onOpenSource: (ref: SourceRef) => void;
  onClose: () => void;
  onStep?: (step: 1 | -1, contradicted?: boolean) => void;
  /** Keeps a reader's report that the claim's verdict is wrong (offered when set). */
  onReport?: (claim: ClaimResult, note: string) => Promise<ReportOutcome>;
}

const VERDICT_ICON = { supported: '✓', contradicted: '✗', unverified: '?' };
const FIDELITY_ICON = { exact: '=', altered: '≠', unsourced: '∅', translated: '⇄' };

/** The figures of a fact's values, as they may be written in its passage ("23 051", "480"). */
function figuresOf(values: readonly Value[]): RegExp | null {
  const numbers = values.flatMap((v) =>
    v.kind === 'quantity'
      ? [v.value]
      : v.kind === 'money'
        ? [v.amount]
        : v.kind === 'duration'
          ? [v.years]
          : [],
  );
  if (numbers.length === 0) return null;
  // 23051 may be written 23 051, 23.051 or 23,051 (with any kind of space).
  const patterns = numbers.map((n) =>
    String(n)
      .replace(/\B(?=(\d{3})+(?!\d))/g, '\u0000')
      .split('\u0000')
      .join('[\\s\\u00a0\\u202f.,]?'),
  );
  return new RegExp(`(?<!\\d)(?:${patterns.join('|')})(?!\\d)`, 'g');
}

/** `text` with the parts matching `pattern` (or inside `spans`) wrapped in <mark>; text only. */
function Marked({
  text,
  pattern,
  spans,
}: {
  text: string;
  pattern?: RegExp | null;
  spans?: { start: number; end: number }[];
}) {
  const cuts: { start: number; end: number }[] = [...(spans ?? [])];
  if (pattern)
    for (const m of text.matchAll(pattern))
      cuts.push({ start: m.index, end: m.index + m[0].length });
  cuts.sort((a, b) => a.start - b.start);
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const cut of cuts) {
    if (cut.start < at || cut.end > text.length) continue;
    parts.push(
      text.slice(at, cut.start),
      <mark key={cut.start}>{text.slice(cut.start, cut.end)}</mark>,
    );
    at = cut.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/**
 * The checks of a claim, one group per fact passage: a fact checked twice (its
 * count and its period) shows its passage once, with both checks named.
 */
function byPassage(checks: readonly Check[]): Check[][] {
  const groups = new Map<string, Check[]>();
  for (const check of checks) {
    const key = `${check.factId}|${check.evidence.sourceId}|${check.evidence.start}`;
    const group = groups.get(key);
    if (group) group.push(check);
    else groups.set(key, [check]);
  }
  return [...groups.values()];
}

function Passage({
  checks,
  evidence: cited,
  named,
  fact,
  source,
  t,
  language,
  onOpenSource,
}: {
  /** The checks against this passage, all of one fact (none for the nearest fact of an unverified claim). */
  checks: readonly Check[];
  /** The passage cited. */
  evidence: EvidenceRef;
  /** Whether each check is named above the passage (more than one check in the card). */
  named: boolean;
  fact: Fact | undefined;
  source: Source | undefined;
  t: Messages;
  language: Language;
  onOpenSource: (ref: SourceRef) => void;
}) {
  const verdict: Verdict = checks.some((c) => c.verdict === 'contradicted')
    ? 'contradicted'
    : checks.length > 0
      ? 'supported'
      : 'unverified';
  const evidence = fact?.evidence.find(
    (e) => e.sourceId === cited.sourceId && e.start === cited.start,
  );
  // The values the checks compared, marked in the passage; all of the fact's
  // when none says which; none when nothing was compared.
  const slots = new Set(checks.flatMap((c) => (c.slot ? [c.slot] : [])));
  const decisive =
    checks.length === 0
      ? []
      : (fact?.values.filter((v) => slots.size === 0 || slots.has(v.slot)) ?? []);
  return (
    <section class="check" data-verdict={verdict}>
      {named && (
        <ul class="check-reasons">
          {checks.map((c, i) => (
            <li key={i} class={`check-reason ${c.verdict}`}>
              <span aria-hidden="true">{VERDICT_ICON[c.verdict]}</span>{' '}
              <span class="sr-only">
                {t.verdicts[c.verdict]}
                {language === 'fr' ? '\u00a0: ' : ': '}
              </span>
              {reasonIn(c, language)}
            </li>
          ))}
        </ul>
      )}
      {fact && <p class="statement">{fact.statement[language]}</p>}
      <blockquote lang="fr">
        {evidence && <span class="context">{trimContext(evidence.prefix, 'before')}</span>}
        <span class="exact">
          <Marked text={cited.exact} pattern={figuresOf(decisive)} />
        </span>
        {evidence && <span class="context">{trimContext(evidence.suffix, 'after')}</span>}
      </blockquote>
      <p class="who">
        {fact?.attributedTo}
        {source && (
          <>
            {' · '}
            {source.publisher}, {formatDate(source.published, language)} ·{' '}
            {source.standing === 'primary' ? t.primary : t.press}
          </>
        )}
      </p>
      <button
        type="button"
        class="link"
        onClick={(event) => event.isTrusted && onOpenSource(cited)}
      >
        {t.openSource} ↗
      </button>
    </section>
  );
}

/**
 * The card shown next to a highlight: the verdict and its reason, the page's
 * own words with the compared values marked, the source passage in its
 * context, who said it and when, and a way to the full source. Renders every
 * string as text: nothing from the page is ever parsed as HTML.
 */
export function SourceCard({
  content,
  facts,
  sources,
  language,
  onOpenSource,
  onClose,
  onStep,
  onReport,
}: Props) {
  const t = messagesFor(language);
  const { claim, quotes, mentions } = content;
  const verdict = claim?.verdict;
  // What a screen reader says of the card: its verdict and its reason, once
  // when it opens (focused, as a dialog's description) and again politely
  // each time the card is refilled by stepping to another claim.
  const description = [
    verdict ? t.verdicts[verdict] : quotes[0] ? quoteLabel(t, quotes[0]) : undefined,
    claim
      ? reasonIn(claim, language)
      : (content.notice ?? (mentions[0] && reasonIn(mentions[0], language))),
  ]
    .filter(Boolean)
    .join(' — ');
  return (
    <div
      class="card"
      role="dialog"
      aria-modal="false"
      aria-label={
        content.title ??
        (verdict ? t.verdicts[verdict] : quotes[0] ? quoteLabel(t, quotes[0]) : t.mentionOnly)
      }
      aria-describedby="casefile-card-description"
      tabIndex={-1}
      lang={language}
    >
      <p id="casefile-card-description" class="sr-only" role="status" aria-live="polite">
        {description}
      </p>
      <header>
        {content.title && <p class="title">{content.title}</p>}
        {verdict ? (
          <p class={`verdict ${verdict}`}>
            <span aria-hidden="true">{VERDICT_ICON[verdict]}</span> {t.verdicts[verdict]}
          </p>
        ) : (
          quotes.length === 0 && !content.notice && <p class="verdict mention">{t.mentionOnly}</p>
        )}
        <button type="button" class="close" aria-label={t.close} onClick={onClose}>
          ×
        </button>
      </header>
      {claim && (
        <>
          <p class="reason">{reasonIn(claim, language)}</p>
          <h3>{t.onThisPage}</h3>
          <p class="page-words">
            <Marked
              text={claim.text}
              spans={claim.checks
                .flatMap((c) =>
                  c.valueSpan
                    ? [
                        {
                          start: c.valueSpan.start - claim.start,
                          end: c.valueSpan.end - claim.start,
                        },
                      ]
                    : [],
                )
                .filter((s, i, all) => all.findIndex((o) => o.start === s.start) === i)}
            />
          </p>
          {claim.checks.length > 0 && <h3>{t.inTheSource}</h3>}
          {byPassage(claim.checks)
            .slice(0, 3)
            .map((checks) => (
              <Passage
                key={`${checks[0]!.factId}-${checks[0]!.evidence.start}`}
                checks={checks}
                evidence={checks[0]!.evidence}
                named={claim.checks.length > 1}
                fact={facts.get(checks[0]!.factId)}
                source={sources.get(checks[0]!.evidence.sourceId)}
                t={t}
                language={language}
                onOpenSource={onOpenSource}
              />
            ))}
          {claim.verdict === 'unverified' && claim.nearest && (
            <>
              <h3>{t.nearestFact}</h3>
              <p class="reason nearest-note">{t.nearestNote}</p>
              <Passage
                checks={[]}
                evidence={claim.nearest.evidence}
                named={false}
                fact={facts.get(claim.nearest.factId)}
                source={sources.get(claim.nearest.evidence.sourceId)}
                t={t}
                language={language}
                onOpenSource={onOpenSource}
              />
            </>
          )}
          {onReport && (
            <ReportVerdict
              key={`${claim.start}-${claim.text}`}
              t={t}
              onReport={(note) => onReport(claim, note)}
              inPage
            />
          )}
        </>
      )}
      {content.notice && <p class="reason">{content.notice}</p>}
      {!claim && quotes.length === 0 && mentions[0] && (
        <p class="reason">{reasonIn(mentions[0], language)}</p>
      )}
      {quotes.map((quote) => (
        <section class="quote" key={quote.start} data-fidelity={quote.fidelity}>
          <p class={`verdict ${quote.fidelity}`}>
            <span aria-hidden="true">{FIDELITY_ICON[quote.fidelity]}</span> {quoteLabel(t, quote)}
          </p>
          {quote.fidelity === 'unsourced' && (
            <>
              <p class="reason">{t.unsourcedExplain}</p>
              <h3>{t.onThisPage}</h3>
              <p class="page-words">{quote.text}</p>
            </>
          )}
          {quote.fidelity === 'altered' && quote.diff && (
            <>
              <h3>{t.difference}</h3>
              <WordDiff diff={quote.diff} />
            </>
          )}
          {quote.sourceId && quote.sourceText && (
            <>
              <blockquote lang="fr">{quote.sourceText}</blockquote>
              <p class="who">
                {sources.get(quote.sourceId)?.publisher}
                {quote.sourceSpan && (
                  <>
                    {' · '}
                    <button
                      type="button"
                      class="link"
                      onClick={(event) =>
                        event.isTrusted &&
                        onOpenSource({ sourceId: quote.sourceId!, ...quote.sourceSpan! })
                      }
                    >
                      {t.openSource} ↗
                    </button>
                  </>
                )}
              </p>
            </>
          )}
        </section>
      ))}
      <details class="legend-box">
        <summary>{t.legendTitle}</summary>
        <Legend t={t} tone="light" />
      </details>
      {onStep && (
        <footer>
          <button type="button" onClick={() => onStep(-1)}>
            ← {t.previous}
          </button>
          <span class="hint">{t.keyboardHint}</span>
          <button type="button" onClick={() => onStep(1)}>
            {t.next} →
          </button>
        </footer>
      )}
    </div>
  );
}
