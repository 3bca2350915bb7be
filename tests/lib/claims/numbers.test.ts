import { describe, expect, it } from 'vitest';
import { extractDates } from '../../../lib/claims/dates.ts';
import {
  extractNumbers,
  type Bound,
  type NumberLanguage,
  type NumberValue,
} from '../../../lib/claims/numbers.ts';

type Currency = NonNullable<NumberValue['currency']>;
/** What a row expects of one figure: the exact text matched, value, bound, rounded, currency. */
type Expected =
  | [text: string, value: number, bound: Bound, rounded: boolean]
  | [text: string, value: number, bound: Bound, rounded: boolean, currency: Currency];

function summary(text: string, n: NumberValue): Expected {
  const row: Expected = [text.slice(n.start, n.end), n.value, n.bound, n.rounded];
  return n.currency === undefined ? row : [...row, n.currency];
}

const NBSP = '\u00A0';
const NNBSP = '\u202F';

const ROWS: [sentence: string, language: NumberLanguage, expected: Expected[]][] = [
  // The sources' own sentences
  [
    "Entre le 1er janvier 2021 et le 7 mai 2024, il ressort de l'exploitation des fichiers de police que pas moins de 23 051 procédures judiciaires en lien avec la plateforme coco ont été ouvertes.",
    'fr',
    [['pas moins de 23 051', 23051, 'at-least', false]],
  ],
  [
    "Le tribunal judiciaire ajoute qu'entre 2021 et 2024, plus de 23.000 procédures judiciaires en lien avec Coco ont été ouvertes.",
    'fr',
    [['plus de 23.000', 23000, 'more-than', true]],
  ],
  [
    "70 parquets sur l'ensemble du territoire national, ont transmis des procédures dont ils ont eu à connaître impliquant la plateforme coco.fr, au préjudice de 480 victimes.",
    'fr',
    [
      ['70', 70, 'exact', false],
      ['480', 480, 'exact', false],
    ],
  ],
  [
    'fourniture d’une plateforme en ligne pour permettre une transaction illicite en bande organisée (faisant encourir 10 ans d’emprisonnement en 500 000 euros d’amende),',
    'fr',
    [
      ['10', 10, 'exact', false],
      ['500 000 euros', 500000, 'exact', true, 'EUR'],
    ],
  ],
  [
    'Ce 25 juin au matin, le site Coco a été fermé à l’initiative des autorités françaises, 20 ans après sa création.',
    'fr',
    [['20', 20, 'exact', false]],
  ],
  ['Parquet de Paris : 06 07 18 42 28 scom.parquet.ti-paris@justice.fr', 'fr', []],
  ['DGGN: 06 88 65 18 50', 'fr', []],
  ['Paris, le 25 juin 2024', 'fr', []],
  // Thousands separators
  [
    `Pas moins de 23${NBSP}051 procédures ont été ouvertes.`,
    'fr',
    [[`Pas moins de 23${NBSP}051`, 23051, 'at-least', false]],
  ],
  [
    `Pas moins de 23${NNBSP}051 procédures ont été ouvertes.`,
    'fr',
    [[`Pas moins de 23${NNBSP}051`, 23051, 'at-least', false]],
  ],
  [
    'At least 23,051 proceedings were opened.',
    'en',
    [['At least 23,051', 23051, 'at-least', false]],
  ],
  [
    'Au moins 23.051 procédures ont été ouvertes.',
    'fr',
    [['Au moins 23.051', 23051, 'at-least', false]],
  ],
  ["Mindestens 23'051 Verfahren wurden eröffnet.", 'und', [["23'051", 23051, 'exact', false]]],
  ['Le site comptait 1 234 567 comptes.', 'fr', [['1 234 567', 1234567, 'exact', false]]],
  // Decimals and multipliers
  [
    'Le site aurait rapporté 2,5 millions d’euros à son propriétaire.',
    'fr',
    [['2,5 millions d’euros', 2500000, 'exact', true, 'EUR']],
  ],
  [
    'The site reportedly earned its owner 2.5 million euros.',
    'en',
    [['2.5 million euros', 2500000, 'exact', true, 'EUR']],
  ],
  ['La vidéo a dépassé les 23k vues.', 'fr', [['23k', 23000, 'exact', true]]],
  ['Le compte affiche 23K abonnés.', 'fr', [['23K', 23000, 'exact', true]]],
  ['Le fil compte 23 k abonnés.', 'fr', [['23 k', 23000, 'exact', true]]],
  ['Un chiffre d’affaires de 1,2 M€ par an.', 'fr', [['1,2 M€', 1200000, 'exact', true, 'EUR']]],
  [
    'Plus de 3 milliards de messages échangés.',
    'fr',
    [['Plus de 3 milliards', 3e9, 'more-than', true]],
  ],
  ['Près de 23 mille procédures.', 'fr', [['Près de 23 mille', 23000, 'about', true]]],
  ['The platform had 1.5 million users.', 'en', [['1.5 million', 1500000, 'exact', true]]],
  ['Some 2 billion messages were exchanged.', 'en', [['Some 2 billion', 2e9, 'about', true]]],
  [
    'Une amende de 1.500 million de dollars.',
    'fr',
    [['1.500 million de dollars', 1500000, 'exact', true, 'USD']],
  ],
  ['Le total atteint 3,14 %.', 'fr', [['3,14 %', 3.14, 'exact', false]]],
  // Plus signs
  [
    '23 000+ procédures judiciaires ont été ouvertes.',
    'fr',
    [['23 000+', 23000, 'more-than', true]],
  ],
  [
    '+ de 23 000 procédures judiciaires ont été ouvertes.',
    'fr',
    [['+ de 23 000', 23000, 'more-than', true]],
  ],
  [
    '+de 23000 procédures judiciaires en trois ans !',
    'fr',
    [
      ['+de 23000', 23000, 'more-than', true],
      ['trois', 3, 'exact', false],
    ],
  ],
  // French number words
  [
    'Soixante-dix parquets ont transmis des procédures.',
    'fr',
    [['Soixante-dix', 70, 'exact', false]],
  ],
  [
    'Soixante et onze parquets ont transmis des procédures.',
    'fr',
    [['Soixante et onze', 71, 'exact', false]],
  ],
  [
    'Quatre-vingts victimes selon une première estimation.',
    'fr',
    [['Quatre-vingts', 80, 'exact', false]],
  ],
  [
    'Quatre-vingt-dix-neuf signalements en un mois.',
    'fr',
    [['Quatre-vingt-dix-neuf', 99, 'exact', false]],
  ],
  [
    'Au préjudice de quatre cent quatre-vingts victimes.',
    'fr',
    [['quatre cent quatre-vingts', 480, 'exact', false]],
  ],
  [
    'Pas moins de vingt-trois mille cinquante et une procédures.',
    'fr',
    [['Pas moins de vingt-trois mille cinquante et une', 23051, 'at-least', false]],
  ],
  ['Plus de cent enquêteurs mobilisés.', 'fr', [['Plus de cent', 100, 'more-than', true]]],
  ['Mille signalements par an.', 'fr', [['Mille', 1000, 'exact', true]]],
  ['Deux cents comptes suspendus.', 'fr', [['Deux cents', 200, 'exact', true]]],
  ['L’opération a été menée dans six pays européens.', 'fr', [['six', 6, 'exact', false]]],
  ['Vingt ans après sa création, le site ferme.', 'fr', [['Vingt', 20, 'exact', false]]],
  ['Deux millions d’euros saisis.', 'fr', [['Deux millions d’euros', 2e6, 'exact', true, 'EUR']]],
  ['Plus d’un million de messages.', 'fr', [['Plus d’un million', 1e6, 'more-than', true]]],
  // English number words
  ['Seventy prosecutors’ offices sent cases.', 'en', [['Seventy', 70, 'exact', false]]],
  [
    'Four hundred and eighty victims were identified.',
    'en',
    [['Four hundred and eighty', 480, 'exact', false]],
  ],
  [
    'No fewer than twenty-three thousand and fifty-one proceedings.',
    'en',
    [['No fewer than twenty-three thousand and fifty-one', 23051, 'at-least', false]],
  ],
  ['The operation took place in six countries.', 'en', [['six', 6, 'exact', false]]],
  ['A hundred investigators took part.', 'en', [['A hundred', 100, 'exact', true]]],
  ['Nearly a thousand complaints were filed.', 'en', [['Nearly a thousand', 1000, 'about', true]]],
  // Approximate nouns
  [
    'Une vingtaine de personnes ont été interpellées.',
    'fr',
    [['Une vingtaine', 20, 'about', true]],
  ],
  ['Une trentaine d’enquêteurs ont participé.', 'fr', [['Une trentaine', 30, 'about', true]]],
  ['Plus d’une centaine de victimes.', 'fr', [['Plus d’une centaine', 100, 'more-than', true]]],
  ['Un millier de signalements chaque année.', 'fr', [['Un millier', 1000, 'about', true]]],
  ['Des milliers de victimes, selon les associations.', 'fr', []],
  ['Thousands of victims, campaigners say.', 'en', []],
  ['A dozen countries took part.', 'en', [['A dozen', 12, 'about', true]]],
  ['Une douzaine de pays ont participé.', 'fr', [['Une douzaine', 12, 'about', true]]],
  ['Dozens of arrests followed.', 'en', []],
  // Bound words before, French
  ['Au moins 480 victimes.', 'fr', [['Au moins 480', 480, 'at-least', false]]],
  ['Au minimum 480 victimes.', 'fr', [['Au minimum 480', 480, 'at-least', false]]],
  ['Près de 500 victimes.', 'fr', [['Près de 500', 500, 'about', true]]],
  ['Environ 500 victimes.', 'fr', [['Environ 500', 500, 'about', true]]],
  ['Quelque 500 victimes.', 'fr', [['Quelque 500', 500, 'about', true]]],
  ['À peu près 500 victimes.', 'fr', [['À peu près 500', 500, 'about', true]]],
  ['Autour de 480 victimes.', 'fr', [['Autour de 480', 480, 'about', false]]],
  [
    'Approximativement 23 000 procédures.',
    'fr',
    [['Approximativement 23 000', 23000, 'about', true]],
  ],
  ['Presque 23 000 procédures.', 'fr', [['Presque 23 000', 23000, 'about', true]]],
  ['Moins de 500 victimes.', 'fr', [['Moins de 500', 500, 'less-than', true]]],
  ['Jusqu’à 10 ans d’emprisonnement.', 'fr', [['Jusqu’à 10', 10, 'at-most', false]]],
  ['Au plus 10 ans de prison.', 'fr', [['Au plus 10', 10, 'at-most', false]]],
  [
    'Au maximum 500 000 euros d’amende.',
    'fr',
    [['Au maximum 500 000 euros', 500000, 'at-most', true, 'EUR']],
  ],
  ['Pas plus de 70 parquets.', 'fr', [['Pas plus de 70', 70, 'at-most', false]]],
  // Bound words before, English
  [
    'More than 23,000 proceedings were opened.',
    'en',
    [['More than 23,000', 23000, 'more-than', true]],
  ],
  ['Over 23,000 cases were linked to the site.', 'en', [['Over 23,000', 23000, 'more-than', true]]],
  ['Upwards of 23,000 cases.', 'en', [['Upwards of 23,000', 23000, 'more-than', true]]],
  ['No less than 480 victims.', 'en', [['No less than 480', 480, 'at-least', false]]],
  ['Almost 500 victims.', 'en', [['Almost 500', 500, 'about', true]]],
  ['About 480 victims.', 'en', [['About 480', 480, 'about', false]]],
  ['Around 70 prosecutors’ offices.', 'en', [['Around 70', 70, 'about', false]]],
  ['Roughly 23,000 cases.', 'en', [['Roughly 23,000', 23000, 'about', true]]],
  ['Approximately 23,000 cases.', 'en', [['Approximately 23,000', 23000, 'about', true]]],
  ['Close to 23,000 cases.', 'en', [['Close to 23,000', 23000, 'about', true]]],
  [
    '~23k cases in three years.',
    'en',
    [
      ['~23k', 23000, 'about', true],
      ['three', 3, 'exact', false],
    ],
  ],
  ['Fewer than 500 victims.', 'en', [['Fewer than 500', 500, 'less-than', true]]],
  ['Less than 500 victims.', 'en', [['Less than 500', 500, 'less-than', true]]],
  ['Under 500 victims.', 'en', [['Under 500', 500, 'less-than', true]]],
  ['Up to 10 years in prison.', 'en', [['Up to 10', 10, 'at-most', false]]],
  ['At most 10 years in prison.', 'en', [['At most 10', 10, 'at-most', false]]],
  // Bound words after
  ['480 victimes et plus.', 'fr', [['480 victimes et plus', 480, 'at-least', false]]],
  ['480 victims or more.', 'en', [['480 victims or more', 480, 'at-least', false]]],
  ['23 000 procédures environ.', 'fr', [['23 000', 23000, 'exact', true]]],
  ['Un total de 23 000 environ.', 'fr', [['23 000 environ', 23000, 'about', true]]],
  // Currency
  ['Une amende de 500 000 €.', 'fr', [['500 000 €', 500000, 'exact', true, 'EUR']]],
  ['A fine of €500,000.', 'en', [['€500,000', 500000, 'exact', true, 'EUR']]],
  ['Une cagnotte de 500k€.', 'fr', [['500k€', 500000, 'exact', true, 'EUR']]],
  ['About $2 million was seized.', 'en', [['About $2 million', 2e6, 'about', true, 'USD']]],
  ['A £3,000 fine.', 'en', [['£3,000', 3000, 'exact', true, 'GBP']]],
  ['A £3m fine.', 'en', [['£3m', 3e6, 'exact', true, 'GBP']]],
  // Not figures
  ['Joignable au +33 6 12 34 56 78 jusqu’au soir.', 'fr', []],
  ['Le site a fermé à 10h30.', 'fr', []],
  ['Le site a fermé à 10:30.', 'fr', []],
  ['Le site a fermé à 10 h, puis à 10 heures le parquet communiquait.', 'fr', []],
  ['Depuis le 1er janvier, pour la 2e fois et la 3ème année.', 'fr', []],
  ['For the 21st time, the 2nd site was closed.', 'en', []],
  ['Le 25/06/2024 et le 2024-06-25, le 25 juin 2024.', 'fr', []],
  ['Des faits prévus par l’article 321-1 du code pénal.', 'fr', []],
  ['Les articles 222-24 et 222-25 du code pénal.', 'fr', []],
  ['En 2023, le site était toujours en ligne.', 'fr', []],
  ['In 2023, the site was still online.', 'en', []],
  ['Depuis 2021, entre 2021 et 2024.', 'fr', []],
  ['Pendant la crise du COVID-19, en 4G, version 1.2.3, IP 192.168.0.1.', 'fr', []],
  ['Une modération 24h/24 et 7j/7.', 'fr', []],
  ['Un site neuf, un homicide, une enquête.', 'fr', []],
  ['One of them said no one knew.', 'en', []],
  ['Dans les Deux-Sèvres et le Var.', 'fr', []],
  ['Des millions d’euros ont transité.', 'fr', []],
  ['À cent pour cent.', 'fr', [['cent pour cent', 100, 'exact', true]]],
  ['Un numéro SIRET 12345678901234.', 'fr', []],
  ['Rendez-vous au n° 12 de la rue, page 4.', 'fr', []],
  // Ranges and lists
  [
    'Entre 20 et 30 ans.',
    'fr',
    [
      ['20', 20, 'exact', false],
      ['30', 30, 'exact', false],
    ],
  ],
  [
    'Neuf pays et sept parquets.',
    'fr',
    [
      ['Neuf', 9, 'exact', false],
      ['sept', 7, 'exact', false],
    ],
  ],
];

