/**
 * The generic matcher: checking one sentence about the case against the
 * verified facts. The case's rules (case-rules.ts) extract its values
 * (figures, dates, periods, places, agencies) and tie each to the thing it
 * is about (its slot, slots.ts) by the words around it; here each is
 * compared with the facts' values of that slot, a sentence with no value is
 * matched to a fact it restates, and the verdict and its reasons are given.
 * A value whose slot cannot be told is left alone: the worst error this tool
 * can make is a wrong `contradicted`.
 */
import type { Fact } from '../facts/schema.ts';
import {
  findValues,
  hasSlotCue,
  QUESTION,
  wordCount,
  type Found,
  type SentenceValues,
} from './case-rules.ts';
import type { ClaimContext, SlotTable } from './context.ts';
import type { Slot } from './slots.ts';
import { foldSameLength } from '../text/fold.ts';
import type { Span } from '../text/span.ts';
import { retrieveFacts, stemMass, type FactIndex, type FactMatch } from './fact-index.ts';
import { EVENT_NAMES, findEvents, FOREIGN_EVENTS, type EventKind } from './events.ts';
import { extendReason, joinReasons, reason, type Reason } from './reasons.ts';

export type Verdict = 'supported' | 'contradicted' | 'unverified';

export interface EvidenceRef {
  sourceId: string;
  exact: string;
  start: number;
  end: number;
}

export interface Check {
  factId: string;
  verdict: 'supported' | 'contradicted';
  /** One line a person can read, in English: "32,051 stated; the sources say 23,051". */
  reason: string;
  /** The same reason in French and in English. */
  reasons: Reason;
  evidence: EvidenceRef;
  /** What the sentence's value was about, when a value was compared. */
  slot?: Slot;
  /** Where in the sentence the compared value is (offsets in the checked text). */
  valueSpan?: Span;
}

export interface ClaimResult extends Span {
  text: string;
  verdict: Verdict;
  checks: Check[];
  /** Why the verdict, in one line, in English; for `unverified`, why nothing could be compared. */
  reason: string;
  /** The same reason in French and in English. */
  reasons: Reason;
  /**
   * For an `unverified` claim only: the verified fact closest to its words,
   * shown to the reader as such — never a check, never a verdict.
   */
  nearest?: { factId: string; evidence: EvidenceRef };
}

export type { ClaimContext, SlotTable } from './context.ts';

/** Groups every fact value by its slot. */
export function buildSlotTable(facts: readonly Fact[]): SlotTable {
  const table: SlotTable = new Map();
  for (const fact of facts) {
    for (const value of fact.values) {
      const list = table.get(value.slot);
      if (list) list.push({ fact, value });
      else table.set(value.slot, [{ fact, value }]);
    }
  }
  return table;
}

// ————————————————————————————— the check ——————————————————————————————

/**
 * Lexical retrieval alone supports a sentence (with no value to compare) when
 * its best fact shares at least this much idf mass with it — about three
 * specific words — and explains at least this share of the sentence's own
 * words. Calibrated on tests/eval so that restatements of a fact pass and
 * sentences that merely share the case's vocabulary do not.
 */
const RESTATEMENT_MIN_SCORE = 6;
const RESTATEMENT_MIN_COVERAGE = 0.4;
/**
 * And shares at least this many of its words with it, or one fewer and the
 * fact's own event (`restatesEvent`): two words are a phrase that a
 * sentence about something else can hold ("il aura fallu attendre", "les
 * autorités de l'île anglo-normande"), three are a statement.
 */
const RESTATEMENT_MIN_WORDS = 3;

/** Two shared words restate a fact only in a sentence of this many words: "COMMUNIQUÉ DE PRESSE" is a heading. */
const RESTATEMENT_MIN_SENTENCE_WORDS = 5;

/** How many of the best-scoring facts are tried as the one a sentence restates. */
const RESTATEMENT_CANDIDATES = 3;

/**
 * The nearest fact of an unverified claim shares at least this idf mass with
 * it: a fact that shares only "Coco" or "site" is not near, and naming it
 * would say nothing.
 */
const NEAREST_MIN_SCORE = 2;
/** Without an event in common, a fact is near only when it shares this many words. */
const NEAREST_MIN_WORDS = 2;

/**
 * The fact to show beside an unverified claim: among the best candidates,
 * the first that states an event the sentence speaks of (the shutdown, the
 * arrests…), else the first sharing two words; none when no fact is near.
 */
function nearestFact(candidates: readonly FactMatch[], values: SentenceValues): Fact | null {
  const near = candidates.filter((m) => m.score >= NEAREST_MIN_SCORE);
  const sharesEvent = (m: FactMatch) =>
    [...factEventKinds(m.fact)].some((kind) => values.kinds.has(kind));
  return (
    (near.find(sharesEvent) ?? near.find((m) => m.sharedWords >= NEAREST_MIN_WORDS))?.fact ?? null
  );
}

