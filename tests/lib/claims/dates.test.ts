import { describe, expect, it } from 'vitest';
import {
  extractDates,
  extractPeriods,
  type DateLanguage,
  type DateValue,
} from '../../../lib/claims/dates.ts';

/**
 * A date in one short string: `2024-06-25`, `2023-12`, `2023`, `?-06-25` (no
 * year), `?-?-25` (a day alone), then `wd2` for a named weekday and `rel-1` for
 * a relative year.
 */
function format(d: DateValue): string {
  const parts: string[] = [];
  if (d.year !== undefined || d.month !== undefined || d.day !== undefined) {
    const pad = (n: number | undefined) => (n === undefined ? '?' : String(n).padStart(2, '0'));
    let s = d.year === undefined ? '?' : String(d.year);
    if (d.month !== undefined || d.day !== undefined) s += `-${pad(d.month)}`;
    if (d.day !== undefined) s += `-${pad(d.day)}`;
    parts.push(s);
  }
  if (d.weekday !== undefined) parts.push(`wd${d.weekday}`);
  if (d.relativeYear !== undefined) parts.push(`rel${d.relativeYear}`);
  return parts.join(' ');
}

type Expected = [text: string, date: string, precision: DateValue['precision']];

const DATE_ROWS: [sentence: string, language: DateLanguage, expected: Expected[]][] = [
  // The sources' own expressions
  ['Paris, le 25 juin 2024', 'fr', [['25 juin 2024', '2024-06-25', 'day']]],
  [
    'Le site « coco » a été fermé le 25 juin 2024 dans le cadre d’une enquête judiciaire.',
    'fr',
    [['25 juin 2024', '2024-06-25', 'day']],
  ],
  [
    'Entre le 1er janvier 2021 et le 7 mai 2024, il ressort de l’exploitation des fichiers de police…',
    'fr',
    [
      ['1er janvier 2021', '2021-01-01', 'day'],
      ['7 mai 2024', '2024-05-07', 'day'],
    ],
  ],
  ['Ce 25 juin au matin, le site Coco a été fermé.', 'fr', [['25 juin', '?-06-25', 'day']]],
  [
    'Ce mardi matin, le parquet de Paris a annoncé la fermeture.',
    'fr',
    [['mardi', 'wd2', 'weekday']],
  ],
  [
    'L’enquête, ouverte en décembre 2023, porte sur…',
    'fr',
    [['décembre 2023', '2023-12', 'month']],
  ],
  [
    'Le tribunal judiciaire ajoute qu’entre 2021 et 2024, plus de 23.000 procédures ont été ouvertes.',
    'fr',
    [
      ['2021', '2021', 'year'],
      ['2024', '2024', 'year'],
    ],
  ],
  // Day precision, French
  ['Le site a fermé le 25 juin.', 'fr', [['25 juin', '?-06-25', 'day']]],
  ['Le site a fermé mardi 25 juin 2024.', 'fr', [['mardi 25 juin 2024', '2024-06-25 wd2', 'day']]],
  [
    'La loi est entrée en vigueur le 1er janvier 2021.',
    'fr',
    [['1er janvier 2021', '2021-01-01', 'day']],
  ],
  ['Communiqué du 25/06/2024.', 'fr', [['25/06/2024', '2024-06-25', 'day']]],
  ['Communiqué du 25.06.2024.', 'fr', [['25.06.2024', '2024-06-25', 'day']]],
  ['Communiqué du 25-06-2024.', 'fr', [['25-06-2024', '2024-06-25', 'day']]],
  ['Publié le 25/06/24 à 10h.', 'fr', [['25/06/24', '2024-06-25', 'day']]],
  ['Mis à jour le 2024-06-25.', 'fr', [['2024-06-25', '2024-06-25', 'day']]],
  ['Une plainte déposée le 3 fevrier 2022.', 'fr', [['3 fevrier 2022', '2022-02-03', 'day']]],
  ['Une plainte déposée le 15 aout 2023.', 'fr', [['15 aout 2023', '2023-08-15', 'day']]],
  ['Une plainte déposée le 1er decembre.', 'fr', [['1er decembre', '?-12-01', 'day']]],
  ['Publié le 12 janv. 2024.', 'fr', [['12 janv. 2024', '2024-01-12', 'day']]],
  ['Publié le 3 févr. 2024.', 'fr', [['3 févr. 2024', '2024-02-03', 'day']]],
  ['Publié le 4 déc. 2023.', 'fr', [['4 déc. 2023', '2023-12-04', 'day']]],
  ['PARIS, LE 25 JUIN 2024', 'fr', [['25 JUIN 2024', '2024-06-25', 'day']]],
  ['Le procès s’ouvrira le mardi 25.', 'fr', [['mardi 25', '?-?-25 wd2', 'day']]],
  // Day precision, English
  ['The site was shut down on June 25, 2024.', 'en', [['June 25, 2024', '2024-06-25', 'day']]],
  ['The site was shut down on 25 June 2024.', 'en', [['25 June 2024', '2024-06-25', 'day']]],
  ['The site was shut down on June 25th.', 'en', [['June 25th', '?-06-25', 'day']]],
  [
    'On Tuesday, June 25, prosecutors announced the closure.',
    'en',
    [['Tuesday, June 25', '?-06-25 wd2', 'day']],
  ],
  ['Published Jan. 5, 2024.', 'en', [['Jan. 5, 2024', '2024-01-05', 'day']]],
  ['Updated Sept. 30, 2023.', 'en', [['Sept. 30, 2023', '2023-09-30', 'day']]],
  ['It closed on the 25th of June.', 'en', [['25th of June', '?-06-25', 'day']]],
  ['Filed on 06/25/2024 in New York.', 'en', [['06/25/2024', '2024-06-25', 'day']]],
  ['Published 2024-06-25T10:00:00Z.', 'und', [['2024-06-25', '2024-06-25', 'day']]],
  [
    'Tuesday June 25th, 2024, in Paris.',
    'en',
    [['Tuesday June 25th, 2024', '2024-06-25 wd2', 'day']],
  ],
  // Month and year precision
  ['Les faits remontent à juin 2024.', 'fr', [['juin 2024', '2024-06', 'month']]],
  ['The investigation opened in December 2023.', 'en', [['December 2023', '2023-12', 'month']]],
  [
    'EN DÉCEMBRE 2023, LA JUNALCO OUVRE UNE ENQUÊTE.',
    'fr',
    [['DÉCEMBRE 2023', '2023-12', 'month']],
  ],
  ['L’enquête a été ouverte en décembre.', 'fr', [['décembre', '?-12', 'month']]],
  ['It was opened in March.', 'en', [['March', '?-03', 'month']]],
  ['En 2023, le site était toujours en ligne.', 'fr', [['2023', '2023', 'year']]],
  ['In 2023, the site was still online.', 'en', [['2023', '2023', 'year']]],
  [
    'Dans l’année 2024, fin 2023 et mi-2024.',
    'fr',
    [
      ['2024', '2024', 'year'],
      ['2023', '2023', 'year'],
      ['2024', '2024', 'year'],
    ],
  ],
  [
    'Au printemps 2024, in the summer of 2023.',
    'und',
    [
      ['2024', '2024', 'year'],
      ['2023', '2023', 'year'],
    ],
  ],
  ['Dans les années 2010, un site déjà connu.', 'fr', []],
  [
    'Le site a été signalé en 2022, 2023 et 2024.',
    'fr',
    [
      ['2022', '2022', 'year'],
      ['2023', '2023', 'year'],
      ['2024', '2024', 'year'],
    ],
  ],
  // Weekdays and relative years
  ['On Tuesday, prosecutors announced the closure.', 'en', [['Tuesday', 'wd2', 'weekday']]],
  ['Le site a été fermé mardi.', 'fr', [['mardi', 'wd2', 'weekday']]],
  ['Cette année, le site a été fermé.', 'fr', [['Cette année', 'rel0', 'year']]],
  ['The site was shut down this year.', 'en', [['this year', 'rel0', 'year']]],
  ['L’an dernier, 480 victimes.', 'fr', [['L’an dernier', 'rel-1', 'year']]],
  ["L'année dernière, 480 victimes.", 'fr', [["L'année dernière", 'rel-1', 'year']]],
  ['Last year, 480 victims.', 'en', [['Last year', 'rel-1', 'year']]],
  ['L’an prochain, un procès.', 'fr', [['L’an prochain', 'rel1', 'year']]],
  // Not dates
  ['Plus de 2000 personnes ont été entendues.', 'fr', []],
  ['2024 victimes ont porté plainte.', 'fr', []],
  ['Le site a été fermé 25 fois.', 'fr', []],
  ['You may close the site at any time.', 'en', []],
  ['Prosecutors may march on, in march 2024.', 'en', []],
  ['Filed on 06/07/2024.', 'en', []],
  ['Le 31/02/2024 n’existe pas.', 'fr', []],
  ['Un site actif depuis 2000 ans, selon la légende.', 'fr', []],
  ['Mardi gras à Marseille.', 'fr', []],
  ['Cette année-là, le site a déménagé.', 'fr', []],
  ['Les 1 500 maires et les 23 051 procédures.', 'fr', []],
  ['Mardi 25 000 manifestants ont défilé.', 'fr', [['Mardi', 'wd2', 'weekday']]],
];