describe('extractNumbers', () => {
  it('has a table of at least sixty sentences', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ROWS)('%s', (sentence, language, expected) => {
    expect(extractNumbers(sentence, language).map((n) => summary(sentence, n))).toEqual(expected);
  });

  it.each([
    ['50 % des procédures', 'fr', '50 %'],
    ['50% des procédures', 'fr', '50%'],
    ['50 pour cent des procédures', 'fr', '50 pour cent'],
    ['50 per cent of cases', 'en', '50 per cent'],
    ['cinquante pour cent des procédures', 'fr', 'cinquante pour cent'],
  ] as const)('reads a percentage in %j', (sentence, language, matched) => {
    const [n] = extractNumbers(sentence, language);
    expect(n && sentence.slice(n.start, n.end)).toBe(matched);
    expect(n?.value).toBe(50);
    expect(n?.percent).toBe(true);
  });

  it.each([
    ['2024 victimes ont porté plainte.', 2024, true],
    ['2000 personnes ont été entendues.', 2000, true],
    ['2 000 personnes ont été entendues.', 2000, undefined],
    ['2024 euros de dommages.', 2024, undefined],
    ['480 victimes.', 480, undefined],
  ] as const)('flags %j as a possible year or not', (sentence, value, mayBeYear) => {
    const [n] = extractNumbers(sentence, 'fr');
    expect(n?.value).toBe(value);
    expect(n?.mayBeYear).toBe(mayBeYear);
  });

  it.each([
    ['pas moins de 23 051 procédures', 'pas moins de 23 051', '23 051'],
    ['plus d’une vingtaine de victimes', 'plus d’une vingtaine', 'une vingtaine'],
    ['more than $2 million', 'more than $2 million', '2 million'],
    ['480 victimes', '480', '480'],
  ])(
    'in %j, starts at the bound words and numberStart at the figure',
    (sentence, whole, figure) => {
      const [n] = extractNumbers(sentence, 'und');
      expect(n && sentence.slice(n.start, n.end)).toBe(whole);
      expect(n && sentence.slice(n.numberStart, n.end)).toBe(figure);
    },
  );

  it('treats "billion" as 10⁹ in English and 10¹² in French', () => {
    expect(extractNumbers('2 billion', 'en')[0]?.value).toBe(2e9);
    expect(extractNumbers('2 billions', 'fr')[0]?.value).toBe(2e12);
  });

  it('reads only the language asked for, both when undetermined', () => {
    expect(extractNumbers('six et sept, six and seven', 'en').map((n) => n.value)).toEqual([
      6, 6, 7,
    ]);
    expect(extractNumbers('trois and three', 'fr').map((n) => n.value)).toEqual([3]);
    expect(extractNumbers('trois and three', 'und').map((n) => n.value)).toEqual([3, 3]);
  });

  it('accepts the dates already found instead of finding them again', () => {
    const text = 'Le 25 juin 2024, 480 victimes.';
    const dates = extractDates(text, 'fr');
    expect(extractNumbers(text, 'fr', dates)).toEqual(extractNumbers(text, 'fr'));
    expect(extractNumbers(text, 'fr', []).map((n) => n.value)).toEqual([25, 2024, 480]);
  });

  it('returns offsets into the raw text, in text order', () => {
    const text = `Selon le parquet, plus de 23${NNBSP}000 procédures, 70${NBSP}parquets et environ 480 victimes.`;
    const found = extractNumbers(text, 'fr');
    expect(found.map((n) => text.slice(n.start, n.end))).toEqual([
      `plus de 23${NNBSP}000`,
      '70',
      'environ 480',
    ]);
    expect(found.map((n) => n.start)).toEqual([...found.map((n) => n.start)].sort((a, b) => a - b));
  });

  describe('finishes on pathological input', () => {
    it('a run of 100 000 digits: an identifier, not a figure', () => {
      expect(extractNumbers('7'.repeat(100_000), 'und')).toEqual([]);
    });

    it('100 000 characters of digits and spaces', () => {
      const found = extractNumbers('1 '.repeat(50_000), 'und');
      expect(found).toHaveLength(50_000);
      expect(found.every((n) => n.value === 1)).toBe(true);
    });

    it('100 000 characters of three-digit groups', () => {
      expect(extractNumbers('123 '.repeat(25_000), 'fr')).toEqual([]);
    });

    it('100 000 characters of digits and dots, or digits and commas', () => {
      expect(extractNumbers('1.'.repeat(50_000), 'fr')).toEqual([]);
      expect(extractNumbers('1,'.repeat(50_000), 'en')).toEqual([]);
    });

    it('100 000 characters of spaces', () => {
      expect(extractNumbers(' '.repeat(100_000), 'und')).toEqual([]);
    });

    it('100 000 characters of the word "mille"', () => {
      const found = extractNumbers('mille '.repeat(16_667), 'fr');
      expect(found).toHaveLength(16_667);
      expect(found.every((n) => n.value === 1000)).toBe(true);
    });

    it('100 000 characters of bound words', () => {
      expect(extractNumbers('plus de '.repeat(12_500), 'fr')).toEqual([]);
    });
  });
});
