/**
 * A reader's report of a wrong verdict: the claim, the verdict it got, the
 * facts it rests on and the reader's note, kept in this browser (lib/db.ts
 * stores it) and exported as a file a fact pack's maintainer can act on.
 * Nothing is ever sent anywhere. No Zod here: the card's chunk builds
 * requests; the background checks them (report-request-schema.ts).
 */
import type { ClaimResult, EvidenceRef, Verdict } from '../claims/check-claim.ts';
import type { LocalizedText } from '../facts/schema.ts';
import { webUrl } from './link.ts';

/** Longest claim, reason and note a report keeps. */
export const REPORT_LIMITS = { claim: 2_000, reason: 1_000, note: 1_000, facts: 10 } as const;

/** What a content script or an extension page asks to keep (checked by VerdictReportRequestSchema). */
export interface VerdictReportRequest {
  /**
   * Chosen by the asker, once per report: a request sent again (the worker
   * was stopped before it answered) is kept once.
   */
  requestId?: string;
  claim: string;
  verdict: Verdict;
  reason: string;
  /** The facts the verdict was checked against, as the engine names them. */
  factIds: string[];
  note: string;
}

/** A fact a reported verdict rests on, as its pack has it when the report was made. */
export interface ReportedFact {
  /** The id the engine gave it (`<pack>/<id>` when another pack has the same id). */
  engineId: string;
  packId: string;
  /** The id in its pack. */
  id: string;
  /** The pack's revision then: the maintainer knows which one was wrong. */
  packRevised: string;
  statement: LocalizedText;
  evidence: Pick<EvidenceRef, 'sourceId' | 'start' | 'end' | 'exact'>[];
}

/** A report as stored. */
export interface VerdictReport {
  id?: number;
  /** ISO timestamp (UTC). */
  reportedAt: string;
  /** The page's address ('' for pasted text) and title. */
  url: string;
  title: string;
  claim: string;
  verdict: Verdict;
  reason: string;
  note: string;
  /** The facts named by the request that the store still had; none for an unverified claim. */
  facts: ReportedFact[];
  /** The asker's id for the request (see VerdictReportRequest). */
  requestId?: string;
}

/**
 * The page's address as a report keeps it: origin and path, without the
 * query or the fragment, which may carry a session or a token — the export
 * is meant to be sent to someone else.
 */
export function reportedAddress(url: string): string {
  const parsed = webUrl(url);
  return parsed ? `${parsed.origin}${parsed.pathname}` : '';
}

/** A request within REPORT_LIMITS, whoever built it. */
export function boundedRequest(request: VerdictReportRequest): VerdictReportRequest {
  return {
    ...(request.requestId !== undefined && { requestId: request.requestId.slice(0, 64) }),
    claim: request.claim.trim().slice(0, REPORT_LIMITS.claim),
    verdict: request.verdict,
    reason: request.reason.slice(0, REPORT_LIMITS.reason),
    factIds: request.factIds.slice(0, REPORT_LIMITS.facts),
    note: request.note.trim().slice(0, REPORT_LIMITS.note),
  };
}

/** The request for a claim the engine checked, with the reader's note. */
export function reportRequestOf(
  claim: Pick<ClaimResult, 'text' | 'verdict' | 'reason' | 'checks'>,
  note: string,
): VerdictReportRequest {
  return boundedRequest({
    requestId: crypto.randomUUID(),
    claim: claim.text,
    verdict: claim.verdict,
    reason: claim.reason,
    factIds: [...new Set(claim.checks.map((c) => c.factId))],
    note,
  });
}

export const REPORTS_FORMAT = 'casefile-verdict-reports';

/** The file a maintainer receives: every report, newest first, with the facts as they stood. */
export function reportsExport(
  reports: readonly VerdictReport[],
  generatedAt: Date,
): {
  format: typeof REPORTS_FORMAT;
  formatVersion: 1;
  generatedAt: string;
  reports: VerdictReport[];
} {
  return {
    format: REPORTS_FORMAT,
    formatVersion: 1,
    generatedAt: generatedAt.toISOString(),
    reports: [...reports]
      .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt))
      .map(({ id: _id, requestId: _request, ...report }) => report),
  };
}
