/**
 * Dates and periods in a sentence (`extractDates`, `extractPeriods`), French
 * or English, at the precision the text gives, so that a claim's date can be
 * compared with a fact's `date` or `period` value.
 *
 * One regular expression finds every date-like expression in a single pass.
 * Most are dates whatever their context ("25 juin 2024", "June 2024",
 * "mardi", "cette année"). Two are dates only in context, because a bare
 * number or a bare month name is too often something else:
 * - a bare four-digit year (1900–2099) is a date after a word that announces
 *   a year ("en 2023", "in 2023", "depuis 2021", "l'année 2024", "fin 2023",
 *   "mi-2024"), as an end of a period ("entre 2021 et 2024", "2021-2024"), or
 *   next to such a year in a list ("en 2023 et 2024"). "2024 victimes" and
 *   "plus de 2000 personnes" are not dates: `numbers.ts` reports them.
 * - a bare month name is a date after "en", "in", "depuis", "début", "fin",
 *   "mi-"… ("ouverte en décembre"), or as an end of a period ("d'avril à juin
 *   2024").
 *
 * Other decisions:
 * - Spans cover the date expression without its preposition or article:
 *   "le 25 juin 2024" → "25 juin 2024", "ce mardi" → "mardi". A named weekday
 *   is part of the span when it heads the date ("mardi 25 juin 2024").
 * - A date without a year ("le 25 juin") has no `year`; the caller resolves
 *   it, like `relativeYear`, against the page's date. "aujourd'hui", "hier",
 *   "today" are not reported: the interface has no relative day.
 * - Numeric dates are read day first ("25/06/2024"), or month first when
 *   only that makes sense ("06/25/2024"). In English text, when both numbers
 *   could be the month ("06/07/2024"), the date is ambiguous between US and
 *   British usage and is not reported.
 * - English "May", "March" and "August" must be capitalised ("may" is a verb).
 * - Periods: `to` is omitted for an open period ("since 2021", "depuis
 *   décembre 2023"), which runs to the time of writing. "jusqu'en 2024" alone
 *   is not a period. A period's ends are reported by both functions: by
 *   `extractDates` as single dates and by `extractPeriods` as `from`/`to`. An
 *   end missing its year or month takes it from the other end ("du 1er au 7
 *   mai 2024", "d'avril à juin 2024"), in both functions.
 *
 * The module also exports `endsHere` and `endingAt`, the lookbehind helpers
 * with which `numbers.ts` reads the words before a figure.
 */
import type { Span } from '../text/span.ts';

/** A date named in the text, at the precision the text gives. */
export interface DateValue extends Span {
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday, when a weekday is named. */
  weekday?: number;
  /**
   * `day` when the day of the month is known (with or without month and year),
   * `month` when the month is known but not the day, `year` for a year alone
   * or a relative year, `weekday` for a weekday alone ("ce mardi").
   */
  precision: 'day' | 'month' | 'year' | 'weekday';
  /** For relative expressions: "cette année"/"this year" (0), "l'an dernier"/"last year" (-1); the caller resolves them against the page's date. */
  relativeYear?: number;
}

/** A span of time between two dates; `to` is omitted when the period is open ("since 2021"). */
export interface PeriodValue extends Span {
  from: DateValue;
  to?: DateValue;
}

/** The language of the text; 'en' makes a numeric date with two possible months ambiguous. */
export type DateLanguage = 'fr' | 'en' | 'und';

// ---------------------------------------------------------------------------
// Patterns

/**
 * A sticky expression that matches, empty, where `pattern` ends. Run at an
 * offset with `endingAt`, it reads the text before that offset backwards, from
 * that one position, and captures what it read as `hit`: the way to test the
 * words before a date or a figure without scanning a slice of text.
 */
export function endsHere(pattern: string, flags: string): RegExp {
  return new RegExp(String.raw`(?<=(?<hit>${pattern}))`, `${flags}y`);
}

/** The match of an `endsHere` expression ending at `at`, or `null` when the words before `at` do not match. */
export function endingAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Length of the text an `endsHere` match read (0 when it read nothing). */
export function hitLength(match: RegExpExecArray): number {
  return match.groups?.hit?.length ?? 0;
}

