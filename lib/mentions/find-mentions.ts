/**
 * Finding mentions of the Coco case in a text: the site's domains and name,
 * and the case's own agencies when the text is about the case. A name alone
 * proves nothing ("coco" is a fruit, a perfume, a film, a nickname), so each
 * candidate is decided by the words around it and by the rest of the text,
 * and every mention says why it was kept.
 */
import { foldSameLength } from '../text/fold.ts';
import type { Span } from '../text/span.ts';

export type MentionKind = 'domain' | 'name' | 'entity';

export interface Mention extends Span {
  text: string;
  kind: MentionKind;
  /** Why this is taken as a mention of the case, in a short English phrase. */
  reason: string;
}

export interface MentionScan {
  mentions: Mention[];
  /** True when the text as a whole is about the case (it names the site's domain, or the site in a clear context). */
  aboutCase: boolean;
}

/**
 * One pass finds every candidate: the site's domains (coco.gg, coco.fr, with
 * www. or a defanged dot as moderators write them), the bare name, and the
 * case's agencies. Case-insensitive; offsets are raw.
 */
const CANDIDATE =
  /(?<domain>(?:www\.)?coco(?:\.|\[\.\]|\(\.\)|\[dot\])(?:gg|fr)(?![\p{L}\p{N}]))|(?<name>coco)|(?<entity>junalco|uncyber|comcyber[- ]?mi|onaf)/giu;

/** Any of the words a mention starts with, anywhere: the cheap first test of a page. */
const MAY_MENTION = /coco|junalco|uncyber|comcyber|onaf/i;

/**
 * False when `text` cannot hold a mention of the case (none of the words a
 * mention is made of appears in it): most pages stop here, at the cost of one
 * native search, before anything else is read or built.
 */
export function mayMentionCase(text: string): boolean {
  return MAY_MENTION.test(text);
}

/** Letters and digits: a candidate glued to one of them is part of another word (cocotier, Cocorico). */
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** How far around a name its context is read, in characters (about twenty words each side). */
const CONTEXT_RADIUS = 140;

/**
 * Distinct case cues around one name that make the whole text about the case
 * ("le site Coco … fermé"): one cue can be chance ("chat" near a cat named
 * Coco), two rarely are.
 */
const STRONG_NAME_CUES = 2;

/** Up to this length a text is a post or a short article, read as one context. */
const SHORT_TEXT_CHARS = 1500;

/**
 * On a longer page, a weak mention counts within this distance of a clear one:
 * about a screenful of an article, or a few posts of a feed.
 */
const ANCHOR_RADIUS = 2000;

/**
 * Words that place a bare "Coco" in the case: what the site was, what
 * happened to it, who acted. Folded (lower case, no accents). Matched as word
 * prefixes, so "ferm" covers fermé, fermeture, fermer.
 */
const CASE_CUES = [
  'site',
  'plateforme',
  'platform',
  'tchat',
  'chat',
  'messagerie',
  'forum',
  'salon',
  'anonym',
  'ferm',
  'shut',
  'closed',
  'closure',
  'taken down',
  'demantel',
  'hors ligne',
  'offline',
  'parquet',
  'prosecut',
  'procureur',
  'justice',
  'judiciaire',
  'junalco',
  'gendarm',
  'police',
  'enquet',
  'investigat',
  'pedocrim',
  'pedophil',
  'predat',
  'guet-apens',
  'ambush',
  'proxenet',
  'pimping',
  'prostitu',
  'homicid',
  'viol',
  'rape',
  'darmanin',
  'guernes',
  'guernsey',
  'moderat',
  'dirigeant',
  'interpell',
  'arrest',
  'pelicot',
  'mazan',
  'garde a vue',
  'takedown',
  'illicit',
  'affaire',
  'victim',
  'immatricul',
  'registered',
  'proced',
  'proceeding',
  'custody',
  'proprietaire',
  'proprio',
  'fondateur',
  'founder',
  'createur',
  'utilisateur',
  'users',
  'pseudo',
  'eurojust',
  'uncyber',
  'onaf',
  'comcyber',
];

/** Any case cue at the start of a word. */
const CASE_CUE = new RegExp(`\\b(?:${CASE_CUES.join('|')})`, 'g');

/**
 * Words that make a "coco" something else: coconut, Chanel and her perfumes,
 * the Pixar film, a nickname, a pet. Checked right before and right after the
 * name; any one of them rules the candidate out.
 */
