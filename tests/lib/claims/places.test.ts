import { describe, expect, it } from 'vitest';
import { extractPlaces } from '../../../lib/claims/places.ts';
import { foldSameLength } from '../../../lib/text/fold.ts';

type Expected = [text: string, code: string];

const ROWS: [sentence: string, expected: Expected[]][] = [
  // The sources' own sentences
  [
    'avec l’appui du COMCYBER-MI, en France, en Bulgarie, en Allemagne, en Lituanie, aux Pays-Bas et en Hongrie.',
    [
      ['France', 'FR'],
      ['Bulgarie', 'BG'],
      ['Allemagne', 'DE'],
      ['Lituanie', 'LT'],
      ['Pays-Bas', 'NL'],
      ['Hongrie', 'HU'],
    ],
  ],
  [
    "Ce mardi matin, le parquet de Paris a annoncé la fermeture de la plateforme immatriculée sur l'ile anglo-normande Guernesey.",
    [['Guernesey', 'GG']],
  ],
  [
    "Il avait déménagé le site Coco.fr vers Guernesey, sous l'adresse Coco.gg, pour échapper aux autorités françaises.",
    [['Guernesey', 'GG']],
  ],
  ['Sa femme était en garde à vue dans le Var, à Paris.', []],
  // English names
  [
    'Raids took place in France, Bulgaria, Germany, Lithuania, the Netherlands and Hungary.',
    [
      ['France', 'FR'],
      ['Bulgaria', 'BG'],
      ['Germany', 'DE'],
      ['Lithuania', 'LT'],
      ['Netherlands', 'NL'],
      ['Hungary', 'HU'],
    ],
  ],
  ['The site was registered in Guernsey, a British crown dependency.', [['Guernsey', 'GG']]],
  [
    'Shell companies in Jersey and the Isle of Man.',
    [
      ['Jersey', 'JE'],
      ['Isle of Man', 'IM'],
    ],
  ],
  [
    'Des sociétés à Jersey et sur l’île de Man.',
    [
      ['Jersey', 'JE'],
      ['île de Man', 'IM'],
    ],
  ],
  [
    'Une holding à Gibraltar, une autre aux Îles Vierges britanniques.',
    [
      ['Gibraltar', 'GI'],
      ['Îles Vierges britanniques', 'VG'],
    ],
  ],
  [
    'Accounts in the British Virgin Islands and the Cayman Islands.',
    [
      ['British Virgin Islands', 'VG'],
      ['Cayman Islands', 'KY'],
    ],
  ],
  [
    'Des fonds aux îles Caïmans, aux Bahamas et aux Bermudes.',
    [
      ['îles Caïmans', 'KY'],
      ['Bahamas', 'BS'],
      ['Bermudes', 'BM'],
    ],
  ],
  [
    'Domicilié au Luxembourg, au Liechtenstein ou à Monaco.',
    [
      ['Luxembourg', 'LU'],
      ['Liechtenstein', 'LI'],
      ['Monaco', 'MC'],
    ],
  ],
  [
    'En Andorre, à Saint-Marin, à Chypre et à Malte.',
    [
      ['Andorre', 'AD'],
      ['Saint-Marin', 'SM'],
      ['Chypre', 'CY'],
      ['Malte', 'MT'],
    ],
  ],
  [
    'Registered in Cyprus, Malta, Belize, Panama or the Seychelles.',
    [
      ['Cyprus', 'CY'],
      ['Malta', 'MT'],
      ['Belize', 'BZ'],
      ['Panama', 'PA'],
      ['Seychelles', 'SC'],
    ],
  ],
  [
    'Des serveurs en Suisse, au Royaume-Uni et aux États-Unis.',
    [
      ['Suisse', 'CH'],
      ['Royaume-Uni', 'GB'],
      ['États-Unis', 'US'],
    ],
  ],
  [
    'Servers in the US, the UK and Canada.',
    [
      ['US', 'US'],
      ['UK', 'GB'],
      ['Canada', 'CA'],
    ],
  ],
  ['The FBI and U.S. prosecutors.', [['U.S.', 'US']]],
  [
    'En Russie, en Ukraine, en Chine et en Turquie.',
    [
      ['Russie', 'RU'],
      ['Ukraine', 'UA'],
      ['Chine', 'CN'],
      ['Turquie', 'TR'],
    ],
  ],
  [
    'Au Maroc, en Algérie, en Tunisie et en Israël.',
    [
      ['Maroc', 'MA'],
      ['Algérie', 'DZ'],
      ['Tunisie', 'TN'],
      ['Israël', 'IL'],
    ],
  ],
  [
    'In Brazil, India, Japan and Australia.',
    [
      ['Brazil', 'BR'],
      ['India', 'IN'],
      ['Japan', 'JP'],
      ['Australia', 'AU'],
    ],
  ],
  [
    'EN FRANCE ET AUX PAYS-BAS',
    [
      ['FRANCE', 'FR'],
      ['PAYS-BAS', 'NL'],
    ],
  ],
  [
    'en france et aux pays bas',
    [
      ['france', 'FR'],
      ['pays bas', 'NL'],
    ],
  ],
  [
    'En Irlande du Nord, pas en Irlande.',
    [
      ['Irlande du Nord', 'GB'],
      ['Irlande', 'IE'],
    ],
  ],
  [
    'En Côte d’Ivoire et en Corée du Sud.',
    [
      ['Côte d’Ivoire', 'CI'],
      ['Corée du Sud', 'KR'],
    ],
  ],
  [
    'La Georgia (country) et la Géorgie.',
    [
      ['Georgia (country)', 'GE'],
      ['Géorgie', 'GE'],
    ],
  ],
  [
    'Il vit en Hollande, à la Réunion.',
    [
      ['Hollande', 'NL'],
      ['Réunion', 'RE'],
    ],
  ],
  // Names that are not the country
  ['Selon France Télévisions, France 2 et Radio France.', []],
  ['Interrogé par France Info et France Inter.', []],
  ['Un vol Air France, un article de Ouest-France, une dépêche Agence France-Presse.', []],
  ['Un député de La France insoumise, en Île-de-France.', []],
  ['Atlantic City, New Jersey, and a wool jersey.', []],
  [
    'Guinée n’est pas Guernesey.',
    [
      ['Guinée', 'GN'],
      ['Guernesey', 'GG'],
    ],
  ],
  ['Atlanta, Georgia, and en Géorgie.', []],
  ['François Hollande, une réunion, une banque suisse, un chapeau panama.', []],
  ['A turkey dinner on fine china.', []],
  [
    'Tom Holland and Michael Jordan, in Jordan and in Holland.',
    [
      ['Jordan', 'JO'],
      ['Holland', 'NL'],
    ],
  ],
  ['Un accident bénin, un mali budgétaire, du rock indé, des caïmans.', []],
  ['Les autorités françaises et allemandes.', []],
];

