/**
 * "Copy a reply": a short, sourced correction of a contradicted claim that a
 * moderator can paste under a post — the words at fault, that they are
 * inaccurate, and the source passage that says otherwise, in the page's
 * language. The passage is quoted as the source has it (in French for the
 * French sources); only the sentence around it is translated.
 */
import { MONTHS_EN, MONTHS_FR } from '../claims/reasons.ts';
import type { ClaimResult, EvidenceRef } from '../claims/check-claim.ts';
import type { LocalizedText, SourceMeta } from '../facts/schema.ts';
import { foldSameLength } from '../text/fold.ts';
import { decisiveCheck, type HistoryClaim } from './entry.ts';

/** Replies fit a comment box and a post on the platforms with the shortest limits (500 characters). */
export const REPLY_MAX_LENGTH = 400;

/** Longest part of the claim quoted back: the value at fault with its unit, or the claim's opening. */
const QUOTED_CLAIM_MAX = 80;

/** The source passage is never cut shorter than this, even when the rest is long: a reply must show its source. */
const PASSAGE_MIN = 80;

/** How far apart the numbers of one stated date or period may be in the claim ("25 juillet 2024"). */
const DATE_SPAN_MAX = 30;

/** What was stated, at the start of a contradicted check's reason: "32,051 stated; …", "about 30,000 stated; …". */
const STATED = /^(?:(?:more than|fewer than|about) )?(.+?) stated\b/;

