/**
 * Organisations and people relevant to the Coco case named in a sentence
 * (`extractEntities`), under the canonical names the fact pack uses
 * (`entities` values in `seeds/facts.json`: "JUNALCO", "UNCyber", "ONAF"…).
 *
 * Names are matched word by word with the phrase matcher of `places.ts`:
 * case- and accent-insensitive, longest name first, so "Gendarmerie
 * nationale" is one mention, not "gendarmerie" plus a stray word, and
 * "commandement du ministère de l'Intérieur dans le cyberespace" is
 * COMCYBER-MI, not the ministry.
 *
 * Decisions on ambiguous names:
 * - Acronyms match whole words only ("onaf" inside another word never
 *   matches); "PJ" (police judiciaire) must be upper case, since "pj" is also
 *   a file attachment ("pièce jointe").
 * - Le Monde: "Monde" with a capital M after "le", "du" or "au" ("Le Monde",
 *   "selon le Monde", "une enquête du Monde", "a déclaré au Monde"); "le monde
 *   entier" and "Le monde" are the world. "Coupe du Monde", "tour du monde",
 *   "Le Monde diplomatique" and the like are skipped. The span includes "Le"
 *   when the article is "le", not "du"/"au".
 * - "ministre de l'Intérieur" alone names the office, so it maps to the
 *   ministry; followed by the minister's name ("ministre de l'Intérieur Gérald
 *   Darmanin", "Interior Minister Gérald Darmanin") the whole title is one
 *   mention of the person.
 * - A bare "le parquet", "le tribunal judiciaire" or "la police" is left out:
 *   which one is meant depends on the article, not the sentence.
 * - "COMCYBER" alone is the armed forces' cyber command, not COMCYBER-MI.
 * - "OFAC" is the French office anti-cybercriminalité here; in a text about US
 *   sanctions it would be the Treasury's office, which this case never names.
 * - A parenthesised acronym that restates an entity just named ("l'office
 *   national anti-fraude (ONAF)", "l'unité nationale cyber de la Gendarmerie
 *   nationale (UNCyber)") is not a second mention: it is dropped.
 */
import type { Span } from '../text/span.ts';
import { createPhraseMatcher, type PhraseRule } from './places.ts';

/** The kinds of actor the fact pack distinguishes. */
export type EntityKind =
  'judicial' | 'police' | 'eu-agency' | 'ministry' | 'person' | 'media' | 'other';

/** An organisation or person named in the text. */
export interface EntityValue extends Span {
  /** Canonical name, as in facts.json: 'JUNALCO', 'Parquet de Paris', 'UNCyber', 'Gérald Darmanin', 'AFP', 'Le Monde', 'BFM', … */
  name: string;
  kind: EntityKind;
}

interface Entity {
  name: string;
  kind: EntityKind;
}

/**
 * Each entity with its names, written compactly: a plain name matches in any
 * case and with or without accents; `^Name` needs a capital initial (a name
 * that is also a common word); `=NAME` must be written exactly so.
 */
