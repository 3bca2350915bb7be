/**
 * Countries and islands named in a sentence (`extractPlaces`), as ISO 3166-1
 * alpha-2 codes, so that a claim's places can be compared with a fact's
 * `places` value.
 *
 * Matching is on words, not substrings: the text is folded (lower case, no
 * accents, one apostrophe, one dash) with `foldSameLength`, cut into words, and each
 * word is looked up in a dictionary of names built once at module load. Longer
 * names win ("Irlande du Nord" before "Irlande"), and a few longer names block
 * the country they contain ("New Jersey", "Radio France", "France 2").
 *
 * This module is also, for now, the home of `createPhraseMatcher`, which
 * `agencies.ts` uses too.
 *
 * Decisions on ambiguous names:
 * - Only names, never adjectives: "les autorités françaises" names no place.
 * - The span is the name without its article: "aux Pays-Bas" → "Pays-Bas",
 *   "in the Netherlands" → "Netherlands".
 * - English names and French names that are also common words ("Suisse",
 *   "Suède", "Chili", "Chypre", "Argentine", "Mali", "Inde" — "indé" folds to
 *   it) need a capital initial; acronyms ("US", "UK", "UAE", "RDC") must be
 *   written exactly so. "Holland", "Jordan" and "Chad", also people's names,
 *   are countries only after "in", "to" or "from".
 * - Georgia: "Georgia" alone is more often the US state in English, so it maps
 *   to GE only as "Georgia (country)" or "Republic of Georgia"; French
 *   "Géorgie" maps to GE only after "la" ("la Géorgie", "de la Géorgie").
 *   "Hollande" (also a former president) maps to NL only after "en" or "la".
 *   "Réunion" maps to RE only as "la Réunion" with a capital R.
 * - "France" in a name that is not the country is skipped: media ("France
 *   Télévisions", "France 2", "Radio France", "France Info", "Agence
 *   France-Presse", "Ouest-France"), companies ("Air France"), the region
 *   "Île-de-France", institutions ("Banque de France", "Stade de France") and
 *   the party "La France insoumise".
 * - "Jersey" in "New Jersey" or "Jersey City" is the US: skipped.
 * - Overseas departments and territories have their own ISO codes (GP, MQ,
 *   RE, GF, YT, NC, PF…); the matcher decides whether they count as FR.
 * - Kosovo is XK, the code in common use though ISO has not assigned it.
 * - Not places: continents ("Europe", "Amérique"), cities ("Paris", "Var" is
 *   a département), and the "îles Anglo-Normandes" / "Channel Islands", which
 *   are two jurisdictions (GG and JE), not one code. Dubai (an emirate) maps
 *   to AE because the press uses it for the jurisdiction.
 */
import { foldSameLength } from '../text/fold.ts';
import type { Span } from '../text/span.ts';

/** A country or island named in the text. */
export interface PlaceValue extends Span {
  /** ISO 3166-1 alpha-2, upper case: FR, GG, NL… */
  code: string;
}

// ---------------------------------------------------------------------------
// Phrase matching

/** One name in a phrase dictionary. */
export interface PhraseRule<T> {
  /** The name as written: "Pays-Bas", "US". Its words are matched on folded text. */
  phrase: string;
  /** What the name stands for; `null` blocks it (a longer name that is not the thing). */
  value: T | null;
  /** The first letter must be upper case in the text: the name is also a common word. */
  capital?: boolean;
  /** The text must be exactly `phrase` (an acronym that is also a word: "US"). */
  exactCase?: boolean;
  /** The word just before (folded) must be one of these: "la" for "la Géorgie". */
  after?: readonly string[];
  /** Of the words in `after`, those that belong to the name and start the span: "Le" Monde. */
  spanFromAfter?: readonly string[];
  /** Folded text that must follow the name and is added to the span (a sticky regex). */
  suffix?: RegExp;
}

/** A dictionary name found in a text. */
export interface PhraseMatch<T> extends Span {
  value: T;
}

interface CompiledRule<T> extends PhraseRule<T> {
  words: readonly string[];
}

/** Longest run of characters allowed between two words of one name ("Côte d'Ivoire", "Tech & Co"). */
const MAX_GAP = 3;

function isGapChar(code: number): boolean {
  // space, tab, newline, apostrophe, hyphen, ampersand
  return code === 32 || code === 9 || code === 10 || code === 39 || code === 45 || code === 38;
}

