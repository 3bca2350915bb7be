import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../lib/claims/agencies.ts';

type Expected = [text: string, name: string];

const RELEASE_FIRST_SENTENCES =
  "Le site « coco » a été fermé le 25 juin 2024 dans le cadre d'une enquête judiciaire menée sous la direction de la JUNALCO du parquet de Paris, par l'unité nationale cyber de la Gendarmerie nationale (UNCyber) et l'office national anti-fraude (ONAF), avec l'appui du commandement du ministère de l'Intérieur dans le cyberespace (COMCYBER-MI), en France, en Bulgarie, en Allemagne, en Lituanie, aux Pays-Bas et en Hongrie. Les opérations ont été coordonnées avec Eurojust.";

const ROWS: [sentence: string, expected: Expected[]][] = [
  // The sources' own sentences
  [
    RELEASE_FIRST_SENTENCES,
    [
      ['JUNALCO', 'JUNALCO'],
      ['parquet de Paris', 'Parquet de Paris'],
      ['unité nationale cyber', 'UNCyber'],
      ['Gendarmerie nationale', 'Gendarmerie nationale'],
      ['office national anti-fraude', 'ONAF'],
      ["commandement du ministère de l'Intérieur dans le cyberespace", 'COMCYBER-MI'],
      ['Eurojust', 'Eurojust'],
    ],
  ],
  [
    "L'enquête a été ouverte en décembre 2023 par la JUNALCO, et confiée à l'unité nationale cyber en co-saisine avec l'ONAF.",
    [
      ['JUNALCO', 'JUNALCO'],
      ['unité nationale cyber', 'UNCyber'],
      ['ONAF', 'ONAF'],
    ],
  ],
  [
    '"Les dirigeants de cette plateforme mafieuse ont été interpellés" s\'est félicité ministre de l\'Intérieur Gérald Darmanin sur X (ex-Twitter).',
    [["ministre de l'Intérieur Gérald Darmanin", 'Gérald Darmanin']],
  ],
  [
    "Selon l'AFP, le propriétaire du site a été interpellé à l'étranger et sa femme était en garde à vue dans le Var.",
    [['AFP', 'AFP']],
  ],
  [
    'Selon une enquête du Monde, le propriétaire du site est un "discret ingénieur" installé dans le Var.',
    [['Monde', 'Le Monde']],
  ],
  ['Thomas Leroy Journaliste BFM Business', [['BFM Business', 'BFM']]],
  ['Le tribunal judiciaire ajoute qu’entre 2021 et 2024, plus de 23.000 procédures…', []],
  // Other names of the same organisations
  [
    "The Paris prosecutor's office said on Tuesday.",
    [["Paris prosecutor's office", 'Parquet de Paris']],
  ],
  [
    'According to the Paris prosecutor’s office.',
    [['Paris prosecutor’s office', 'Parquet de Paris']],
  ],
  [
    'La procureure de la République de Paris, Laure Beccuau.',
    [
      ['procureure de la République de Paris', 'Parquet de Paris'],
      ['Laure Beccuau', 'Laure Beccuau'],
    ],
  ],
  [
    'Le tribunal judiciaire de Paris a été saisi.',
    [['tribunal judiciaire de Paris', 'Tribunal judiciaire de Paris']],
  ],
  [
    'Led by the national cyber unit of the French gendarmerie.',
    [
      ['national cyber unit', 'UNCyber'],
      ['French gendarmerie', 'Gendarmerie nationale'],
    ],
  ],
  [
    'Les gendarmes de l’UNCyber ont saisi les serveurs.',
    [
      ['gendarmes', 'Gendarmerie nationale'],
      ['UNCyber', 'UNCyber'],
    ],
  ],
  [
    'With the national anti-fraud office and ComCyberMI.',
    [
      ['national anti-fraud office', 'ONAF'],
      ['ComCyberMI', 'COMCYBER-MI'],
    ],
  ],
  ['L’Office national antifraude (ONAF) a participé.', [['Office national antifraude', 'ONAF']]],
  [
    'Europol et Interpol ont été associés, pas Eurojust.',
    [
      ['Europol', 'Europol'],
      ['Interpol', 'Interpol'],
      ['Eurojust', 'Eurojust'],
    ],
  ],
  [
    'Ni la DGSI ni la DGSE ne commentent.',
    [
      ['DGSI', 'DGSI'],
      ['DGSE', 'DGSE'],
    ],
  ],
  [
    'L’OFAC et l’OFMIN, offices de la police nationale.',
    [
      ['OFAC', 'OFAC'],
      ['OFMIN', 'OFMIN'],
      ['police nationale', 'Police nationale'],
    ],
  ],
  [
    'L’office mineurs et l’office anti-cybercriminalité.',
    [
      ['office mineurs', 'OFMIN'],
      ['office anti-cybercriminalité', 'OFAC'],
    ],
  ],
  [
    'La PJ de Marseille et la police judiciaire de Lyon.',
    [
      ['PJ', 'Police judiciaire'],
      ['police judiciaire', 'Police judiciaire'],
    ],
  ],
  [
    'Le FBI, la CNIL et l’Arcom.',
    [
      ['FBI', 'FBI'],
      ['CNIL', 'CNIL'],
      ['Arcom', 'Arcom'],
    ],
  ],
  [
    'Place Beauvau, le ministère de l’Intérieur se félicite.',
    [
      ['Place Beauvau', "Ministère de l'Intérieur"],
      ['ministère de l’Intérieur', "Ministère de l'Intérieur"],
    ],
  ],
  [
    'The Interior ministry welcomed the arrests.',
    [['Interior ministry', "Ministère de l'Intérieur"]],
  ],
  [
    'Interior Minister Gérald Darmanin welcomed the arrests.',
    [['Interior Minister Gérald Darmanin', 'Gérald Darmanin']],
  ],
  [
    'Darmanin s’est félicité, Bruno Retailleau aussi.',
    [
      ['Darmanin', 'Gérald Darmanin'],
      ['Bruno Retailleau', 'Bruno Retailleau'],
    ],
  ],
  [
    'Le ministre de l’Intérieur a salué l’opération.',
    [['ministre de l’Intérieur', "Ministère de l'Intérieur"]],
  ],
  [
    'Selon l’Agence France-Presse et Le Monde.',
    [
      ['Agence France-Presse', 'AFP'],
      ['Le Monde', 'Le Monde'],
    ],
  ],
  [
    'Selon le Monde, qui a déclaré au Monde…',
    [
      ['le Monde', 'Le Monde'],
      ['Monde', 'Le Monde'],
    ],
  ],
  [
    'BFMTV et BFM Tech&Co ont révélé l’affaire.',
    [
      ['BFMTV', 'BFM'],
      ['BFM Tech&Co', 'BFM'],
    ],
  ],
  // Not these organisations
  ['Le monde entier en parle. Le monde change.', []],
  ['Pendant la Coupe du Monde, un tour du monde.', []],
  ['Un article du Monde diplomatique. Le Monde diplomatique.', []],
  ['Voir pj. et la pièce jointe.', []],
  ['Un onafide, un gendarmesque, un europolitique.', []],
  ['Le COMCYBER des armées.', []],
  ['Le parquet indique que l’enquête porte sur…', []],
];