type ExpectedPeriod = [text: string, from: string, to: string | null];

const PERIOD_ROWS: [sentence: string, language: DateLanguage, expected: ExpectedPeriod[]][] = [
  [
    'Entre le 1er janvier 2021 et le 7 mai 2024, il ressort de l’exploitation des fichiers de police…',
    'fr',
    [['Entre le 1er janvier 2021 et le 7 mai 2024', '2021-01-01', '2024-05-07']],
  ],
  [
    'Le tribunal judiciaire ajoute qu’entre 2021 et 2024, plus de 23.000 procédures ont été ouvertes.',
    'fr',
    [['entre 2021 et 2024', '2021', '2024']],
  ],
  [
    'Du 1er janvier 2021 au 7 mai 2024, 23 051 procédures.',
    'fr',
    [['Du 1er janvier 2021 au 7 mai 2024', '2021-01-01', '2024-05-07']],
  ],
  [
    'Between 2021 and 2024, 23,051 cases were opened.',
    'en',
    [['Between 2021 and 2024', '2021', '2024']],
  ],
  [
    'From January 2021 to May 2024, 23,051 cases.',
    'en',
    [['From January 2021 to May 2024', '2021-01', '2024-05']],
  ],
  ['Sur la période 2021-2024, 23 051 procédures.', 'fr', [['2021-2024', '2021', '2024']]],
  ['Sur la période 2021–2024, 23 051 procédures.', 'fr', [['2021–2024', '2021', '2024']]],
  ['De 2021 à 2024, 23 051 procédures.', 'fr', [['De 2021 à 2024', '2021', '2024']]],
  ['From 2021 until 2024, 23,051 cases.', 'en', [['From 2021 until 2024', '2021', '2024']]],
  ['Since 2021, 23,051 cases have been opened.', 'en', [['Since 2021', '2021', null]]],
  ['Depuis décembre 2023, la JUNALCO enquête.', 'fr', [['Depuis décembre 2023', '2023-12', null]]],
  [
    'Depuis le 1er janvier 2021, 23 051 procédures.',
    'fr',
    [['Depuis le 1er janvier 2021', '2021-01-01', null]],
  ],
  [
    'Du 3 au 7 mai 2024, des perquisitions.',
    'fr',
    [['Du 3 au 7 mai 2024', '2024-05-03', '2024-05-07']],
  ],
  [
    "D'avril à juin 2024, des perquisitions.",
    'fr',
    [["D'avril à juin 2024", '2024-04', '2024-06']],
  ],
  [
    'De novembre à février 2024, des perquisitions.',
    'fr',
    [['De novembre à février 2024', '2023-11', '2024-02']],
  ],
  [
    'Entre le 1er janvier et le 7 mai 2024.',
    'fr',
    [['Entre le 1er janvier et le 7 mai 2024', '2024-01-01', '2024-05-07']],
  ],
  [
    'Entre le 25 et le 28 juin, des perquisitions.',
    'fr',
    [['Entre le 25 et le 28 juin', '?-06-25', '?-06-28']],
  ],
  [
    'Between January and May 2024, raids.',
    'en',
    [['Between January and May 2024', '2024-01', '2024-05']],
  ],
  ['From June 1 to June 25, raids.', 'en', [['From June 1 to June 25', '?-06-01', '?-06-25']]],
  ['Coco (2003–2024) a fermé.', 'fr', [['2003–2024', '2003', '2024']]],
  // Not periods
  ['Entre 2024 et 2021, rien.', 'fr', []],
  ['Entre 20 et 30 ans de prison.', 'fr', []],
  ['Entre 1950 et 2000 euros de préjudice.', 'fr', []],
  ['Le 25 juin 2024, 480 victimes.', 'fr', []],
  ['Cette année et l’an dernier.', 'fr', []],
];

