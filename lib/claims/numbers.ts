/**
 * Figures in a sentence (`extractNumbers`), French or English, with what the
 * wording says about the true figure ("plus de 23 000" is a lower bound,
 * "une vingtaine" an approximation), so that a claim's count can be compared
 * with a fact's `quantity` or `money` value.
 *
 * Three precompiled expressions each make one pass over the raw text: figures
 * written with digits (with phone numbers and clock times matched first, so
 * that their digits are never read as figures), runs of number words, and
 * approximate nouns ("une centaine", "a dozen"). Bound words and a currency
 * sign before a figure are read backwards from it with a lookbehind
 * (`endsHere`), and its multiplier, unit and bound words after it forwards
 * with sticky expressions: neither scans the rest of the sentence.
 *
 * Decisions on ambiguous inputs:
 * - Separators: a space of any width or an apostrophe between groups of three
 *   digits is a thousands separator ("23 051", "23'051"); a dot or a comma
 *   followed by exactly three digits is one too ("23.051", "23,051"), in
 *   French and English alike, unless the integer part is 0 or a multiplier
 *   follows ("1,500 million", "2.500 M" are decimals); with one or two digits
 *   after it, a dot or a comma is a decimal separator ("2,5 millions", "2.5
 *   million"). When both appear ("1,234.5", "1.234,5") the last one is the
 *   decimal separator.
 * - "billion" is 10⁹ in English and in undetermined text, 10¹² in French text
 *   (where 10⁹ is "milliard").
 * - Not figures: phone numbers ("06 07 18 42 28", "+33 6 …"), clock times
 *   ("10h30", "10:30", "10 h", "à 10 heures"), ordinals ("1er", "2e", "21st"),
 *   anything glued to letters ("4G", "MP3", "COVID-19", "10km"), versions and
 *   addresses ("1.2.3", "192.168.0.1"), fractions and ratios ("24/24"),
 *   references ("article 321-1", "n° 12", "page 4"), runs of more than twelve
 *   digits (identifiers), and whatever `extractDates` reports as a date (a
 *   day before a month name, a year after one, "en 2023", "entre 2021 et
 *   2024", "25/06/2024").
 * - A bare integer from 1900 to 2099 written without separator and not in a
 *   date ("2024 victimes", "2000 personnes") may be a count or a year: it is
 *   reported, with `mayBeYear: true`.
 * - Number words: "un", "une", "one" alone are articles, not figures (but
 *   "vingt et un", "un million" are figures); "neuf" alone is a figure only
 *   before a plural noun ("neuf pays", not "un site neuf"); "cent" after
 *   "pour" is the percent sign; "des millions", "des milliers", "thousands",
 *   "dozens", "des dizaines" are too vague to report. "a hundred", "a
 *   thousand", "a million" are reported with their "a".
 * - "+23 000" is not a bound (it reads as a change, "+20 %"); "23 000+" and
 *   "+ de 23 000" are "more than". "et plus" / "or more" make a lower bound
 *   right after the figure or after its noun ("480 victimes et plus"), and
 *   the span then runs to the end of "et plus".
 * - Spans: `start` includes the bound words and a currency sign before the
 *   figure ("plus de 23 000", "about $2 million"), `numberStart` is where the
 *   digits or number words begin, and `end` includes the multiplier, the
 *   currency, the percent sign and bound words after ("500 000 euros", "23 000
 *   environ").
 */
import type { Bound } from '../facts/schema.ts';
import type { Span } from '../text/span.ts';
import { endingAt, endsHere, extractDates, hitLength } from './dates.ts';

/** How a stated figure relates to the true one; the fact schema's type, re-exported for callers. */
export type { Bound };

/** A figure found in the text. */
export interface NumberValue extends Span {
  value: number;
  /** What the wording says about the true figure: "plus de 23 000" → more-than; "environ" → about; none → exact. */
  bound: Bound;
  /** True when the figure is written round or abbreviated (23 000, 23k, vingt mille, "une vingtaine"): the writer may be rounding. */
  rounded: boolean;
  currency?: 'EUR' | 'USD' | 'GBP';
  percent?: boolean;
  /** Start of the number itself (after any bound words like "plus de"); Span.start includes the bound words. */
  numberStart: number;
  /** A bare integer 1900–2099 outside any date ("2024 victimes"): it may be a year. */
  mayBeYear?: boolean;
}

/** The language of the text: which number words to read ('und': both French and English). */
export type NumberLanguage = 'fr' | 'en' | 'und';

type Currency = NonNullable<NumberValue['currency']>;