const ENTITY_NAMES: readonly (readonly [name: string, kind: EntityKind, ...aliases: string[]])[] = [
  [
    'JUNALCO',
    'judicial',
    'JUNALCO',
    'juridiction nationale de lutte contre la criminalité organisée',
    'national jurisdiction for the fight against organised crime',
    'national jurisdiction for the fight against organized crime',
    'national organised crime division',
    'national organized crime division',
  ],
  [
    'Parquet de Paris',
    'judicial',
    'parquet de Paris',
    'procureure de la République de Paris',
    'procureur de la République de Paris',
    'procureure de Paris',
    'procureur de Paris',
    'Paris prosecutor',
    'Paris prosecutors',
    "Paris prosecutor's office",
    'Paris public prosecutor',
    "Paris public prosecutor's office",
    'Paris prosecution office',
    "prosecutor's office in Paris",
    'Paris prosecution',
  ],
  [
    'Tribunal judiciaire de Paris',
    'judicial',
    'tribunal judiciaire de Paris',
    'tribunal de Paris',
    'TJ de Paris',
    'Paris judicial court',
    'Paris court',
  ],
  ['UNCyber', 'police', 'UNCyber', 'unité nationale cyber', 'national cyber unit'],
  [
    'Gendarmerie nationale',
    'police',
    'Gendarmerie nationale',
    'gendarmerie',
    'gendarmes',
    'gendarme',
    'French gendarmerie',
    'national gendarmerie',
    'direction générale de la gendarmerie nationale',
    '=DGGN',
  ],
  [
    'ONAF',
    'police',
    'ONAF',
    'office national anti-fraude',
    'office national antifraude',
    'national anti-fraud office',
    'national antifraud office',
  ],
  [
    'COMCYBER-MI',
    'police',
    'COMCYBER-MI',
    'ComCyberMI',
    "commandement du ministère de l'Intérieur dans le cyberespace",
    "commandement du ministère de l'Intérieur pour le cyberespace",
    "Interior ministry's cyberspace command",
    'Interior ministry cyberspace command',
    "Ministry of the Interior's cyberspace command",
    'cyberspace command of the Interior ministry',
    'cyberspace command of the Ministry of the Interior',
  ],
  ['Eurojust', 'eu-agency', 'Eurojust'],
  ['Europol', 'eu-agency', 'Europol'],
  ['Interpol', 'police', 'Interpol'],
  [
    'DGSI',
    'police',
    'DGSI',
    'direction générale de la sécurité intérieure',
    'General Directorate for Internal Security',
  ],
  [
    'DGSE',
    'other',
    'DGSE',
    'direction générale de la sécurité extérieure',
    'General Directorate for External Security',
  ],
  [
    'OFAC',
    'police',
    'OFAC',
    'office anti-cybercriminalité',
    'office anticybercriminalité',
    'anti-cybercrime office',
  ],
  ['OFMIN', 'police', 'OFMIN', 'office mineurs', 'office des mineurs', 'office pour les mineurs'],
  [
    'Police judiciaire',
    'police',
    'police judiciaire',
    '=PJ',
    '=DCPJ',
    '=DNPJ',
    'direction centrale de la police judiciaire',
    'direction nationale de la police judiciaire',
    'judicial police',
    'French judicial police',
  ],
  [
    'Police nationale',
    'police',
    'Police nationale',
    'national police',
    'French national police',
    '=DGPN',
    'direction générale de la police nationale',
  ],
  ['FBI', 'police', 'FBI', '=F.B.I.', 'Federal Bureau of Investigation'],
  ['CNIL', 'other', 'CNIL', "Commission nationale de l'informatique et des libertés"],
  [
    'Arcom',
    'other',
    'Arcom',
    'Autorité de régulation de la communication audiovisuelle et numérique',
  ],
  [
    "Ministère de l'Intérieur",
    'ministry',
    "ministère de l'Intérieur",
    "ministre de l'Intérieur",
    'Interior ministry',
    'Interior minister',
    'Ministry of the Interior',
    'Minister of the Interior',
    'French Interior ministry',
    'French Interior minister',
    'place Beauvau',
    '^Beauvau',
  ],
  [
    'Ministère de la Justice',
    'ministry',
    'ministère de la Justice',
    'ministre de la Justice',
    'garde des Sceaux',
    'Justice ministry',
    'Justice minister',
    'Ministry of Justice',
    'Minister of Justice',
  ],
  [
    'Gérald Darmanin',
    'person',
    'Gérald Darmanin',
    '^Darmanin',
    "ministre de l'Intérieur Gérald Darmanin",
    "ministre de l'Intérieur Darmanin",
    'Interior minister Gérald Darmanin',
    'French Interior minister Gérald Darmanin',
    'Interior minister Darmanin',
  ],
  [
    'Bruno Retailleau',
    'person',
    'Bruno Retailleau',
    '^Retailleau',
    "ministre de l'Intérieur Bruno Retailleau",
    "ministre de l'Intérieur Retailleau",
    'Interior minister Bruno Retailleau',
    'French Interior minister Bruno Retailleau',
  ],
  ['Laure Beccuau', 'person', 'Laure Beccuau', '^Beccuau'],
  ['AFP', 'media', 'AFP', 'Agence France-Presse', 'Agence France Presse'],
  [
    'BFM',
    'media',
    'BFM',
    'BFMTV',
    'BFM TV',
    'BFM Business',
    'BFM Tech&Co',
    'BFM Tech & Co',
    '^Tech&Co',
  ],
  ['Le Monde', 'media', 'lemonde'],
  ['Mediapart', 'media', 'Mediapart'],
  ['franceinfo', 'media', 'franceinfo', 'France Info'],
  ['Reuters', 'media', 'Reuters'],
  ['Numerama', 'media', 'Numerama'],
];