function isNameGap(folded: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > MAX_GAP) return false;
  for (let i = from; i < to; i++) if (!isGapChar(folded.charCodeAt(i))) return false;
  return true;
}

function isUpperAt(text: string, index: number): boolean {
  const ch = text.charAt(index);
  return ch !== ch.toLowerCase();
}

/** Words of a folded text, as parallel arrays. */
interface Words {
  folded: string;
  starts: number[];
  ends: number[];
  words: string[];
}

function isLetterCode(code: number): boolean {
  return code >= 97 && code <= 122; // a-z
}

function isWordCode(code: number): boolean {
  return isLetterCode(code) || (code >= 48 && code <= 57); // a-z, 0-9
}

const DOT = 46;

/**
 * The words of a folded text: dotted acronyms ("u.s.", "u.k.") and runs of
 * letters and digits. Everything else (spaces, punctuation, letters that do
 * not fold to ASCII) separates words. A hand-written scan: this runs on every
 * sentence, and a regular expression would allocate a match per word.
 */
function splitWords(folded: string): Words {
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  const length = folded.length;
  let i = 0;
  while (i < length) {
    const code = folded.charCodeAt(i);
    if (!isWordCode(code)) {
      i++;
      continue;
    }
    const start = i;
    if (
      isLetterCode(code) &&
      folded.charCodeAt(i + 1) === DOT &&
      isLetterCode(folded.charCodeAt(i + 2)) &&
      folded.charCodeAt(i + 3) === DOT
    ) {
      while (isLetterCode(folded.charCodeAt(i)) && folded.charCodeAt(i + 1) === DOT) i += 2;
    } else {
      while (i < length && isWordCode(folded.charCodeAt(i))) i++;
    }
    starts.push(start);
    ends.push(i);
    words.push(folded.slice(start, i));
  }
  return { folded, starts, ends, words };
}

/**
 * The words of the last text split, kept because `extractPlaces` and
 * `extractEntities` are usually called one after the other on the same
 * sentence.
 */
let lastText: string | undefined;
let lastWords: Words = { folded: '', starts: [], ends: [], words: [] };

/** The words of `text`, whose folded copy (`foldSameLength`) the caller may have made already. */
function wordsOf(text: string, folded?: string): Words {
  if (text !== lastText) {
    lastWords = splitWords(folded ?? foldSameLength(text));
    lastText = text;
  }
  return lastWords;
}

/**
 * A function that finds every name of `rules` in a text, in text order, never
 * overlapping: at each word the longest name that fits wins, and a blocking
 * name (value `null`) swallows its words without a match. Names are matched
 * word by word on `foldSameLength`, with at most three spaces, apostrophes, hyphens
 * or ampersands between words. Returns an empty list when no name occurs.
 * A caller that has the text folded already passes the folded copy along.
 */
export function createPhraseMatcher<T>(
  rules: readonly PhraseRule<T>[],
): (text: string, folded?: string) => PhraseMatch<T>[] {
  const index = new Map<string, CompiledRule<T>[]>();
  for (const rule of rules) {
    const words = splitWords(foldSameLength(rule.phrase)).words;
    const first = words[0];
    if (first === undefined) throw new Error(`phrase without a word: ${rule.phrase}`);
    const list = index.get(first) ?? [];
    list.push({ ...rule, words });
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);

  return (text: string, foldedText?: string) => {
    const { folded, starts, ends, words } = wordsOf(text, foldedText);
    const found: PhraseMatch<T>[] = [];
    const count = words.length;
    for (let i = 0; i < count;) {
      const candidates = index.get(words[i] as string);
      let taken = 0;
      if (candidates !== undefined) {
        for (const rule of candidates) {
          const match = matchRule(rule, i, text, folded, starts, ends, words);
          if (match === undefined) continue;
          if (rule.value !== null)
            found.push({ start: match.start, end: match.end, value: rule.value });
          taken = rule.words.length;
          break;
        }
      }
      i += taken > 0 ? taken : 1;
    }
    return found;
  };
}

