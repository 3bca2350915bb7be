/**
 * Lexical retrieval of the facts a sentence speaks to. Each fact is indexed
 * by the stems of its French and English statements and of its evidence
 * passages, weighted by how rare each stem is across facts (idf), so a
 * sentence in either language finds the facts it shares specific words with.
 * Measured on the evaluation set before anything heavier was considered.
 */
import type { Fact } from '../facts/schema.ts';
import { codePointLength, codePointTester } from '../text/chars.ts';
import { foldSameLength } from '../text/fold.ts';

/**
 * Words too common to say what a sentence is about, French and English,
 * folded. The case's own ubiquitous words (coco, site, plateforme) are here
 * too: every fact has them, so they cannot tell facts apart.
 */
const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces cet cette dans de des du elle en est et etait ete il ils la le les leur lui mais ' +
    'ne ni nous on ont ou par pas plus pour qu que qui sa se ses son sont sur un une y l d s n c j m qu ' +
    'avait avaient etre fait ainsi aussi apres avant entre depuis selon tout tous toute toutes tres ' +
    'the of and to in is was were has have had for on with that by an as at be been it its this from ' +
    'are or but not which who their his her they he she will would can could also after before ' +
    'coco site plateforme platform gg fr'
  ).split(' '),
);

/**
 * Phrases that say one thing in several ways, French and English, folded,
 * each read as one word so that a sentence in its own words finds the fact:
 * "taken offline" is "fermé", "outside France" is "à l'étranger". Applied to
 * facts and sentences alike, before words are cut into stems.
 */
const PHRASES: readonly (readonly [canonical: string, pattern: string])[] = [
  [
    'shutdown',
    String.raw`shut(?:s|ting)? (?:it )?down|taken down|took down|take down|taken offline|went offline|gone offline|went dark|gone dark|hors ligne|hors service|no longer (?:online|accessible|available)|plus accessible`,
  ],
  ['abroad', String.raw`a l'etranger|outside (?:of )?france|hors de france|hors des frontieres`],
  ['custody', String.raw`garde a vue|in custody|held for questioning|police custody`],
  ['arrest', String.raw`picked up|mis(?:e)? aux arrets`],
  ['authorities', String.raw`(?:les )?autorites francaises|(?:the )?french authorities`],
  [
    'moderation',
    String.raw`(?:zero|no|almost no|aucune|pas de|sans) moderation|lack of moderation|absence (?:notoire )?de moderation`,
  ],
];
const PHRASE = new RegExp(`\\b(?:${PHRASES.map(([, p]) => `(${p})`).join('|')})\\b`, 'g');

/**
 * Words that name one thing in both languages or in several words, folded,
 * to the word the index keeps: the owner (propriétaire, proprio, patron,
 * owner), the arrest (interpellé, arrêté, arrested, detained), the
 * prosecutor (parquet, procureur), the crimes.
 */
const SYNONYMS = new Map<string, string>(
  (
    [
      [
        'owner',
        'proprietaire proprietaires proprio patron boss owners operator exploitant administrateur',
      ],
      [
        'arrest',
        'interpelle interpellee interpelles interpellation interpellations arrete arretes arrested arrests arrestation detained apprehended nabbed chope',
      ],
      [
        'shutdown',
        'ferme fermee fermes fermees fermeture fermer fermait closed closure shutdown takedown offline inaccessible',
      ],
      ['wife', 'epouse femme compagne spouse'],
      ['prosecutor', 'parquet parquets procureur procureure prosecutors prosecution'],
      ['investigation', 'enquete enquetes investigations probe'],
      ['proceeding', 'procedure procedures proceedings'],
      ['offence', 'infraction infractions offences offense offenses crimes crime'],
      ['rape', 'viol viols rapes'],
      ['homicide', 'homicides meurtre meurtres murder murders'],
      ['assault', 'agression agressions assaults attacks'],
      ['france', 'french francais francaise francaises'],
      ['moved', 'demenage demenagee transfere transferred relocated'],
      ['registered', 'immatricule immatriculee enregistre enregistree incorporated'],
    ] as const
  ).flatMap(([canonical, words]) => words.split(' ').map((word) => [word, canonical] as const)),
);