/** Whether a retrieved fact passes every gate of a restatement of the sentence. */
function restates(match: FactMatch, values: SentenceValues): boolean {
  const { fact } = match;
  return (
    match.score >= RESTATEMENT_MIN_SCORE &&
    match.coverage >= RESTATEMENT_MIN_COVERAGE &&
    (match.sharedWords >= RESTATEMENT_MIN_WORDS ||
      (match.sharedWords === RESTATEMENT_MIN_WORDS - 1 &&
        wordCount(values.folded) >= RESTATEMENT_MIN_SENTENCE_WORDS &&
        restatesEvent(fact, values.kinds))) &&
    values.people.every((person) => factNames(fact, person)) &&
    foreignEventsOf(values.kinds).every((kind) => factEventKinds(fact).has(kind)) &&
    !(values.looseDates > 0 && fact.values.some((v) => v.kind === 'date' || v.kind === 'period'))
  );
}

/**
 * Whether a sentence asserts the event a fact states (the arrest, the
 * registration, the shutdown…), or the fact states none ("the
 * investigation concerns aggravated pimping").
 */
function restatesEvent(fact: Fact, kinds: ReadonlySet<EventKind>): boolean {
  const factKinds = factEventKinds(fact);
  return factKinds.size === 0 || [...factKinds].some((kind) => kinds.has(kind));
}

/** The passage a check cites: the fact's original wording when it has one. */
export function evidenceOf(fact: Fact): EvidenceRef {
  const evidence = fact.evidence.find((e) => e.rendering === 'original') ?? fact.evidence[0]!;
  return {
    sourceId: evidence.sourceId,
    exact: evidence.exact,
    start: evidence.start,
    end: evidence.end,
  };
}

/**
 * Whether `checkClaim` may find something to check in a sentence, given
 * folded (`foldSameLength`): false only when no slot rule could tie any of
 * its values (`hasSlotCue`) and its stems weigh too little for any fact to be
 * restated by it (a fact's score is at most the sentence's stem mass). A
 * sentence that does not name the case is a claim only with a check, so
 * `checkText` drops such sentences without reading their values.
 */
export function mayHaveChecks(folded: string, index: FactIndex): boolean {
  return hasSlotCue(folded) || stemMass(index, folded) >= RESTATEMENT_MIN_SCORE;
}

/**
 * Compares one found value with the facts of its slots, most likely slot
 * first: the first slot with a fact that supports it wins, else the first
 * with one that contradicts it. Within a slot, several facts may speak to
 * the value (the registration and the move both name Guernsey): the check
 * rests on the one whose words are the sentence's, the first of them when
 * they are as close.
 */
function checkValue(
  found: Found,
  slots: SlotTable,
  offset: number,
  closeness: (fact: Fact) => number,
): Check | null {
  let contradiction: Check | null = null;
  for (const slot of found.slots) {
    const facts = slots.get(slot) ?? [];
    let support: { check: Check; closeness: number } | null = null;
    let against: { check: Check; closeness: number } | null = null;
    for (const { fact, value } of facts) {
      const result = found.compare(value);
      if (!result) continue;
      if (result.verdict === 'contradicted' && found.weak) continue;
      const check: Check = {
        factId: fact.id,
        verdict: result.verdict,
        reason: result.note.en,
        reasons: result.note,
        evidence: evidenceOf(fact),
        slot,
        valueSpan: { start: offset + found.span.start, end: offset + found.span.end },
      };
      const best = result.verdict === 'supported' ? support : against;
      const close = facts.length > 1 ? closeness(fact) : 0;
      if (best !== null && close <= best.closeness) continue;
      if (result.verdict === 'supported') support = { check, closeness: close };
      else against = { check, closeness: close };
    }
    if (support) return support.check;
    contradiction ??= against?.check ?? null;
  }
  return contradiction;
}

/** The events a fact's statements name, read once per fact. */
const FACT_EVENT_KINDS = new WeakMap<Fact, Set<EventKind>>();

function factEventKinds(fact: Fact): Set<EventKind> {
  let kinds = FACT_EVENT_KINDS.get(fact);
  if (!kinds) {
    kinds = new Set(
      [fact.statement.fr, fact.statement.en].flatMap((text) =>
        findEvents(foldSameLength(text)).map((e) => e.kind),
      ),
    );
    FACT_EVENT_KINDS.set(fact, kinds);
  }
  return kinds;
}

/**
 * The third parties' acts and other times a sentence asserts ("the
 * association filed a complaint", "a banner covers the seized domain"): a
 * fact restates such a sentence only when it names the same kind of event.
 */
function foreignEventsOf(kinds: ReadonlySet<EventKind>): EventKind[] {
  return [...kinds].filter((kind) => FOREIGN_EVENTS.has(kind));
}

/** Whether a fact's own text names a person (by surname): "Darmanin" in the minister's fact. */
function factNames(fact: Fact, person: string): boolean {
  const surname = foldSameLength(person.split(' ').pop() ?? person);
  const text = foldSameLength(
    [
      fact.attributedTo,
      fact.statement.fr,
      fact.statement.en,
      ...fact.evidence.map((e) => e.exact),
    ].join(' '),
  );
  return text.includes(surname);
}

