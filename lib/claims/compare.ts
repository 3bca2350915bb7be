/**
 * Comparing a value stated in a sentence with a fact's value, under the
 * tolerance rules of CONTRACT §2: rounding and "more than / about / nearly"
 * are compatible when true; a value the sources exclude contradicts.
 * Each function returns null when the two cannot be compared.
 */
import type { Bound } from '../facts/schema.ts';

export type Comparison = { verdict: 'supported' | 'contradicted'; note: string } | null;

/**
 * A figure given with "environ / près de / about / nearly" is compatible
 * within this share of the true figure: "près de 23 000" for 23 051 (0.2 %),
 * "environ 500 victimes" for 480 (4 %); newsrooms round to two significant
 * digits, which stays within 10 % for any figure.
 */
const ABOUT_TOLERANCE = 0.1;

/**
 * Past this share an "about" figure is plainly another figure
 * ("environ 30 000" for 23 051 is 30 % off); between the two the sentence
 * stays unverified rather than risk a wrong contradiction.
 */
const ABOUT_CONTRADICTION = 0.2;

/**
 * A fact given as approximate ("20 ans après sa création") accepts a stated
 * figure within this share: 19 to 21 years for "20 ans".
 */
const APPROXIMATE_FACT_TOLERANCE = 0.1;

/** The rounding unit a figure is written to: 23 000 → 1 000, 20 000 → 10 000, 480 → 10. */
function roundingUnit(value: number): number {
  if (value === 0) return 1;
  let unit = 1;
  while (value % (unit * 10) === 0) unit *= 10;
  return unit;
}

/** The formatter of `formatCount`, made on first use (making one per call is slow). */
let countFormat: Intl.NumberFormat | undefined;

/** A count as the reasons write it: "23,051" (what `toLocaleString('en-US')` gives). */
function formatCount(n: number): string {
  countFormat ??= new Intl.NumberFormat('en-US');
  return countFormat.format(n);
}

/**
 * A stated count against the sources' count. The sources' own wording ("pas
 * moins de 23 051") is the official tally, so a different figure stated as
 * exact contradicts it, and a rounded one is compatible when rounding the
 * true figure could give it.
 */
export function compareQuantity(
  stated: { value: number; bound: Bound; rounded: boolean },
  truth: { value: number; bound: Bound },
): Comparison {
  const t = truth.value;
  const v = stated.value;
  const off = t === 0 ? Math.abs(v) : Math.abs(v - t) / t;
  const approximateFact = truth.bound === 'about';
  const fmt = formatCount;
  switch (stated.bound) {
    case 'exact': {
      if (v === t) return { verdict: 'supported', note: `${fmt(v)}, as the sources say` };
      if (approximateFact && off <= APPROXIMATE_FACT_TOLERANCE) {
        return { verdict: 'supported', note: `${fmt(v)}; the sources say about ${fmt(t)}` };
      }
      if (stated.rounded && Math.abs(v - t) <= roundingUnit(v) / 2) {
        return { verdict: 'supported', note: `${fmt(v)} is ${fmt(t)} rounded` };
      }
      return { verdict: 'contradicted', note: `${fmt(v)} stated; the sources say ${fmt(t)}` };
    }
    case 'more-than':
    case 'at-least':
      return t >= v
        ? { verdict: 'supported', note: `${fmt(t)} is at least ${fmt(v)}` }
        : {
            verdict: 'contradicted',
            note: `more than ${fmt(v)} stated; the sources say ${fmt(t)}`,
          };
    case 'less-than':
    case 'at-most':
      return t <= v
        ? { verdict: 'supported', note: `${fmt(t)} is at most ${fmt(v)}` }
        : {
            verdict: 'contradicted',
            note: `fewer than ${fmt(v)} stated; the sources say ${fmt(t)}`,
          };
    case 'about': {
      if (off <= ABOUT_TOLERANCE || Math.abs(v - t) <= roundingUnit(v) / 2) {
        return { verdict: 'supported', note: `about ${fmt(v)}; the sources say ${fmt(t)}` };
      }
      if (off > ABOUT_CONTRADICTION) {
        return {
          verdict: 'contradicted',
          note: `about ${fmt(v)} stated; the sources say ${fmt(t)}`,
        };
      }
      return null;
    }
  }
}

