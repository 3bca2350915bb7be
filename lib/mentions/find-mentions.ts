/**
 * Finding mentions of the Coco case in a text: the site's domains and name,
 * and the case's own agencies when the text is about the case. A name alone
 * proves nothing ("coco" is a fruit, a perfume, a film, a nickname), so each
 * candidate is decided by the words around it and by the rest of the text,
 * and every mention says why it was kept.
 */
import { foldSameLengthWithSpaces } from '../text/fold.ts';
import type { Reason } from '../claims/reasons.ts';
import type { Span } from '../text/span.ts';

export type MentionKind = 'domain' | 'name' | 'entity';

export interface Mention extends Span {
  text: string;
  kind: MentionKind;
  /** Why this is taken as a mention of the case, in a short English phrase. */
  reason: string;
  /** The same reason in French and in English. */
  reasons: Reason;
}

export interface MentionScan {
  mentions: Mention[];
  /** True when the text as a whole is about the case (it names the site's domain, or the site in a clear context). */
  aboutCase: boolean;
}

/**
 * One pass finds every candidate: the site's domains (coco.gg, coco.fr, with
 * www. or a defanged dot as moderators write them), the bare name, and the
 * case's agencies. Case-insensitive; offsets are raw. Its groups are
 * numbered (DOMAIN_GROUP, NAME_GROUP), not named: named groups cost an
 * object per match, and a dense page has thousands.
 */
const CANDIDATE =
  /((?:www\.)?coco(?:\.|\[\.\]|\(\.\)|\[dot\])(?:gg|fr)(?![\p{L}\p{N}]))|(coco)|(junalco|uncyber|comcyber[- ]?mi|onaf)/giu;
/** The group of `CANDIDATE` that matches a domain. */
const DOMAIN_GROUP = 1;
/** The group of `CANDIDATE` that matches the bare name; otherwise the match is an agency. */
const NAME_GROUP = 2;

// The cheap first test of a page, `mayMentionCase`, is in may-mention.ts:
// the content script runs it without loading this module's tables.

/** Letters and digits: a candidate glued to one of them is part of another word (cocotier, Cocorico). */
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Whether the UTF-16 unit at `at` is a letter, a digit or "_" (false outside the text). */
function isWordCharAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code >= 0x80) return WORD_CHAR.test(text.charAt(at));
  // ASCII: letters, digits and "_", without an expression.
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  );
}

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
 * prefixes, so "ferm" covers fermé, fermeture, fermer. Generic ones fit any
 * business that closes or any thing on a web site; specific ones fit the
 * case (`SPECIFIC_CUES`), and only those outweigh another subject nearby.
 */
const GENERIC_CUES = [
  'site',
  'plateforme',
  'platform',
  'chat',
  'forum',
  'salon',
  'ferm',
  'shut',
  'closed',
  'closure',
  'taken down',
  'demantel',
  'hors ligne',
  'offline',
  'gendarm',
  'police',
  'enquet',
  'investigat',
  'dirigeant',
  'interpell',
  'arrest',
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
];

/**
 * Cues that only the case's own story has: the kind of site, its crimes,
 * the prosecution and the courts, its people and agencies. A bar or a shop
 * that closes, a pet that is lost, has no prosecutor.
 */
const SPECIFIC_CUES = [
  'parquet',
  'prosecut',
  'procureur',
  'justice',
  'judiciaire',
  'tchat',
  'messagerie',
  'anonym',
  'pedocrim',
  'pedophil',
  'predat',
  'guet-apens',
  'ambush',
  'proxenet',
  'pimping',
  'prostitu',
  'homicid',
  // "viol" alone would take violences, violent, violation.
  'viols?\\b',
  'violeur',
  'violee?s?\\b',
  'rapes?\\b',
  'raped',
  'rapist',
  'darmanin',
  'guernes',
  'guernsey',
  'moderat',
  'pelicot',
  'mazan',
  'eurojust',
  'junalco',
  'uncyber',
  'onaf',
  'comcyber',
];

