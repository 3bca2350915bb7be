/**
 * Comparing a value stated in a sentence with a fact's value, under the
 * tolerance rules of CONTRACT §2: rounding and "more than / about / nearly"
 * are compatible when true; a value the sources exclude contradicts.
 * Each function returns null when the two cannot be compared.
 */
import type { Bound } from '../facts/schema.ts';
import {
  describeDate,
  describeIsoDate,
  formatCount,
  reason,
  type PartialDate,
  type Reason,
} from './reasons.ts';

export type { PartialDate } from './reasons.ts';

export type Comparison = { verdict: 'supported' | 'contradicted'; note: Reason } | null;

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
  const say = (
    verdict: 'supported' | 'contradicted',
    write: (v: string, t: string, lang: 'fr' | 'en') => string,
  ) => ({
    verdict,
    note: reason((lang) => write(formatCount(v, lang), formatCount(t, lang), lang)),
  });
  switch (stated.bound) {
    case 'exact': {
      if (v === t)
        return say('supported', (sv, _t, lang) =>
          lang === 'fr' ? `${sv}, comme l’indiquent les sources` : `${sv}, as the sources say`,
        );
      if (approximateFact && off <= APPROXIMATE_FACT_TOLERANCE) {
        return say('supported', (sv, st, lang) =>
          lang === 'fr'
            ? `${sv} ; les sources indiquent environ ${st}`
            : `${sv}; the sources say about ${st}`,
        );
      }
      if (stated.rounded && Math.abs(v - t) <= roundingUnit(v) / 2) {
        return say('supported', (sv, st, lang) =>
          lang === 'fr' ? `${sv} est ${st} arrondi` : `${sv} is ${st} rounded`,
        );
      }
      return say('contradicted', (sv, st, lang) =>
        lang === 'fr'
          ? `${sv} affirmé ; les sources indiquent ${st}`
          : `${sv} stated; the sources say ${st}`,
      );
    }
    case 'more-than':
    case 'at-least':
      return t >= v
        ? say('supported', (sv, st, lang) =>
            lang === 'fr' ? `${st}, c’est au moins ${sv}` : `${st} is at least ${sv}`,
          )
        : say('contradicted', (sv, st, lang) =>
            lang === 'fr'
              ? `plus de ${sv} affirmé ; les sources indiquent ${st}`
              : `more than ${sv} stated; the sources say ${st}`,
          );
    case 'less-than':
    case 'at-most': {
      // "moins de 7" is fewer than 7; "jusqu'à 7" is up to 7.
      const upTo = stated.bound === 'at-most';
      return t <= v
        ? say('supported', (sv, st, lang) =>
            lang === 'fr' ? `${st}, c’est au plus ${sv}` : `${st} is at most ${sv}`,
          )
        : say('contradicted', (sv, st, lang) =>
            lang === 'fr'
              ? `${upTo ? 'jusqu’à' : 'moins de'} ${sv} affirmé ; les sources indiquent ${st}`
              : `${upTo ? 'up to' : 'fewer than'} ${sv} stated; the sources say ${st}`,
          );
    }
    case 'about': {
      if (off <= ABOUT_TOLERANCE || Math.abs(v - t) <= roundingUnit(v) / 2) {
        return say('supported', (sv, st, lang) =>
          lang === 'fr'
            ? `environ ${sv} ; les sources indiquent ${st}`
            : `about ${sv}; the sources say ${st}`,
        );
      }
      if (off > ABOUT_CONTRADICTION) {
        return say('contradicted', (sv, st, lang) =>
          lang === 'fr'
            ? `environ ${sv} affirmé ; les sources indiquent ${st}`
            : `about ${sv} stated; the sources say ${st}`,
        );
      }
      return null;
    }
  }
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
        note: reason((lang) =>
          lang === 'fr'
            ? `${describeDate(stated, lang)} affirmé ; les sources indiquent ${describeDate(truth, lang)}`
            : `${describeDate(stated, lang)} stated; the sources say ${describeDate(truth, lang)}`,
        ),
      };
    }
    compared += 1;
  }
  if (compared === 0) return null;
  // The sources' date told with the parts the sentence gives: "juin 2024" →
  // "June 2024"; "mardi" → "Tuesday 25 June 2024", never "Tuesday 2024".
  const told: PartialDate = {
    year:
      stated.year !== undefined || stated.month !== undefined || stated.day !== undefined
        ? truth.year
        : undefined,
    month: stated.month !== undefined || stated.day !== undefined ? truth.month : undefined,
    day: stated.day !== undefined ? truth.day : undefined,
    weekday: stated.weekday !== undefined ? truth.weekday : undefined,
  };
  const full = stated.weekday !== undefined && stated.day === undefined ? truth : told;
  return {
    verdict: 'supported',
    note: reason((lang) => {
      const said = describeDate(stated, lang);
      const sources = describeDate(full, lang);
      const as = lang === 'fr' ? 'comme l’indiquent les sources' : 'as the sources say';
      return said === sources ? `${said}, ${as}` : `${said}, ${as} (${sources})`;
    }),
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
    return {
      verdict: 'contradicted',
      note: reason((lang) => {
        const said = `${describeDate(stated.from, lang)}–${stated.to ? describeDate(stated.to, lang) : '…'}`;
        const period = describePeriod(truth.from, truth.to, lang);
        return lang === 'fr'
          ? `${said} affirmé ; les sources indiquent ${period}`
          : `${said} stated; the sources say ${period}`;
      }),
    };
  }
  if (from && (to || !stated.to)) {
    return {
      verdict: 'supported',
      note: reason((lang) =>
        lang === 'fr'
          ? `dans la période des sources, ${describePeriod(truth.from, truth.to, lang)}`
          : `within the sources' period, ${describePeriod(truth.from, truth.to, lang)}`,
      ),
    };
  }
  return null;
}

/** "1 January 2021 to 7 May 2024" / "du 1er janvier 2021 au 7 mai 2024". */
function describePeriod(from: string, to: string, lang: 'fr' | 'en'): string {
  return lang === 'fr'
    ? `du ${describeIsoDate(from, lang)} au ${describeIsoDate(to, lang)}`
    : `${describeIsoDate(from, lang)} to ${describeIsoDate(to, lang)}`;
}