export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday?: number;
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
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `25 June 2024`, `June 2024`, `2024`, `Tuesday`, from whichever parts are known. */
export function describeDate(date: PartialDate): string {
  const parts: string[] = [];
  if (date.weekday !== undefined) parts.push(WEEKDAYS_EN[date.weekday] ?? '');
  if (date.day !== undefined) parts.push(String(date.day));
  if (date.month !== undefined) parts.push(MONTHS_EN[date.month - 1] ?? '');
  if (date.year !== undefined) parts.push(String(date.year));
  return parts.join(' ');
}

/**
 * A stated date against the sources' date (an ISO date known to `precision`).
 * Compares only the parts both give: "juin 2024" matches 25 June 2024,
 * "mardi" matches a Tuesday; any part that differs contradicts.
 */
export function compareDate(
  stated: PartialDate,
  truthIso: string,
  precision: 'day' | 'month' | 'year',
): Comparison {
  const [y, m, d] = truthIso.split('-').map(Number) as [number, number, number];
  const truth: PartialDate = {
    year: y,
    month: precision === 'year' ? undefined : m,
    day: precision === 'day' ? d : undefined,
    weekday: precision === 'day' ? new Date(Date.UTC(y, m - 1, d)).getUTCDay() : undefined,
  };
  let compared = 0;
  for (const part of ['year', 'month', 'day', 'weekday'] as const) {
    const s = stated[part];
    const t = truth[part];
    if (s === undefined || t === undefined) continue;
    if (s !== t) {
      return {
        verdict: 'contradicted',
        note: `${describeDate(stated)} stated; the sources say ${describeDate(truth)}`,
      };
    }
    compared += 1;
  }
  if (compared === 0) return null;
  const said = describeDate(stated);
  // The sources' date told with the parts the sentence gives: "juin 2024" → "June 2024".
  const sources = describeDate({
    // "mardi" is told as "Tuesday 25 June 2024" or "Tuesday", never "Tuesday 2024".
    year:
      stated.year !== undefined || stated.month !== undefined || stated.day !== undefined
        ? truth.year
        : undefined,
    month: stated.month !== undefined || stated.day !== undefined ? truth.month : undefined,
    day: stated.day !== undefined ? truth.day : undefined,
    weekday: stated.weekday !== undefined ? truth.weekday : undefined,
  });
  return {
    verdict: 'supported',
    note:
      said === sources ? `${said}, as the sources say` : `${said}, as the sources say (${sources})`,
  };
}

/**
 * A stated period against the sources' period, year by year and, where the
 * sentence gives them, month and day: "entre 2021 et 2024" matches
 * 1 January 2021 – 7 May 2024.
 */
export function comparePeriod(
  stated: { from: PartialDate; to?: PartialDate },
  truth: { from: string; to: string; precision: 'day' | 'month' | 'year' },
): Comparison {
  const from = compareDate({ ...stated.from, weekday: undefined }, truth.from, truth.precision);
  const to = stated.to
    ? compareDate({ ...stated.to, weekday: undefined }, truth.to, truth.precision)
    : null;
  if (from?.verdict === 'contradicted' || to?.verdict === 'contradicted') {
    const said = `${describeDate(stated.from)}–${stated.to ? describeDate(stated.to) : '…'}`;
    return {
      verdict: 'contradicted',
      note: `${said} stated; the sources say ${truth.from} to ${truth.to}`,
    };
  }
  if (from && (to || !stated.to)) {
    return {
      verdict: 'supported',
      note: `within the sources' period, ${truth.from} to ${truth.to}`,
    };
  }
  return null;
}