describe('extractDates', () => {
  it('has a table of at least forty sentences', () => {
    expect(DATE_ROWS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(DATE_ROWS)('%s', (sentence, language, expected) => {
    const found = extractDates(sentence, language).map((d): Expected => [
      sentence.slice(d.start, d.end),
      format(d),
      d.precision,
    ]);
    expect(found).toEqual(expected);
  });

  it('reports the ends of a period too, completed from the other end', () => {
    const text = 'Du 3 au 7 mai 2024, puis d’avril à juin 2024.';
    expect(extractDates(text, 'fr').map((d) => [text.slice(d.start, d.end), format(d)])).toEqual([
      ['3', '2024-05-03'],
      ['7 mai 2024', '2024-05-07'],
      ['avril', '2024-04'],
      ['juin 2024', '2024-06'],
    ]);
  });

  it('reads numeric dates month first only when the day cannot be a month', () => {
    expect(extractDates('le 06/07/2024', 'fr').map(format)).toEqual(['2024-07-06']);
    expect(extractDates('le 06/25/2024', 'fr').map(format)).toEqual(['2024-06-25']);
    expect(extractDates('on 06/07/2024', 'en')).toEqual([]);
    expect(extractDates('on 07/07/2024', 'en').map(format)).toEqual(['2024-07-07']);
  });

  it('treats non-breaking spaces as spaces', () => {
    const text = 'le\u00A025\u00A0juin\u202F2024';
    const [date] = extractDates(text, 'fr');
    expect(date && text.slice(date.start, date.end)).toBe('25\u00A0juin\u202F2024');
  });

  describe('finishes on pathological input', () => {
    it('100 000 characters of digits', () => {
      expect(extractDates('2'.repeat(100_000), 'und')).toEqual([]);
    });

    it('100 000 characters of bare years', () => {
      expect(extractDates('2024 '.repeat(20_000), 'fr')).toEqual([]);
    });

    it('100 000 characters of years in context', () => {
      expect(extractDates('en 2024 et '.repeat(10_000), 'fr')).toHaveLength(10_000);
    });

    it('100 000 characters of digits and dots', () => {
      expect(extractDates('1.'.repeat(50_000), 'fr')).toEqual([]);
    });
  });
});

describe('extractPeriods', () => {
  it.each(PERIOD_ROWS)('%s', (sentence, language, expected) => {
    const found = extractPeriods(sentence, language).map((p): ExpectedPeriod => [
      sentence.slice(p.start, p.end),
      format(p.from),
      p.to === undefined ? null : format(p.to),
    ]);
    expect(found).toEqual(expected);
  });
});
