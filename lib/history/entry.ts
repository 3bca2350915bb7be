/**
 * A history entry: what a check of one page or pasted text found, kept
 * compact for the moderators' history (lib/db.ts stores it; the exports read
 * it). Only what a person reviews later is kept — each claim with its verdict
 * and the source passage it was compared with, each quotation with its
 * fidelity — not the mentions nor the offsets into a text that is not stored.
 */
import type { TextReport } from '../check-text.ts';
import type { Check, ClaimResult, EvidenceRef, Verdict } from '../claims/check-claim.ts';
import type { Fidelity } from '../quotes/trace-quote.ts';

export type { Verdict } from '../claims/check-claim.ts';

/** One claim as kept: the fact and passage it was compared with, when a fact spoke to it. */
export interface HistoryClaim {
  text: string;
  verdict: Verdict;
  /** In English, as every entry has it. */
  reason: string;
  /** In French and in English (entries from before have `reason` only). */
  reasons?: { fr: string; en: string };
  factId?: string;
  evidence?: EvidenceRef;
}

/** One quotation as kept, with the source it was traced to and the difference, when altered. */
export interface HistoryQuote {
  text: string;
  fidelity: Fidelity;
  sourceId?: string;
  diff?: string;
}

/** One checked page or pasted text, kept for moderators when history is on. */
export interface HistoryEntry {
  id?: number;
  /** The page's address, or '' for pasted text. */
  url: string;
  title: string;
  kind: 'page' | 'text';
  language: 'fr' | 'en' | 'und';
  /** ISO timestamp (UTC, as `Date.toISOString` writes it, so that the index sorts by time). */
  checkedAt: string;
  /** Of every claim checked, those kept included. */
  counts: { supported: number; contradicted: number; unverified: number };
  results: { claims: HistoryClaim[]; quotes: HistoryQuote[] };
  /** Claims and quotations checked but not kept (see HISTORY_ENTRY_LIMITS); absent when none. */
  omitted?: { claims: number; quotes: number };
}

/** What a check was of: the page (or '' and 'text' for pasted text), and when. */
export interface HistoryMeta {
  url: string;
  title: string;
  kind: 'page' | 'text';
  checkedAt: Date;
}

/**
 * Longest text kept in any field. A claim is one sentence and a passage a
 * few; past this it is a page's worth of run-on text (a feed without
 * punctuation) that would only swell the store.
 */
export const HISTORY_TEXT_MAX = 2000;

/**
 * What one entry keeps at most: a page of thousands of claims (a feed, or a
 * page built to fill the store) is recorded with the most telling ones —
 * contradicted first, then supported, then unverified, each in page order —
 * until a count or a character budget runs out; the counts cover them all.
 */
export const HISTORY_ENTRY_LIMITS = { claims: 100, quotes: 100, characters: 100_000 } as const;

const VERDICT_RANK: Record<Verdict, number> = { contradicted: 0, supported: 1, unverified: 2 };

/** The characters a kept claim or quotation costs the store (its strings). */
function sizeOf(value: HistoryClaim | HistoryQuote): number {
  let size = 0;
  for (const field of Object.values(value))
    size += typeof field === 'string' ? field.length : JSON.stringify(field ?? '').length;
  return size;
}

/** The first items of `items` within the entry's budget, in their order; `budget` is what is left. */
function within<T extends HistoryClaim | HistoryQuote>(
  items: readonly T[],
  budget: { characters: number },
): T[] {
  const kept: T[] = [];
  for (const item of items) {
    const size = sizeOf(item);
    if (size > budget.characters) break;
    budget.characters -= size;
    kept.push(item);
  }
  return kept;
}

/** `text` cut to at most `max` UTF-16 units, ending in "…" when cut, never inside a surrogate pair. */
export function truncateText(text: string, max: number = HISTORY_TEXT_MAX): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * The check a claim's verdict rests on: the first check with the claim's own
 * verdict (for a contradicted claim, the first contradiction, which its reason
 * begins with); none for an unverified claim.
 */
export function decisiveCheck(claim: Pick<ClaimResult, 'verdict' | 'checks'>): Check | undefined {
  if (claim.verdict === 'unverified') return undefined;
  return claim.checks.find((c) => c.verdict === claim.verdict) ?? claim.checks[0];
}

function historyClaim(claim: ClaimResult): HistoryClaim {
  const check = decisiveCheck(claim);
  return {
    text: truncateText(claim.text),
    verdict: claim.verdict,
    reason: truncateText(claim.reason),
    reasons: { fr: truncateText(claim.reasons.fr), en: truncateText(claim.reasons.en) },
    ...(check && {
      factId: check.factId,
      evidence: {
        sourceId: check.evidence.sourceId,
        exact: truncateText(check.evidence.exact),
        start: check.evidence.start,
        end: check.evidence.end,
      },
    }),
  };
}

/**
 * The history entry for an engine report: its claims (each with the fact and
 * source passage of the check its verdict rests on) and quotations, every
 * text cut to HISTORY_TEXT_MAX characters, and the count of each verdict.
 * Pure: the caller stores it with `addHistory`.
 */
export function historyEntryFrom(report: TextReport, meta: HistoryMeta): HistoryEntry {
  const checkedAt = meta.checkedAt.getTime();
  if (Number.isNaN(checkedAt)) throw new RangeError('a history entry needs a valid check time');
  const counts = { supported: 0, contradicted: 0, unverified: 0 };
  for (const claim of report.claims) counts[claim.verdict] += 1;
  const budget = { characters: HISTORY_ENTRY_LIMITS.characters };
  // Sorting is stable: page order within each verdict. Each claim is built
  // only when it is a candidate, so a page of 100 000 claims costs a sort.
  const ranked = [...report.claims.keys()].sort(
    (a, b) => VERDICT_RANK[report.claims[a]!.verdict] - VERDICT_RANK[report.claims[b]!.verdict],
  );
  const candidates = new Map(
    ranked.slice(0, HISTORY_ENTRY_LIMITS.claims).map((i) => [historyClaim(report.claims[i]!), i]),
  );
  const kept = within([...candidates.keys()], budget);
  const claims = kept.sort((a, b) => candidates.get(a)! - candidates.get(b)!);
  const quotes = within(
    report.quotes.slice(0, HISTORY_ENTRY_LIMITS.quotes).map((q): HistoryQuote => ({
      text: truncateText(q.text),
      fidelity: q.fidelity,
      ...(q.sourceId !== undefined && { sourceId: q.sourceId }),
      ...(q.diff !== '' && { diff: truncateText(q.diff) }),
    })),
    budget,
  );
  const omitted = {
    claims: report.claims.length - claims.length,
    quotes: report.quotes.length - quotes.length,
  };
  return {
    url: truncateText(meta.url),
    title: truncateText(meta.title),
    kind: meta.kind,
    language: report.language,
    checkedAt: meta.checkedAt.toISOString(),
    counts,
    results: { claims, quotes },
    ...((omitted.claims > 0 || omitted.quotes > 0) && { omitted }),
  };
}
