/**
 * The binding layer: which event of a sentence a value is an argument of.
 *
 * A sentence about the case often names other events too — the site's
 * founding, a petition for its closure, another trial, a later step of the
 * investigation — each with its own date, figure or place. A value is
 * compared with a fact only when it belongs to the fact's event: the date is
 * an argument of the shutdown predicate itself, the place is the place of
 * registration, the period qualifies the counted proceedings. This module
 * finds the event words of a folded sentence (`foldSameLength`: lower case,
 * no accents, offsets unchanged), marks those that the sentence does not
 * assert as having happened then ("réclamer sa fermeture", "trois jours
 * après la fermeture"), and tells, for a value's span, the nearest event of
 * its clause (`eventOf`). The slot rules in `check-claim.ts` decide from it.
 */
import type { Span } from '../text/span.ts';

/** What an event word names. */
export type EventKind =
  /** The site closed, went dark, is no longer accessible. */
  | 'shutdown'
  /** The case's investigation (enquête) was opened. */
  | 'investigation-opened'
  /** Proceedings (procédures) were opened or recorded: what the case's count counts. */
  | 'proceedings'
  /** The shutdown or a finding was announced (annoncé, communiqué). */
  | 'announcement'
  /** Where the site is registered or based. */
  | 'registration'
  /** The operation itself: searches, raids, operations conducted somewhere. */
  | 'operation'
  /** The site's creation, launch or opening. */
  | 'founding'
  /** A demand by a third party: a petition, a call, a complaint. */
  | 'demand'
  /** Another trial or affair: a conviction, the Mazan case. */
  | 'trial'
  /** A later judicial step: information judiciaire, indictment, extradition, appeal. */
  | 'later-step'
  /** An arrest or a custody. */
  | 'arrest'
  /** People heard or questioned. */
  | 'questioning'
  /** A seizure (servers, a domain), a banner on a seized domain. */
  | 'seizure'
  /** A publication: an article, a documentary, a report. */
  | 'publication'
  /** Someone's reaction to the news: welcomed, regretted, contested. */
  | 'reaction';

/** An event word of a sentence. */
export interface EventWord extends Span {
  kind: EventKind;
  /**
   * The sentence does not assert that this event happened at a date of its
   * own: it is the reference point of another event (`offset`: "trois jours
   * après la fermeture", whose date may be either event's), or it is
   * demanded (`demand`: "réclamer sa fermeture", which has not happened).
   */
  reference: 'offset' | 'demand' | null;
}

/**
 * Event words by kind, on folded text. The opening words (`OPENING`) are
 * read apart: what was opened depends on the noun next to them.
 */
const EVENT_PATTERNS: { kind: EventKind; pattern: RegExp }[] = [
  {
    kind: 'shutdown',
    pattern:
      /\b(?:fermee?s?|fermeture|fermer|fermait|ferma|shut(?:s|ting)? (?:it )?down|shutdown|shut|closed|closure|closing|taken down|took down|take down|takedown|taken offline|went dark|gone dark|go dark|went offline|hors ligne|hors service|offline|inaccessible|(?:plus|pas) accessible|no longer (?:accessible|available|online|reachable)|demantele\w*|dismantl\w*|desactive\w*|coupee?|a cesse|ceased)\b/g,
  },
  {
    kind: 'announcement',
    pattern:
      /\b(?:annonc\w*|announc\w*|communique|press release|declare\w*|a fait savoir|made public)\b/g,
  },
  {
    kind: 'registration',
    pattern:
      /\b(?:immatricul\w*|enregistree?s?|registered|registration|incorporated|domicili\w*|headquartered|siege|basee?s? (?:a|en|sur|aux?)|based (?:in|on))\b/g,
  },
  {
    kind: 'operation',
    pattern:
      /\b(?:operations?|perquisitions?|raids?|searches|interventions?|coordonn\w*|coordinat\w*|menee?s?|conduite?s?|conducted|carried out|deroulee?s?|took place|ont eu lieu|a eu lieu|spann\w*)\b/g,
  },
  {
    kind: 'founding',
    pattern:
      /\b(?:cree\w*|creation|created|creating|fondee?s?|fonda|founded|founding|naissance|mis en ligne|went online|came online|existe\w*|existence|existed)\b/g,
  },
  {
    kind: 'demand',
    pattern:
      /\b(?:petitions?|reclam\w*|demand\w*|exig\w*|call(?:s|ed|ing)? for|calls? to|appel(?:s|le|lent|ait|aient)? (?:a|au|aux)|un appel|urg(?:e|ed|es|ing)|plaintes?|complaints?|signalements?|campagnes?|campaign\w*|lancait|lancaient)\b/g,
  },
  {
    kind: 'trial',
    pattern:
      /\b(?:proces|trials?|jugee?s?|jugement|tried|condamn\w*|sentenc\w*|convict\w*|verdict|assises|correctionnel|mazan|pelicot|affaire des|rape case)\b/g,
  },
  {
    kind: 'later-step',
    pattern:
      /\b(?:mise? en examen|indict\w*|charged|inculp\w*|extrad\w*|detention provisoire|remand\w*|ecroue?|information judiciaire|juges? d'instruction|investigating judges?|renvoy\w*|appeal\w*|deferee?|cour d'appel)\b/g,
  },
  {
    kind: 'arrest',
    pattern:
      /\b(?:interpell\w*|arrete\w*|arrest\w*|detained|detenue?s?|garde a vue|custody|apprehended|picked up|nabbed|chope|cueilli)\b/g,
  },
  {
    kind: 'questioning',
    pattern: /\b(?:entendue?s?|auditionn\w*|auditions?|questioned|questioning|interrog\w*)\b/g,
  },
  {
    kind: 'seizure',
    pattern:
      /\b(?:saisie?s?|saisis|seized|seizures?|banniere|banner|confisqu\w*|bloquee?s?|blocked)\b/g,
  },
  {
    kind: 'reaction',
    pattern:
      /\b(?:salu(?:e|ent|ait|aient|ant|ee?s?)|reagi\w*|react\w*|welcom\w*|applaud\w*|regrett\w*|deplor\w*|critiqu\w*|contest\w*|disput\w*|denie[sd]|denying|fait valoir|soulagement|relief)\b/g,
  },
  {
    kind: 'publication',
    pattern: /\b(?:publiee?s?|published|documentaire|documentary|reportage)\b/g,
  },
];