/** Every case cue, the specific ones first-letter-grouped with the rest. */
const CASE_CUES = [...GENERIC_CUES, ...SPECIFIC_CUES];

/**
 * An alternation of `words` grouped by first letter ("s(?:ite|alon)|p(?:…)"),
 * which the regular expression engine reads faster than a flat list. It
 * matches what the flat list matches: words with different first letters
 * never compete, and each group keeps its words in the list's order.
 */
function alternationByFirstLetter(words: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const word of words) {
    const rests = groups.get(word[0]!) ?? [];
    rests.push(word.slice(1));
    groups.set(word[0]!, rests);
  }
  return [...groups].map(([first, rests]) => `${first}(?:${rests.join('|')})`).join('|');
}

/** Any case cue at the start of a word. */
const CASE_CUE = new RegExp(`\\b(?:${alternationByFirstLetter(CASE_CUES)})`, 'g');
/** A specific case cue, to tell which of a name's cues are specific. */
const SPECIFIC_CUE = new RegExp(`^(?:${alternationByFirstLetter(SPECIFIC_CUES)})`);

/**
 * Words that make a "coco" something else: coconut, Chanel and her perfumes,
 * the Pixar film, a nickname, a pet. Checked right before and right after the
 * name; any one of them rules the candidate out. The words before are a
 * sticky lookbehind, run at the end of the text before the name
 * (`endsNotCase`): read backwards from there, not tried at every position.
 */