function matchRule<T>(
  rule: CompiledRule<T>,
  i: number,
  text: string,
  folded: string,
  starts: readonly number[],
  ends: readonly number[],
  words: readonly string[],
): Span | undefined {
  const length = rule.words.length;
  if (i + length > words.length) return undefined;
  for (let k = 1; k < length; k++) {
    if (words[i + k] !== rule.words[k]) return undefined;
    if (!isNameGap(folded, ends[i + k - 1] as number, starts[i + k] as number)) return undefined;
  }
  let start = starts[i] as number;
  let end = ends[i + length - 1] as number;
  if (rule.capital === true && !isUpperAt(text, start)) return undefined;
  if (rule.exactCase === true && text.slice(start, end) !== rule.phrase) return undefined;
  if (rule.after !== undefined) {
    const previous = words[i - 1];
    if (previous === undefined || !rule.after.includes(previous)) return undefined;
    if (!isNameGap(folded, ends[i - 1] as number, start)) return undefined;
    if (rule.spanFromAfter?.includes(previous) === true) start = starts[i - 1] as number;
  }
  if (rule.suffix !== undefined) {
    rule.suffix.lastIndex = end;
    const tail = rule.suffix.exec(folded);
    if (tail === null) return undefined;
    end += tail[0].length;
  }
  return { start, end };
}

// ---------------------------------------------------------------------------
// The dictionary of places

/**
 * Names of each place, written compactly: a plain name matches in any case
 * and with or without accents; `^Name` needs a capital initial (the name is
 * also a common word, or an English name); `=NAME` must be written exactly so
 * (acronyms). A code of `-` blocks the names: they contain a country's name
 * but are not the country.
 */