/** Words of opening or launching: their kind is that of what they open. */
const OPENING =
  /\b(?:ouverte?s?|ouvert|ouverture|opened|opening|opens|lancee?s?|launch(?:ed|es)?|began|started|debute\w*|initiee?s?|instituted)\b/g;
/** The investigation the release speaks of: opened in December 2023. */
const INVESTIGATION_NOUN = /\b(?:enquetes?|investigations?|probes?|inquiry|inquiries)\b/g;
/** Proceedings, counted by the release. */
const PROCEEDINGS_NOUN = /\b(?:procedures?|proceedings|dossiers|case files)\b/g;
/** A later step that French law calls opening: "une information judiciaire a été ouverte". */
const INFORMATION_NOUN = /\binformation judiciaire\b/g;
/**
 * How far from an opening word its noun may stand, in characters, within its
 * clause: "procédures judiciaires en lien avec la plateforme coco ont été
 * ouvertes" puts ten words between them.
 */
const OPENING_REACH = 80;

/**
 * Words that make an event the reference point of another ("trois jours
 * après la fermeture", "since its creation", "avant sa fermeture"),
 * ending right before the event word.
 */
const OFFSET_BEFORE =
  /(?:\b(?:apres|avant|depuis|suite a|des|lors de|after|before|since|following|prior to|ahead of|until|jusqu'a)\s+(?:(?:la|le|sa|son|leur|l'|its|the|their|this|cette|ce)\s*)?(?:\w+\s+)?)$/;