// ---------------------------------------------------------------------------
// Patterns

/** A space inside a line, of any width. */
const HS = String.raw`[ \u00A0\u202F\u2009\u2007]`;
/** A separator between digit pairs of a phone number. */
const PHONE_SEP = String.raw`[ .\-\u00A0\u202F]`;

/**
 * Digits in the text, one of:
 * phone — a French number ("06 07 18 42 28", "+33 6 12 34 56 78", "+33 (0)6…")
 *   or an international one ("+44 20 7946 0958");
 * time — "10h30", "10 h", "10:30", "10 am";
 * num — a figure: groups of three digits separated by a space, an apostrophe,
 *   a dot or a comma, with an optional decimal part, or plain digits with an
 *   optional decimal part.
 * Phone and time come first so that their digits are never read as figures.
 */
const DIGITS = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:` +
    String.raw`(?<phone>(?:\+|00)33${PHONE_SEP}?(?:\(0\)${PHONE_SEP}?)?[1-9](?:${PHONE_SEP}?\d{2}){4}(?!\d)` +
    String.raw`|0[1-9](?:${PHONE_SEP}?\d{2}){4}(?!\d)` +
    String.raw`|\+\d{1,3}${PHONE_SEP}?(?:\(0\)${PHONE_SEP}?)?\(?\d{1,4}\)?(?:${PHONE_SEP}?\d{2,4}){2,4}(?!\d))` +
    String.raw`|(?<time>\d{1,2}${HS}?[hH](?:${HS}?[0-5]\d)?(?![\p{L}\p{N}])` +
    String.raw`|\d{1,2}:[0-5]\d(?::[0-5]\d)?(?!\d)` +
    String.raw`|\d{1,2}(?:[.:][0-5]\d)?${HS}?[aApP]\.?[mM]\.?(?![\p{L}]))` +
    String.raw`|(?<num>\d{1,3}(?:[ \u00A0\u202F\u2009\u2007'’]\d{3})+(?!\d)(?:[.,]\d+)?` +
    String.raw`|\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?` +
    String.raw`|\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?` +
    String.raw`|\d+(?:[.,]\d+)?)` +
    ')',
  'gu',
);

/** French number words and their values. */
const FRENCH_WORDS: Readonly<Record<string, number>> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  septante: 70,
  huitante: 80,
  octante: 80,
  nonante: 90,
  cent: 100,
  cents: 100,
  mille: 1e3,
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
};

/** English number words and their values. */
const ENGLISH_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
};

/** Approximate nouns and the figure they round to: "une vingtaine" ≈ 20. */
const FRENCH_APPROXIMATE: Readonly<Record<string, number>> = {
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
  millier: 1000,
};
const ENGLISH_APPROXIMATE: Readonly<Record<string, number>> = { dozen: 12 };

/** Number words that start a figure only with "a"/"an" before them: "a hundred", "a million". */
const NEEDS_ARTICLE = new Set(['hundred', 'thousand', 'million', 'billion', 'milliard']);
/** Plural number words never start a figure: "des millions"; "vingts", "cents" only end one ("quatre-vingts"). */
const NEVER_FIRST = new Set(['millions', 'milliards', 'vingts', 'cents']);
/** Words joining number words that are not numbers themselves. */
const JOINING_WORDS = new Set(['et', 'and']);

interface Lexicon {
  words: ReadonlyMap<string, number>;
  approximate: ReadonlyMap<string, number>;
  /** A run of number words joined by spaces, hyphens, "et" or "and". */
  run: RegExp;
  /**
   * A number word other than "un", "une", "one", as a whole ASCII word in any
   * case: a cheap test that lets most sentences skip `run`. A word of a run
   * counts only when its lower case is a lexicon word (so it is made of ASCII
   * letters: only the Kelvin sign lower-cases to one, and no number word has
   * a "k"), it stands between characters that are not letters or digits, and
   * articles alone make no figure: a text this does not match has no figure
   * in words.
   */
  anyWord: RegExp;
  /** An article and an approximate noun: "une vingtaine", "a dozen". */
  approx: RegExp;
  billion: number;
}