const BEFORE_NOT_CASE =
  /(?<=\b(?:(?:noix|lait|huile|eau|creme|beurre|sucre|fibre|farine|copeaux|rhum|yaourt|glace|sorbet|gateau|biscuit|chips|parfum|film|dessin anime|long-metrage|marque|enseigne|brand) (?:de |d'|a la |au )?|(?:surnomm\w*|surnom|nickname[ds]?|dit|dite|alias|s'appelle|s'appelait|(?<!(?:site|platform|plateforme|app|service|forum) )(?:appele|appelee|called|named))(?: aussi| also)? ["'\u00ab\u201c ]*|(?:mon|ma|notre|son|sa|ton|ta|leur|le|la|my|our|his|her) (?:chat|chatte|chien|chienne|perroquet|cat|dog|parrot|lapin|hamster|cheval|clown) ["'\u00ab\u201c ]*|(?:mademoiselle|mlle|tata|tante|oncle|uncle|aunt|auntie|papi|mamie|el|del|un petit|mon petit|mon|ma|my) ["'\u00ab\u201c ]*))/y;
const AFTER_NOT_CASE =
  /^(?:(?: ?["'\u00bb\u201d])?[ -]?(?:chanel|mademoiselle|noir|crush|rape|rapee|grated|milk|water|oil|cream|flakes|butter|sugar|nut|nuts|le clown|the clown|l'asticot|beach|bongo|loco|pops|puffs|gauff|rocha|jones|lee|austin|rallado|fresco|ltd|limited|inc|llc|gmbh|sarl|sas|corp|plc|& ?co|the gorilla|le gorille|(?:\(|, )?(?:2017|pixar|disney))\b)/;

/** Whether the words right before a name (`before` ends at it) make it something else. */
function endsNotCase(before: string): boolean {
  BEFORE_NOT_CASE.lastIndex = before.length;
  return BEFORE_NOT_CASE.test(before);
}

/**
 * Words of another subject that a "Coco" may be: a restaurant, a bar or a
 * club, a beach, food, a pet, a shop, a perfume, a film, a dance, a sport,
 * a clown. Near a name, it is then that other Coco unless specific case cues
 * (`SPECIFIC_CUES`) outweigh them; in a short text, generic cues ("fermer",
 * "site") no longer make it about the case. Folded, whole words.
 */
const OTHER_SUBJECT_WORDS = [
  'gorilles?',
  'gorillas?',
  'singes?',
  'monkeys?',
  'pour enfants',
  'for kids',
  "children's",
  'restaurants?',
  'resto',
  'brasseries?',
  'bistrots?',
  'bars?',
  'cocktails?',
  'lounge',
  'discotheques?',
  'boites? de nuit',
  'nightclubs?',
  'night club',
  'plages?',
  'beach',
  'paillotes?',
  'menus?',
  'chefs?',
  'cuisine',
  'quenelles?',
  'plats?',
  'recettes?',
  'recipes?',
  'ingredients?',
  'coconuts?',
  'cocotiers?',
  'noix',
  'perroquets?',
  'parrots?',
  'cockatoo',
  'cacatoes',
  'oiseaux?',
  'birds?',
  'chatte',
  'chatons?',
  'kittens?',
  'chiens?',
  'chiennes?',
  'dogs?',
  'puppy',
  'animal',
  'animaux',
  'pets?',
  'veterinaires?',
  'croquettes',
  'plumes',
  'feathers',
  'boutiques?',
  'shops?',
  'magasins?',
  'vetements',
  'clothing',
  'couture',
  'couturieres?',
  'stylistes?',
  'robes?',
  'defiles?',
  'fashion',
  'dress',
  'dresses',
  'gowns?',
  'musees?',
  'museums?',
  'chanel',
  'parfums?',
  'perfumes?',
  'fragrances?',
  'eau de toilette',
  'eau de parfum',
  'films?',
  'movies?',
  'pixar',
  'disney',
  'miguel rivera',
  'danses?',
  'dance',
  'dancers?',
  'tennis',
  'gauff',
  'clowns?',
  'cirque',
  'circus',
  'chevaux',
  'cheval',
  'horses?',
  'juments?',
  'mares?',
  'poneys?',
  'ponies',
  'equestres?',
  'equitation',
  'cavaliers?',
  'riders?',
  'koalas?',
  'peluches?',
  'livres?',
  'books?',
  'editeurs?',
  'publishers?',
  'concerts?',
  'albums?',
  'chansons?',
  'songs?',
  'singer',
  'chanteuse',
  'chanteur',
  'festivals?',
  'hotels?',
  'camping',
  'coiffure',
  'patisserie',
  'boulangerie',
  'glaces?',
  'sorbets?',
  'rhum',
  'cosmetiques?',
  'cosmetics',
  'savons?',
  'soaps?',
  'bijoux',
  'jewell?ery',
];
const OTHER_SUBJECT = new RegExp(`\\b(?:${alternationByFirstLetter(OTHER_SUBJECT_WORDS)})\\b`, 'g');

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
 * One line of the text that holds a name, folded. A name's context stops at
 * line breaks and no context word spans one, so a line is read alone (folded
 * alone, it has the same letters, spaces and punctuation as in the folded
 * text), and only lines with a name are read at all: on a long page most
 * are not.
 */
interface LineContext {
  /** Offsets of the line in the text, without its line break. */
  start: number;
  end: number;
  folded: string;
  /** Whether the line's white space is already as `foldContext` makes it. */
  plainSpaces: boolean;
  /** The case cues in the line, found when a name first needs them. */
  cues: ContextWords | undefined;
  /** The words of another subject in the line, found when a name first needs them. */
  otherSubject: ContextWords | undefined;
  /** How many distinct case signals the line names, counted when a name first needs it. */
  signals: number | undefined;
  /** The names of the line, in order, as `findCandidates` finds them. */
  names: Span[];
  /**
   * Around each name of the line that its neighbours make something else
   * ("noix de coco", "Coco Chanel"), the reach of those words: the other
   * subject they name is that name's, not the line's.
   */
  explained: Span[] | undefined;
}

/** Where each match of a context expression stands in a line (offsets in the text), and what it matched. */
interface ContextWords {
  at: number[];
  text: string[];
}

/** The line of `text` that holds offset `at`, folded. */
function lineContext(text: string, at: number): LineContext {
  const start = text.lastIndexOf('\n', at) + 1;
  const next = text.indexOf('\n', at);
  const end = next === -1 ? text.length : next;
  const { folded, plainSpaces } = foldSameLengthWithSpaces(text.slice(start, end));
  return {
    start,
    end,
    folded,
    plainSpaces,
    cues: undefined,
    otherSubject: undefined,
    signals: undefined,
    names: [],
    explained: undefined,
  };
}

/** The matches of a global expression in a line, in order. */
function findInLine(line: LineContext, pattern: RegExp): ContextWords {
  const words: ContextWords = { at: [], text: [] };
  pattern.lastIndex = 0;
  for (let match = pattern.exec(line.folded); match; match = pattern.exec(line.folded)) {
    words.at.push(line.start + match.index);
    words.text.push(match[0]);
  }
  return words;
}

/** The folded context of a name between two offsets of its line, one space between words. */
function lineSlice(line: LineContext, from: number, to: number): string {
  const slice = line.folded.slice(from - line.start, to - line.start);
  return line.plainSpaces ? slice : foldContext(slice);
}

/**
 * Where a name's context is read: `CONTEXT_RADIUS` characters each side,
 * within its line (the next post of a feed, the next article of a portal, is
 * another subject).
 */
function contextWindow(
  line: LineContext,
  start: number,
  end: number,
): { from: number; to: number } {
  return {
    from: Math.max(line.start, start - CONTEXT_RADIUS),
    to: Math.min(line.end, end + CONTEXT_RADIUS),
  };
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
  cues: ContextWords,
  from: number,
  to: number,
  start: number,
  end: number,
  limit: number,
): string[] {
  const found: string[] = [];
  for (let i = firstAtOrAfter(cues.at, from); i < cues.at.length; i++) {
    const at = cues.at[i]!;
    if (at >= to) break;
    if (at >= start && at < end) continue;
    // Few cues are kept (`limit`), so a list is as quick to search as a set.
    if (!found.includes(cues.text[i]!)) found.push(cues.text[i]!);
    if (found.length >= limit) break;
  }
  return found;
}

/** A candidate found by `CANDIDATE`, before its context is read. */
interface Candidate {
  start: number;
  end: number;
  kind: MentionKind;
  /** For a domain, the domain as written; for an agency, its canonical name. */
  label: string;
  /** For a name: its line, folded. */
  line: LineContext | undefined;
  /**
   * For a name: the case cues around it, or null when a non-case reading was
   * found; undefined until read (on a long page, a name far from every clear
   * mention is never read: it is no mention whatever its context).
   */
  cues: string[] | null | undefined;
}

/**
 * Things only the case has, each counted once however often it is named:
 * its agencies, Eurojust, Guernsey, its exact figures, the minister, the
 * trial it is tied to. Each signal is a list of spellings (lower case); one
 * expression, grouped by first letter, finds them all, and the spelling
 * found tells which signal it is (`SIGNAL_OF`).
 */
const CASE_SIGNALS: readonly (readonly string[])[] = [
  ['junalco'],
  [
    'uncyber',
    'unité nationale cyber',
    'unite nationale cyber',
    'national cyber unit',
    "gendarmerie's cyber unit",
    "gendarmerie's national cyber unit",
    'gendarmerie cyber unit',
  ],
  [
    'onaf',
    'office national anti-fraude',
    'office national antifraude',
    'national anti-fraud office',
  ],
  ['comcyber'],
  ['eurojust'],
  ['guernesey', 'guernsey'],
  ['23 051', '23,051', '23.051', '23051', '23\u00a0051', '23\u202f051'],
  ['480 victim'],
  ['70 parquets', 'soixante-dix parquets', '70 prosecutor'],
  ['darmanin'],
  ['pelicot', 'mazan'],
];

/** Which signal each spelling is. */
const SIGNAL_OF = new Map(
  CASE_SIGNALS.flatMap((spellings, id) =>
    spellings.map((spelling) => [JSON.parse(`"${spelling}"`) as string, id] as const),
  ),
);

const CASE_SIGNAL = new RegExp(
  `\\b(?:${alternationByFirstLetter(
    [...SIGNAL_OF.keys()]
      .sort((a, b) => b.length - a.length)
      .map((spelling) => spelling.replace(/[.'\\-]/g, (c) => `\\${c}`)),
  )})`,
  'gi',
);

/**
 * Distinct case signals that make a page naming "Coco" about the case even
 * when no line of it says so by itself: one can be chance (Darmanin in an
 * article about a nightclub), two are the case.
 */
const PAGE_SIGNALS = 2;

/**
 * What is known of the page a text is a part of: the content script reads a
 * page in chunks, and an article's first part may name the site while its
 * signals come in the next.
 */
export interface PageContext {
  /** The case signals of the whole page (`caseSignals`), at offsets from the text's start. */
  signals?: CaseSignals;
}

/** Where the case's signals are named in a text, and how many distinct ones. */
export function caseSignals(text: string): CaseSignals {
  const at: number[] = [];
  const ids: number[] = [];
  CASE_SIGNAL.lastIndex = 0;
  for (let match = CASE_SIGNAL.exec(text); match; match = CASE_SIGNAL.exec(text)) {
    at.push(match.index);
    ids.push(SIGNAL_OF.get(match[0].toLowerCase()) ?? -1);
  }
  return { at, ids };
}

/** Case signals of a text: where each stands, and which one it is (`CASE_SIGNAL`'s group). */
export interface CaseSignals {
  at: number[];
  ids: number[];
}

/**
 * Whether `PAGE_SIGNALS` distinct signals stand within `ANCHOR_RADIUS` of
 * `at`: a binary search to the window, then at most its signals read.
 */
function signalsNear(signals: CaseSignals, at: number): boolean {
  const seen = new Set<number>();
  for (let i = firstAtOrAfter(signals.at, at - ANCHOR_RADIUS); i < signals.at.length; i++) {
    if (signals.at[i]! > at + ANCHOR_RADIUS) break;
    seen.add(signals.ids[i]!);
    if (seen.size >= PAGE_SIGNALS) return true;
  }
  return false;
}

/** How many distinct signals a text's signals are. */
function distinctSignals(signals: CaseSignals): number {
  return new Set(signals.ids).size;
}

/** Whether a sorted list holds a position within `radius` of `at`. */
function anyNear(positions: readonly number[], at: number, radius = ANCHOR_RADIUS): boolean {
  const i = firstAtOrAfter(positions, at - radius);
  return i < positions.length && positions[i]! <= at + radius;
}

/**
 * Mentions of the case in `text`, in order, each with the reason it was kept.
 * Returns no mention for a text that only uses "coco" in another sense, and
 * never reports dates or figures (those are claims, not mentions).
 */
export function findMentions(text: string, page: PageContext = {}): MentionScan {
  const candidates = findCandidates(text);
  // A short post is one context: a name with one case word around it makes
  // the post about the case ("l'affaire Coco … interpellées"). A long page
  // must name the case clearly somewhere.
  const short = text.length <= SHORT_TEXT_CHARS;
  // One sense per text: where the text itself names another Coco (Coco
  // Chanel, « dite Coco », noix de coco), cues around a name no longer prove
  // the case — Chanel's house closed, and the Paris prosecutor looked into
  // her — unless they are in the name's own sentence ("c'est le site Coco,
  // fermé par la justice"), or the site's domain stands near it, or two
  // signals only the case has stand in its paragraph (a page's other
  // articles have their own: JUNALCO prosecutes many cases).
  // Only a capitalised one names another subject: "la noix de coco" in a
  // joke about the site is a pun, not a text about coconuts.
  // Read when a name first needs it: most texts never ask.
  let otherCocos: number[] | undefined;
  const otherCocosOf = () =>
    (otherCocos ??= candidates
      .filter(
        (c) => c.kind === 'name' && text[c.start] === 'C' && readOtherwise(c.line!, c.start, c.end),
      )
      .map((c) => c.start));
  const domains = candidates.filter((c) => c.kind === 'domain').map((c) => c.start);
  const confirmed = (candidate: Candidate) => {
    if (anyNear(domains, candidate.start)) return true;
    const line = candidate.line!;
    line.signals ??= distinctSignals(caseSignals(text.slice(line.start, line.end)));
    return line.signals >= PAGE_SIGNALS;
  };
  const otherNear = (candidate: Candidate) => {
    const others = otherCocosOf();
    return (
      others.length > 0 && (short || anyNear(others, candidate.start)) && !confirmed(candidate)
    );
  };
  /** Where the case is named beyond doubt: a domain, or a name with several cues. */
  const anchors: number[] = [];
  for (const candidate of candidates) {
    if (
      candidate.kind === 'domain' ||
      (candidate.kind === 'name' &&
        isClearName(candidate, short) &&
        (!otherNear(candidate) || clearInSentence(candidate)))
    ) {
      anchors.push(candidate.start);
    }
  }
  const cued = candidates.find((c) => c.kind === 'name' && (c.cues?.length ?? 0) > 0);
  // A short text with another subject ("le CoCo, restaurant de la rue
  // Mercière, pourrait fermer") needs more than a generic cue.
  let aboutCase =
    anchors.length > 0 ||
    (short && cued !== undefined && !otherSubjectInText(candidates) && !otherNear(cued));
  if (!aboutCase && candidates.some((c) => c.kind !== 'domain')) {
    // The page as a whole: a feature may name the site without a cue on
    // its own line ("For two decades, Coco was…") and the case's agencies,
    // figures and places further down. Several distinct ones make it about
    // the case, and each becomes an anchor for the names near it.
    // Signals near a name not read otherwise: a page whose "480 victimes"
    // are a prefecture's and whose Guernsey is a ferry trip is not the case.
    // And one sense near the name: among nicknames, parrots and perfumes
    // called Coco, a cue-less "Coco" is one more of them.
    // Only names near signals are read: most names of a page full of coco are not.
    const signals = page.signals ?? caseSignals(text);
    const names = candidates.filter(
      (c) => c.kind === 'name' && anyNear(signals.at, c.start, 2 * ANCHOR_RADIUS),
    );
    const otherwise = names.filter((c) => readName(c) === null).map((c) => c.start);
    const named = names.filter(
      (c) => readName(c) !== null && signalsNear(signals, c.start) && !anyNear(otherwise, c.start),
    );
    if (named.length > 0) {
      anchors.push(...signals.at, ...named.map((c) => c.start));
      anchors.sort((a, b) => a - b);
      aboutCase = true;
    }
  }
  if (!aboutCase) return { mentions: [], aboutCase };
  // On a long page (a feed, a portal), the case's context is local: a weak
  // mention counts only near a clear one.
  // Candidates come in text order, and so do anchors: one pointer walks both.
  let next = 0;
  const nearAnchor = (at: number) => {
    if (short) return aboutCase;
    while (next < anchors.length && anchors[next]! < at - ANCHOR_RADIUS) next++;
    return next < anchors.length && anchors[next]! <= at + ANCHOR_RADIUS;
  };

  // One sense per text: a name with no cue at all takes the page's sense
  // only when the page uses the name in no other ("Coco est rentré !" after
  // a post about a lost parrot called Coco is the parrot).
  let otherSense = false;
  for (const candidate of candidates) {
    if (
      candidate.kind === 'name' &&
      (short || nearAnchor(candidate.start)) &&
      readName(candidate) === null
    ) {
      otherSense = true;
      break;
    }
  }
  next = 0;
  const mentions: Mention[] = [];
  for (const candidate of candidates) {
    const { start, end, kind, label } = candidate;
    if (kind === 'domain') {
      mentions.push(
        mention(text, start, end, kind, {
          fr: `le domaine du site ${label}`,
          en: `the site's domain ${label}`,
        }),
      );
    } else if (kind === 'entity') {
      if (nearAnchor(start)) {
        mentions.push(
          mention(text, start, end, kind, {
            fr: `${label} dans un texte sur l’affaire Coco`,
            en: `${label} in a text about the Coco case`,
          }),
        );
      }
    } else if (short || nearAnchor(start)) {
      const cues = readName(candidate);
      if (cues === null) continue;
      const name = text.slice(start, end);
      if (cues.length > 0) {
        mentions.push(
          mention(text, start, end, kind, {
            fr: `« ${name} » près de ${cues.map((c) => `« ${c}… »`).join(', ')}`,
            en: `"${name}" near ${cues.map((c) => `"${c}…"`).join(', ')}`,
          }),
        );
      } else if (!otherSense && nearAnchor(start)) {
        mentions.push(
          mention(text, start, end, kind, {
            fr: `« ${name} » dans un texte sur l’affaire Coco`,
            en: `"${name}" in a text about the Coco case`,
          }),
        );
      }
    }
  }
  return { mentions, aboutCase };
}

/**
 * Whether a short text speaks of another subject anywhere (a restaurant, a
 * pet…), words that belong to a name read otherwise aside: then a generic
 * cue near a name no longer makes the text about the case.
 */
function otherSubjectInText(candidates: readonly Candidate[]): boolean {
  const lines = new Set(
    candidates.map((c) => c.line).filter((l): l is LineContext => l !== undefined),
  );
  for (const line of lines) if (otherSubjectIn(line, line.start, line.end)) return true;
  return false;
}

/** The candidates of `text`, in order: domains, bare names (with their line) and agencies. */
function findCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  /** The line of the last name read, folded: names of one line share it. */
  let line: LineContext | undefined;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    const start = match.index;
    const raw = match[0];
    const end = start + raw.length;
    // Glued to a letter before: part of another word (xcoco) or host (my.coco.gg is not the site).
    if (isWordCharAt(text, start - 1)) continue;
    if (match[DOMAIN_GROUP] !== undefined) {
      const label = raw;
      candidates.push({ start, end, kind: 'domain', label, line: undefined, cues: [] });
      continue;
    }
    if (isWordCharAt(text, end)) continue; // cocotier, Cocorico, onafx
    // A compound: coco-boutique.fr, Coco-Loco, Jean-Coco.
    if (text[end] === '-' && isWordCharAt(text, end + 1)) continue;
    if (text[start - 1] === '-' && isWordCharAt(text, start - 2)) continue;
    if (match[NAME_GROUP] !== undefined) {
      // Names come in text order: a name past the line's end is on a later line.
      if (line === undefined || start >= line.end) line = lineContext(text, start);
      line.names.push({ start, end });
      candidates.push({ start, end, kind: 'name', label: '', line, cues: undefined });
      continue;
    }
    const lower = raw.toLowerCase();
    const label = ENTITY_NAMES[lower.startsWith('comcyber') ? 'comcyber' : lower] ?? raw;
    candidates.push({ start, end, kind: 'entity', label, line: undefined, cues: [] });
  }
  return candidates;
}

/**
 * Whether a name names the case beyond doubt: several case cues around it
 * and no non-case reading. On a long page, a name with too few cues in its
 * context cannot be one and is read no further here; in a short text every
 * name is read (any cue counts there).
 */
function isClearName(candidate: Candidate, short: boolean): boolean {
  if (!short) {
    const line = candidate.line!;
    const { from, to } = contextWindow(line, candidate.start, candidate.end);
    line.cues ??= findInLine(line, CASE_CUE);
    const cues = cuesAround(line.cues, from, to, candidate.start, candidate.end, STRONG_NAME_CUES);
    if (cues.length < STRONG_NAME_CUES) return false;
  }
  const cues = readName(candidate);
  // Two generic cues fit any business that closes or any lost pet ("le site
  // du club… fermer"): a clear name has one that only the case has, or a
  // third (another subject's words nearby have already ruled it out).
  return (
    cues !== null &&
    cues.length >= STRONG_NAME_CUES &&
    (specificCount(cues) > 0 || cues.length > STRONG_NAME_CUES)
  );
}

/**
 * Whether a clear name is clear from its own sentence alone: the cues
 * `isClearName` asks for, all between the sentence ends around it.
 */
function clearInSentence(candidate: Candidate): boolean {
  const line = candidate.line!;
  const { from, to } = contextWindow(line, candidate.start, candidate.end);
  const sentence = sentenceAround(line, candidate.start, candidate.end);
  line.cues ??= findInLine(line, CASE_CUE);
  const cues = cuesAround(
    line.cues,
    Math.max(from, sentence.start),
    Math.min(to, sentence.end),
    candidate.start,
    candidate.end,
    MAX_CUES_READ,
  );
  return (
    cues.length >= STRONG_NAME_CUES && (specificCount(cues) > 0 || cues.length > STRONG_NAME_CUES)
  );
}

/** Characters that end a sentence when a space follows them. */
const SENTENCE_END = /[.!?;\u2026]/;

/** The sentence of a line that holds [start, end): from after the last sentence end before it to the next after it. */
function sentenceAround(line: LineContext, start: number, end: number): Span {
  const folded = line.folded;
  let from = start - line.start;
  while (from > 1 && !(folded[from - 1] === ' ' && SENTENCE_END.test(folded[from - 2]!))) from--;
  let to = end - line.start;
  while (to < folded.length - 1 && !(SENTENCE_END.test(folded[to]!) && folded[to + 1] === ' '))
    to++;
  return { start: line.start + (from > 1 ? from : 0), end: line.start + to + 1 };
}

/** The case cues around a name (or null), read once. */
function readName(candidate: Candidate): string[] | null {
  if (candidate.cues === undefined) {
    candidate.cues = nameCues(candidate.line!, candidate.start, candidate.end);
  }
  return candidate.cues;
}

function mention(
  text: string,
  start: number,
  end: number,
  kind: MentionKind,
  reasons: Reason,
): Mention {
  return { start, end, text: text.slice(start, end), kind, reason: reasons.en, reasons };
}

/**
 * The case cues around a bare name, or null when the name is read otherwise
 * (coconut, Chanel, the film, a nickname or pet, right next to it; or such a
 * subject nearby and too few case cues to outweigh it).
 */
function nameCues(line: LineContext, start: number, end: number): string[] | null {
  if (readOtherwise(line, start, end)) return null;
  const { from, to } = contextWindow(line, start, end);
  line.cues ??= findInLine(line, CASE_CUE);
  const cues = cuesAround(line.cues, from, to, start, end, MAX_CUES_READ);
  // "Le CoCo pourrait fermer", "la discothèque Le Coco fermée après une
  // rixe": generic cues fit the other subject as well as the case.
  if (otherSubjectIn(line, from, to) && specificCount(cues) < STRONG_NAME_CUES) return null;
  return cues;
}

/** Whether the words right next to a name make it something else: "noix de coco", "Coco Chanel". */
function readOtherwise(line: LineContext, start: number, end: number): boolean {
  const { from, to } = contextWindow(line, start, end);
  const before = lineSlice(line, Math.max(from, start - IMMEDIATE_CHARS), start);
  const after = lineSlice(line, end, Math.min(to, end + IMMEDIATE_CHARS));
  return endsNotCase(before) || AFTER_NOT_CASE.test(after);
}

/**
 * Whether words of another subject stand in [from, to) of a line, leaving
 * out those that belong to a name read otherwise ("Not Pixar's Coco
 * (2017): the Coco shut down…" speaks of two Cocos).
 */
function otherSubjectIn(line: LineContext, from: number, to: number): boolean {
  line.otherSubject ??= findInLine(line, OTHER_SUBJECT);
  line.explained ??= line.names
    .filter((name) => readOtherwise(line, name.start, name.end))
    .map((name) => ({ start: name.start - IMMEDIATE_CHARS, end: name.end + IMMEDIATE_CHARS }));
  const explained = line.explained;
  const words = line.otherSubject.at;
  for (let i = firstAtOrAfter(words, from); i < words.length && words[i]! < to; i++) {
    const at = words[i]!;
    if (!explained.some((zone) => zone.start <= at && at < zone.end)) return true;
  }
  return false;
}

/** How many of a name's cues are read at most: enough to count its specific ones. */
const MAX_CUES_READ = 8;

/** How many cues are specific to the case (`SPECIFIC_CUES`). */
function specificCount(cues: readonly string[]): number {
  return cues.filter((cue) => SPECIFIC_CUE.test(cue)).length;
}