const BEFORE_NOT_CASE =
  /\b(?:(?:noix|lait|huile|eau|creme|beurre|sucre|fibre|farine|copeaux|rhum|yaourt|glace|sorbet|gateau|biscuit|chips|parfum|film|dessin anime|long-metrage) (?:de |d'|a la |au )?|(?:surnomm\w*|surnom|nickname[ds]?|dit|dite|alias|s'appelle|s'appelait|(?<!(?:site|platform|plateforme|app|service|forum) )(?:appele|appelee|called|named))(?: aussi| also)? ["'\u00ab\u201c ]*|(?:mon|ma|notre|son|sa|ton|ta|leur|le|la|my|our|his|her) (?:chat|chatte|chien|chienne|perroquet|cat|dog|parrot|lapin|hamster|cheval|clown) |(?:mademoiselle|mlle|tata|tante|oncle|uncle|aunt|auntie|papi|mamie|el|del|un petit|mon petit) )$/;
const AFTER_NOT_CASE =
  /^(?:[ -]?(?:chanel|mademoiselle|noir|crush|rape|rapee|grated|milk|water|oil|cream|flakes|butter|sugar|nut|nuts|le clown|the clown|l'asticot|beach|bongo|loco|pops|puffs|gauff|rocha|jones|lee|austin|rallado|fresco|(?:\(|, )?(?:2017|pixar|disney))\b)/;
/**
 * Anywhere in the context: the subject may be something else. Such a context
 * needs more case cues around the name (STRONG_NAME_CUES) for it to count.
 */
const CONTEXT_NOT_CASE_ALL =
  /\b(?:chanel|coconut|cocotier|pixar|disney|miguel rivera|recette|recipe|parfum|perfume|fragrance|eau de toilette|eau de parfum)\b/g;

/** Agencies that name the case only on a page about the case. */
const ENTITY_NAMES: Record<string, string> = {
  junalco: 'JUNALCO',
  uncyber: 'UNCyber',
  onaf: 'ONAF',
  comcyber: 'COMCYBER-MI',
};

/** Context folded for reading cues: lower case, no accents, plain apostrophes, one space between words. */
function foldContext(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Characters read right before and after a name for the words that rule it out (noix de, Chanel). */
const IMMEDIATE_CHARS = 60;

/**
 * Where each kind of context word stands in the whole (folded) text, found in
 * one pass each: a name's context is then read by binary search, whatever the
 * number of names on the page.
 */
interface ContextIndex {
  folded: string;
  cueAt: number[];
  cueText: string[];
  notCaseAt: number[];
}

function indexContext(text: string): ContextIndex {
  const folded = foldSameLength(text);
  const cueAt: number[] = [];
  const cueText: string[] = [];
  for (const match of folded.matchAll(CASE_CUE)) {
    cueAt.push(match.index);
    cueText.push(match[0]);
  }
  const notCaseAt: number[] = [];
  for (const match of folded.matchAll(CONTEXT_NOT_CASE_ALL)) notCaseAt.push(match.index);
  return { folded, cueAt, cueText, notCaseAt };
}

/** Index of the first position ≥ `at` in a sorted list. */
function firstAtOrAfter(positions: readonly number[], at: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The distinct case cues in [from, to) but outside the name [start, end), at most `limit`. */
function cuesAround(
  index: ContextIndex,
  from: number,
  to: number,
  start: number,
  end: number,
  limit: number,
): string[] {
  const found = new Set<string>();
  for (let i = firstAtOrAfter(index.cueAt, from); i < index.cueAt.length; i++) {
    const at = index.cueAt[i]!;
    if (at >= to) break;
    if (at >= start && at < end) continue;
    found.add(index.cueText[i]!);
    if (found.size >= limit) break;
  }
  return [...found];
}

interface Candidate {
  span: Mention;
  /** For names: the case cues around it, or null when a non-case reading was found. */
  cues: string[] | null;
}

/**
 * Mentions of the case in `text`, in order, each with the reason it was kept.
 * Returns no mention for a text that only uses "coco" in another sense, and
 * never reports dates or figures (those are claims, not mentions).
 */
export function findMentions(text: string): MentionScan {
  const candidates: Candidate[] = [];
  /** The folded text and its context words, read once the first name needs them. */
  let context: ContextIndex | undefined;
  /** Where the case is named beyond doubt: a domain, or a name with several cues. */
  const anchors: number[] = [];

  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const raw = match[0];
    const end = start + raw.length;
    // Glued to a letter before: part of another word (xcoco) or host (my.coco.gg is not the site).
    if (WORD_CHAR.test(text[start - 1] ?? '')) continue;
    if (match.groups?.domain) {
      anchors.push(start);
      candidates.push({
        span: mention(text, start, end, 'domain', `the site's domain ${raw}`),
        cues: [],
      });
      continue;
    }
    if (WORD_CHAR.test(text[end] ?? '')) continue; // cocotier, Cocorico, onafx
    if (match.groups?.name) {
      context ??= indexContext(text);
      const cues = nameCues(context, start, end);
      if (cues && cues.length >= STRONG_NAME_CUES) anchors.push(start);
      candidates.push({ span: mention(text, start, end, 'name', ''), cues });
      continue;
    }
    const lower = raw.toLowerCase();
    const name = ENTITY_NAMES[lower.startsWith('comcyber') ? 'comcyber' : lower] ?? raw;
    candidates.push({ span: mention(text, start, end, 'entity', name), cues: [] });
  }

  // A short post is one context: a name with one case word around it makes
  // the post about the case ("l'affaire Coco … interpellées"). A long page
  // must name the case clearly somewhere.
  const short = text.length <= SHORT_TEXT_CHARS;
  const cued = candidates.some(
    (c) => c.span.kind === 'name' && c.cues !== null && c.cues.length > 0,
  );
  const aboutCase = anchors.length > 0 || (short && cued);
  // On a long page (a feed, a portal), the case's context is local: a weak
  // mention counts only near a clear one.
  // Candidates come in text order, and so do anchors: one pointer walks both.
  let next = 0;
  const nearAnchor = (at: number) => {
    if (short) return aboutCase;
    while (next < anchors.length && anchors[next]! < at - ANCHOR_RADIUS) next++;
    return next < anchors.length && anchors[next]! <= at + ANCHOR_RADIUS;
  };

  const mentions: Mention[] = [];
  for (const { span, cues } of candidates) {
    if (span.kind === 'domain') {
      mentions.push(span);
    } else if (span.kind === 'entity') {
      if (nearAnchor(span.start)) {
        mentions.push({ ...span, reason: `${span.reason} in a text about the Coco case` });
      }
    } else if (cues !== null) {
      if (cues.length > 0 && (short || nearAnchor(span.start))) {
        mentions.push({
          ...span,
          reason: `"${span.text}" near ${cues.map((c) => `"${c}…"`).join(', ')}`,
        });
      } else if (nearAnchor(span.start)) {
        mentions.push({ ...span, reason: `"${span.text}" in a text about the Coco case` });
      }
    }
  }
  return { mentions, aboutCase };
}

function mention(
  text: string,
  start: number,
  end: number,
  kind: MentionKind,
  reason: string,
): Mention {
  return { start, end, text: text.slice(start, end), kind, reason };
}

/**
 * The case cues around a bare name, or null when the name is read otherwise
 * (coconut, Chanel, the film, a nickname or pet, right next to it; or such a
 * subject nearby and too few case cues to outweigh it).
 */
function nameCues(index: ContextIndex, start: number, end: number): string[] | null {
  // Context stops at line breaks: the next post of a feed, the next article
  // of a portal, is another subject.
  const lineStart = index.folded.lastIndexOf('\n', start) + 1;
  const lineEnd = index.folded.indexOf('\n', end);
  const from = Math.max(lineStart, start - CONTEXT_RADIUS);
  const to = Math.min(lineEnd === -1 ? index.folded.length : lineEnd, end + CONTEXT_RADIUS);
  const before = foldContext(index.folded.slice(Math.max(from, start - IMMEDIATE_CHARS), start));
  const after = foldContext(index.folded.slice(end, Math.min(to, end + IMMEDIATE_CHARS)));
  if (BEFORE_NOT_CASE.test(before) || AFTER_NOT_CASE.test(after)) return null;
  const cues = cuesAround(index, from, to, start, end, STRONG_NAME_CUES + 1);
  const n = firstAtOrAfter(index.notCaseAt, from);
  const otherSubject = n < index.notCaseAt.length && index.notCaseAt[n]! < to;
  if (otherSubject && cues.length < STRONG_NAME_CUES) return null;
  return cues;
}
