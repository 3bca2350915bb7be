/**
 * The history as JSON-LD schema.org `ClaimReview`s, the format fact-checkers
 * exchange reviews in (https://schema.org/ClaimReview). Only claims the
 * sources decide are reviews: a supported or contradicted claim is one, an
 * unverified claim is not. Sources are cited by their title, publisher, date
 * and the exact passage; they have no web address of their own here, and none
 * is made up.
 */
import type { SourceMeta } from '../facts/schema.ts';
import type { HistoryClaim, HistoryEntry } from './entry.ts';

/** Who wrote the reviews: the tool, not a person, and it says so. */
export const CLAIM_REVIEW_AUTHOR = 'Casefile (automated check)';

/** The rating scale: 5 for a claim the sources support, 1 for one they contradict. */
const RATINGS = {
  supported: { ratingValue: 5, alternateName: 'Supported' },
  contradicted: { ratingValue: 1, alternateName: 'Contradicted' },
} as const;
const BEST_RATING = 5;
const WORST_RATING = 1;

interface Organization {
  '@type': 'Organization';
  name: string;
}

export interface ClaimReviewNode {
  '@type': 'ClaimReview';
  claimReviewed: string;
  /** When the claim was checked (the entry's `checkedAt`). */
  datePublished: string;
  /** When this document was generated. */
  sdDatePublished: string;
  author: Organization;
  reviewRating: {
    '@type': 'Rating';
    ratingValue: 1 | 5;
    bestRating: number;
    worstRating: number;
    alternateName: 'Supported' | 'Contradicted';
  };
  /** The engine's reason, in English. */
  reviewBody: string;
  itemReviewed: {
    '@type': 'Claim';
    /** The page the claim appeared on, or for pasted text the claim's own words. */
    appearance: (
      | { '@type': 'CreativeWork'; url: string; name?: string }
      | {
          '@type': 'CreativeWork';
          text: string;
        }
    )[];
    inLanguage?: 'fr' | 'en';
  };
  /** The source passage the verdict rests on. */
  citation?: {
    '@type': 'CreativeWork';
    name?: string;
    publisher?: Organization;
    author?: { '@type': 'Person'; name: string };
    datePublished?: string;
    /** The source's id in the fact pack, given only when the source is not in the list passed. */
    identifier?: string;
    text: string;
  };
}

export interface ClaimReviewDocument {
  '@context': 'https://schema.org';
  '@graph': ClaimReviewNode[];
}

function appearanceOf(entry: HistoryEntry, claim: HistoryClaim) {
  if (entry.kind === 'page' && entry.url !== '') {
    return {
      '@type': 'CreativeWork' as const,
      url: entry.url,
      ...(entry.title !== '' && { name: entry.title }),
    };
  }
  return { '@type': 'CreativeWork' as const, text: claim.text };
}

function citationOf(
  claim: HistoryClaim,
  sources: ReadonlyMap<string, SourceMeta>,
): ClaimReviewNode['citation'] {
  const evidence = claim.evidence;
  if (!evidence) return undefined;
  const source = sources.get(evidence.sourceId);
  if (!source) {
    return { '@type': 'CreativeWork', identifier: evidence.sourceId, text: evidence.exact };
  }
  return {
    '@type': 'CreativeWork',
    name: source.title,
    publisher: { '@type': 'Organization', name: source.publisher },
    ...(source.author !== null && { author: { '@type': 'Person' as const, name: source.author } }),
    datePublished: source.published,
    text: evidence.exact,
  };
}

/**
 * A JSON-LD document (`@context` schema.org, one `ClaimReview` per supported
 * or contradicted claim in `@graph`, in the order of the entries and their
 * claims) for the caller to serialise. Each review names the page (or, for
 * pasted text, quotes the claim), rates the claim 5 (supported) or 1
 * (contradicted) out of 5, gives the engine's reason and cites the source
 * passage with its title, publisher and date from `sources`. Throws a
 * RangeError for an invalid `generatedAt`.
 */
export function historyToClaimReview(
  entries: readonly HistoryEntry[],
  sources: readonly SourceMeta[],
  options: { generatedAt: Date },
): ClaimReviewDocument {
  if (Number.isNaN(options.generatedAt.getTime())) {
    throw new RangeError('the export needs a valid generation date');
  }
  const generatedAt = options.generatedAt.toISOString();
  const byId = new Map(sources.map((s) => [s.id, s]));
  const graph: ClaimReviewNode[] = [];
  for (const entry of entries) {
    for (const claim of entry.results.claims) {
      if (claim.verdict === 'unverified') continue;
      const rating = RATINGS[claim.verdict];
      const citation = citationOf(claim, byId);
      graph.push({
        '@type': 'ClaimReview',
        claimReviewed: claim.text,
        datePublished: entry.checkedAt,
        sdDatePublished: generatedAt,
        author: { '@type': 'Organization', name: CLAIM_REVIEW_AUTHOR },
        reviewRating: {
          '@type': 'Rating',
          ratingValue: rating.ratingValue,
          bestRating: BEST_RATING,
          worstRating: WORST_RATING,
          alternateName: rating.alternateName,
        },
        reviewBody: claim.reason,
        itemReviewed: {
          '@type': 'Claim',
          appearance: [appearanceOf(entry, claim)],
          ...(entry.language !== 'und' && { inLanguage: entry.language }),
        },
        ...(citation && { citation }),
      });
    }
  }
  return { '@context': 'https://schema.org', '@graph': graph };
}