/** What the sources say instead, in a reason: "the sources say 23,051", "…say Tuesday 25 June 2024". */
const TRUTH = /\bthe sources (?:say|name) (?:about )?([^;(]+)/;

/** A number as the reasons write it (en-US grouping): "32,051", "2024". */
const REASON_NUMBER = /\d{1,3}(?:,\d{3})+|\d+/g;

/** A count as the reasons write it: "480", "23,051" (a bare four-digit number is a year). */
const REASON_COUNT = /^(?:\d{1,3}(?:,\d{3})+|\d{1,3})$/;

/** Between digit groups in a page: spaces of any width, points, commas, apostrophes ("32 051", "32.051"). */
const GROUP_SEPARATOR = "[\\s\\u00a0\\u202f.,'\u2019]?";

/** The word after a count, its unit: "procédures", "victims" (words under three letters are not units). */
const UNIT_AFTER = /^[\s\u00a0\u202f]+(\p{L}[\p{L}\p{M}'\u2019-]{2,})/u;

/** A month's name, French or English, folded, next to the numbers of a date. */
const MONTH_WORD =
  /^(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** Where a passage may be cut: plain white space (not the no-break space inside "23 051"). */
const BREAK = /[ \t\r\n]/;

/** Publishers named with an article in French and English: institutions, by the gender of their noun. */
const MASCULINE_INSTITUTION =
  /^(?:Parquet|Ministère|Tribunal|Conseil|Gouvernement|Sénat|Parlement|Service|Bureau|Pôle|Centre|Commissariat|Cabinet)\b/u;
const FEMININE_INSTITUTION =
  /^(?:Préfecture|Direction|Gendarmerie|Police|Cour|Commission|Brigade|Section)\b/u;
const VOWEL_INSTITUTION = /^(?:Office|Assemblée|Agence|Autorité|Inspection|Unité|Élysée)\b/u;
const STARTS_WITH_VOWEL = /^[AEIOUYÀÂÉÈÊÎÔÛaeiouyh]/u;

/**
 * Where a fact's statement is looked up for a reply: the fact's id with the
 * passage the claim was compared with. A history record's fact id may name
 * another fact later (`<pack>/<id>` ids follow the packs in store): a
 * statement is only used for the fact that still cites that passage.
 */
export function statementKey(
  factId: string,
  passage: Pick<EvidenceRef, 'sourceId' | 'start'>,
): string {
  return `${factId}@${passage.sourceId}:${passage.start}`;
}

/** Each fact's statement under the key of each passage it cites (see statementKey). */
export function statementsByPassage(
  facts: readonly { id: string; statement: LocalizedText; evidence: readonly EvidenceRef[] }[],
): Map<string, LocalizedText> {
  return new Map(
    facts.flatMap((fact) =>
      fact.evidence.map((e) => [statementKey(fact.id, e), fact.statement] as const),
    ),
  );
}

/** A claim as the history keeps it, or as the engine reports it. */
export type ReplyClaim =
  | Pick<HistoryClaim, 'text' | 'verdict' | 'reason' | 'evidence' | 'factId'>
  | Pick<ClaimResult, 'text' | 'verdict' | 'reason' | 'checks'>;

function evidenceOf(claim: ReplyClaim): EvidenceRef | undefined {
  return 'checks' in claim ? decisiveCheck(claim)?.evidence : claim.evidence;
}

/** A pattern for a number's digits as a page may write them: "32051" finds "32 051", "32,051", "32.051". */
function numberPattern(digits: string): RegExp {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3)
    groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return new RegExp(`(?<!\\d)${groups.join(GROUP_SEPARATOR)}(?!\\d)`, 'u');
}

function reasonNumbers(text: string): string[] {
  return (text.match(REASON_NUMBER) ?? []).map((n) => n.replaceAll(',', ''));
}

/** Widens [start, end) over a month's name just before or after it ("July 25, 2024"). */
function withMonths(text: string, start: number, end: number): [number, number] {
  const before = /(\p{L}+)[\s\u00a0\u202f]+$/u.exec(text.slice(0, start));
  if (before?.[1] && MONTH_WORD.test(foldSameLength(before[1]))) start = before.index;
  const after = /^[\s\u00a0\u202f]+(\p{L}+)/u.exec(text.slice(end));
  if (after?.[1] && MONTH_WORD.test(foldSameLength(after[1]))) end += after[0].length;
  return [start, end];
}

/**
 * The words of the claim that state `stated` (a value copied from the
 * reason): a count with its unit ("32 051 procédures"), the numbers of a
 * date with its month ("25 juillet 2024"), or a name found as written.
 * Null when the claim does not hold it recognisably.
 */
function findStated(text: string, stated: string): string | null {
  const numbers = reasonNumbers(stated);
  const [first, ...rest] = numbers;
  if (first === undefined) {
    // Names; a two-letter country code ("MT") would be found inside words.
    if (stated.length < 4) return null;
    const at = foldSameLength(text).indexOf(foldSameLength(stated));
    return at < 0 ? null : text.slice(at, at + stated.length);
  }
  const match = numberPattern(first).exec(text);
  if (!match) return null;
  const start = match.index;
  let end = start + match[0].length;
  if (REASON_COUNT.test(stated)) {
    const unit = UNIT_AFTER.exec(text.slice(end));
    if (unit) end += unit[0].length;
    return text.slice(start, end);
  }
  const last = rest.at(-1);
  if (last !== undefined) {
    const tail = numberPattern(last).exec(text.slice(end, end + DATE_SPAN_MAX));
    if (tail) end += tail.index + tail[0].length;
  }
  const [from, to] = withMonths(text, start, end);
  return text.slice(from, to);
}

/** `text` cut at a word boundary to at most `max` characters, with "…" when cut. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  while (cut > 0 && !BREAK.test(text[cut] ?? '')) cut -= 1;
  if (cut === 0) cut = max - 1;
  return `${text.slice(0, cut).replace(/[\s,;:]+$/u, '')}…`;
}

/** The part of the claim to quote: the value compared when the reason names it, else the claim's opening. */
function quotedPart(claim: ReplyClaim): string {
  const stated = STATED.exec(claim.reason)?.[1];
  const found = stated === undefined ? null : findStated(claim.text, stated);
  const part = found ?? claim.text.trim().replace(/[\s.!…]+$/u, '');
  return shorten(part, QUOTED_CLAIM_MAX);
}

/**
 * At most `budget` characters of the passage, cut at word boundaries with
 * "…" where cut, and centred on `focus` (the value the sources give) when
 * the passage's opening would leave it out.
 */
function excerpt(passage: string, budget: number, focus: RegExp | null): string {
  if (passage.length <= budget) return passage;
  const room = budget - 2;
  const hit = focus?.exec(passage);
  let start = 0;
  if (hit && hit.index + hit[0].length > room) {
    start = Math.min(hit.index - Math.floor((room - hit[0].length) / 2), passage.length - room);
    while (start > 0 && start < hit.index && !BREAK.test(passage[start - 1] ?? '')) start += 1;
  }
  let end = Math.min(passage.length, start + room);
  if (end < passage.length) {
    let cut = end;
    while (cut > start && !BREAK.test(passage[cut] ?? '')) cut -= 1;
    if (cut > start) end = cut;
  }
  const body = passage
    .slice(start, end)
    .trim()
    .replace(/[\s,;:]+$/u, '');
  return `${start > 0 ? '…' : ''}${body}${end < passage.length ? '…' : ''}`;
}

/** "25 juin 2024" / "25 June 2024" from an ISO date; the ISO date itself when it is not one. */
function longDate(iso: string, language: 'fr' | 'en'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match
    ? (language === 'fr' ? MONTHS_FR : MONTHS_EN)[Number(match[2]) - 1]
    : undefined;
  if (!match || month === undefined) return iso;
  const day = Number(match[3]);
  return `${language === 'fr' && day === 1 ? '1er' : day} ${month} ${match[1]}`;
}

/** "du Parquet de Paris", "de la Préfecture", "de l'Office…", "d'Euronews", "de BFM". */
function frenchOf(publisher: string): string {
  if (MASCULINE_INSTITUTION.test(publisher)) return `du ${publisher}`;
  if (FEMININE_INSTITUTION.test(publisher)) return `de la ${publisher}`;
  if (VOWEL_INSTITUTION.test(publisher)) return `de l'${publisher}`;
  return STARTS_WITH_VOWEL.test(publisher) ? `d'${publisher}` : `de ${publisher}`;
}

/** "the Parquet de Paris" for an institution, "BFM" for a newsroom. */
function englishName(publisher: string): string {
  return MASCULINE_INSTITUTION.test(publisher) ||
    FEMININE_INSTITUTION.test(publisher) ||
    VOWEL_INSTITUTION.test(publisher)
    ? `the ${publisher}`
    : publisher;
}

/** A source's title, inside the reply's quotation marks: its own marks turned into the inner kind. */
function titled(source: SourceMeta, language: 'fr' | 'en'): string {
  return language === 'fr'
    ? ` (« ${source.title
        .replace(/«\s*/gu, '“')
        .replace(/\s*»/gu, '”')
        .replace(/"([^"]*)"/g, '“$1”')} »)`
    : ` ("${source.title.replace(/"/g, "'")}")`;
}

/** "the press release of the Parquet de Paris (JUNALCO) of 25 June 2024 ("…")": the source, by publisher, date and title. */
function citedSource(source: SourceMeta, language: 'fr' | 'en', withTitle: boolean): string {
  const title = withTitle ? titled(source, language) : '';
  if (language === 'fr') {
    const document = source.standing === 'primary' ? 'le communiqué' : "l'article";
    return `${document} ${frenchOf(source.publisher)} du ${longDate(source.published, 'fr')}${title}`;
  }
  const document =
    source.standing === 'primary'
      ? `the press release of ${englishName(source.publisher)}`
      : `the article by ${englishName(source.publisher)}`;
  return `${document} of ${longDate(source.published, 'en')}${title}`;
}

/** "Selon le communiqué du Parquet de Paris (JUNALCO) du 25 juin 2024 (« … ») : « ", and the closing mark. */
function attribution(
  source: SourceMeta | undefined,
  language: 'fr' | 'en',
  withTitle: boolean,
): [string, string] {
  if (language === 'fr') {
    if (!source) return ['Selon les sources : « ', ' »'];
    return [`Selon ${citedSource(source, 'fr', withTitle)} : « `, ' »'];
  }
  if (!source) return ['According to the sources: "', '"'];
  return [`According to ${citedSource(source, 'en', withTitle)}: "`, '"'];
}

/** A source's public address, after a space, when its pack gives one (none is ever made up). */
function addressOf(source: SourceMeta | undefined): string {
  return source?.url ? ` ${source.url}` : '';
}

/**
 * A correction to paste under a post, in French or English, for a
 * contradicted claim: the words at fault quoted (the value the check compared
 * when its reason names it, else the claim's opening), "inexact" /
 * "inaccurate", and the source passage the verdict rests on, attributed to its
 * publisher and date (`source`, or "the sources" when it is not known). About
 * REPLY_MAX_LENGTH characters at most: the passage is cut at word boundaries,
 * around the sources' value. Null for a claim that is not contradicted, and
 * for one with no source passage to cite.
 */
export function correctionReply(
  claim: ReplyClaim,
  source: SourceMeta | undefined,
  language: 'fr' | 'en',
  statement?: LocalizedText,
): string | null {
  if (claim.verdict !== 'contradicted') return null;
  const evidence = evidenceOf(claim);
  if (!evidence) return null;
  const quoted = quotedPart(claim);
  const verdict = language === 'fr' ? `« ${quoted} » : inexact. ` : `"${quoted}" is inaccurate. `;
  const address = addressOf(source);
  if (language === 'en' && statement) {
    // In English, the fact as the pack states it in English, then its source:
    // a French fragment would not tell an English reader what is true.
    const fact = statement.en.trim().replace(/[.\s]+$/u, '');
    const reply = (withTitle: boolean, text = fact) =>
      `${verdict}${text}, according to ${source ? citedSource(source, 'en', withTitle) : 'the sources'}.${address}`;
    for (const withTitle of [true, false]) {
      if (reply(withTitle).length <= REPLY_MAX_LENGTH) return reply(withTitle);
    }
    // Still too long without the title: the statement is shortened.
    const room = REPLY_MAX_LENGTH - (reply(false).length - fact.length);
    return reply(false, shorten(fact, Math.max(PASSAGE_MIN, room)));
  }
  const truth = TRUTH.exec(claim.reason)?.[1];
  const truthNumber = truth === undefined ? undefined : reasonNumbers(truth)[0];
  const focus = truthNumber === undefined ? null : numberPattern(truthNumber);
  // The title when the passage still gets its room; the passage always comes first.
  const room = (withTitle: boolean) => {
    const [open, close] = attribution(source, language, withTitle);
    return REPLY_MAX_LENGTH - verdict.length - open.length - close.length - address.length;
  };
  const withTitle = source !== undefined && room(true) >= PASSAGE_MIN;
  const [open, close] = attribution(source, language, withTitle);
  const budget = Math.max(PASSAGE_MIN, room(withTitle));
  return `${verdict}${open}${excerpt(evidence.exact, budget, focus)}${close}${address}`;
}
