/**
 * The case's rules: where a sentence's values go. Each figure, date, period,
 * place, agency and domain of a sentence is tied to the slot it is about
 * (lib/claims/slots.ts) by the words around it, or left alone when they do
 * not say; the generic matcher (check-claim.ts) then compares it with the
 * facts' values of that slot. Everything here knows the Coco case's words:
 * another case would have its own rules and the same matcher.
 */
import type { Value } from '../facts/schema.ts';
import type { Slot } from './slots.ts';
import type { Span } from '../text/span.ts';
import { extractEntities, type EntityValue } from './agencies.ts';
import {
  compareDate,
  compareQuantity,
  comparePeriod,
  type Comparison,
  type PartialDate,
} from './compare.ts';
import { extractDatesAndPeriods, type DateValue, type PeriodValue } from './dates.ts';
import {
  clauseOf,
  eventOf,
  FOREIGN_EVENTS,
  readEvents,
  type EventKind,
  type EventWord,
  type SentenceEvents,
} from './events.ts';
import { extractNumbers, type NumberValue } from './numbers.ts';
import {
  joinList,
  MONTHS_EN,
  MONTHS_FR,
  placeName,
  reason,
  WEEKDAYS,
  type Reason,
  type ReasonLanguage,
} from './reasons.ts';
import { extractPlaces, type PlaceValue } from './places.ts';
import type { ClaimContext } from './context.ts';

// ————————————————————————————— cue words ——————————————————————————————
// All cue expressions run on the folded sentence (lower case, no accents,
// plain apostrophes), whose offsets are the raw sentence's. The words a slot
// rule needs to tie a value are also in SLOT_CUE: `checkText` skips the
// sentences with none of them (and no fact to restate).