/** A demand right before an event word: "réclamer sa fermeture", "called for the closure". */
const DEMAND_BEFORE =
  /(?:\b(?:reclam\w*|demand\w*|exig\w*|call(?:s|ed|ing)? for|calls? to|petition\w* (?:pour|for|to)|pour (?:obtenir|exiger)|appel\w* a|urg\w*(?: \w+)? to|voulait|voulaient|wanted|want|souhait\w*)\s+(?:(?:la|le|sa|son|l'|its|the|a|une?)\s*)?(?:\w+\s+)?)$/;

/** A folded sentence as the binding layer reads it, built once (`readEvents`). */
export interface SentenceEvents {
  folded: string;
  /** Its event words, in order of their start. */
  events: EventWord[];
  /** Its clauses, in order. */
  clauses: Span[];
  /** The kinds of events it asserts (references aside). */
  kinds: Set<EventKind>;
}

/** Reads a folded sentence's event words and clauses. */
export function readEvents(folded: string): SentenceEvents {
  const clauses = clausesOf(folded);
  const events = eventsOf(folded, clauses);
  return { folded, events, clauses, kinds: assertedKinds(events) };
}

/** The event words of a folded sentence, in order of their start. */
export function findEvents(folded: string): EventWord[] {
  return eventsOf(folded, clausesOf(folded));
}

/** The clause of `clauses` that holds `at`, or null. */
export function clauseOf(clauses: readonly Span[], at: Span): Span | null {
  return clauses.find((c) => c.start <= at.start && at.end <= c.end) ?? null;
}

function eventsOf(folded: string, clauses: readonly Span[]): EventWord[] {
  const events: EventWord[] = [];
  for (const { kind, pattern } of EVENT_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
      events.push({ kind, start: m.index, end: m.index + m[0].length, reference: null });
    }
  }
  OPENING.lastIndex = 0;
  for (let m = OPENING.exec(folded); m; m = OPENING.exec(folded)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const clause = clauseOf(clauses, span) ?? { start: 0, end: folded.length };
    events.push({ kind: openingKind(folded, span, clause, clauses), ...span, reference: null });
  }
  events.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const event of events) {
    const before = folded.slice(Math.max(0, event.start - 48), event.start);
    event.reference = DEMAND_BEFORE.test(before)
      ? 'demand'
      : OFFSET_BEFORE.test(before)
        ? 'offset'
        : null;
  }
  return events;
}

/** The site's own opening: "son ouverture", "its launch", "sa mise en ligne". */
const POSSESSIVE_BEFORE = /\b(?:son|sa|its|leur|their)\s+$/;

/**
 * What an opening word opens, read in its clause: the investigation,
 * proceedings, a judicial information (a later step), or else the site.
 */
function openingKind(folded: string, at: Span, clause: Span, clauses: readonly Span[]): EventKind {
  if (POSSESSIVE_BEFORE.test(folded.slice(Math.max(clause.start, at.start - 8), at.start)))
    return 'founding';
  // A participle set off by commas ("L'enquête, ouverte en décembre 2023,")
  // opens the noun of the clause before it.
  const leads = folded.slice(clause.start, at.start).trim() === '';
  const previous = clauses[clauses.indexOf(clause) - 1];
  const from = Math.max(
    leads && previous ? previous.start : clause.start,
    at.start - OPENING_REACH,
  );
  const to = Math.min(clause.end, at.end + OPENING_REACH);
  const near = (pattern: RegExp): number => {
    let best = Number.POSITIVE_INFINITY;
    pattern.lastIndex = from;
    for (let m = pattern.exec(folded); m && m.index < to; m = pattern.exec(folded)) {
      const distance = m.index >= at.end ? m.index - at.end : at.start - (m.index + m[0].length);
      best = Math.min(best, Math.abs(distance));
    }
    return best;
  };
  const candidates: [EventKind, number][] = [
    ['later-step', near(INFORMATION_NOUN)],
    ['investigation-opened', near(INVESTIGATION_NOUN)],
    ['proceedings', near(PROCEEDINGS_NOUN)],
  ];
  const [kind, distance] = candidates.reduce((a, b) => (b[1] < a[1] ? b : a));
  return distance === Number.POSITIVE_INFINITY ? 'founding' : kind;
}

// ———————————————————————————— clauses ————————————————————————————

/**
 * Where one clause ends and another begins: punctuation, dashes, and the
 * words that open a clause with a predicate of its own.
 */
const CLAUSE_BREAK =
  /[,;:()[\]]| [-–—] | (?:dont|which|whose|where|mais|but|alors que|whereas|while|tandis que|lorsque|when|avant que|apres que|after which|puis|then) /g;

/**
 * Words that may stand with a date in a clause of its own ("Le 25 juin au
 * matin, …", "…, mardi, …"): such a clause takes the predicate of the
 * clause next to it.
 */
const DATE_FILLER =
  /\b(?:le|la|l'|les|ce|cette|du|de|au|en|on|in|at|the|dans|nuit|matin|morning|soir|evening|night|apres-midi|afternoon|tot|early|late|tard|debut|fin|mi|vers|around|about|et|and|jour|day|meme|same|dernier|last|this|that|ce jour|des|from|since|depuis|today|aujourd'hui|hier|yesterday|ce|earlier|plus tot)\b/g;

/** The clauses of a folded sentence, as spans covering it. */
function clausesOf(folded: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(folded); m; m = CLAUSE_BREAK.exec(folded)) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: folded.length });
  return spans;
}