describe('extractPlaces', () => {
  it('has a table of at least thirty sentences', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ROWS)('%s', (sentence, expected) => {
    const found = extractPlaces(sentence).map((p): Expected => [
      sentence.slice(p.start, p.end),
      p.code,
    ]);
    expect(found).toEqual(expected);
  });

  it('matches across non-breaking spaces and typographic dashes', () => {
    const text = 'aux\u00A0Pays\u2011Bas et aux États\u2010Unis';
    expect(extractPlaces(text).map((p) => [text.slice(p.start, p.end), p.code])).toEqual([
      ['Pays\u2011Bas', 'NL'],
      ['États\u2010Unis', 'US'],
    ]);
  });

  it('finishes on 100 000 characters of country names', () => {
    expect(extractPlaces('France '.repeat(15_000))).toHaveLength(15_000);
    expect(extractPlaces('New '.repeat(25_000))).toEqual([]);
  });
});

describe('foldSameLength', () => {
  it.each([
    ['Île-de-France', 'ile-de-france'],
    ['Israël', 'israel'],
    ['Côte d’Ivoire', "cote d'ivoire"],
    ['23\u202F051\u00A0€', '23 051 €'],
    ['COMCYBER‑MI', 'comcyber-mi'],
    ['Œuvre', 'œuvre'],
    ['İstanbul', 'istanbul'],
  ])('folds %j to %j, keeping its length', (text, folded) => {
    expect(foldSameLength(text)).toHaveLength(text.length);
    expect(foldSameLength(text)).toBe(folded);
  });
});