/** Nouns counted as judicial proceedings. */
const PROCEEDINGS_NOUNS = String.raw`procedures?|proceedings?|affaires?|dossiers?|enquetes?|investigations?|cases?`;
const PROCEEDINGS_UNIT = new RegExp(
  String.raw`^(?:[\p{L}'-]+ ){0,2}?(?:${PROCEEDINGS_NOUNS})\b`,
  'u',
);
/** Victims. */
const VICTIMS_NOUN = String.raw`victim(?:e|es|s)?`;
const VICTIMS_UNIT = new RegExp(String.raw`^(?:[\p{L}'-]+ ){0,1}?${VICTIMS_NOUN}\b`, 'u');
/** Prosecutors' offices. */
const OFFICES_NOUNS = String.raw`parquets?|prosecutors?'? ?offices?|prosecution offices?|public prosecutors?|prosecutors`;
const OFFICES_UNIT = new RegExp(String.raw`^(?:[\p{L}'-]+ ){0,1}?(?:${OFFICES_NOUNS})\b`, 'u');
/** Plain "offices", which are prosecutors' offices when the sentence speaks of prosecutors. */
const PLAIN_OFFICES_UNIT = /^(?:[\p{L}'-]+ ){0,1}?offices?\b/u;
const PROSECUTOR_WORD = /\b(?:parquets?|prosecut\w*|procureu\w*)\b/;
/** Countries. */
const COUNTRIES_UNIT = /^(?:[\p{L}'-]+ ){0,1}?(?:pays|countries|country|nations|etats)\b/u;
/** Years, as a duration. */
const YEARS_UNIT = /^(?:ans?|annees?|years?|yrs?)\b/;
/** Decades: "deux décennies", "two decades". */
const DECADES_UNIT = /^(?:decennies?|decades?)\b/;
/** A length of time the sentence spends in: "pendant vingt ans", "for two decades". */
const DURING_BEFORE = /\b(?:for|pendant|durant|during|over)\s+$/;
/** Years of prison. */
const PRISON_UNIT =
  /^(?:ans?|annees?|years?|yrs?)(?:'| )(?:de |d'|of |in )?(?:prison|emprisonnement|reclusion|imprisonment|jail)/;
/** A fine. */
const FINE_WORD = /\b(?:amendes?|fines?)\b/;

/**
 * The sentence refers to the site itself (so a count is about it, not about
 * crime in general). "Coco" counts only as a mention (`ClaimContext.named`):
 * in "le Coco Bar ferme samedi" the name was read as another Coco.
 */
const SITE_REFERENCE = /\b(?:site|plateforme|platform|tchat|chat)\b/;
/** The sentence is about the operation (so a country count or list is the operation's). */
const OPERATION_CUE =
  /\b(?:operations?|perquisitions?|raids?|searches|interventions?|coordonn\w*|coordinat\w*|menees?|conducted|carried out|deroulee?s?|took place|ont eu lieu|enquete|investigation|involved|impliqu\w*|particip\w*)\b/;
/** The site's age: its creation or existence. */
const AGE_CUE =
  /\b(?:cree\w*|creation|fonde\w*|existe\w*|existence|lance\w*|launched|created|founded|old|vieux|apres|after|depuis|since|running|ran|operated|operating|fonctionn\w*|actif|active|impunite|en ligne|online|fallu|took|of operation|in operation|d'activite|en activite|de fonctionnement|fin a|end to)\b/;
/**
 * Words of the site's own life, unlike the connectors of AGE_CUE (après,
 * depuis, since, took, running…), which also time anything else ("une
 * enquête qui durait depuis deux ans", "an investigation running for two
 * years", "une pétition réclamait sa fermeture depuis quatre ans"): with a
 * connector alone the years may agree with the site's age, never contradict it.
 */
const OWN_LIFE_CUE =
  /\b(?:cree\w*|creation|fonde\w*|existe\w*|existence|lance\w*|launched|created|founded|old|vieux|fonctionn\w*|actif|active|en ligne|online|of operation|in operation|d'activite|en activite|de fonctionnement)\b/;
/** The shutdown itself: the site's age is only compared when the sentence dates it from the shutdown. */
const SHUTDOWN_CUE =
  /\b(?:fermee?s?|fermeture|fermer|shut(?:down)?|closed|closure|taken down|took down|taken offline|went dark|hors ligne|offline|demantele\w*|gone|fini|finally|enfin|avant sa|before it)\b/;
/** Penal wording: a duration here is a sentence, not the site's age. */
const PENAL_CUE =
  /\b(?:prison|emprisonnement|reclusion|jail|condamn\w*|sentenc\w*|encour\w*|risqu\w*|passible|punie?s?|faces?|facing|amendes?|fines?|peines?)\b/;
/** A maximum penalty set by law (not a sentence passed in a trial). */
const PENALTY_CUE =
  /\b(?:encour\w*|passibles?|risqu\w*|punie?s?|faces?|facing|carr(?:y|ies)|jusqu'a|up to|maximum|peines?)\b/;
/** The offence whose penalty the release gives: providing a platform for illicit transactions. */
const PLATFORM_OFFENCE =
  /\b(?:plate-?forme en ligne|online platform|transactions? illicites?|illicit transactions?|intermediation|sequestre|escrow|bande organisee|organi[sz]ed gang)\b/;
/** Intermediation or escrow: the second offence, with the same penalty. */
const INTERMEDIATION_OFFENCE = /\b(?:intermediation|sequestre|escrow)\b/;
/** Registration of the site. */
const REGISTRATION_CUE =
  /\b(?:immatricul\w*|enregistr\w*|registered|incorporated|domicili\w*|headquartered|siege)\b/;
/** A place of arrest or residence, not of the operation. */
const PERSON_PLACE_CUE =
  /\b(?:interpell\w*|arret\w*|arrested|detained|installe\w*|vit|living|lives|resid\w*|demenag\w*|moved)\b/;
/** Coordination between agencies. */
const COORDINATION_CUE =
  /\b(?:coordonn\w*|coordinat\w*|en lien avec|in liaison with|in cooperation with|en cooperation avec)\b/;
/** Who carried out the investigation. */
const CONDUCT_CUE =
  /\b(?:menee?s?|conduite?s?|dirigee?s?|led|conducted|carried out|confiee?s?|entrusted|sous la direction|under the direction|par|by|(?:enquetes?|investigations?|operations?) (?:de|du|des|d'|of))\b/;
/** Negation in a clause before a value: "ce n'est pas 480 victimes", "n'était pas immatriculé en France". */
const NEGATION =
  /(?:\b(?:pas|non|not|no|ni|jamais|never|aucun|aucune|sans|without|plutot que|rather than|instead of)\b|n't\b)/;
/** Hearsay: a value in such a clause is reported, not asserted. */
const HEARSAY_CUE =
  /\b(?:rumeurs?|rumou?rs?|pretend\w*|claim(?:ed|s)?|allegedly|supposedly|reportedly|some accounts|certains affirment|affirment certains|fake|intox|hoax|a tort|wrongly|falsely|mistakenly|erronement|par erreur)\b/;
/** Words that report someone else's claim before it: "affirme que", "claims that". */
const REPORTED_CLAIM =
  /\b(?:affirm(?:e|ent|ait|aient)|pretend\w*|claim(?:s|ed|ing)?|assur(?:e|ent|ait)|soutien(?:t|nent)|insinu\w*|allegu\w*|alleg(?:e|es|ed|ing))\s+(?:que\b|qu'|that\b)/;
/** A question asserts nothing: "Coco fermé en juillet ?". */
export const QUESTION = /\?\s*[)"»”]*\s*$/;

/**
 * Event words that a date may be an argument of, for `SLOT_CUE`: a sentence
 * with none of them ties no date (the binding itself is `events.ts`).
 */
const DATE_EVENT_CUE =
  /\b(?:ferm\w*|shut\w*|closed|closure|taken|took|went|gone|hors|offline|inaccessible|accessible|demantele\w*|dismantl\w*|desactive\w*|coupee?|ouvert\w*|opened|annonc\w*|announc\w*|communique|press release|declare\w*|available)\b/;

/** The words right after a value, folded, without a leading "de"/"d'"/"of". */
function wordsAfter(folded: string, end: number): string {
  return folded
    .slice(end, end + 60)
    .replace(/^\s+/, '')
    .replace(/^(?:de |d'|of )/, '');
}

/** Where clauses meet: punctuation, and the conjunctions that set one statement against another. */
const CLAUSE_BREAK = /[,;:()]| mais | but | alors que | whereas | while | tandis que /g;

/** The clause of the sentence holding a span, split at the span: [before it, after it]. */
function clauseAround(folded: string, at: Span): [string, string] {
  let start = 0;
  let end = folded.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let match = CLAUSE_BREAK.exec(folded); match; match = CLAUSE_BREAK.exec(folded)) {
    if (match.index + match[0].length <= at.start) start = match.index + match[0].length;
    else if (match.index >= at.end) {
      end = match.index;
      break;
    }
  }
  return [folded.slice(start, at.start), folded.slice(at.end, end)];
}

/** Whether a value is asserted: not in a question, not negated, not reported as a rumour. */
function asserted(folded: string, at: Span): boolean {
  if (QUESTION.test(folded)) return false;
  const [before, after] = clauseAround(folded, at);
  if (NEGATION.test(before)) return false;
  return !HEARSAY_CUE.test(before) && !HEARSAY_CUE.test(after);
}

// ————————————————————————————— slots ——————————————————————————————

/** A value of the sentence tied to what it is about. */
export interface Found {
  /** The slots it may be about, most likely first; a fact of any of them may support it. */
  slots: readonly Slot[];
  span: Span;
  compare: (value: Value) => Comparison;
  /**
   * Tied by a weaker reading (the counted noun in the previous words, a
   * pronoun for the thing announced): such a value may support a fact but
   * never contradicts one; a differing value leaves the sentence unverified.
   */
  weak?: boolean;
}

/** Whether a value's event, in its clause, is another event than the case's (a trial, a petition, a later step…). */
function boundElsewhere(
  events: SentenceEvents,
  at: Span,
  kinds: ReadonlySet<EventKind> = FOREIGN_EVENTS,
): boolean {
  const binding = eventOf(events, at);
  return binding !== null && kinds.has(binding.event.kind);
}

/** The events whose counts are their own: a trial's victims, a petition's signatures, a later step's cases. */
const OTHER_AFFAIRS: ReadonlySet<EventKind> = new Set<EventKind>(['trial', 'later-step', 'demand']);

/**
 * Words before a count of countries that make them helpers of France, not
 * the operation's countries: "avec l'aide de la police de cinq pays", "with
 * help from police in five European countries" (five besides France), "le
 * concours de cinq pays".
 */
const HELPER_COUNTRIES_BEFORE =
  /(?:\b(?:partenaires|partners|aide|help|helped|appui|support|supported|soutien|concours|cooperation|collaboration|assistance|aidee?s?|soutenue?s?|other|autres)\b(?:\s+\S+){0,4}|\b(?:polices?|forces|autorites|authorities) (?:de|des|d'|of|from))\s*$/;
/** Words after a count of countries that make them others than the operation's: "cinq autres pays", "five other countries". */
const HELPER_COUNTRIES_AFTER =
  /^(?:\s*\S+)?\s*(?:autres|other|etrangers|foreign|partenaires|partner|voisins|neighbouring|neighboring)\b/;
/** The length of something other than the site's life: "une enquête de cinq ans", "après dix ans de prison". */
const LENGTH_OF_OTHER =
  /\b(?:enquetes?|investigations?|probes?|procedures?|peines?|sentences?|mandats?|carrieres?|careers?|mariages?|marriage|relation\w*|travail|work|detention|prison)\s+(?:de|d'|of|lasting|long of)?\s*$/;
/**
 * Years "of" something after the figure: "vingt ans de tchat", "twenty
 * years of anonymous chat". They are the site's life only when that
 * something is (the words of LIFE_NOUN): "dix ans d'enquête", "deux ans de
 * procédures", "three years of investigation" are the length of another
 * thing.
 */
const YEARS_OF =
  /^(?:ans?|annees?|years?|decennies?|decades?)\s+(?:de\s+|d'|of\s+)((?:[\p{L}'-]+\s*){1,3})/u;
const LIFE_NOUN =
  /\b(?:tchat|chat|discussions?|conversations?|existence|activite|fonctionnement|impunite|service|site|plateforme|platform|rencontres?|dialogue|anonymat|anonymity|operation|activity|impunity|life|vie)\b/;
/** Countries said to take part: "7 countries involved", "six pays impliqués". */
const COUNTRIES_INVOLVED_AFTER =
  /^(?:\S+\s+){0,2}?(?:involv\w*|impliqu\w*|particip\w*|concern\w*|mobilis\w*)\b/;
/** A person's age: "Philippe, 22 ans", "une adolescente de 15 ans", "aged 22", "a 22-year-old". */
const PERSON_AGE_BEFORE =
  /\b(?:agee?s?|aged|homme|femme|garcon|fille|adolescente?|jeune|victime|enfant|mineure?|man|woman|boy|girl|teen\w*|child|person|personne|individu|user|utilisat\w*|informaticien\w*|ingenieur\w*|developpeur\w*|fondat\w*|proprietaire|patron\w*|gerant\w*|dirigeant\w*|suspect\w*|pere|mere|mari|epoux|epouse|quadragenaire|quinquagenaire|trentenaire|engineer|developer|founder|owner|father|mother|husband|wife|suspect) (?:de |d'|of |aged )?$/;
/** "Philippe, 22 ans, …": an age in apposition to a name. */
const APPOSITION_BEFORE = /\p{L},\s*$/u;
const APPOSITION_AFTER = /^\s*(?:ans|years? old)\s*[,)]/;
const PERSON_AGE_AFTER = /^(?:-year-old|\s*years? old\b)/;
/** The words that make a count of proceedings, victims or offices the release's total. */
const TOTAL_CONTEXT =
  /\b(?:procedures?|proceedings|parquets?|prosecutors?|offices?|victim\w*|transmi\w*|territoire|nationwide|across (?:the country|france)|au total|in all|in total|recens\w*|au prejudice|au moins|at least|pas moins|no fewer|no less|fichiers|files|records|en lien avec|liee?s? (?:a|au)|linked|connected|in connection with|related to|ouvertes|opened|2021)\b/;
/** A count or a period restricted to one year or place: "en 2023, 3 000 procédures", "à Marseille". */
const NARROWING =
  /\b(?:en|in|durant|during|pour|for) (?:19|20)\d\d\b|\b(?:(?:parquet|procureur\w*|tribunal\w*) (?:de |du |d')|(?:prosecutor'?s?'? office|prosecutors?) (?:in|of) )(?!paris\b)(?!france\b)\p{L}{3,}/u;
/**
 * A count of more, later or other ones, not the release's total: "3 000
 * nouvelles procédures", "200 victimes supplémentaires", "another 50 cases",
 * "un an plus tard".
 */
/** Victims of one kind, a part of the release's total: "20 mineurs victimes", "12 women victims". */
const SOME_VICTIMS =
  /^(?:mineur\w*|enfants?|femmes?|hommes?|jeunes|adolescent\w*|filles|garcons|minors?|children|women|men|girls|boys|teen\w*|underage|young)\b/;
const MORE_OF_COUNT =
  /\b(?:nouvelles?|nouveaux|new|supplementaires?|additional|further|autres|other|another|de plus|more|plus tard|later|depuis la fermeture|since the (?:shutdown|closure))\b/;
/** A count restricted to a region or a town, by its capitalised name: "recensés en Gironde", "à Marseille". */
const NARROWING_PLACE =
  /(?<!\p{L})(?:[Ee]n|[Dd]ans l[ae]|[Dd]ans les|[Àà]|[Aa]ux?|[Ii]n|[Aa]cross)\s+(?!France\b|Europe\b|Paris\b|Coco\b)\p{Lu}\p{Ll}{2,}/u;
/** A figure without a noun that the words around it make a count of proceedings: "celles-ci se chiffreraient à 23 000", "23 000 ont été recensées". */
const COUNTED_BY_VERB =
  /\b(?:chiffr\w*|eleve\w*|atteint\w*|recens\w*|denombr\w*|ouvertes|totali\w*|number(?:ed|s)?|total(?:led|ed|s)?|recorded|counted|opened|amount(?:ed|s)? to|reach(?:ed|es)?)\b/;

/** Words that make the number after them a label (of a post, a part, an item), not a count. */
const LABEL_WORD = String.raw`(?:posts?|tweets?|messages?|commentaires?|comments?|threads?|articles?|episodes?|parties|partie|parts?|chapitres?|chapters?|saisons?|seasons?|tomes?|vol|pages?|slides?|photos?|videos?|questions?|points?|numeros?|numbers?|no|n°|nr|#)\s*\.?\s*$`;
/** A label word heading the sentence (after nothing but punctuation): "Post 3 Le parquet…". */
const LABEL_AT_START = new RegExp(String.raw`^[\s\p{P}]*${LABEL_WORD}`, 'u');
/** A label word anywhere, when its number is set off after it: "… (post 3) : …". */
const LABEL_ANYWHERE = new RegExp(String.raw`(?:^|[^\p{L}])${LABEL_WORD}`, 'u');
/** What sets a label's number off from the words after it. */
const LABEL_SEPARATOR = /^\s*(?:$|[:)\]–—-]|\.\s)/;

/** Whether the number `n` labels a post, a part or an item (see LABEL_WORD). */
function isLabel(folded: string, n: NumberValue): boolean {
  const before = folded.slice(0, n.numberStart);
  if (LABEL_AT_START.test(before)) return true;
  return (
    LABEL_ANYWHERE.test(before.slice(-16)) && LABEL_SEPARATOR.test(folded.slice(n.end, n.end + 3))
  );
}

function numberSlot(
  sentence: string,
  folded: string,
  n: NumberValue,
  siteRef: boolean,
  events: () => SentenceEvents,
  known: (slot: Slot) => readonly number[],
): Found | null {
  const span = { start: n.start, end: n.end };
  // "Post 3 : le parquet…", "Épisode 2 – …", "(n° 480)": a number that labels
  // a post, a part or an item counts nothing. A label heads the sentence, or
  // is set off after its number; "dans ce post 7 pays…" counts.
  if (isLabel(folded, n)) return null;
  const after = wordsAfter(folded, n.end);
  const quantity = (slot: Slot, weak = false): Found => ({
    slots: [slot],
    span,
    compare: (value) => (value.kind === 'quantity' ? compareQuantity(n, value) : null),
    weak,
  });
  const offenceSlot = (base: 'fine' | 'penalty'): Slot =>
    INTERMEDIATION_OFFENCE.test(folded)
      ? `${base}-intermediation`
      : `${base}-online-platform-illicit-transaction`;
  if (n.currency) {
    if (n.currency !== 'EUR' || !FINE_WORD.test(folded) || !PLATFORM_OFFENCE.test(folded))
      return null;
    return {
      slots: [offenceSlot('fine')],
      span,
      compare: (value) =>
        value.kind === 'money' ? compareQuantity(n, { value: value.amount, bound: 'exact' }) : null,
    };
  }
  if (n.percent) return null;
  if (PRISON_UNIT.test(after)) {
    // Only the law's maximum for the release's offence is known: a sentence
    // passed in another trial, or another offence's penalty, is not compared.
    if (!PENALTY_CUE.test(folded) || !PLATFORM_OFFENCE.test(folded)) return null;
    if (boundElsewhere(events(), span)) return null;
    return {
      slots: [offenceSlot('penalty')],
      span,
      compare: (value) =>
        value.kind === 'penalty' && value.prisonYears !== undefined
          ? compareQuantity(n, { value: value.prisonYears, bound: 'exact' })
          : null,
    };
  }
  const decades = DECADES_UNIT.test(after);
  if (YEARS_UNIT.test(after) || decades) {
    if (PENAL_CUE.test(folded) || !siteRef) return null;
    const years: NumberValue = decades ? { ...n, value: n.value * 10 } : n;
    // The years measure the site's life only with a word of its life in the
    // same clause, and not as the length of something else ("une enquête de
    // cinq ans", "a five-year investigation"). "Pendant vingt ans, Coco a…"
    // may be a part of its life: it can agree, never contradict.
    const clause = clauseOf(events().clauses, n);
    const clauseText = clause ? folded.slice(clause.start, clause.end) : folded;
    const justBefore = folded.slice(0, n.start).slice(-24);
    const life = AGE_CUE.test(clauseText) || AGE_CUE.test(justBefore);
    const during = DURING_BEFORE.test(folded.slice(Math.max(0, n.start - 16), n.start));
    if (!life && !during) return null;
    if (LENGTH_OF_OTHER.test(folded.slice(Math.max(0, n.numberStart - 30), n.numberStart)))
      return null;
    const of = YEARS_OF.exec(after);
    if (of && !LIFE_NOUN.test(of[1]!)) return null;
    // Years of the site's own life ("vingt ans d'existence", "créé il y a
    // dix ans") can contradict; years a connector times may only agree.
    const own = OWN_LIFE_CUE.test(clauseText) || OWN_LIFE_CUE.test(justBefore) || of !== null;
    // "Philippe, 22 ans": a person's age, not the site's.
    const before = folded.slice(Math.max(0, n.numberStart - 40), n.numberStart);
    const next = folded.slice(n.end, n.end + 12);
    if (
      PERSON_AGE_BEFORE.test(before) ||
      PERSON_AGE_AFTER.test(next) ||
      (APPOSITION_BEFORE.test(before) && APPOSITION_AFTER.test(next))
    )
      return null;
    // "Lancé il y a dix ans" was true in 2014: an age contradicts the sources
    // only when the sentence measures it at the shutdown.
    const atShutdown = SHUTDOWN_CUE.test(folded);
    return {
      slots: ['site-age'],
      span,
      compare: (value) => {
        if (value.kind !== 'duration') return null;
        const result = compareQuantity(years, { value: value.years, bound: value.bound });
        return result?.verdict === 'contradicted' && !atShutdown ? null : result;
      },
      weak: !own,
    };
  }
  if (n.mayBeYear) return null;
  // A count of victims, offices or proceedings is the release's total only
  // in words of the total, and not when another event or a narrower scope
  // holds it ("les trois victimes du guet-apens", "en 2023, 3 000 procédures").
  const total = (slot: Slot): Found =>
    quantity(
      slot,
      // The counted noun itself ("victimes") is no word of the total; the
      // total's own figure is ("ce n'est pas 480 victimes mais 4 800").
      (!TOTAL_CONTEXT.test(
        folded.slice(0, n.numberStart) + folded.slice(n.end).replace(/^\s*\S+/, ''),
      ) &&
        !known(slot).includes(n.value)) ||
        NARROWING.test(folded) ||
        NARROWING_PLACE.test(sentence) ||
        MORE_OF_COUNT.test(folded) ||
        boundElsewhere(events(), span, OTHER_AFFAIRS),
    );
  // In a text about the case, a sentence that does not name the site may
  // still give its figures ("On y dénombre 480 victimes"): they can agree.
  const counted = (slot: Slot): Found => (siteRef ? total(slot) : quantity(slot, true));
  const large = siteRef || n.value >= UNNAMED_COUNT_MIN;
  if (VICTIMS_UNIT.test(after) && large) {
    // "20 mineurs victimes": some of the victims, which may agree, never contradict.
    if (SOME_VICTIMS.test(after)) return quantity('victims-count', true);
    return counted('victims-count');
  }
  if (
    OFFICES_UNIT.test(after) ||
    (PLAIN_OFFICES_UNIT.test(after) && PROSECUTOR_WORD.test(folded))
  ) {
    return total('prosecutors-offices-count');
  }
  if (PROCEEDINGS_UNIT.test(after) && large) return counted('proceedings-count');
  if (COUNTRIES_UNIT.test(after)) {
    const binding = eventOf(events(), span);
    const clause = clauseOf(events().clauses, n);
    const ofInvestigation =
      clause !== null &&
      INVESTIGATION_WORD.test(folded.slice(clause.start, clause.end)) &&
      !(binding && FOREIGN_EVENTS.has(binding.event.kind));
    if (
      binding?.event.kind !== 'operation' &&
      !COUNTRIES_INVOLVED_AFTER.test(after) &&
      !ofInvestigation
    )
      return null;
    const before = folded.slice(Math.max(0, n.start - 48), n.start);
    if (HELPER_COUNTRIES_BEFORE.test(before) || HELPER_COUNTRIES_AFTER.test(after)) return null;
    return quantity('operation-countries-count');
  }
  // "Les victimes recensées, elles, sont 480": the counted noun before the figure.
  if (NO_NOUN_AFTER_COUNT.test(after) && n.value >= UNNAMED_COUNT_MIN) {
    const before = folded.slice(Math.max(0, n.start - NOUN_BEFORE_REACH), n.start);
    if (!/\d/.test(before)) {
      if (VICTIMS_BEFORE.test(before)) return quantity('victims-count', true);
      if (PROCEEDINGS_BEFORE.test(before)) return quantity('proceedings-count', true);
    }
  }
  // "celles-ci se chiffreraient à 23 000": a large figure counted by a verb
  // of the release's tally, in a text about the case, may be its count.
  if (
    n.value >= WEAK_COUNT_MIN &&
    NO_NOUN_AFTER_COUNT.test(after) &&
    COUNTED_BY_VERB.test(folded) &&
    !NARROWING.test(folded)
  ) {
    return quantity('proceedings-count', true);
  }
  return null;
}

/**
 * A figure without its noun is read as the count of proceedings only from
 * this size: a small figure ("cinq ont été interpellés") matches too much by
 * chance, and the release's other counts (70, 480) always come with theirs.
 */
const WEAK_COUNT_MIN = 1000;
/**
 * A count in a sentence that does not name the site, or whose noun stands
 * before it, is read from this size (the release's counts are 70, 480 and
 * 23,051): "six" or "trois victimes" of such a sentence are of another story.
 */
const UNNAMED_COUNT_MIN = 20;
/** How far before a figure its counted noun may stand: "Les victimes recensées, elles, sont 480". */
const NOUN_BEFORE_REACH = 48;
const VICTIMS_BEFORE = /\bvictim\w*\b(?!.*\b(?:procedure|parquet|dossier))/;
const PROCEEDINGS_BEFORE = /\b(?:procedures|proceedings)\b(?!.*\bvictim)/;
/** No noun after a figure: the clause ends, or a verb or an attribution follows. */
const NO_NOUN_AFTER_COUNT =
  /^(?:$|[.,;:!?)\]"»”]|selon\b|according\b|d'apres\b|ont\b|ont ete\b|have\b|had\b|were\b|sont\b|au total\b|in all\b|in total\b)/;

/** Words that make a sentence about the investigation (not, say, the site's users). */
const INVESTIGATION_WORD = /\b(?:enquetes?|investigations?|information judiciaire|probe)\b/;

/** A few words and no punctuation, ending in a preposition of date: " du site coco.gg le ". */
const ATTACHED_DATE_GAP = /^(?:\s+[\p{L}\p{N}.'-]+){0,4}?\s+(?:le|du|en|on|in)\s*$|^\s*$/u;

/** Whether the date at `span` follows its event word directly: "depuis sa fermeture le 25 juin". */
function attachedAfter(folded: string, event: EventWord, span: Span): boolean {
  return event.end <= span.start && ATTACHED_DATE_GAP.test(folded.slice(event.end, span.start));
}

/**
 * Another site named just before a closure: "celle du site Wannonce, fermé
 * en avril 2024", "la plateforme Wannonce, fermée…". Read on the raw
 * sentence (a name has capitals).
 */
const OTHER_SITE_BEFORE =
  /\b(?:site|forum|plateforme|platform|application|appli|messagerie)\s+(?!(?:Coco|Internet|Web|X)\b)\p{Lu}[\p{L}\p{N}.-]*[^.;:!?]{0,30}$/u;

/** Words that open a clause, capitalised after a colon or a semicolon without being names. */
const CLAUSE_STARTERS = new Set([
  'le',
  'la',
  'les',
  'l',
  'un',
  'une',
  'des',
  'du',
  'de',
  'ce',
  'cette',
  'ces',
  'il',
  'elle',
  'ils',
  'elles',
  'on',
  'nous',
  'selon',
  'depuis',
  'après',
  'avant',
  'pour',
  'mais',
  'et',
  'ou',
  'quand',
  'dans',
  'pendant',
  'lors',
  'alors',
  'ainsi',
  'aussi',
  'en',
  'au',
  'aux',
  'avec',
  'sur',
  'sous',
  'par',
  'entre',
  'contre',
  'hier',
  'aujourd',
  'son',
  'sa',
  'ses',
  'leur',
  'leurs',
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'this',
  'that',
  'these',
  'it',
  'its',
  'he',
  'she',
  'they',
  'we',
  'but',
  'and',
  'or',
  'when',
  'after',
  'before',
  'since',
  'for',
  'with',
  'by',
  'from',
  'according',
  'yesterday',
  'today',
  'bref',
  'voilà',
  'oui',
  'non',
  'yes',
  'no',
  'pourquoi',
  'why',
  'comment',
  'how',
  'franchement',
  'pas',
  'not',
]);

/** Capitalised words that are the case's own, or no name at all (months, days, clause openers). */
const CASE_NAMES = new Set(
  [
    'coco',
    'paris',
    'france',
    'french',
    'junalco',
    'uncyber',
    'onaf',
    'comcyber',
    'comcyber-mi',
    'eurojust',
    'gendarmerie',
    'darmanin',
    'gérald',
    'gerald',
    'bfm',
    'afp',
    'guernesey',
    'guernsey',
    'intérieur',
    'interior',
    'parquet',
    'prosecutor',
    'tech',
    'co',
    'x',
    'apres',
    // Months and days, capitalised in English (and at the head of a French clause).
    ...MONTHS_EN,
    ...MONTHS_FR,
    ...WEEKDAYS.en,
    ...WEEKDAYS.fr,
    ...CLAUSE_STARTERS,
  ].map((w) => w.toLowerCase().normalize('NFC')),
);

/** A capitalised word in the middle of a text: a name. */
const NAME = /(?<![\p{L}\p{N}.'’-])\p{Lu}[\p{L}\p{N}'’-]*/gu;

/** Words saying the closure is another's: "un autre tchat", "another site", "other platforms". */
const ANOTHER = /\b(?:autres?|another|other|similaires?|similar)\b/;

/**
 * Whether the closure an event word states may be another thing's: its
 * clause does not name Coco, and it or the clause before it names something
 * else ("a month after the Wannonce site closed in May", "Like Wannonce,
 * closed in April 2024", "Wizz, un autre tchat, a fermé en septembre"), or
 * the date stands in another clause past a semicolon or a colon ("…fermé après 23 051
 * procédures ; en 2022, 8 000 procédures…"). Such a date may agree with the
 * shutdown's, never contradict it.
 */
function closureOfAnother(
  sentence: string,
  folded: string,
  clauses: readonly Span[],
  event: Span,
  date: Span,
): boolean {
  const at = clauses.findIndex((c) => c.start <= event.start && event.end <= c.end);
  if (at === -1) return false;
  const own = clauses[at]!;
  const between = folded.slice(Math.min(event.end, date.end), Math.max(event.start, date.start));
  if (/[;:]/.test(between)) return true;
  if (/\bcoco\b/.test(folded.slice(own.start, own.end))) return false;
  // The clause before it, or back to the last semicolon ("…mardi ; Omegle,
  // lui, avait fermé le 8 novembre 2023").
  const segment = folded.lastIndexOf(';', own.start) + 1;
  const from = Math.min(clauses[Math.max(0, at - 1)]!.start, Math.max(segment, 0));
  const around = sentence.slice(from, own.end);
  if (ANOTHER.test(folded.slice(from, own.end))) return true;
  for (const m of around.matchAll(NAME)) {
    // The first word of the sentence is capitalised anyway; so is a
    // clause's after a colon, unless it is a name ("; Omegle, lui, …").
    const before = sentence.slice(Math.max(0, from + m.index - 2), from + m.index);
    if (from + m.index === 0) continue;
    const word = m[0].toLowerCase().replace(/['’].*$/u, '');
    if (/[.!?:;«"“\]\n]\s*$/.test(before) && CLAUSE_STARTERS.has(word)) continue;
    // A speaker's label in a thread ("Kaiser_Sose : le site a été fermé…").
    if (/^[\p{L}\p{N}_'’-]*\s*:/u.test(around.slice(m.index))) continue;
    if (!CASE_NAMES.has(m[0].toLowerCase().normalize('NFC'))) return true;
  }
  return false;
}

function dateSlot(
  sentence: string,
  folded: string,
  d: DateValue,
  siteRef: boolean,
  events: () => SentenceEvents,
): Found | null {
  if (d.relativeYear !== undefined) return null; // "cette année" needs the page's date
  const span = { start: d.start, end: d.end };
  const stated: PartialDate = { year: d.year, month: d.month, day: d.day, weekday: d.weekday };
  const compare = (value: Value) =>
    value.kind === 'date' ? compareDate(stated, value.value, value.precision) : null;
  const binding = eventOf(events(), span);
  if (!binding) return null;
  const { event } = binding;
  // "réclamer sa fermeture", "trois jours après la fermeture": the shutdown
  // is not what the date dates, unless the date is its own ("depuis sa
  // fermeture le 25 juin").
  if (event.reference === 'demand') return null;
  // "Un an après la fermeture de Coco, le 25 juin 2024, …" dates the
  // shutdown; "Trois jours après la fermeture, le 28 juin, …" dates the
  // later event: near an offset the date may agree, never contradict.
  const offset = event.reference === 'offset' && !attachedAfter(folded, event, span);
  switch (event.kind) {
    case 'shutdown':
      // A closure in a sentence that does not name the site, in a text about
      // the case, agrees when its day is the shutdown's; a weekday alone is
      // any closure's.
      if (!siteRef && d.day === undefined) return null;
      // Another site's closure ("deux mois après celle du site Wannonce,
      // fermé en avril 2024"): its date is its own.
      if (OTHER_SITE_BEFORE.test(sentence.slice(0, event.start))) return null;
      return {
        slots: ['shutdown-date'],
        span,
        compare,
        weak:
          offset || !siteRef || closureOfAnother(sentence, folded, events().clauses, event, span),
      };
    case 'investigation-opened':
      return { slots: ['investigation-opened'], span, compare, weak: offset };
    case 'announcement': {
      // What was announced: the shutdown named in the same clause, or (a
      // pronoun, "qui l'a annoncé ce mardi") nothing else the sentence names.
      const shutdown = binding.others.some((e) => e.kind === 'shutdown' && e.reference === null);
      // "C'est le parquet de Paris qui l'a annoncé ce mardi 25 juin": in a
      // text about the case, the prosecutor's announcement on a given day.
      const byProsecutor = d.day !== undefined && PROSECUTOR_WORD.test(folded);
      if (!siteRef && !shutdown && !byProsecutor) return null;
      const other = [...events().kinds].some((k) => k !== 'shutdown' && k !== 'announcement');
      if (!shutdown && other) return null;
      return {
        slots: ['announcement-date', 'shutdown-date', 'release-date'],
        span,
        compare,
        weak: !shutdown || offset || !siteRef,
      };
    }
    default:
      return null;
  }
}

/** Proceedings, which a period in the sentence is the time of. */
const PERIOD_NOUN = /\b(?:procedures?|proceedings?|affaires?|dossiers?|cases?)\b/;
/** The release's own noun for what the period counts. */
const PROCEEDINGS_WORD = /\b(?:procedures?|proceedings)\b/;

function periodSlot(
  folded: string,
  p: PeriodValue,
  counted: boolean,
  events: () => SentenceEvents,
): Found | null {
  if (!PERIOD_NOUN.test(folded)) return null;
  const span = { start: p.start, end: p.end };
  // "impliqué dans l'affaire des viols de Mazan entre 2011 et 2020": the
  // period of another affair. Only a period of the counted proceedings is
  // compared; with the noun but no count, it can only agree.
  if (boundElsewhere(events(), span)) return null;
  if (!counted && !PROCEEDINGS_WORD.test(folded)) return null;
  return {
    slots: ['proceedings-period'],
    span,
    compare: (value) =>
      value.kind === 'period'
        ? comparePeriod(
            { from: p.from, to: p.to },
            { from: value.from, to: value.to, precision: value.precision },
          )
        : null,
    weak: !counted,
  };
}

/** Words that may join places of one list: "en France, en Bulgarie et aux Pays-Bas". */
const PLACE_LIST_GLUE =
  /^(?:\s|,|et|and|en|aux?|in|the|as well as|ainsi qu'(?:en|aux?)|puis|then|l')*$/;
/** A registration word right after a place: "Guernsey-registered", "Jersey, où le site est immatriculé". */
const REGISTERED_AFTER_PLACE =
  /^(?:-(?:registered|based|incorporated)\b|,? ou (?:\S+ ){0,3}?(?:etait |est |a ete |avait ete )?(?:immatricul|enregistr|domicili)\w*|,? where (?:\S+ ){0,3}?(?:was|is|had been) (?:registered|incorporated|based))/;
/** How far after a registration word its place may be, in characters ("immatriculée sur l'île anglo-normande de Guernesey"). */
const REGISTRATION_REACH = 48;

function placeSlots(
  folded: string,
  places: readonly PlaceValue[],
  events: () => SentenceEvents,
): Found[] {
  if (places.length === 0) return [];
  const found: Found[] = [];
  // A list of places shares the binding of its first place.
  let listKind: EventKind | null = null;
  let listFirst: PlaceValue | null = null;
  let previous: PlaceValue | null = null;
  for (const place of places) {
    const span = { start: place.start, end: place.end };
    const compare = (value: Value) => comparePlaces(place.code, value);
    const inList =
      previous !== null && PLACE_LIST_GLUE.test(folded.slice(previous.end, place.start));
    if (!inList && REGISTERED_AFTER_PLACE.test(folded.slice(place.end, place.end + 60))) {
      // "Guernsey-registered", "depuis Jersey, où la plateforme était immatriculée".
      found.push({ slots: ['registration-place'], span, compare });
      previous = place;
      listKind = null;
      listFirst = place;
      continue;
    }
    if (!inList) {
      const binding = eventOf(events(), span);
      listKind = binding?.event.reference ? null : (binding?.event.kind ?? null);
      listFirst = place;
      if (
        listKind === 'registration' &&
        !(
          binding!.event.end <= place.start &&
          place.start - binding!.event.end <= REGISTRATION_REACH
        )
      )
        listKind = null;
    }
    previous = place;
    const before = folded.slice(Math.max(0, listFirst!.start - 60), listFirst!.start);
    if (listKind === 'registration' && !inList) {
      found.push({ slots: ['registration-place'], span, compare });
    } else if (listKind === 'operation' && place.code !== 'GG' && !PERSON_PLACE_CUE.test(before)) {
      found.push({ slots: ['operation-countries'], span, compare });
    }
  }
  return found;
}

function comparePlaces(code: string, value: Value): Comparison {
  if (value.kind !== 'places') return null;
  if (value.places.includes(code)) {
    return { verdict: 'supported', note: asTheSourcesSay((lang) => placeName(code, lang)) };
  }
  if (!value.closed) return null;
  return {
    verdict: 'contradicted',
    note: statedTheSourcesName(
      (lang) => placeName(code, lang),
      (lang) => value.places.map((p) => placeName(p, lang)),
    ),
  };
}

/**
 * Agencies the sources never name in the case. Naming one in a case role
 * contradicts the sources' closed lists; the generic "police" does not, as
 * people say it of any law enforcement.
 */
const FOREIGN_AGENCIES = new Set([
  'Europol',
  'Interpol',
  'DGSI',
  'DGSE',
  'OFAC',
  'OFMIN',
  'OCRVP',
  'Police judiciaire',
  'Police nationale',
  'FBI',
]);

/** Words of a part of the work done by others, alongside the case's investigation. */
const PARALLEL_WORK =
  /\b(?:volets?|de son cote|de leur cote|pour sa part|en parallele|parallel\w*|separately|separate|also|aussi|egalement|local|locale)\b/;

/** The roles of the investigation, in the order a named agency is looked for in them. */
const CONDUCT_SLOTS: Slot[] = [
  'investigation-units',
  'investigation-lead',
  'investigation-support',
  'operation-coordination',
];

/** Whether an entity can fill a role of the investigation (media and people cannot). */
function mayHaveRole(entity: EntityValue): boolean {
  return entity.kind !== 'media' && entity.kind !== 'person';
}

/**
 * Words by which a relayed post or a report credits agencies with the work:
 * "les services mobilisés : l'UNCyber…", "grâce au travail de l'ONAF",
 * "thanks to the gendarmerie's cyber unit". They can only support a named
 * agency, never contradict. Thanking or praising is not among them: who
 * thanks is the speaker, and the thanks are the speaker's act.
 */
const CREDIT_CUE =
  /\b(?:grace (?:a|au|aux)|thanks to|travail (?:de|des|du)|work of|mobilis\w*|avec l'appui|with the support|with the help|avec l'aide|appui)\b/;

/**
 * A comparison with another operation before an agency, with no word of the
 * case after it: "unlike … Genesis Market, which was led by the FBI",
 * "comme lors de l'opération contre…".
 */
const COMPARED_BEFORE =
  /\b(?:unlike|like|such as|as in|similar to|contrairement a|a la difference de|a l'instar de|comme lors|comme pour|tels? que|telles? que)\b(?![^]*\b(?:coco|this operation|cette operation)\b)[^]*$/;

/** Whether a coordination or conduct word stands in the clause holding `at`. */
function roleInClause(sentence: SentenceEvents, at: Span): boolean {
  const clause = clauseOf(sentence.clauses, at);
  if (!clause) return false;
  const text = sentence.folded.slice(clause.start, clause.end);
  return COORDINATION_CUE.test(text) || CONDUCT_CUE.test(text);
}

function entitySlots(
  folded: string,
  entities: readonly EntityValue[],
  events: () => SentenceEvents,
): Found[] {
  if (!entities.some(mayHaveRole)) return [];
  const coordination = COORDINATION_CUE.test(folded);
  const conduct =
    CONDUCT_CUE.test(folded) && (INVESTIGATION_WORD.test(folded) || OPERATION_CUE.test(folded));
  const credit = !coordination && !conduct && CREDIT_CUE.test(folded);
  if (!coordination && !conduct && !credit) return [];
  const found: Found[] = [];
  for (const entity of entities) {
    if (!mayHaveRole(entity)) continue;
    const foreign = FOREIGN_AGENCIES.has(entity.name);
    const span = { start: entity.start, end: entity.end };
    // An agency acting in another event (an arrest abroad, a later step, a
    // trial) is not set against the case's roles: it is left alone.
    if (foreign && credit) continue;
    // "Eurojust coordonne… alors qu'Europol est une agence de police": a
    // foreign agency is set against the roles only by a role word of its own clause.
    if (foreign && !roleInClause(events(), span)) continue;
    // "Unlike Genesis Market, taken down by the FBI…": an agency of the
    // operation the case is compared with.
    if (foreign && COMPARED_BEFORE.test(folded.slice(0, entity.start))) continue;
    // A part of the case handled elsewhere ("pour le volet local", "de son
    // côté", "separately"): another unit's own work, not the case's roles.
    if (foreign && PARALLEL_WORK.test(folded)) continue;
    // An agency in another event of the sentence ("a seizure notice bearing
    // the logos of the gendarmerie") is not given a role in the case's.
    if (boundElsewhere(events(), span)) continue;
    // Credit goes to those who did the work: a minister or a ministry
    // praising it is the speaker, not one of the units.
    if (
      credit &&
      entity.kind !== 'police' &&
      entity.kind !== 'judicial' &&
      entity.kind !== 'eu-agency'
    )
      continue;
    // A foreign agency in a coordination phrase is set against the coordinator;
    // otherwise against those who carried out the investigation.
    const slots: Slot[] = coordination
      ? ['operation-coordination', ...CONDUCT_SLOTS]
      : foreign
        ? ['investigation-units']
        : CONDUCT_SLOTS;
    found.push({
      slots,
      span,
      compare: (value) => compareEntity(entity.name, foreign, value),
    });
  }
  return found;
}

function compareEntity(name: string, foreign: boolean, value: Value): Comparison {
  if (value.kind !== 'entities') return null;
  if (value.entities.includes(name))
    return { verdict: 'supported', note: asTheSourcesSay(() => name) };
  if (foreign && value.closed) {
    return {
      verdict: 'contradicted',
      note: statedTheSourcesName(
        () => name,
        () => value.entities,
      ),
    };
  }
  return null;
}

/** "Malta, as the sources say" / "Malte, comme l'indiquent les sources". */
function asTheSourcesSay(value: (lang: ReasonLanguage) => string): Reason {
  return reason((lang) =>
    lang === 'fr'
      ? `${value(lang)}, comme l’indiquent les sources`
      : `${value(lang)}, as the sources say`,
  );
}

/** "Europol stated; the sources name Eurojust" / "Europol affirmé ; les sources citent Eurojust". */
function statedTheSourcesName(
  stated: (lang: ReasonLanguage) => string,
  named: (lang: ReasonLanguage) => readonly string[],
): Reason {
  return reason((lang) =>
    lang === 'fr'
      ? `${stated(lang)} affirmé ; les sources citent ${joinList(named(lang), lang)}`
      : `${stated(lang)} stated; the sources name ${joinList(named(lang), lang)}`,
  );
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Nothing names what a figure counts: it ends the clause ("… mais 23 051 selon le parquet"). */
const NO_NOUN_AFTER =
  /^(?:$|[.,;:!?)\]"»”]|selon\b|according\b|d'apres\b|affirme|says?\b|said\b|et\b|and\b)/;

/** A thread marker ("1/", "2/3") is a post number, not a figure. */
const THREAD_MARKER = /^\s*\//;

/** Slots that count things, whose unit a later figure of the sentence may share. */
const COUNT_SLOTS = new Set<Slot>([
  'proceedings-count',
  'victims-count',
  'prosecutors-offices-count',
  'operation-countries-count',
]);

/**
 * Another prosecutor's office named as leading the investigation (the sources
 * name the Paris one and its JUNALCO): "dirigée par le parquet de Marseille",
 * "led by the Lyon prosecutor's office".
 */
const OTHER_PROSECUTOR_LEADS =
  /\b(?:menee?|dirigee?|conduite?|pilotee?|led|conducted|run|headed|directed) (?:par|by) (?:le |la |l'|the )?(?:(?:parquet|procureure?|tribunal judiciaire) (?:de |du |d')(?!paris\b)(\p{L}[\p{L}-]+)|(?!paris\b)(\p{L}[\p{L}-]+) (?:prosecutor'?s?'? office|prosecutors?))\b/u;

function otherProsecutorSlot(sentence: string, folded: string): Found | null {
  // The phrase always holds " par " or " by ": most sentences stop here.
  if (!folded.includes(' par ') && !folded.includes(' by ')) return null;
  const match = OTHER_PROSECUTOR_LEADS.exec(folded);
  if (!match) return null;
  const phrase = sentence
    .slice(match.index, match.index + match[0].length)
    .replace(/^\S+ \S+ /, '');
  return {
    slots: ['investigation-lead'],
    span: { start: match.index, end: match.index + match[0].length },
    compare: (value) =>
      value.kind === 'entities' && value.closed
        ? {
            verdict: 'contradicted',
            note: statedTheSourcesName(
              () => phrase,
              () => value.entities,
            ),
          }
        : null,
  };
}

/** The site's domains named in a sentence about its addresses. */
const DOMAIN = /\bcoco\.(?:gg|fr)\b/g;
const DOMAIN_CUE =
  /\b(?:redirig\w*|redirect\w*|demenag\w*|moved|became|devenu\w*|adresses?|address(?:es)?|domaines?|domains?|anciennement|formerly|rebaptis\w*|renamed)\b/;

function domainSlot(folded: string, events: () => SentenceEvents): Found | null {
  // Every domain starts so: most sentences stop here, before any expression runs.
  if (!folded.includes('coco.') || !DOMAIN_CUE.test(folded)) return null;
  // "A banner now covers the seized domain coco.gg": a third party's act on
  // the address, which the addresses fact does not state.
  if ([...events().kinds].some((kind) => FOREIGN_EVENTS.has(kind))) return null;
  const domains = [...folded.matchAll(DOMAIN)];
  const first = domains[0];
  if (!first) return null;
  const last = domains[domains.length - 1]!;
  const named = [...new Set(domains.map((d) => d[0]))];
  return {
    slots: ['site-domains'],
    span: { start: first.index, end: last.index + last[0].length },
    compare: (value) =>
      value.kind === 'domains' && named.every((d) => value.domains.includes(d))
        ? {
            verdict: 'supported',
            note: reason((lang) =>
              lang === 'fr'
                ? `${joinList(named, lang)}, les adresses du site`
                : `${joinList(named, lang)}, the site's addresses`,
            ),
          }
        : null,
  };
}

/**
 * Every word some slot rule needs before it ties a value (the rules above,
 * unanchored): a figure needs a unit, a penalty or an age word; a date an
 * event; a place a registration or the operation; an agency a role; a
 * domain the site's addresses. A sentence with none of them has no value
 * to compare, whatever its figures, dates, places and agencies.
 */
const SLOT_CUE = new RegExp(
  [
    FINE_WORD.source,
    PLATFORM_OFFENCE.source,
    AGE_CUE.source,
    OPERATION_CUE.source,
    REGISTRATION_CUE.source,
    COORDINATION_CUE.source,
    INVESTIGATION_WORD.source,
    DOMAIN_CUE.source,
    DATE_EVENT_CUE.source,
    CREDIT_CUE.source,
    COUNTED_BY_VERB.source,
    PROCEEDINGS_NOUNS,
    PERIOD_NOUN.source,
    VICTIMS_NOUN,
    OFFICES_NOUNS,
    // Prosecutors, for plain "offices" and for another office leading the investigation.
    String.raw`parquet|procureu|prosecut|tribunal judiciaire`,
  ].join('|'),
);

/** Whether a rule could tie any of the folded sentence's values to a slot (it has a cue word of one). */
export function hasSlotCue(folded: string): boolean {
  return SLOT_CUE.test(folded);
}

/** Words that introduce who says something: "selon l'AFP", "according to Le Monde". */
const SPEAKER_BEFORE =
  /(?:selon|d'apres|according to|pour|says|said|wrote|a declare|a affirme|a annonce)\s+(?:le |la |l'|les |the )?$/;
/** Words that follow who says something: "Gérald Darmanin a déclaré", "the prosecutor said". */
const SPEAKER_AFTER =
  /^\s*(?:,\s*)?(?:a |ont |s'est |have |has )?(?:declare|affirme|annonce|indique|precise|explique|souligne|ajoute|felicite|estime|said|says|wrote|announced|stated|added|claimed|reported)/;

export interface SentenceValues {
  found: Found[];
  /** Dates tied to no event we know (a publication date, a trial): a restated fact with a date cannot vouch for them. */
  looseDates: number;
  /** Who the sentence says is speaking, by canonical name. */
  speakers: string[];
  /** Figures with nothing to tie them to: a restatement cannot vouch for a sentence holding one. */
  unslotted: number;
  /** People the sentence names. */
  people: string[];
  /** The kinds of events the sentence asserts (read when first asked for). */
  readonly kinds: Set<EventKind>;
  /** Dates and periods left uncompared because another event of the sentence holds them. */
  elsewhere: { text: string; kind: EventKind }[];
  /** The sentence, folded. */
  folded: string;
}

/** Words of a folded sentence: runs of letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;

export function wordCount(folded: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(folded)) count += 1;
  return count;
}

/**
 * The values of each kind read in one sentence: a real sentence gives a few
 * figures, dates and places; thousands are a table run together or an
 * attack, whose later values are left alone so that a sentence costs time
 * in proportion to its length.
 */
const MAX_VALUES = 64;

/** Every value of the sentence that is tied to a slot and asserted, and what could not be tied. */
export function findValues(
  sentence: string,
  folded: string,
  context: ClaimContext,
): SentenceValues {
  const { language } = context;
  const dated = extractDatesAndPeriods(sentence, language);
  const periods = dated.periods.slice(0, MAX_VALUES);
  const dates = dated.dates
    .slice(0, 2 * MAX_VALUES)
    .filter((d) => !periods.some((p) => overlaps(p, d)))
    .slice(0, MAX_VALUES);
  // Every date span, those inside periods included, so figures inside them are skipped.
  const numbers = extractNumbers(sentence, language, dated.dates)
    .slice(0, 3 * MAX_VALUES)
    .filter((n) => !dates.some((d) => overlaps(d, n)) && !periods.some((p) => overlaps(p, n)))
    .slice(0, MAX_VALUES);
  // Only figures and dates are tied by it, and most sentences have neither.
  const siteRef =
    (numbers.length > 0 || dated.dates.length > 0) &&
    (context.inCaseParagraph ||
      context.named === true ||
      (SITE_REFERENCE.test(folded) && !folded.includes('coco')));
  // The sentence's event words, read once and only when a value needs them.
  let sentenceEvents: SentenceEvents | undefined;
  const events = (): SentenceEvents => {
    if (!sentenceEvents) {
      sentenceEvents = readEvents(folded);
    }
    return sentenceEvents;
  };
  /** The sources' own figures for a count: the sentence that gives one speaks of that total. */
  const knownCounts = (slot: Slot): number[] =>
    (context.slots.get(slot) ?? []).flatMap(({ value }) =>
      value.kind === 'quantity' ? [value.value] : [],
    );
  let unslotted = 0;
  let lastCount: Found | null = null;
  const numberFinds = numbers.map((n) => {
    let found = numberSlot(sentence, folded, n, siteRef, events, knownCounts);
    if (!found && lastCount && !n.mayBeYear && NO_NOUN_AFTER.test(wordsAfter(folded, n.end))) {
      // "Ce n'est pas 480 victimes mais près de 4 800": the figure counts what the previous one did.
      found = {
        slots: lastCount.slots,
        span: { start: n.start, end: n.end },
        compare: (value) => (value.kind === 'quantity' ? compareQuantity(n, value) : null),
        weak: lastCount.weak,
      };
    }
    if (found?.slots[0] !== undefined && COUNT_SLOTS.has(found.slots[0])) lastCount = found;
    if (!found && !THREAD_MARKER.test(folded.slice(n.end, n.end + 2))) unslotted += 1;
    return found;
  });
  const counted = numberFinds.some((f) => f?.slots[0] === 'proceedings-count' && !f.weak);
  // "n'est plus accessible depuis le 25 juin 2024": an open period whose
  // event is the shutdown's lasting state starts at the shutdown's date.
  const since = periods.filter((p) => !p.to && eventOf(events(), p)?.event.kind === 'shutdown');
  const dateFinds = [...dates, ...since.map((p) => p.from)].map((d) =>
    dateSlot(sentence, folded, d, siteRef, events),
  );
  const looseDates = dateFinds.filter((d) => d === null).length;
  const entities = extractEntities(sentence, folded).slice(0, MAX_VALUES);
  const found = [
    ...numberFinds,
    ...dateFinds,
    ...periods.filter((p) => !since.includes(p)).map((p) => periodSlot(folded, p, counted, events)),
    ...placeSlots(folded, extractPlaces(sentence, folded).slice(0, MAX_VALUES), events),
    ...entitySlots(folded, entities, events),
    otherProsecutorSlot(sentence, folded),
    domainSlot(folded, events),
  ];
  const speakers = entities
    .filter(
      (e) =>
        SPEAKER_BEFORE.test(folded.slice(Math.max(0, e.start - 30), e.start)) ||
        SPEAKER_AFTER.test(folded.slice(e.end, e.end + 30)),
    )
    .map((e) => e.name);
  // The dates and periods that another event holds, for the reason.
  const elsewhere: { text: string; kind: EventKind }[] = [];
  const uncompared = [
    ...dates.filter((_d, i) => dateFinds[i] === null),
    ...periods.filter((p) => !found.some((f) => f?.span.start === p.start)),
  ];
  for (const value of uncompared) {
    const binding = eventOf(events(), value);
    if (binding && (FOREIGN_EVENTS.has(binding.event.kind) || binding.event.kind === 'arrest'))
      elsewhere.push({ text: sentence.slice(value.start, value.end), kind: binding.event.kind });
  }
  // "Une capture d'écran affirme que « c'est Europol… »": a claim the
  // sentence reports is not the writer's; it may agree, never be contradicted.
  for (const f of found) if (f && REPORTED_CLAIM.test(folded.slice(0, f.span.start))) f.weak = true;
  return {
    found: found.filter((f): f is Found => f !== null && asserted(folded, f.span)),
    // Only a restatement asks: most sentences never read their event words.
    get kinds() {
      return events().kinds;
    },
    elsewhere,
    folded,
    speakers,
    looseDates,
    unslotted,
    people: entities.filter((e) => e.kind === 'person').map((e) => e.name),
  };
}