/** Spaces inside one line, of any width (a date does not run across lines). */
const SP = String.raw`[^\S\r\n]+`;
/** French and English weekday names. */
const WEEKDAY = String.raw`(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;
/** English month names, in full or abbreviated, with or without the dot. */
const MONTH_EN = String.raw`(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)(?![\p{L}])`;
/** French and English month names in full, French with or without accents. */
const MONTH_FULL = String.raw`(?:janvier|f[eé]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[eé]cembre|january|february|march|april|may|june|july|august|september|october|november|december)(?![\p{L}])`;
/** Month names in full or abbreviated ("janv.", "févr.", "déc.", "Sept."). */
const MONTH = String.raw`(?:(?:janvier|f[eé]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[eé]cembre|january|february|march|april|may|june|july|august|september|october|november|december)|(?:janv|f[eé]vr?|avr|juil|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|d[eé]c)\.?)(?![\p{L}])`;
/** A day of the month, 1–31, with an optional leading zero. */
const DAY = String.raw`(?:3[01]|[12]\d|0?[1-9])(?!\d)`;
/** Ordinal endings after a day: "1er", "1ᵉʳ", "25th". */
const ORDINAL = String.raw`(?:er|ᵉʳ|st|nd|rd|th)?`;
/** A four-digit year. */
const YEAR = String.raw`\d{4}(?!\d)`;

/**
 * The first characters of every date expression: a digit, or the first three
 * letters of a weekday, a month or a relative year, grouped by first letter
 * (the engine reads a grouped list faster; order does not matter inside a
 * lookahead). Checked first, it spares the other words of a sentence the
 * dozens of alternatives below; checked before the test of the character
 * behind (which it does not change), it lets the engine skip most positions
 * at once.
 */
const DATE_START = String.raw`\d|l(?:un|as|['’])|m(?:ar|er|on|ai|ay)|j(?:eu|an|ui|un|ul)|ven|s(?:am|un|at|ep)|d(?:im|[eé]c)|t(?:ue|hu|hi)|wed|f(?:ri|[eé]v|eb)|a(?:vr|pr|o[uû]|ug)|oct|n(?:ov|ex)|cet`;

/**
 * Every date-like expression, one alternative per form, tried in this order
 * at each position:
 * iso "2024-06-25" (also 2024/06/25); num "25/06/2024", "25.06.24";
 * dmy "mardi 25 juin 2024", "1er janvier", "25th of June"; mdy "Tuesday, June
 * 25, 2024", "Sept. 25"; my "juin 2024"; wd+day "mardi 25"; month alone
 * "décembre" (checked in context); weekday alone "mardi"; relative "cette
 * année", "last year"; a bare year "2023" (checked in context). A date ends
 * before a space or punctuation, after an abbreviation's dot, or before the
 * "T" of an ISO timestamp ("2024-06-25T10:00").
 */
const DATE_EXPRESSION = new RegExp(
  String.raw`(?=${DATE_START})(?<![\p{L}\p{N}])(?:` +
    String.raw`(?<isoY>\d{4})(?<isoS>[-/.])(?<isoM>\d{1,2})\k<isoS>(?<isoD>\d{1,2})(?![\d])` +
    String.raw`|(?<numA>\d{1,2})(?<numS>[/.-])(?<numB>\d{1,2})\k<numS>(?<numY>\d{4}|\d{2})(?![\d])` +
    String.raw`|(?:(?<dmyW>${WEEKDAY}),?${SP})?(?<dmyD>${DAY})${ORDINAL}(?:${SP}of)?${SP}(?<dmyM>${MONTH})(?:,?${SP}(?<dmyY>${YEAR}))?` +
    String.raw`|(?:(?<mdyW>${WEEKDAY}),?${SP})?(?<mdyM>${MONTH_EN})${SP}(?<mdyD>${DAY})(?:st|nd|rd|th)?(?![\p{L}\p{N}])(?:,?${SP}(?<mdyY>${YEAR}))?` +
    String.raw`|(?<myM>${MONTH}),?${SP}(?<myY>${YEAR})` +
    String.raw`|(?<wdW>${WEEKDAY})${SP}(?<wdD>${DAY})${ORDINAL}(?![\p{L}\p{N}])(?![^\S\r\n]?\d)` +
    String.raw`|(?<aloneM>${MONTH_FULL})` +
    String.raw`|(?<aloneW>${WEEKDAY})(?!${SP}gras)` +
    String.raw`|(?<rel>cette${SP}ann[ée]e(?!-l[àa])|this${SP}year|last${SP}year|next${SP}year|l['’](?:${SP})?an${SP}(?:dernier|pass[ée]|prochain)|l['’](?:${SP})?ann[ée]e${SP}(?:derni[èe]re|pass[ée]e|prochaine))` +
    String.raw`|(?<bareY>\d{4})(?![\d])` +
    String.raw`)(?:(?<=\.)|(?![\p{L}\p{N}])|(?<=\d)(?=T\d))`,
  'giu',
);

/** Words just before a bare year that make it a year: "en 2023", "depuis 2021", "l'année 2024", "mi-2024", "summer of 2023". */
const YEAR_CONTEXT_BEFORE = endsHere(
  String.raw`(?<![\p{L}])(?:(?:en|in|depuis|since|dès|année|an|year|fin|début|debut|courant|avant|après|apres|before|after|until|till|jusqu['’]en|vers|circa|été|hiver|printemps|automne|(?:summer|winter|spring|autumn|fall)(?:${SP}of)?|early|late|d['’]ici)${SP}|mi-|mid-)`,
  'iu',
);

/** Words just before a bare month name that make it a date: "en décembre", "début juin", "in March". */
const MONTH_CONTEXT_BEFORE = endsHere(
  String.raw`(?<![\p{L}])(?:(?:en|in|depuis|since|dès|début|debut|fin|courant|mois de|month of|early|late|d['’]ici)${SP}|mi-|mid-)`,
  'iu',
);

/** A bare year followed by a unit or a currency is a count: "depuis 2000 ans", "en 2000 euros". */
const COUNT_AFTER_YEAR = /[^\S\r\n]*(?:ans|années|years|€|euros?|%|\$|dollars?)(?![\p{L}])/iuy;

/** True when a unit or a currency follows the bare year ending at `end`. */
function isCount(text: string, end: number): boolean {
  COUNT_AFTER_YEAR.lastIndex = end;
  return COUNT_AFTER_YEAR.test(text);
}

/** A vague part of a year at an end of a period: "entre début 2021 et mi-2024", "between 2021 and mid-2024". */
const PERIOD_END_QUALIFIER = String.raw`(?:(?:mi-|mid-|début${SP}|debut${SP}|fin${SP}|early${SP}|late${SP}|the end of${SP}|end of${SP}|the start of${SP})(?:de${SP}|d['’]|of${SP})?)?`;

/** A word opening a period just before its first date: "entre", "du", "de", "d'", "from", "between", "depuis", "since". */
const PERIOD_OPENER = endsHere(
  String.raw`(?<![\p{L}])(?<opener>entre|between|du|de|d['’]|from|depuis|since|dès)[^\S\r\n]*(?:(?:le|the)${SP}|l['’][^\S\r\n]?)?${PERIOD_END_QUALIFIER}`,
  'iu',
);

/** The words between the two dates of a period: "et", "au", "à", "to", "until", a dash, and a "mid-" or "fin" of the second end. */
const PERIOD_CONNECTOR = new RegExp(
  String.raw`^[^\S\r\n]*(?<connector>et|and|au|à|a|to|until|till|through|thru|jusqu['’][^\S\r\n]?(?:au|à|a|en)|[-–—])[^\S\r\n]*(?:(?:le|the)[^\S\r\n]+|l['’][^\S\r\n]?)?${PERIOD_END_QUALIFIER}$`,
  'iu',
);

/** A period whose first end is a bare day, before its second date: "du 1er au", "from 3 to", "entre le 3 et le". */
const BARE_DAY_PERIOD_BEFORE = endsHere(
  String.raw`(?<![\p{L}\p{N}])(?<opener>du|from|between|entre)${SP}(?:(?:le|the)${SP})?(?<dayText>(?<day>3[01]|[12]\d|0?[1-9])(?:er|ᵉʳ|st|nd|rd|th)?)[^\S\r\n]*(?<connector>au|to|and|et|-|–)[^\S\r\n]*(?:(?:le|the)${SP})?`,
  'diu',
);

/** Separators of a list of years: "en 2022, 2023 et 2024". */
const YEAR_LIST_SEPARATOR = /^[^\S\r\n]*(?:,|et|and|ou|or)[^\S\r\n]*$|^,[^\S\r\n]*$/iu;

/** Which connectors close a period that each opener starts (`null`: no opener, years joined by a dash). */
const CONNECTORS_BY_OPENER: Readonly<Record<string, readonly string[]>> = {
  entre: ['et'],
  between: ['and'],
  du: ['au', "jusqu'au"],
  de: ['à', 'a', "jusqu'à", "jusqu'a", "jusqu'en", 'au'],
  "d'": ['à', 'a', "jusqu'à", "jusqu'a", "jusqu'en", 'au'],
  from: ['to', 'until', 'till', 'through', 'thru', '-', '–', '—'],
  depuis: ["jusqu'à", "jusqu'a", "jusqu'au", "jusqu'en"],
  dès: ["jusqu'à", "jusqu'a", "jusqu'au", "jusqu'en"],
  since: ['until', 'till', 'to'],
};

/** Openers of a period with no end: "depuis 2021", "since 2021". */
const OPEN_PERIOD_OPENERS: ReadonlySet<string> = new Set(['depuis', 'since', 'dès']);

/** Longest text between the two dates of a period: " jusqu'au " and spaces. */
const MAX_CONNECTOR_LENGTH = 16;

/** Bare years outside this range are counts, not dates: the case spans 2003–2024, and wider bounds turn "1 500" or "3000" into years. */
const BARE_YEAR_MIN = 1900;
const BARE_YEAR_MAX = 2099;
/** Two-digit years ("25/06/24") below this are 20xx, the others 19xx. */
const TWO_DIGIT_YEAR_PIVOT = 70;

const WEEKDAYS: Readonly<Record<string, number>> = {
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** English month names that are also common words: only capitalised are they months. */
const CAPITALISED_MONTHS: ReadonlySet<string> = new Set(['may', 'march', 'august', 'mar', 'aug']);

/** Month number from the first letters of a folded French or English month name. */
const MONTH_PREFIXES: readonly (readonly [prefix: string, month: number])[] = [
  ['juil', 7],
  ['jul', 7],
  ['juin', 6],
  ['jun', 6],
  ['jan', 1],
  ['fe', 2],
  ['mar', 3],
  ['av', 4],
  ['ap', 4],
  ['ma', 5],
  ['ao', 8],
  ['au', 8],
  ['se', 9],
  ['oc', 10],
  ['no', 11],
  ['de', 12],
];

/** Accented letters of French month names and relative words, for folding them. */
const MONTH_ACCENTS = /[éèêûô]/g;
const UNACCENTED: Readonly<Record<string, string>> = { é: 'e', è: 'e', ê: 'e', û: 'u', ô: 'o' };

function monthNumber(name: string): number | undefined {
  const folded = name.toLowerCase().replace(MONTH_ACCENTS, (c) => UNACCENTED[c] ?? c);
  for (const [prefix, month] of MONTH_PREFIXES) if (folded.startsWith(prefix)) return month;
  return undefined;
}

function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) {
    // Without a year, allow 29 February.
    if (year === undefined) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidDay(day: number, month: number | undefined, year: number | undefined): boolean {
  if (day < 1 || day > 31) return false;
  return month === undefined || day <= daysInMonth(month, year);
}

// ---------------------------------------------------------------------------
// Scanning

/** A date expression found by `DATE_EXPRESSION`, before its context is checked. */
interface Atom {
  date: DateValue;
  /** A bare year or a bare month name: a date only in context. */
  weak: boolean;
  accepted: boolean;
}

interface Scan {
  atoms: Atom[];
  periods: PeriodValue[];
}

function relativeYearOf(expression: string): number {
  const folded = expression.toLowerCase();
  if (folded.includes('cette') || folded.includes('this')) return 0;
  if (folded.includes('next') || folded.includes('prochain')) return 1;
  return -1;
}

function weekdayOf(name: string | undefined): number | undefined {
  return name === undefined ? undefined : WEEKDAYS[name.toLowerCase()];
}

function needsCapital(monthName: string): boolean {
  const bare = monthName.replace('.', '');
  return (
    CAPITALISED_MONTHS.has(bare.toLowerCase()) && bare.charAt(0) === bare.charAt(0).toLowerCase()
  );
}

/** Builds the date of one match, or `undefined` when the match is not a valid date. */
function atomOf(m: RegExpExecArray, language: DateLanguage): Atom | undefined {
  const g = m.groups ?? {};
  const start = m.index;
  const end = start + m[0].length;
  const span = { start, end };

  if (g.isoY !== undefined) {
    const year = Number(g.isoY);
    const month = Number(g.isoM);
    const day = Number(g.isoD);
    if (month < 1 || month > 12 || !isValidDay(day, month, year)) return undefined;
    return { date: { ...span, year, month, day, precision: 'day' }, weak: false, accepted: true };
  }
  if (g.numA !== undefined) {
    const a = Number(g.numA);
    const b = Number(g.numB);
    const rawYear = g.numY ?? '';
    const shortYear = Number(rawYear);
    const year =
      rawYear.length === 2
        ? shortYear < TWO_DIGIT_YEAR_PIVOT
          ? 2000 + shortYear
          : 1900 + shortYear
        : shortYear;
    let day = a;
    let month = b;
    if (b > 12 && a <= 12) {
      day = b;
      month = a;
    } else if (language === 'en' && a <= 12 && b <= 12 && a !== b) {
      return undefined;
    }
    if (month < 1 || month > 12 || !isValidDay(day, month, year)) return undefined;
    return { date: { ...span, year, month, day, precision: 'day' }, weak: false, accepted: true };
  }
  const dayText = g.dmyD ?? g.mdyD;
  if (dayText !== undefined) {
    const monthText = g.dmyM ?? g.mdyM ?? '';
    if (needsCapital(monthText)) return undefined;
    const month = monthNumber(monthText);
    const yearText = g.dmyY ?? g.mdyY;
    const year = yearText === undefined ? undefined : Number(yearText);
    const day = Number(dayText);
    if (month === undefined || !isValidDay(day, month, year)) return undefined;
    const date: DateValue = { ...span, month, day, precision: 'day' };
    if (year !== undefined) date.year = year;
    const weekday = weekdayOf(g.dmyW ?? g.mdyW);
    if (weekday !== undefined) date.weekday = weekday;
    return { date, weak: false, accepted: true };
  }
  if (g.myM !== undefined) {
    if (needsCapital(g.myM)) return undefined;
    const month = monthNumber(g.myM);
    if (month === undefined) return undefined;
    return {
      date: { ...span, year: Number(g.myY), month, precision: 'month' },
      weak: false,
      accepted: true,
    };
  }
  if (g.wdD !== undefined) {
    const day = Number(g.wdD);
    const weekday = weekdayOf(g.wdW);
    if (weekday === undefined || !isValidDay(day, undefined, undefined)) return undefined;
    return { date: { ...span, day, weekday, precision: 'day' }, weak: false, accepted: true };
  }
  if (g.aloneM !== undefined) {
    if (needsCapital(g.aloneM)) return undefined;
    const month = monthNumber(g.aloneM);
    if (month === undefined) return undefined;
    return { date: { ...span, month, precision: 'month' }, weak: true, accepted: false };
  }
  if (g.aloneW !== undefined) {
    const weekday = weekdayOf(g.aloneW);
    if (weekday === undefined) return undefined;
    return { date: { ...span, weekday, precision: 'weekday' }, weak: false, accepted: true };
  }
  if (g.rel !== undefined) {
    return {
      date: { ...span, relativeYear: relativeYearOf(g.rel), precision: 'year' },
      weak: false,
      accepted: true,
    };
  }
  if (g.bareY !== undefined) {
    const year = Number(g.bareY);
    if (year < BARE_YEAR_MIN || year > BARE_YEAR_MAX) return undefined;
    return { date: { ...span, year, precision: 'year' }, weak: true, accepted: false };
  }
  return undefined;
}

function findAtoms(text: string, language: DateLanguage): Atom[] {
  const atoms: Atom[] = [];
  DATE_EXPRESSION.lastIndex = 0;
  for (let m = DATE_EXPRESSION.exec(text); m !== null; m = DATE_EXPRESSION.exec(text)) {
    const atom = atomOf(m, language);
    if (atom === undefined) {
      // Not a date as a whole: let a shorter form starting further on match.
      DATE_EXPRESSION.lastIndex = m.index + 1;
      continue;
    }
    atoms.push(atom);
  }
  return atoms;
}

function acceptInContext(text: string, atom: Atom): void {
  const { start, end } = atom.date;
  if (atom.date.precision === 'year') {
    if (endingAt(YEAR_CONTEXT_BEFORE, text, start) !== null && !isCount(text, end)) {
      atom.accepted = true;
    }
  } else if (endingAt(MONTH_CONTEXT_BEFORE, text, start) !== null) {
    atom.accepted = true;
  }
}

/** Folded connector or opener word: lower case, one apostrophe. */
function foldWord(word: string): string {
  return word.toLowerCase().replace('’', "'").replace(/\s+/g, '');
}

/** -1, 0 or 1 as `a` is before, unknown-or-equal to, or after `b`, on the fields both have. */
function compareDates(a: DateValue, b: DateValue): number {
  for (const key of ['year', 'month', 'day'] as const) {
    const x = a[key];
    const y = b[key];
    if (x === undefined || y === undefined) return 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Completes `from` with the year (and month) of `to`, and `to` with the year of `from`. */
function completeEnds(from: DateValue, to: DateValue): void {
  if (from.year === undefined && to.year !== undefined && from.precision !== 'weekday') {
    if (from.month === undefined && from.day !== undefined && to.month !== undefined) {
      from.month = to.month;
    }
    from.year =
      from.month !== undefined && to.month !== undefined && from.month > to.month
        ? to.year - 1
        : to.year;
  } else if (to.year === undefined && from.year !== undefined && to.precision !== 'weekday') {
    to.year =
      to.month !== undefined && from.month !== undefined && to.month < from.month
        ? from.year + 1
        : from.year;
  }
}

/** Tries to read `a` and `b` as the two ends of a period; returns it, or `undefined`. */
function closedPeriod(text: string, a: Atom, b: Atom): PeriodValue | undefined {
  const from = a.date;
  const to = b.date;
  const between = text.slice(from.end, to.start);
  if (between.length > MAX_CONNECTOR_LENGTH) return undefined;
  const connector = PERIOD_CONNECTOR.exec(between)?.groups?.connector;
  if (connector === undefined) return undefined;
  const opener = endingAt(PERIOD_OPENER, text, from.start);
  const openerWord = opener?.groups?.opener;
  const start = opener === null ? from.start : from.start - hitLength(opener);
  const joint = foldWord(connector);
  if (openerWord === undefined) {
    // Without an opening word only years joined by a dash make a period: "2021-2024".
    const bothYears = from.precision === 'year' && to.precision === 'year';
    if (!bothYears || !'-–—'.includes(joint) || between.trim() !== joint) return undefined;
  } else if (!(CONNECTORS_BY_OPENER[foldWord(openerWord)] ?? []).includes(joint)) {
    return undefined;
  }
  if (from.relativeYear !== undefined || to.relativeYear !== undefined) return undefined;
  if (b.weak && isCount(text, to.end)) return undefined;
  completeEnds(from, to);
  if (compareDates(from, to) > 0) return undefined;
  return { start, end: to.end, from, to };
}

function scan(text: string, language: DateLanguage): Scan {
  const atoms = findAtoms(text, language);
  for (const atom of atoms) if (atom.weak) acceptInContext(text, atom);

  // Periods whose first end is a bare day: "du 1er au 7 mai 2024".
  const extra: Atom[] = [];
  const periods: PeriodValue[] = [];
  const inPeriod = new Set<Atom>();
  for (const atom of atoms) {
    const to = atom.date;
    if (atom.weak || to.precision !== 'day' || to.month === undefined) continue;
    const m = endingAt(BARE_DAY_PERIOD_BEFORE, text, to.start);
    const groups = m?.groups;
    if (m === null || groups === undefined) continue;
    const opener = foldWord(groups.opener ?? '');
    const connector = foldWord(groups.connector ?? '');
    const allowed = opener === 'from' ? ['to', '-', '–'] : (CONNECTORS_BY_OPENER[opener] ?? []);
    const day = Number(groups.day);
    if (!allowed.includes(connector) || to.day === undefined || day >= to.day) continue;
    const dayIndices = m.indices?.groups?.dayText;
    if (dayIndices === undefined) continue;
    const from: DateValue = {
      start: dayIndices[0],
      end: dayIndices[1],
      day,
      month: to.month,
      precision: 'day',
    };
    if (to.year !== undefined) from.year = to.year;
    const fromAtom: Atom = { date: from, weak: false, accepted: true };
    extra.push(fromAtom);
    inPeriod.add(fromAtom).add(atom);
    periods.push({ start: to.start - hitLength(m), end: to.end, from, to });
  }

  // Periods between two dates found, and open periods.
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i] as Atom;
    if (inPeriod.has(a)) continue;
    const b = atoms[i + 1];
    if (b !== undefined && !inPeriod.has(b)) {
      const period = closedPeriod(text, a, b);
      if (period !== undefined) {
        a.accepted = true;
        b.accepted = true;
        inPeriod.add(a).add(b);
        periods.push(period);
        i++;
        continue;
      }
    }
    const opener = endingAt(PERIOD_OPENER, text, a.date.start);
    const openerWord = foldWord(opener?.groups?.opener ?? '');
    if (
      opener !== null &&
      OPEN_PERIOD_OPENERS.has(openerWord) &&
      a.date.relativeYear === undefined
    ) {
      if (a.weak && isCount(text, a.date.end)) continue;
      a.accepted = true;
      inPeriod.add(a);
      periods.push({ start: a.date.start - hitLength(opener), end: a.date.end, from: a.date });
    }
  }

  // Lists of years: "en 2022, 2023 et 2024".
  for (let i = 1; i < atoms.length; i++) {
    const previous = atoms[i - 1] as Atom;
    const atom = atoms[i] as Atom;
    if (atom.accepted || !atom.weak || atom.date.precision !== 'year') continue;
    if (
      !previous.accepted ||
      previous.date.precision !== 'year' ||
      previous.date.year === undefined
    )
      continue;
    if (YEAR_LIST_SEPARATOR.test(text.slice(previous.date.end, atom.date.start))) {
      if (!isCount(text, atom.date.end)) atom.accepted = true;
    }
  }

  const all =
    extra.length === 0 ? atoms : [...atoms, ...extra].sort((x, y) => x.date.start - y.date.start);
  periods.sort((x, y) => x.start - y.start);
  return { atoms: all, periods };
}

/**
 * Dates in a sentence, at any precision, in text order: full dates ("25 juin
 * 2024", "25/06/2024", "June 25, 2024"), months ("juin 2024", "en
 * décembre"), years in context ("en 2023"), weekdays ("ce mardi") and
 * relative years ("l'an dernier"). The ends of a period are reported here too,
 * completed with the year or month the period gives them. Returns an empty
 * list when the text names no date; a bare number is never a date.
 */
export function extractDates(text: string, language: DateLanguage): DateValue[] {
  return scan(text, language)
    .atoms.filter((atom) => atom.accepted)
    .map((atom) => atom.date);
}

/**
 * Periods in a sentence, in text order: "entre 2021 et 2024", "du 1er janvier
 * 2021 au 7 mai 2024", "between 2021 and 2024", "from January 2021 to May
 * 2024", "2021-2024", "de 2021 à 2024", and open periods without `to`
 * ("since 2021", "depuis décembre 2023"). The span runs from the opening word
 * ("entre", "from", "depuis") to the end of the last date. Returns an empty
 * list when the text names no period, or when the two ends are out of order.
 */
export function extractPeriods(text: string, language: DateLanguage): PeriodValue[] {
  return scan(text, language).periods;
}

/** `extractDates` and `extractPeriods` from one reading of the text, for callers that need both. */
export function extractDatesAndPeriods(
  text: string,
  language: DateLanguage,
): { dates: DateValue[]; periods: PeriodValue[] } {
  const { atoms, periods } = scan(text, language);
  return { dates: atoms.filter((atom) => atom.accepted).map((atom) => atom.date), periods };
}