const LE_MONDE: Entity = { name: 'Le Monde', kind: 'media' };

/** Words before a capitalised newspaper title that make it the title ("selon le Monde", "du Figaro"). */
const TITLE_ARTICLES = ['le', 'du', 'au'] as const;

/** Names that need more than their words: an article before, or that block a match. */
const SPECIAL_ENTITY_RULES: readonly PhraseRule<Entity>[] = [
  { phrase: 'Monde', value: LE_MONDE, capital: true, after: TITLE_ARTICLES, spanFromAfter: ['le'] },
  {
    phrase: 'Parisien',
    value: { name: 'Le Parisien', kind: 'media' },
    capital: true,
    after: TITLE_ARTICLES,
    spanFromAfter: ['le'],
  },
  {
    phrase: 'Figaro',
    value: { name: 'Le Figaro', kind: 'media' },
    capital: true,
    after: TITLE_ARTICLES,
    spanFromAfter: ['le'],
  },
  // "Monde" in names that are not the newspaper.
  ...[
    'coupe du monde',
    'championnat du monde',
    'championnats du monde',
    'tour du monde',
    'fin du monde',
    'bout du monde',
    'reste du monde',
    'tiers monde',
    'nouveau monde',
    'miss monde',
    'monde diplomatique',
    'COMCYBER',
  ].map((phrase): PhraseRule<Entity> => ({ phrase, value: null })),
];

function entityRules(): PhraseRule<Entity>[] {
  const rules: PhraseRule<Entity>[] = [];
  for (const [name, kind, ...aliases] of ENTITY_NAMES) {
    const value: Entity = { name, kind };
    for (const alias of aliases) {
      if (alias.startsWith('=')) rules.push({ phrase: alias.slice(1), value, exactCase: true });
      else if (alias.startsWith('^')) rules.push({ phrase: alias.slice(1), value, capital: true });
      else rules.push({ phrase: alias, value });
    }
  }
  rules.push(...SPECIAL_ENTITY_RULES);
  return rules;
}

const matchEntities = createPhraseMatcher(entityRules());

/**
 * How far back (UTF-16 units) a parenthesised acronym may restate an entity:
 * in the release, "(UNCyber)" comes 30 characters after "unité nationale
 * cyber", past "de la Gendarmerie nationale"; 80 leaves room for one more name.
 */
const RESTATEMENT_WINDOW = 80;

/** Only spaces between a name and the parenthesis around it. */
const OPEN_PAREN_BEFORE = /\(\s*$/;
const CLOSE_PAREN_AFTER = /^\s*\)/;

/**
 * Organisations and people relevant to the case named in a sentence, by any
 * of their names (acronym, full French name, English name), in text order,
 * one entry per mention, except that a parenthesised acronym restating an
 * entity just named is not counted twice. Returns an empty list when the text
 * names none of them. A caller that has the text folded (`foldSameLength`)
 * passes it as `folded`.
 */
export function extractEntities(text: string, folded?: string): EntityValue[] {
  const found: EntityValue[] = [];
  for (const { start, end, value } of matchEntities(text, folded)) {
    if (isRestatement(text, start, end, value.name, found)) continue;
    found.push({ start, end, name: value.name, kind: value.kind });
  }
  return found;
}

function isRestatement(
  text: string,
  start: number,
  end: number,
  name: string,
  earlier: readonly EntityValue[],
): boolean {
  if (!OPEN_PAREN_BEFORE.test(text.slice(Math.max(0, start - 3), start))) return false;
  if (!CLOSE_PAREN_AFTER.test(text.slice(end, end + 3))) return false;
  return earlier.some((e) => e.name === name && start - e.end <= RESTATEMENT_WINDOW);
}