/** A folded text with each phrase of `PHRASES` replaced by its one word. */
function canonicalPhrases(folded: string): string {
  if (!PHRASE_HINT.test(folded)) return folded;
  return folded.replace(PHRASE, (...groups: unknown[]) => {
    const i = groups.slice(1, PHRASES.length + 1).findIndex((g) => g !== undefined);
    return PHRASES[i]![0];
  });
}

/** Words one of `PHRASES` holds: most sentences have none, and skip the replacement. */
const PHRASE_HINT =
  /\b(?:shut|taken|took|take|went|gone|hors|no longer|plus accessible|etranger|outside|garde|custody|held|picked|mis|autorites|authorities|moderation)\b/;

/** Stems are word prefixes of this length: enough to join fermé/fermeture, moderation/modération. */
const STEM_LENGTH = 6;

/** Words shorter than this carry no topic (articles, pronouns, elisions). */
const MIN_WORD_LENGTH = 3;

/** A token made only of digits. */
const DIGITS = /^\p{N}+$/u;

/** The length of the letter or digit at an offset (2 for a surrogate pair), or 0: one character of a word. */
const wordCharLength = codePointTester(/^[\p{L}\p{N}]$/u);

/** Folds a text and returns its content stems, in order, repeats kept. */
export function stems(text: string): string[] {
  return foldedStems(foldSameLength(text));
}

/** Whether a UTF-16 unit is an ASCII letter (which no figure starts with). */
function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * The content stems of an already folded text (`foldSameLength`), in order,
 * repeats kept. Words are runs of letters and digits. With `words`, it also
 * receives, for each stem, the number of the word it belongs to, the parts
 * of a compound ("guet-apens", "anglo-normande") counting as one word.
 */
function foldedStems(text: string, words?: number[]): string[] {
  const folded = canonicalPhrases(text);
  const out: string[] = [];
  let wordNumber = 0;
  let i = 0;
  while (i < folded.length) {
    if (wordCharLength(folded, i) === 0) {
      if (folded[i] !== '-') wordNumber += 1;
      i += codePointLength(folded, i);
      continue;
    }
    const start = i;
    for (let length = wordCharLength(folded, i); length > 0; length = wordCharLength(folded, i)) {
      i += length;
    }
    const written = folded.slice(start, i);
    const word = SYNONYMS.get(written) ?? written;
    if (word.length < MIN_WORD_LENGTH || STOP_WORDS.has(word)) continue;
    // Figures are compared as values, never matched as words.
    if (!isAsciiLetter(word.charCodeAt(0)) && DIGITS.test(word)) continue;
    out.push(word.length > STEM_LENGTH ? word.slice(0, STEM_LENGTH) : word);
    words?.push(wordNumber);
  }
  return out;
}

export interface FactIndex {
  facts: readonly Fact[];
  /** idf of each stem across facts. */
  idf: Map<string, number>;
  /** Each fact's distinct stems. */
  factStems: Set<string>[];
  /** Facts containing each stem, by index. */
  postings: Map<string, number[]>;
}

export interface FactMatch {
  fact: Fact;
  /** Sum of the idf of the stems the sentence shares with the fact. */
  score: number;
  /** Share of the sentence's own idf mass that this fact explains, 0..1. */
  coverage: number;
  shared: string[];
  /** How many of the sentence's words the shared stems come from (a compound is one word). */
  sharedWords: number;
}