/**
 * Why a sentence about the case is unverified: the value it gives belongs to
 * another event ("2011–2020 is the time of another event (a trial or
 * affair): not compared"), or what it states is nothing the sources give,
 * or no fact speaks to it.
 */
function unverifiedReason(values: SentenceValues, unchecked: number): Reason {
  const [first] = values.elsewhere;
  if (first) {
    const what = EVENT_NAMES[first.kind];
    return reason((lang) =>
      lang === 'fr'
        ? `${first.text} se rapporte à un autre événement (${what.fr}) : non comparé`
        : `${first.text} belongs to another event (${what.en}): not compared`,
    );
  }
  return unchecked > 0
    ? {
        fr: 'porte sur l’affaire, mais ce qu’elle affirme ne figure pas dans les sources',
        en: 'about the case, but what it states is nothing the sources give',
      }
    : {
        fr: 'porte sur l’affaire, mais aucun fait vérifié ne dit ce qu’elle affirme',
        en: 'about the case, but no verified fact speaks to what it says',
      };
}

/**
 * The verdict on one sentence about the case, with its checks. `offset` is
 * where the sentence starts in the checked text, so the spans reported are
 * offsets in that text. A caller that has the sentence folded
 * (`foldSameLength`) passes it along.
 */
export function checkClaim(
  sentence: string,
  offset: number,
  context: ClaimContext,
  folded = foldSameLength(sentence),
): ClaimResult {
  const values = findValues(sentence, folded, context);
  const checks: Check[] = [];
  let unchecked = values.unslotted;
  // How close each fact's words are to the sentence's, read once, when asked.
  let scores: Map<string, number> | undefined;
  const closeness = (fact: Fact) => {
    scores ??= new Map(
      retrieveFacts(context.index, sentence, context.index.facts.length, folded).map((m) => [
        m.fact.id,
        m.score,
      ]),
    );
    return scores.get(fact.id) ?? 0;
  };
  for (const found of values.found) {
    const check = checkValue(found, context.slots, offset, closeness);
    if (!check) unchecked += 1;
    else if (!checks.some((c) => c.factId === check.factId && c.verdict === check.verdict))
      checks.push(check);
  }
  // With nothing compared, a sentence that restates a fact in other words is
  // supported — unless it holds a figure or a person the fact does not vouch for.
  let candidates: FactMatch[] | undefined;
  if (checks.length === 0 && unchecked === 0 && !QUESTION.test(folded)) {
    // The best few candidates, in order: the first a gate lets through (the
    // best may be a dated fact that a sentence's other date cannot vouch for).
    candidates = retrieveFacts(context.index, sentence, RESTATEMENT_CANDIDATES, folded);
    const best = candidates.find((match) => restates(match, values));
    if (best) {
      checks.push({
        factId: best.fact.id,
        verdict: 'supported',
        reason: `restates a verified fact: ${best.fact.statement.en}`,
        reasons: {
          fr: `reprend un fait vérifié : ${best.fact.statement.fr}`,
          en: `restates a verified fact: ${best.fact.statement.en}`,
        },
        evidence: evidenceOf(best.fact),
      });
    }
  }
  // A sentence may credit the facts to the wrong speaker ("selon Darmanin,
  // 23 051 procédures"): the facts hold, and the reason says who asserts
  // them — unless one of the facts it rests on is indeed that speaker's.
  const factOf = (check: Check) => context.index.facts.find((f) => f.id === check.factId);
  for (const speaker of values.speakers) {
    const facts = checks.map(factOf).filter((f): f is Fact => f !== undefined);
    if (facts.some((fact) => factNames(fact, speaker))) continue;
    for (const check of checks) {
      const fact = factOf(check);
      if (fact)
        check.reasons = extendReason(
          check.reasons,
          reason((lang) =>
            lang === 'fr'
              ? ` (les sources l’attribuent à ${fact.attributedTo}, non à ${speaker})`
              : ` (the sources attribute this to ${fact.attributedTo}, not ${speaker})`,
          ),
        );
      check.reason = check.reasons.en;
    }
    break;
  }
  const contradicted = checks.filter((c) => c.verdict === 'contradicted');
  const verdict: Verdict =
    contradicted.length > 0 ? 'contradicted' : checks.length > 0 ? 'supported' : 'unverified';
  const reasons: Reason =
    verdict === 'contradicted'
      ? joinReasons(contradicted.map((c) => c.reasons))
      : verdict === 'supported'
        ? joinReasons(checks.map((c) => c.reasons))
        : unverifiedReason(values, unchecked);
  const result: ClaimResult = {
    start: offset,
    end: offset + sentence.length,
    text: sentence,
    verdict,
    checks,
    reason: reasons.en,
    reasons,
  };
  if (verdict === 'unverified') {
    const near = nearestFact(
      candidates ?? retrieveFacts(context.index, sentence, RESTATEMENT_CANDIDATES, folded),
      values,
    );
    if (near) result.nearest = { factId: near.id, evidence: evidenceOf(near) };
  }
  return result;
}