describe('extractEntities', () => {
  it('has a table of at least thirty sentences', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ROWS)('%s', (sentence, expected) => {
    const found = extractEntities(sentence).map((e): Expected => [
      sentence.slice(e.start, e.end),
      e.name,
    ]);
    expect(found).toEqual(expected);
  });

  it('gives the release’s first sentences the investigating entities, in order', () => {
    expect(extractEntities(RELEASE_FIRST_SENTENCES).map((e) => e.name)).toEqual([
      'JUNALCO',
      'Parquet de Paris',
      'UNCyber',
      'Gendarmerie nationale',
      'ONAF',
      'COMCYBER-MI',
      'Eurojust',
    ]);
  });

  it.each([
    ['JUNALCO', 'judicial'],
    ['le parquet de Paris', 'judicial'],
    ['la Gendarmerie nationale', 'police'],
    ['Eurojust', 'eu-agency'],
    ['le ministère de l’Intérieur', 'ministry'],
    ['Gérald Darmanin', 'person'],
    ['BFM', 'media'],
    ['la CNIL', 'other'],
  ])('classes %j as %s', (sentence, kind) => {
    expect(extractEntities(sentence).map((e) => e.kind)).toEqual([kind]);
  });

  it('uses the canonical names of the fact pack', () => {
    const pack = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../../seeds/facts.json'), 'utf8'),
    ) as { facts: { values: { kind: string; entities?: string[] }[] }[] };
    const canonical = new Set(pack.facts.flatMap((f) => f.values.flatMap((v) => v.entities ?? [])));
    for (const name of canonical) {
      expect(extractEntities(name).map((e) => e.name)).toEqual([name]);
    }
  });

  it('finishes on 100 000 characters of names', () => {
    expect(extractEntities('ONAF (ONAF) '.repeat(8_334))).toHaveLength(8_334);
    expect(extractEntities('commandement du ministère de '.repeat(3_500))).toHaveLength(0);
  });
});
