/**
 * Reasons in both languages. Every reason the engine gives — why a claim is
 * supported, contradicted or left unverified, why a mention was kept — is a
 * `Reason`: the same sentence in French and in English, built once from one
 * template so that the two cannot say different things. Interfaces show the
 * one of their language; the `check` command prints the one `--lang` asks
 * for. Figures, dates and places are written as each language writes them
 * ("23,051" / "23 051", "Tuesday 25 June 2024" / "mardi 25 juin 2024").
 */
import type { LocalizedText } from '../facts/schema.ts';

/** A reason, in French and in English. */
export type Reason = LocalizedText;

export type ReasonLanguage = keyof Reason;

/** A reason written by one template for each language. */
export function reason(write: (lang: ReasonLanguage) => string): Reason {
  return { fr: write('fr'), en: write('en') };
}

/** Reasons joined ("…; …"), language by language. */
export function joinReasons(reasons: readonly Reason[]): Reason {
  return reason((lang) => reasons.map((r) => r[lang]).join(lang === 'fr' ? ' ; ' : '; '));
}

/** A reason with more said after it, in the same language. */
export function extendReason(base: Reason, more: Reason): Reason {
  return reason((lang) => base[lang] + more[lang]);
}

/** The formatters, made on first use (making one per call is slow). */
const countFormats = new Map<ReasonLanguage, Intl.NumberFormat>();

/** A count as each language writes it: "23,051", "23 051". */
export function formatCount(n: number, lang: ReasonLanguage): string {
  let format = countFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US');
    countFormats.set(lang, format);
  }
  return format.format(n);
}

/** English month names, January first (also used to write dates in replies). */
export const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** French month names, janvier first. */
export const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
export const WEEKDAYS: Record<ReasonLanguage, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
};

export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday?: number;
}

/** `25 June 2024` / `25 juin 2024`, `June 2024`, `2024`, `Tuesday`, from whichever parts are known. */
export function describeDate(date: PartialDate, lang: ReasonLanguage = 'en'): string {
  const parts: string[] = [];
  if (date.weekday !== undefined) parts.push(WEEKDAYS[lang][date.weekday] ?? '');
  if (date.day !== undefined)
    parts.push(lang === 'fr' && date.day === 1 ? '1er' : String(date.day));
  if (date.month !== undefined)
    parts.push((lang === 'fr' ? MONTHS_FR : MONTHS_EN)[date.month - 1] ?? '');
  if (date.year !== undefined) parts.push(String(date.year));
  return parts.join(' ');
}

/** An ISO date (`2021-01-01`) as each language writes it: "1 January 2021", "1er janvier 2021". */
export function describeIsoDate(iso: string, lang: ReasonLanguage): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return describeDate({ year, month, day }, lang);
}

const placeNames = new Map<ReasonLanguage, Intl.DisplayNames>();
/** Names already looked up: `Intl.DisplayNames` is slow, and the same few places recur. */
const placeNameCache = new Map<string, string>();

/** A place's name in a language ("Malta" / "Malte"), from its ISO code. */
export function placeName(code: string, lang: ReasonLanguage): string {
  const key = `${lang}:${code}`;
  let name = placeNameCache.get(key);
  if (name === undefined) {
    try {
      let names = placeNames.get(lang);
      if (!names) {
        names = new Intl.DisplayNames([lang], { type: 'region' });
        placeNames.set(lang, names);
      }
      name = names.of(code) ?? code;
    } catch {
      name = code;
    }
    placeNameCache.set(key, name);
  }
  return name;
}

const listFormats = new Map<ReasonLanguage, Intl.ListFormat>();

/** "A, B and C" / "A, B et C". */
export function joinList(items: readonly string[], lang: ReasonLanguage): string {
  let format = listFormats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { type: 'conjunction' });
    listFormats.set(lang, format);
  }
  return format.format(items);
}