const PLACE_NAMES: readonly (readonly [code: string, ...names: string[]])[] = [
  // European Union
  ['AT', 'Autriche', '^Austria'],
  ['BE', 'Belgique', '^Belgium'],
  ['BG', 'Bulgarie', '^Bulgaria'],
  ['HR', 'Croatie', '^Croatia'],
  ['CY', '^Chypre', '^Cyprus'],
  ['CZ', 'République tchèque', 'Tchéquie', '^Czech Republic', '^Czechia'],
  ['DK', 'Danemark', '^Denmark'],
  ['EE', 'Estonie', '^Estonia'],
  ['FI', 'Finlande', '^Finland'],
  ['FR', 'France'],
  ['DE', 'Allemagne', '^Germany'],
  ['GR', 'Grèce', '^Greece'],
  ['HU', 'Hongrie', '^Hungary'],
  ['IE', 'Irlande', '^Ireland', '^Eire', '^Éire'],
  ['IT', 'Italie', '^Italy'],
  ['LV', 'Lettonie', '^Latvia'],
  ['LT', 'Lituanie', '^Lithuania'],
  ['LU', 'Luxembourg'],
  ['MT', '^Malte', '^Malta'],
  ['NL', 'Pays-Bas', '^Netherlands'],
  ['PL', 'Pologne', '^Poland'],
  ['PT', 'Portugal'],
  ['RO', 'Roumanie', '^Romania'],
  ['SK', 'Slovaquie', '^Slovakia'],
  ['SI', 'Slovénie', '^Slovenia'],
  ['ES', 'Espagne', '^Spain'],
  ['SE', '^Suède', '^Sweden'],
  // EFTA
  ['IS', 'Islande', '^Iceland'],
  ['LI', 'Liechtenstein'],
  ['NO', 'Norvège', '^Norway'],
  ['CH', '^Suisse', '^Switzerland', 'Confédération helvétique'],
  // United Kingdom, crown dependencies and overseas territories
  [
    'GB',
    'Royaume-Uni',
    'Grande-Bretagne',
    'Angleterre',
    'Écosse',
    'Pays de Galles',
    'Irlande du Nord',
    '^United Kingdom',
    '^Great Britain',
    '^Britain',
    '^England',
    '^Scotland',
    '^Wales',
    '^Northern Ireland',
    '=UK',
    '=U.K.',
  ],
  ['GG', 'Guernesey', '^Guernsey', 'Bailliage de Guernesey', '^Bailiwick of Guernsey'],
  ['JE', '^Jersey', 'Bailliage de Jersey', '^Bailiwick of Jersey'],
  ['IM', 'île de Man', '^Isle of Man'],
  ['GI', 'Gibraltar'],
  ['VG', 'îles Vierges britanniques', '^British Virgin Islands', '=BVI'],
  ['KY', 'îles Caïmans', 'îles Caïman', '^Caïmans', '^Cayman Islands', '^Caymans'],
  ['BM', 'Bermudes', '^Bermuda'],
  ['AI', 'Anguilla'],
  ['MS', 'Montserrat'],
  ['TC', 'îles Turques-et-Caïques', 'Turques-et-Caïques', '^Turks and Caicos'],
  ['FK', 'Malouines', 'îles Malouines', '^Falkland Islands', '^Falklands'],
  // Other offshore jurisdictions
  ['BS', 'Bahamas'],
  ['BZ', 'Belize'],
  ['PA', '^Panama'],
  ['SC', 'Seychelles'],
  ['MC', 'Monaco', 'principauté de Monaco'],
  ['AD', 'Andorre', '^Andorra'],
  ['SM', 'Saint-Marin', '^San Marino'],
  ['VA', 'Vatican', 'Saint-Siège', '^Holy See'],
  ['MU', 'île Maurice', '^Mauritius'],
  ['HK', 'Hong Kong'],
  ['MO', 'Macao', '^Macau'],
  ['SG', 'Singapour', '^Singapore'],
  [
    'AE',
    'Émirats arabes unis',
    'Émirats',
    '=EAU',
    '^United Arab Emirates',
    '^Emirates',
    '=UAE',
    'Dubaï',
  ],
  ['CW', 'Curaçao'],
  ['AW', 'Aruba'],
  ['SX', 'Sint Maarten'],
  ['VU', 'Vanuatu'],
  ['WS', 'Samoa'],
  ['MH', 'îles Marshall', '^Marshall Islands'],
  ['CK', 'îles Cook', '^Cook Islands'],
  ['LR', 'Liberia', 'Libéria'],
  ['CR', 'Costa Rica'],
  ['AG', 'Antigua-et-Barbuda', '^Antigua and Barbuda', '^Antigua'],
  ['KN', 'Saint-Christophe-et-Niévès', 'Saint-Kitts-et-Nevis', '^Saint Kitts and Nevis'],
  ['LC', 'Sainte-Lucie', '^Saint Lucia'],
  ['BB', 'Barbade', '^Barbados'],
  // Europe, outside the EU
  ['AL', 'Albanie', '^Albania'],
  ['AM', 'Arménie', '^Armenia'],
  ['AZ', 'Azerbaïdjan', '^Azerbaijan'],
  ['BY', 'Biélorussie', 'Bélarus', '^Belarus'],
  ['BA', 'Bosnie-Herzégovine', 'Bosnie', '^Bosnia and Herzegovina', '^Bosnia'],
  ['GE', 'république de Géorgie', '^Republic of Georgia'],
  ['XK', 'Kosovo'],
  ['MD', 'Moldavie', '^Moldova'],
  ['ME', 'Monténégro', '^Montenegro'],
  ['MK', 'Macédoine du Nord', 'Macédoine', '^North Macedonia', '^Macedonia'],
  ['RS', 'Serbie', '^Serbia'],
  ['RU', 'Russie', '^Russia', 'Fédération de Russie', '^Russian Federation'],
  ['TR', 'Turquie', '^Turkey', 'Türkiye'],
  ['UA', 'Ukraine'],
  // Americas
  [
    'US',
    'États-Unis',
    '^United States',
    '^United States of America',
    '=USA',
    '=US',
    '=U.S.',
    '=U.S.A.',
  ],
  ['CA', 'Canada'],
  ['MX', 'Mexique', '^Mexico'],
  ['BR', 'Brésil', '^Brazil'],
  ['AR', '^Argentine', '^Argentina'],
  ['CL', '^Chili', '^Chile'],
  ['CO', 'Colombie', '^Colombia'],
  ['PE', 'Pérou', '^Peru'],
  ['VE', 'Venezuela', 'Vénézuela'],
  ['BO', 'Bolivie', '^Bolivia'],
  ['EC', '^Équateur', '^Ecuador'],
  ['UY', 'Uruguay'],
  ['PY', 'Paraguay'],
  ['CU', 'Cuba'],
  ['HT', 'Haïti', '^Haiti'],
  ['DO', 'République dominicaine', '^Dominican Republic'],
  ['JM', 'Jamaïque', '^Jamaica'],
  ['GT', 'Guatemala'],
  ['HN', 'Honduras'],
  ['NI', 'Nicaragua'],
  ['SV', '^El Salvador'],
  ['PR', 'Porto Rico', '^Puerto Rico'],
  ['VI', 'îles Vierges des États-Unis', '^US Virgin Islands', '^U.S. Virgin Islands'],
  ['GY', 'Guyana'],
  ['SR', 'Suriname'],
  // French overseas
  ['GP', 'Guadeloupe'],
  ['MQ', 'Martinique'],
  ['GF', 'Guyane', 'Guyane française', '^French Guiana'],
  ['YT', 'Mayotte'],
  ['NC', 'Nouvelle-Calédonie', '^New Caledonia'],
  ['PF', 'Polynésie française', '^French Polynesia', 'Tahiti'],
  ['PM', 'Saint-Pierre-et-Miquelon'],
  ['WF', 'Wallis-et-Futuna'],
  // Middle East and Africa
  ['IL', 'Israël', '^Israel'],
  ['PS', 'Palestine', 'territoires palestiniens'],
  ['LB', 'Liban', '^Lebanon'],
  ['SY', 'Syrie', '^Syria'],
  ['JO', 'Jordanie'],
  ['IQ', 'Irak', 'Iraq'],
  ['IR', 'Iran'],
  ['SA', 'Arabie saoudite', '^Saudi Arabia'],
  ['QA', 'Qatar'],
  ['KW', 'Koweït', '^Kuwait'],
  ['BH', 'Bahreïn', '^Bahrain'],
  ['OM', 'Oman'],
  ['YE', 'Yémen', '^Yemen'],
  ['EG', 'Égypte', '^Egypt'],
  ['LY', 'Libye', '^Libya'],
  ['TN', 'Tunisie', '^Tunisia'],
  ['DZ', 'Algérie', '^Algeria'],
  ['MA', 'Maroc', '^Morocco'],
  ['MR', 'Mauritanie', '^Mauritania'],
  ['SN', 'Sénégal', '^Senegal'],
  ['ML', '^Mali'],
  ['NE', 'Niger'],
  ['TD', 'Tchad'],
  ['NG', 'Nigeria', 'Nigéria'],
  ['GH', 'Ghana'],
  ['CI', "Côte d'Ivoire", '^Ivory Coast'],
  ['BF', 'Burkina Faso', 'Burkina'],
  ['BJ', '^Bénin', '^Benin'],
  ['TG', 'Togo'],
  ['GN', 'Guinée', '^Guinea'],
  ['GW', 'Guinée-Bissau', '^Guinea-Bissau'],
  ['GQ', 'Guinée équatoriale', '^Equatorial Guinea'],
  ['CM', 'Cameroun', '^Cameroon'],
  ['GA', 'Gabon'],
  ['CG', 'Congo', 'République du Congo', '^Republic of the Congo', 'Congo-Brazzaville'],
  [
    'CD',
    'République démocratique du Congo',
    '=RDC',
    '=RD Congo',
    'Congo-Kinshasa',
    '^Democratic Republic of the Congo',
    '=DRC',
  ],
  ['AO', 'Angola'],
  ['ZA', 'Afrique du Sud', '^South Africa'],
  ['KE', 'Kenya'],
  ['ET', 'Éthiopie', '^Ethiopia'],
  ['SO', 'Somalie', '^Somalia'],
  ['SD', 'Soudan', '^Sudan'],
  ['SS', 'Soudan du Sud', '^South Sudan'],
  ['RW', 'Rwanda'],
  ['MG', 'Madagascar'],
  ['KM', 'Comores', '^Comoros'],
  ['DJ', 'Djibouti'],
  // Asia and Oceania
  ['CN', 'Chine', '^China'],
  ['TW', 'Taïwan', '^Taiwan'],
  ['JP', 'Japon', '^Japan'],
  ['KR', 'Corée du Sud', '^South Korea'],
  ['KP', 'Corée du Nord', '^North Korea'],
  ['MN', 'Mongolie', '^Mongolia'],
  ['IN', '^Inde', '^India'],
  ['PK', 'Pakistan'],
  ['AF', 'Afghanistan'],
  ['BD', 'Bangladesh'],
  ['LK', 'Sri Lanka'],
  ['NP', 'Népal', '^Nepal'],
  ['KZ', 'Kazakhstan'],
  ['UZ', 'Ouzbékistan', '^Uzbekistan'],
  ['VN', 'Vietnam', 'Viêt Nam', '^Viet Nam'],
  ['TH', 'Thaïlande', '^Thailand'],
  ['KH', 'Cambodge', '^Cambodia'],
  ['LA', 'Laos'],
  ['MM', 'Birmanie', '^Myanmar', '^Burma'],
  ['MY', 'Malaisie', '^Malaysia'],
  ['ID', 'Indonésie', '^Indonesia'],
  ['PH', 'Philippines'],
  ['AU', 'Australie', '^Australia'],
  ['NZ', 'Nouvelle-Zélande', '^New Zealand'],
  ['FJ', 'Fidji', '^Fiji'],
  ['PG', 'Papouasie-Nouvelle-Guinée', '^Papua New Guinea'],
  // Names that contain a country's name but are not the country.
  [
    '-',
    'France Télévisions',
    'France 2',
    'France 3',
    'France 4',
    'France 5',
    'France 24',
    'France Ô',
    'France Info',
    'France Inter',
    'France Culture',
    'France Bleu',
    'France Musique',
    'France Travail',
    'France Soir',
    'France insoumise',
    'France Stratégie',
    'France Services',
    'France Compétences',
    'France Digitale',
    'Radio France',
    'Air France',
    'Ouest-France',
    'Agence France-Presse',
    'Banque de France',
    'Stade de France',
    'Tour de France',
    'Coupe de France',
    'Équipe de France',
    'Île-de-France',
    'Collège de France',
    'Institut de France',
    'Bibliothèque nationale de France',
    'Électricité de France',
    'Gaz de France',
    'New Jersey',
    'Jersey City',
    'Jersey Shore',
    'New Mexico',
    'New South Wales',
    'Nouvelle-Guinée',
    'New Guinea',
    'Jardin du Luxembourg',
    'Palais du Luxembourg',
    'îles Anglo-Normandes',
    'Channel Islands',
  ],
];