/** Builds the index once per fact set. */
export function buildFactIndex(facts: readonly Fact[]): FactIndex {
  const factStems = facts.map(
    (fact) =>
      new Set(
        stems(
          [fact.statement.fr, fact.statement.en, ...fact.evidence.map((e) => e.exact)].join(' '),
        ),
      ),
  );
  const postings = new Map<string, number[]>();
  factStems.forEach((set, i) => {
    for (const stem of set) {
      const list = postings.get(stem);
      if (list) list.push(i);
      else postings.set(stem, [i]);
    }
  });
  const idf = new Map<string, number>();
  for (const [stem, list] of postings) idf.set(stem, Math.log((facts.length + 1) / list.length));
  return { facts, idf, factStems, postings };
}

/**
 * The idf mass of a folded sentence's distinct stems: what the sentence
 * shares with a fact weighs no more than this, so no fact scores higher.
 * Adds the same weights in the same order as `retrieveFacts`.
 */
export function stemMass(index: FactIndex, folded: string): number {
  const seen = new Set<string>();
  let mass = 0;
  for (const stem of foldedStems(folded)) {
    const weight = index.idf.get(stem);
    if (weight === undefined || seen.has(stem)) continue;
    seen.add(stem);
    mass += weight;
  }
  return mass;
}

/**
 * The facts sharing stems with `sentence`, best first; empty when none
 * shares any. Scores are relative: compare them, do not read them alone.
 * A caller that has the sentence folded (`foldSameLength`) passes it along.
 */
export function retrieveFacts(
  index: FactIndex,
  sentence: string,
  limit = 5,
  folded = foldSameLength(sentence),
): FactMatch[] {
  // Each distinct stem counts once, in the order it first appears; a stem no
  // fact has weighs nothing, so it is dropped before it is even deduplicated.
  const seen = new Set<string>();
  let sentenceMass = 0;
  const scores = new Map<number, { score: number; shared: string[]; words: Set<number> }>();
  const words: number[] = [];
  const all = foldedStems(folded, words);
  for (const [n, stem] of all.entries()) {
    const weight = index.idf.get(stem);
    if (weight === undefined || seen.has(stem)) continue;
    seen.add(stem);
    sentenceMass += weight;
    for (const i of index.postings.get(stem) ?? []) {
      const entry = scores.get(i);
      if (entry) {
        entry.score += weight;
        entry.shared.push(stem);
        entry.words.add(words[n]!);
      } else scores.set(i, { score: weight, shared: [stem], words: new Set([words[n]!]) });
    }
  }
  if (scores.size === 0) return [];
  return [...scores]
    .map(([i, { score, shared, words: from }]) => ({
      fact: index.facts[i]!,
      score,
      coverage: sentenceMass > 0 ? score / sentenceMass : 0,
      shared,
      sharedWords: from.size,
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * A translation shares at least this much idf mass with the fact it renders
 * and explains this share of its own words: more than a restatement needs,
 * since a quotation claims the words are the source's.
 */
const TRANSLATION_MIN_SCORE = 8;
const TRANSLATION_MIN_COVERAGE = 0.6;
const TRANSLATION_MIN_WORDS = 3;

/**
 * The fact whose statement in `language` a quotation translates back to,
 * or null: the quotation's words must be mostly the statement's.
 */
export function translationOf(
  index: FactIndex,
  quotation: string,
  language: 'fr' | 'en',
): Fact | null {
  const [best] = retrieveFacts(index, quotation, 1);
  if (
    !best ||
    best.score < TRANSLATION_MIN_SCORE ||
    best.coverage < TRANSLATION_MIN_COVERAGE ||
    best.sharedWords < TRANSLATION_MIN_WORDS
  )
    return null;
  // The quotation's words must be found in the fact's statement in its own
  // language: an English quotation renders the English statement.
  const statement = new Set(stems(best.fact.statement[language]));
  const own = stems(quotation).filter((stem) => index.idf.has(stem));
  const inStatement = own.filter((stem) => statement.has(stem)).length;
  return own.length > 0 && inStatement / own.length >= TRANSLATION_MIN_COVERAGE ? best.fact : null;
}