/** Whether a clause holds nothing but the value and words of time ("le 25 juin au matin"). */
function onlyValue(folded: string, clause: Span, value: Span): boolean {
  const rest = (folded.slice(clause.start, value.start) + ' ' + folded.slice(value.end, clause.end))
    .replace(DATE_FILLER, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return rest === '';
}

/**
 * How far, in characters, a value may stand from its event word in one
 * clause: about eight words ("a été fermé ce mardi 25 juin par la justice").
 * "la fermeture de Coco et les meilleures alternatives en 2025" is past it.
 */
const ARGUMENT_REACH = 48;

export interface Binding {
  /** The event the value is an argument of. */
  event: EventWord;
  /** Characters between the value and its event word. */
  distance: number;
  /** Other events of the clause, besides the one chosen. */
  others: EventWord[];
}

/**
 * The event a value at `value` is an argument of: the nearest event word of
 * its clause (a clause holding only the value, like a fronted "Le 25 juin,",
 * reads the clauses on either side). Null when its clause names no event.
 * The caller rejects a binding to an event of another kind, or to one the
 * sentence only refers to (`reference`).
 */
/**
 * A wire dateline around a date: "PARIS, 18 juillet 2024 (AFP) -". The date
 * is the dispatch's, not an event's.
 */
const DATELINE_BEFORE = /^\s*[\p{L} .'-]{2,40},\s*$/u;
const DATELINE_AFTER = /^\s*(?:\([^)]{2,24}\))?\s*[-–—:]/;

export function eventOf(sentence: SentenceEvents, value: Span): Binding | null {
  const { folded, events, clauses } = sentence;
  if (
    DATELINE_BEFORE.test(folded.slice(0, value.start)) &&
    DATELINE_AFTER.test(folded.slice(value.end, value.end + 30))
  )
    return null;
  // The clauses the value spans ("Tuesday, June 25, 2024" holds commas).
  const first = clauses.findIndex((c) => c.start <= value.start && value.start <= c.end);
  if (first === -1) return null;
  let last = first;
  while (last + 1 < clauses.length && clauses[last]!.end < value.end) last += 1;
  let scope: Span = { start: clauses[first]!.start, end: clauses[last]!.end };
  // Within a clause, an argument stands near its event word; in a clause of
  // its own ("Le 25 juin 2024, …", "…, today, June 25") it takes the
  // sentence's nearest predicate, however far.
  let reach = ARGUMENT_REACH;
  // Set off by commas, the date belongs to a predicate of the sentence: the
  // one after it when it opens the sentence ("Le 25 juin 2024, … le site a
  // été fermé"), else the main clause's, before it ("Coco was shut down, an
  // anonymous site, on Tuesday, June 25, 2024, ending two decades of
  // operation"); the other side when that one has none.
  const own = onlyValue(folded, scope, value);
  if (own) {
    reach = Number.POSITIVE_INFINITY;
    scope = { start: 0, end: folded.length };
  }
  const inScope = events.filter(
    (e) =>
      e.start >= scope.start &&
      e.end <= scope.end &&
      (e.end <= value.start || e.start >= value.end),
  );
  const opening = own && onlyValue(folded, { start: 0, end: value.end }, value);
  const preferred = own
    ? inScope.filter((e) => (opening ? e.start >= value.end : e.end <= value.start))
    : [];
  const candidates = preferred.length > 0 ? preferred : inScope;
  let best: Binding | null = null;
  for (const event of candidates) {
    const distance = event.end <= value.start ? value.start - event.end : event.start - value.end;
    if (distance > reach) continue;
    if (!best || distance < best.distance) best = { event, distance, others: [] };
  }
  if (best) best.others = inScope.filter((e) => e !== best!.event);
  return best;
}

/** The kinds of events a sentence names and asserts (reference events aside). */
export function assertedKinds(events: readonly EventWord[]): Set<EventKind> {
  return new Set(events.filter((e) => e.reference === null).map((e) => e.kind));
}

/**
 * Events of third parties or of other times, which no fact of the case
 * states: a sentence asserting one is not restated by a fact that does not
 * name it too ("the association filed a complaint" is not the offences fact).
 */
export const FOREIGN_EVENTS: ReadonlySet<EventKind> = new Set<EventKind>([
  'demand',
  'trial',
  'later-step',
  'questioning',
  'seizure',
  'publication',
  'founding',
  'reaction',
]);

/** What each kind of event is, in a reason a person reads ("… belongs to another event (…)"). */
export const EVENT_NAMES: Readonly<Record<EventKind, { fr: string; en: string }>> = {
  shutdown: { fr: 'la fermeture', en: 'the shutdown' },
  'investigation-opened': {
    fr: 'l’ouverture de l’enquête',
    en: 'the opening of the investigation',
  },
  proceedings: { fr: 'les procédures', en: 'the proceedings' },
  announcement: { fr: 'une annonce', en: 'an announcement' },
  registration: { fr: 'l’immatriculation', en: 'the registration' },
  operation: { fr: 'les opérations', en: 'the operations' },
  founding: { fr: 'la création du site', en: 'the site’s founding' },
  demand: {
    fr: 'une demande, une pétition ou une plainte',
    en: 'a demand, a petition or a complaint',
  },
  trial: { fr: 'un autre procès ou une autre affaire', en: 'another trial or affair' },
  'later-step': { fr: 'une étape judiciaire ultérieure', en: 'a later judicial step' },
  arrest: { fr: 'une interpellation ou une garde à vue', en: 'an arrest or a custody' },
  questioning: { fr: 'une audition', en: 'a hearing' },
  seizure: { fr: 'une saisie', en: 'a seizure' },
  publication: { fr: 'une publication', en: 'a publication' },
  reaction: { fr: 'une réaction', en: 'a reaction' },
};