function alternation(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

function lexicon(language: NumberLanguage): Lexicon {
  const french = language !== 'en';
  const english = language !== 'fr';
  const words = new Map<string, number>([
    ...(french ? Object.entries(FRENCH_WORDS) : []),
    ...(english ? Object.entries(ENGLISH_WORDS) : []),
  ]);
  const approximate = new Map<string, number>([
    ...(french ? Object.entries(FRENCH_APPROXIMATE) : []),
    ...(english ? Object.entries(ENGLISH_APPROXIMATE) : []),
  ]);
  const articles = [...(french ? ['une', 'un'] : []), ...(english ? ['an', 'a'] : [])];
  const word = String.raw`(?:${alternation(words.keys())})(?![\p{L}\p{N}])`;
  // The words' first letters, looked ahead before the test of the character
  // behind: it matches nothing more, but lets the engine skip most positions.
  const firstLetters = [...new Set([...words.keys()].map((w) => w.charAt(0)))].join('');
  const joint = String.raw`(?:${HS}*-(?:et-)?${HS}*|${HS}+(?:et|and)${HS}+|${HS}+)`;
  const notArticles = [...words].filter(([, value]) => value !== 1).map(([w]) => w);
  return {
    words,
    approximate,
    anyWord: new RegExp(
      String.raw`(?<![A-Za-z0-9])(?:${alternation(notArticles)})(?![A-Za-z0-9])`,
      'i',
    ),
    run: new RegExp(
      String.raw`(?=[${firstLetters}])(?<![\p{L}\p{N}])${word}(?:${joint}${word})*`,
      'giu',
    ),
    approx: new RegExp(
      String.raw`(?<![\p{L}\p{N}])(?:${articles.join('|')})${HS}+(?:(?:petite|bonne|good)${HS}+)?(?<noun>${alternation(approximate.keys())})(?![\p{L}\p{N}])`,
      'giu',
    ),
    billion: language === 'fr' ? 1e12 : 1e9,
  };
}

const LEXICONS: Readonly<Record<NumberLanguage, Lexicon>> = {
  fr: lexicon('fr'),
  en: lexicon('en'),
  und: lexicon('und'),
};

/** One word of a run of number words. */
const LETTERS = /\p{L}+/gu;

/**
 * Bound words just before a figure, by bound. The groups are tried in this
 * order, so that the longer phrase wins where two end alike: "pas plus de"
 * (at most) before "plus de" (more than), "pas moins de" and "no less than"
 * (at least) before "moins de" and "less than" (less than).
 */
const BOUND_BEFORE = endsHere(
  String.raw`(?<![\p{L}])(?:` +
    String.raw`(?<atMost>pas plus d(?:e|['’])|no more than|not more than|jusqu['’]${HS}?(?:à|a)|tout au plus|au plus|au maximum|up to|at most|≤|<=)` +
    String.raw`|(?<atLeast>pas moins d(?:e|['’])|au moins|au minimum|au bas mot|at least|no fewer than|no less than|not fewer than|not less than|≥|>=)` +
    String.raw`|(?<moreThan>plus d(?:e|['’])|\+${HS}*d(?:e|['’])|au-delà d(?:e|['’])|more than|over|upwards of|in excess of|>)` +
    String.raw`|(?<lessThan>moins d(?:e|['’])|fewer than|less than|under|below|<)` +
    String.raw`|(?<about>pr[èe]s d(?:e|['’])|environ|quelque|[àa] peu pr[èe]s|autour d(?:e|['’])|approximativement|presque|quasiment|aux alentours d(?:e|['’])|de l['’]ordre d(?:e|['’])|pas loin d(?:e|['’])|grosso modo|nearly|almost|about|around|some|roughly|approximately|close to|circa|an estimated|~|≈)` +
    String.raw`)${HS}*`,
  'iu',
);

/** A currency sign or code just before a figure: "€500", "$2", "US$ 3", "EUR 500". */
const CURRENCY_BEFORE = endsHere(String.raw`(?:US${HS}?\$|[€$£]|EUR|USD|GBP)${HS}?`, 'u');

/** A reference, not a figure: "article 321-1", "art. L. 321", "n° 12", "page 4", "§ 3". */
const REFERENCE_BEFORE = endsHere(
  String.raw`(?<![\p{L}])(?:articles?|art\.|alin[ée]as?|al\.|n°|nº|no\.|num[ée]ros?|numbers?|pages?|p\.|pp\.|chapitres?|chapters?|sections?|versions?|tomes?|vol\.|volumes?|§|lois?|d[ée]crets?|decrees?)${HS}*(?:[LRD]\.?${HS}*)?`,
  'iu',
);
/** What joins the numbers of one reference: "321-1", "222-24 et 222-25". */
const REFERENCE_JOINT = new RegExp(
  String.raw`^(?:[-‐‑.]|${HS}*(?:,|et|and|à|to|ou|or)${HS}*)$`,
  'iu',
);

/** A figure glued after a letter and a hyphen ("COVID-19"), after digits and a separator ("1.2"), or after a sign that makes it a code ("#12", "n°12", "/24"). */
const CODE_BEFORE = endsHere(String.raw`\p{L}[-‐‑]|\p{N}[.,:/]|[/#@°§_^]`, 'u');
/** A figure followed by a separator and more digits is part of a code: "1.2.3", "24/7", "3:2". */
const CODE_AFTER = /^[.,:/]\d/;
/** A figure glued to a letter or a digit after its units: "4G", "10km", "1er". */
const GLUED_AFTER = /^[\p{L}\p{N}]/u;
/** Words before "N heures" that make it a clock time: "à 10 heures". */
const CLOCK_BEFORE = endsHere(
  String.raw`(?<![\p{L}])(?:à|a|vers|dès|avant|après|jusqu['’]à|at)${HS}+`,
  'iu',
);
/** "heures" or "o'clock" after a figure. */
const HOURS_AFTER = new RegExp(String.raw`^${HS}+(?:heures?|o['’]clock)(?![\p{L}])`, 'iu');

/** A multiplier abbreviation after a figure: "23k", "23 K", "1,2 M", "3 Md", "$2bn", "£3m". */
const MULTIPLIER_ABBREVIATION = new RegExp(
  String.raw`(?<space>${HS}?)(?<abbr>Mrds|Mrd|Mds|Md|M(?!\.${HS}?\p{Lu})|mds|md|m|bn|Bn|k|K)(?![\p{L}\p{N}])`,
  'uy',
);
/** A multiplier word after a figure: "2 millions", "23 mille", "1.5 million", "2 billion". */
const MULTIPLIER_WORD = new RegExp(
  String.raw`${HS}+(?<word>mille|millions?|milliards?|thousand|billions?|trillions?)(?![\p{L}\p{N}])`,
  'iuy',
);
/** A currency after a figure: "500 €", "500 euros", "2 millions d'euros", "3 millions de dollars". */
const CURRENCY_AFTER = new RegExp(
  String.raw`(?:${HS}?(?<sign>€|\$|£)|${HS}+(?<code>euros?|EUR|dollars?|USD|GBP|livres?${HS}sterling|pounds?${HS}sterling)|${HS}+d['’]${HS}?(?<ofEuros>euros?)|${HS}+de${HS}+(?<ofOther>dollars|livres${HS}sterling))(?![\p{L}])`,
  'iuy',
);
/** A percent sign or words after a figure: "50 %", "50%", "50 pour cent", "50 per cent". */
const PERCENT_AFTER = new RegExp(
  String.raw`(?:${HS}?%|${HS}+(?:pour${HS}?cent|pourcent|per${HS}?cent|percent))(?![\p{L}])`,
  'iuy',
);
/** Bound words after a figure: "23 000+", "23 000 et plus", "or more", "environ". */
const BOUND_AFTER = new RegExp(
  String.raw`(?:${HS}?(?<plus>\+)(?!${HS}?\d)|${HS}+(?<words>et plus|ou plus|or more|and more|and over|or over|environ|au moins|at least|tout au plus|au plus|at most|au maximum|au minimum))(?![\p{L}\p{N}])`,
  'iuy',
);
/** "or more" after the counted noun: "480 victimes et plus", "480 victims or more". */
const AT_LEAST_AFTER_NOUN = new RegExp(
  String.raw`${HS}+\p{L}+${HS}+(?:et plus|ou plus|or more|and more|and over|or over)(?![\p{L}\p{N}])`,
  'iuy',
);
/** A plural noun after "neuf" that makes it a figure: "neuf pays", "neuf ans". */
const PLURAL_NOUN_AFTER = new RegExp(String.raw`^${HS}+\p{L}*[sx](?![\p{L}])`, 'iu');
/** "pour" before "cent": the percent sign, not a hundred. */
const POUR_BEFORE = endsHere(String.raw`(?<![\p{L}])pour${HS}+`, 'iu');
/** "a"/"an" before "hundred", "thousand", "million". */
const ARTICLE_BEFORE = endsHere(String.raw`(?<![\p{L}])an?${HS}+`, 'iu');
/** A number word run followed by a hyphen and a letter is part of a compound: "Deux-Sèvres", "twenty-first". */
const HYPHEN_WORD_AFTER = /^[-‐‑]\p{L}/u;
/** A letter and a hyphen before a run of number words: the end of a compound name, not a figure. */
const HYPHEN_WORD_BEFORE = endsHere(String.raw`\p{L}[-‐‑]`, 'u');

/** Digits only, no separator: the common case, read without splitting. */
const PLAIN_DIGITS = /^\d+$/;
/** A round figure: at least this multiple. 500 and 23 000 read as rounded in the press; 480 and 23 051 do not. */
const ROUND_STEP = 100;
/** Longer runs of plain digits are identifiers (SIRET has 14), not figures. */
const MAX_PLAIN_DIGITS = 12;
/** Beyond 15 significant digits a double cannot hold an integer exactly; no count in the news is that long. */
const MAX_DIGITS = 15;
/** Bare integers in this range may be years. */
const YEAR_MIN = 1900;
const YEAR_MAX = 2099;

/** What each multiplier abbreviation multiplies by ("Md", "Mrd": milliard). */
const MULTIPLIER_BY_ABBREVIATION: Readonly<Record<string, number>> = {
  k: 1e3,
  K: 1e3,
  m: 1e6,
  M: 1e6,
  md: 1e9,
  mds: 1e9,
  Md: 1e9,
  Mds: 1e9,
  Mrd: 1e9,
  Mrds: 1e9,
  bn: 1e9,
  Bn: 1e9,
};

/** The bound each phrase after a figure gives. */
const BOUND_AFTER_WORDS: Readonly<Record<string, Bound>> = {
  'et plus': 'at-least',
  'ou plus': 'at-least',
  'or more': 'at-least',
  'and more': 'at-least',
  'and over': 'at-least',
  'or over': 'at-least',
  environ: 'about',
  'au moins': 'at-least',
  'at least': 'at-least',
  'au minimum': 'at-least',
  'tout au plus': 'at-most',
  'au plus': 'at-most',
  'at most': 'at-most',
  'au maximum': 'at-most',
};

// ---------------------------------------------------------------------------
// Reading around a figure

interface Before {
  start: number;
  bound: Bound;
  currency?: Currency;
}

interface After {
  end: number;
  multiplier?: number;
  currency?: Currency;
  percent?: boolean;
  bound?: Bound;
}

/** Lower-case "m" after a figure is a million only glued to a sum ("£3m", "3m€"); otherwise it is metres. */
function isMetres(
  text: string,
  at: number,
  abbreviation: RegExpExecArray,
  options: { currencyBefore: boolean },
): boolean {
  const abbr = abbreviation.groups?.abbr ?? '';
  if (!abbr.startsWith('m')) return false;
  if (abbreviation.groups?.space !== '') return true;
  return (
    !options.currencyBefore && !'€$£'.includes(text.charAt(at + abbreviation[0].length) || 'x')
  );
}

function multiplierOfWord(word: string, billion: number): number {
  if (word.startsWith('mille') || word.startsWith('thousand')) return 1e3;
  if (word.startsWith('milliard')) return 1e9;
  if (word.startsWith('billion')) return billion;
  if (word.startsWith('trillion')) return 1e12;
  return 1e6;
}

function currencyOf(text: string): Currency {
  const folded = text.toLowerCase();
  if (folded.includes('€') || folded.includes('eur')) return 'EUR';
  if (folded.includes('£') || folded.includes('gbp') || folded.includes('sterling')) return 'GBP';
  return 'USD';
}

function stickyAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Bound words and a currency sign before the figure starting at `at`. */
function readBefore(text: string, at: number): Before {
  let start = at;
  let currency: Currency | undefined;
  const sign = endingAt(CURRENCY_BEFORE, text, at);
  if (sign !== null) {
    start -= hitLength(sign);
    currency = currencyOf(sign.groups?.hit ?? '');
  }
  const words = endingAt(BOUND_BEFORE, text, start);
  const groups = words?.groups;
  let bound: Bound = 'exact';
  if (words !== null && groups !== undefined) {
    if (groups.atMost !== undefined) bound = 'at-most';
    else if (groups.atLeast !== undefined) bound = 'at-least';
    else if (groups.moreThan !== undefined) bound = 'more-than';
    else if (groups.lessThan !== undefined) bound = 'less-than';
    else bound = 'about';
    start -= hitLength(words);
  }
  return currency === undefined ? { start, bound } : { start, bound, currency };
}

/** Multiplier, currency, percent and bound words after a figure ending at `at`. */
function readAfter(
  text: string,
  at: number,
  options: { digits: boolean; currencyBefore: boolean; billion: number },
): After {
  const after: After = { end: at };
  if (options.digits) {
    const abbreviation = stickyAt(MULTIPLIER_ABBREVIATION, text, at);
    const abbr = abbreviation?.groups?.abbr;
    if (abbreviation !== null && abbr !== undefined && !isMetres(text, at, abbreviation, options)) {
      after.multiplier = MULTIPLIER_BY_ABBREVIATION[abbr];
      after.end += abbreviation[0].length;
    } else {
      const word = stickyAt(MULTIPLIER_WORD, text, at);
      const name = word?.groups?.word?.toLowerCase();
      if (word !== null && name !== undefined) {
        after.multiplier = multiplierOfWord(name, options.billion);
        after.end += word[0].length;
      }
    }
  }
  const currency = stickyAt(CURRENCY_AFTER, text, after.end);
  if (currency !== null) {
    after.currency = currencyOf(currency[0]);
    after.end += currency[0].length;
  } else {
    const percent = stickyAt(PERCENT_AFTER, text, after.end);
    if (percent !== null) {
      after.percent = true;
      after.end += percent[0].length;
    }
  }
  const bound = stickyAt(BOUND_AFTER, text, after.end);
  if (bound !== null) {
    const words = bound.groups?.words;
    after.bound =
      words === undefined
        ? 'more-than'
        : (BOUND_AFTER_WORDS[words.toLowerCase().replace(/\s+/g, ' ')] ?? 'about');
    after.end += bound[0].length;
  } else {
    const trailing = stickyAt(AT_LEAST_AFTER_NOUN, text, after.end);
    if (trailing !== null) {
      after.bound = 'at-least';
      after.end += trailing[0].length;
    }
  }
  return after;
}

/** The value of digits as written, or `undefined` when they are not a figure. */
function parseDigits(raw: string, multiplied: boolean): number | undefined {
  if (PLAIN_DIGITS.test(raw)) {
    if (raw.length > MAX_PLAIN_DIGITS || (raw.length > 1 && raw.charCodeAt(0) === 48))
      return undefined;
    return Number(raw);
  }
  const compact = raw.replace(/[ \u00A0\u202F\u2009\u2007'’]/g, '');
  const spaceGroups = compact.length !== raw.length;
  const dots = compact.split('.').length - 1;
  const commas = compact.split(',').length - 1;
  let integer = compact;
  let fraction = '';
  const splitAt = (separator: '.' | ',') => {
    const at = compact.lastIndexOf(separator);
    integer = compact.slice(0, at).replace(/[.,]/g, '');
    fraction = compact.slice(at + 1);
  };
  if (spaceGroups) {
    if (dots + commas === 1) splitAt(dots === 1 ? '.' : ',');
  } else if (dots > 0 && commas > 0) {
    splitAt(compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',');
  } else if (dots + commas === 1) {
    const separator = dots === 1 ? '.' : ',';
    const at = compact.indexOf(separator);
    const head = compact.slice(0, at);
    const tail = compact.slice(at + 1);
    if (tail.length === 3 && head !== '0' && !multiplied) integer = head + tail;
    else splitAt(separator);
  } else {
    integer = compact.replace(/[.,]/g, '');
  }
  if (integer.length + fraction.length > MAX_DIGITS) return undefined;
  return Number(integer + fraction) / 10 ** fraction.length;
}

function isRound(value: number): boolean {
  return Number.isInteger(value) && value >= ROUND_STEP && value % ROUND_STEP === 0;
}

function build(
  before: Before,
  numberStart: number,
  after: After,
  value: number,
  rounded: boolean,
): NumberValue {
  const result: NumberValue = {
    start: before.start,
    end: after.end,
    value,
    bound: before.bound !== 'exact' ? before.bound : (after.bound ?? 'exact'),
    rounded,
    numberStart,
  };
  const currency = before.currency ?? after.currency;
  if (currency !== undefined) result.currency = currency;
  if (after.percent === true) result.percent = true;
  return result;
}

// ---------------------------------------------------------------------------
// The three passes

function digitFigures(
  text: string,
  lexicon: Lexicon,
  inDate: (span: Span) => boolean,
): NumberValue[] {
  const found: NumberValue[] = [];
  let referenceEnd = -1;
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(text); m !== null; m = DIGITS.exec(text)) {
    const raw = m.groups?.num;
    if (raw === undefined) continue; // a phone number or a clock time
    const start = m.index;
    const coreEnd = start + raw.length;
    if (inDate({ start, end: coreEnd })) continue;
    const reference =
      endingAt(REFERENCE_BEFORE, text, start) !== null ||
      (referenceEnd >= 0 && REFERENCE_JOINT.test(text.slice(referenceEnd, start)));
    if (reference) {
      referenceEnd = coreEnd;
      continue;
    }
    if (endingAt(CODE_BEFORE, text, start) !== null) continue;
    if (CODE_AFTER.test(text.slice(coreEnd, coreEnd + 2))) continue;
    if (
      HOURS_AFTER.test(text.slice(coreEnd, coreEnd + 12)) &&
      endingAt(CLOCK_BEFORE, text, start) !== null
    ) {
      continue;
    }
    const before = readBefore(text, start);
    const after = readAfter(text, coreEnd, {
      digits: true,
      currencyBefore: before.currency !== undefined,
      billion: lexicon.billion,
    });
    if (GLUED_AFTER.test(text.charAt(after.end))) continue;
    const figure = parseDigits(raw, after.multiplier !== undefined);
    if (figure === undefined) continue;
    const value = after.multiplier === undefined ? figure : multiply(raw, figure, after.multiplier);
    const result = build(
      before,
      start,
      after,
      value,
      after.multiplier !== undefined || isRound(value),
    );
    if (
      /^\d{4}$/.test(raw) &&
      value >= YEAR_MIN &&
      value <= YEAR_MAX &&
      after.multiplier === undefined &&
      result.currency === undefined &&
      result.percent !== true
    ) {
      result.mayBeYear = true;
    }
    found.push(result);
  }
  return found;
}

/** `figure × multiplier` without the binary rounding of decimals (1.2 × 10⁶ is exactly 1 200 000). */
function multiply(raw: string, figure: number, multiplier: number): number {
  const decimals = /[.,](\d+)$/.exec(raw)?.[1]?.length ?? 0;
  if (decimals === 0 || !Number.isInteger(figure * 10 ** decimals)) return figure * multiplier;
  const scaled = Math.round(figure * 10 ** decimals);
  return (scaled * multiplier) / 10 ** decimals;
}

interface WordToken {
  word: string;
  value: number;
  start: number;
  end: number;
}

/** Splits a run of number words into figures: "vingt-trois mille cinquante et un" is one, "six sept" two. */
function parseRun(tokens: readonly WordToken[]): { value: number; first: number; last: number }[] {
  const figures: { value: number; first: number; last: number }[] = [];
  let total = 0;
  let group = 0;
  // 0: nothing in the group yet; 1: after hundreds; 2: after tens; 3: after units.
  let stage = 0;
  let tens = 0;
  let lastMultiplier = Infinity;
  let afterDix = false;
  let first = -1;
  const reset = () => {
    total = 0;
    group = 0;
    stage = 0;
    tens = 0;
    lastMultiplier = Infinity;
    afterDix = false;
    first = -1;
  };
  const flush = (last: number) => {
    if (first >= 0) figures.push({ value: total + group, first, last });
    reset();
  };
  const accepts = (token: WordToken): boolean => {
    const v = token.value;
    if (v < 10) return stage < 3 || (afterDix && v >= 7);
    if (v < 20) return stage < 2 || (stage === 2 && (tens === 60 || tens === 80));
    if (v < 100) {
      const quatreVingt =
        token.word.startsWith('vingt') && stage === 3 && tens === 0 && group % 100 === 4;
      return stage < 2 || quatreVingt;
    }
    if (v === 100) return (stage === 0 && group === 0) || (stage === 3 && tens === 0 && group < 10);
    return v < lastMultiplier && (group > 0 || (stage === 0 && total === 0));
  };
  const apply = (token: WordToken) => {
    const v = token.value;
    if (v < 10) {
      group += v;
      stage = 3;
      afterDix = false;
    } else if (v < 20) {
      group += v;
      stage = 3;
      afterDix = v === 10;
    } else if (v < 100) {
      if (stage === 3) {
        group += 76; // "quatre" + "vingt" = 80
        tens = 80;
      } else {
        group += v;
        tens = v;
      }
      stage = 2;
      afterDix = false;
    } else if (v === 100) {
      group = group === 0 ? 100 : group * 100;
      stage = 1;
      tens = 0;
    } else {
      total += (group === 0 ? 1 : group) * v;
      group = 0;
      stage = 0;
      tens = 0;
      afterDix = false;
      lastMultiplier = v;
    }
  };
  tokens.forEach((token, i) => {
    if (first >= 0 && !accepts(token)) flush(i - 1);
    if (first < 0) first = i;
    apply(token);
  });
  flush(tokens.length - 1);
  return figures;
}

function wordFigures(text: string, lexicon: Lexicon): NumberValue[] {
  const found: NumberValue[] = [];
  if (!lexicon.anyWord.test(text)) return found;
  const run = lexicon.run;
  run.lastIndex = 0;
  for (let m = run.exec(text); m !== null; m = run.exec(text)) {
    // "un", "une", "one" alone are articles (see below): most runs stop here.
    if (lexicon.words.get(m[0].toLowerCase()) === 1) continue;
    const runEnd = m.index + m[0].length;
    if (HYPHEN_WORD_AFTER.test(text.slice(runEnd, runEnd + 2))) continue;
    if (endingAt(HYPHEN_WORD_BEFORE, text, m.index) !== null) continue;
    const tokens: WordToken[] = [];
    LETTERS.lastIndex = 0;
    for (let w = LETTERS.exec(m[0]); w !== null; w = LETTERS.exec(m[0])) {
      const word = w[0].toLowerCase();
      if (JOINING_WORDS.has(word)) continue;
      const value = lexicon.words.get(word);
      if (value === undefined) continue;
      tokens.push({
        word,
        value: word === 'billion' ? lexicon.billion : value,
        start: m.index + w.index,
        end: m.index + w.index + w[0].length,
      });
    }
    for (const figure of parseRun(tokens)) {
      const head = tokens[figure.first];
      const tail = tokens[figure.last];
      if (head === undefined || tail === undefined) continue;
      let numberStart = head.start;
      if (NEVER_FIRST.has(head.word)) continue;
      if (NEEDS_ARTICLE.has(head.word)) {
        const article = endingAt(ARTICLE_BEFORE, text, numberStart);
        if (article === null) continue;
        numberStart -= hitLength(article);
      }
      if (figure.first === figure.last) {
        if (head.value === 1) continue;
        if (head.word === 'neuf' && !PLURAL_NOUN_AFTER.test(text.slice(tail.end, tail.end + 40))) {
          continue;
        }
        if (head.word === 'cent' && endingAt(POUR_BEFORE, text, head.start) !== null) {
          continue;
        }
      }
      const before = readBefore(text, numberStart);
      const after = readAfter(text, tail.end, {
        digits: false,
        currencyBefore: before.currency !== undefined,
        billion: lexicon.billion,
      });
      found.push(build(before, numberStart, after, figure.value, isRound(figure.value)));
    }
  }
  return found;
}

function approximateFigures(text: string, lexicon: Lexicon): NumberValue[] {
  const found: NumberValue[] = [];
  const approx = lexicon.approx;
  approx.lastIndex = 0;
  for (let m = approx.exec(text); m !== null; m = approx.exec(text)) {
    const value = lexicon.approximate.get((m.groups?.noun ?? '').toLowerCase());
    if (value === undefined) continue;
    const before = readBefore(text, m.index);
    const after = readAfter(text, m.index + m[0].length, {
      digits: false,
      currencyBefore: before.currency !== undefined,
      billion: lexicon.billion,
    });
    const result = build(before, m.index, after, value, true);
    if (before.bound === 'exact' && after.bound === undefined) result.bound = 'about';
    found.push(result);
  }
  return found;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Every number in a sentence, with its bound words, in text order: digits
 * with any thousands separator ("23 051", "23.000", "23,051"), decimals and
 * multipliers ("2,5 millions", "23k", "1.5 million"), number words ("soixante
 * et onze", "four hundred and eighty") and approximate nouns ("une vingtaine",
 * "un millier", "a dozen"), with currency and percent. Skips phone numbers,
 * times, ordinals, numbers inside dates, reference numbers and codes (see the
 * module comment). Returns an empty list when the text has no figure.
 *
 * `dates` are the spans `extractDates(text, language)` returns; a caller that
 * has them already passes them to save computing them again.
 */
export function extractNumbers(
  text: string,
  language: NumberLanguage,
  dates?: readonly Span[],
): NumberValue[] {
  const lexicon = LEXICONS[language];
  // Dates are found only once a figure needs them.
  let dateSpans = dates;
  const inDate = (span: Span): boolean => {
    dateSpans ??= extractDates(text, language);
    return dateSpans.some((date) => overlaps(date, span));
  };
  const candidates = [
    ...digitFigures(text, lexicon, inDate),
    ...wordFigures(text, lexicon),
    ...approximateFigures(text, lexicon),
  ];
  if (candidates.length === 0) return candidates;
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NumberValue[] = [];
  let lastEnd = -1;
  for (const candidate of candidates) {
    if (candidate.start < lastEnd) continue;
    if (inDate({ start: candidate.numberStart, end: candidate.end })) continue;
    kept.push(candidate);
    lastEnd = candidate.end;
  }
  return kept;
}