/** Words before a name that make it a place: "in Jordan", "to Holland", "from Chad". */
const ENGLISH_PLACE_PREPOSITIONS = ['in', 'to', 'from'] as const;

/** Names checked on more than the words: the article before, or a qualifier after. */
const SPECIAL_PLACE_RULES: readonly PhraseRule<string>[] = [
  { phrase: 'Géorgie', value: 'GE', after: ['la'] },
  { phrase: 'Georgia', value: 'GE', capital: true, suffix: /\s*\(country\)/y },
  { phrase: 'Hollande', value: 'NL', capital: true, after: ['en', 'la'] },
  // Also people's names ("Tom Holland", "Michael Jordan"): countries only after a preposition.
  { phrase: 'Holland', value: 'NL', capital: true, after: ENGLISH_PLACE_PREPOSITIONS },
  { phrase: 'Jordan', value: 'JO', capital: true, after: ENGLISH_PLACE_PREPOSITIONS },
  { phrase: 'Chad', value: 'TD', capital: true, after: ENGLISH_PLACE_PREPOSITIONS },
  { phrase: 'Réunion', value: 'RE', capital: true, after: ['la'] },
  { phrase: 'île de la Réunion', value: 'RE' },
  { phrase: 'Salvador', value: 'SV', capital: true, after: ['le', 'au', 'du'] },
];

function placeRules(): PhraseRule<string>[] {
  const rules: PhraseRule<string>[] = [...SPECIAL_PLACE_RULES];
  for (const [code, ...names] of PLACE_NAMES) {
    for (const name of names) {
      const value = code === '-' ? null : code;
      if (name.startsWith('=')) rules.push({ phrase: name.slice(1), value, exactCase: true });
      else if (name.startsWith('^')) rules.push({ phrase: name.slice(1), value, capital: true });
      else rules.push({ phrase: name, value });
    }
  }
  return rules;
}

const matchPlaces = createPhraseMatcher(placeRules());

/**
 * Countries and islands named in a sentence, French or English names, with
 * or without their article ("aux Pays-Bas", "in the Netherlands"), in text
 * order, one entry per mention (a country named twice appears twice). The
 * span covers the name, not its article. Returns an empty list when the text
 * names no place this module knows (see the module comment for what it
 * leaves out on purpose). A caller that has the text folded
 * (`foldSameLength`) passes it as `folded`.
 */
export function extractPlaces(text: string, folded?: string): PlaceValue[] {
  return matchPlaces(text, folded).map(({ start, end, value }) => ({ start, end, code: value }));
}
