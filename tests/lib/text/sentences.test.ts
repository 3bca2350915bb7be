import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../lib/text/sentences.ts';

const SOURCES = resolve(import.meta.dirname, '../../../seeds/sources');
const release = readFileSync(resolve(SOURCES, 'parquet-paris-communique-2024-06-25.txt'), 'utf8');
const bfm = readFileSync(resolve(SOURCES, 'bfm-techco-fermeture-coco-2024-06-25.txt'), 'utf8');

function sentences(text: string, language: 'fr' | 'en' | 'und' = 'fr'): string[] {
  return splitSentences(text, language).map((s) => text.slice(s.start, s.end));
}

/** Spans in order, without overlap, inside the text, trimmed, covering every non-space character. */
function expectValidSpans(text: string): void {
  const spans = splitSentences(text, 'fr');
  const covered = new Uint8Array(text.length);
  let previousEnd = 0;
  for (const { start, end } of spans) {
    if (!(previousEnd <= start && start < end && end <= text.length)) {
      throw new Error(
        `bad span [${start}, ${end}) after ${previousEnd} in ${JSON.stringify(text)}`,
      );
    }
    if (/\s/.test(text[start]!) || /\s/.test(text[end - 1]!)) {
      throw new Error(`untrimmed span [${start}, ${end}) in ${JSON.stringify(text)}`);
    }
    covered.fill(1, start, end);
    previousEnd = end;
  }
  for (let i = 0; i < text.length; i++) {
    if (!covered[i] && !/\s/.test(text[i]!)) {
      throw new Error(`character ${i} outside every sentence in ${JSON.stringify(text)}`);
    }
  }
}

/** Characters that exercise every rule. */
const tricky = fc.constantFrom(
  'Le',
  ' site',
  ' a',
  'M',
  'Mme',
  'etc',
  'U.S',
  'coco',
  '23',
  '.',
  '. ',
  '...',
  '…',
  '!',
  '?',
  ' !',
  '«',
  '»',
  '"',
  '“',
  '”',
  "'",
  '(',
  ')',
  ' ',
  '\u00a0',
  '\n',
  '\n\n',
  '\r\n',
  '- ',
  '1. ',
  '#justice',
  '😱',
  '\ud800',
  '。',
);

describe('splitSentences', () => {
  it.each([
    ['', []],
    ['   \n\n  ', []],
    ['Le site coco.gg a été fermé.', ['Le site coco.gg a été fermé.']],
    [
      'Le site a été fermé le 25 juin. Ses dirigeants ont été interpellés. Une enquête est en cours.',
      [
        'Le site a été fermé le 25 juin.',
        'Ses dirigeants ont été interpellés.',
        'Une enquête est en cours.',
      ],
    ],
    [
      "  Qui est derrière Coco ? Un ingénieur installé dans le Var ! L'enquête le dira.  ",
      ['Qui est derrière Coco ?', 'Un ingénieur installé dans le Var !', "L'enquête le dira."],
    ],
    [
      'M. Darmanin et Mme. Borne ont réagi. Le Dr. Martin aussi.',
      ['M. Darmanin et Mme. Borne ont réagi.', 'Le Dr. Martin aussi.'],
    ],
    [
      'G. Darmanin a salué le travail des enquêteurs. Ils ont saisi des serveurs.',
      ['G. Darmanin a salué le travail des enquêteurs.', 'Ils ont saisi des serveurs.'],
    ],
    [
      'Des viols, des guet-apens, etc. Le site était connu (cf. Le Monde, p. 12).',
      ['Des viols, des guet-apens, etc. Le site était connu (cf. Le Monde, p. 12).'],
    ],
    [
      'Les pays concernés (France, Bulgarie, etc.) ont coopéré. Eurojust a coordonné.',
      ['Les pays concernés (France, Bulgarie, etc.) ont coopéré.', 'Eurojust a coordonné.'],
    ],
    [
      'Selon l’art. 222-34 du code pénal, la peine est lourde. Fin.',
      ['Selon l’art. 222-34 du code pénal, la peine est lourde.', 'Fin.'],
    ],
    [
      'Le site existait depuis le 1er janv. 2004 environ. Il a fermé en 2024.',
      ['Le site existait depuis le 1er janv. 2004 environ.', 'Il a fermé en 2024.'],
    ],
    ['Ils étaient sept. Les autres ont fui.', ['Ils étaient sept.', 'Les autres ont fui.']],
    [
      'Pas moins de 23.051 procédures visaient coco.fr et www.coco.gg. Le site coco.gg est fermé.',
      [
        'Pas moins de 23.051 procédures visaient coco.fr et www.coco.gg.',
        'Le site coco.gg est fermé.',
      ],
    ],
    [
      'Entre 2021 et 2024, 23 051 procédures ont été ouvertes. 70 parquets ont transmis des procédures.',
      [
        'Entre 2021 et 2024, 23 051 procédures ont été ouvertes.',
        '70 parquets ont transmis des procédures.',
      ],
    ],
    [
      "« Les dirigeants de cette plateforme mafieuse ont été interpellés ! » s'est félicité Gérald Darmanin. Le site est fermé.",
      [
        "« Les dirigeants de cette plateforme mafieuse ont été interpellés ! » s'est félicité Gérald Darmanin.",
        'Le site est fermé.',
      ],
    ],
    [
      '« Le site est fermé. Ses dirigeants ont été interpellés ! », a déclaré le ministre. Fin.',
      [
        '« Le site est fermé. Ses dirigeants ont été interpellés ! », a déclaré le ministre.',
        'Fin.',
      ],
    ],
    [
      '« Le site est fermé. » Le ministre s’en est félicité.',
      ['« Le site est fermé. »', 'Le ministre s’en est félicité.'],
    ],
    [
      '"Le site est fermé !" Les victimes attendaient ce jour.',
      ['"Le site est fermé !"', 'Les victimes attendaient ce jour.'],
    ],
    [
      'Enfin ! le site est fermé. Attendez… la suite arrive... Et voilà… Le procès viendra.',
      [
        'Enfin ! le site est fermé.',
        'Attendez… la suite arrive...',
        'Et voilà…',
        'Le procès viendra.',
      ],
    ],
    [
      'Il avait déménagé le site vers Guernesey.Le parquet le savait.',
      ['Il avait déménagé le site vers Guernesey.Le parquet le savait.'],
    ],
  ])('splits French %j', (text, expected) => {
    expect(sentences(text, 'fr')).toEqual(expected);
  });

  it.each([
    [
      'French police shut down Coco on June 25. The site had been linked to 23,051 investigations.',
      [
        'French police shut down Coco on June 25.',
        'The site had been linked to 23,051 investigations.',
      ],
    ],
    [
      'Mr. Darmanin thanked the U.S. and St. Louis police. No. 5 was arrested on Jan. 3 in the Var.',
      [
        'Mr. Darmanin thanked the U.S. and St. Louis police.',
        'No. 5 was arrested on Jan. 3 in the Var.',
      ],
    ],
    [
      '"The site is closed. Its owners were arrested," the minister said. Prosecutors agreed.',
      ['"The site is closed. Its owners were arrested," the minister said.', 'Prosecutors agreed.'],
    ],
    [
      '“This mafia platform is finished!” Darmanin wrote on X. Was it? Yes.',
      ['“This mafia platform is finished!” Darmanin wrote on X.', 'Was it?', 'Yes.'],
    ],
    [
      'The site opened c. 2004, e.g. in France, i.e. before Facebook... It closed in 2024.',
      ['The site opened c. 2004, e.g. in France, i.e. before Facebook...', 'It closed in 2024.'],
    ],
  ])('splits English %j', (text, expected) => {
    expect(sentences(text, 'en')).toEqual(expected);
  });

  it('splits a feed of short posts, one a line, punctuated or not', () => {
    const feed = [
      'coco.gg fermé 😱 #justice',
      'enfin une bonne nouvelle pour les victimes de la plateforme coco',
      'Bravo aux gendarmes !! Il était temps',
      '@Gendarmerie merci',
      'Le site coco.gg est enfin fermé',
      'RT si tu savais pas',
    ].join('\n');
    expect(sentences(feed)).toEqual([
      'coco.gg fermé 😱 #justice',
      'enfin une bonne nouvelle pour les victimes de la plateforme coco',
      'Bravo aux gendarmes !!',
      'Il était temps',
      '@Gendarmerie merci',
      'Le site coco.gg est enfin fermé',
      'RT si tu savais pas',
    ]);
  });

  it('joins a line wrapped after a word that cannot end a sentence, or in a hyphenated word', () => {
    const wrapped =
      "Le site a été fermé dans le cadre d'une enquête judiciaire menée sous la direction de\n" +
      'la JUNALCO du parquet de Paris. Les procé-\n' +
      'dures ont été ouvertes.\n' +
      'The site was shut down by the\n' +
      'police in June.\n' +
      'Un titre\n' +
      'suivi d’une ligne';
    expect(sentences(wrapped)).toEqual([
      "Le site a été fermé dans le cadre d'une enquête judiciaire menée sous la direction de\nla JUNALCO du parquet de Paris.",
      'Les procé-\ndures ont été ouvertes.',
      'The site was shut down by the\npolice in June.',
      'Un titre',
      'suivi d’une ligne',
    ]);
  });

  it('breaks at any other single line break, even before a lower-case line', () => {
    expect(
      sentences(
        'la fourniture d’une plateforme en ligne permettant une transaction illicite,\n' +
          'le blanchiment aggravé\n' +
          'enfin une bonne nouvelle pour les victimes de la plateforme coco',
      ),
    ).toEqual([
      'la fourniture d’une plateforme en ligne permettant une transaction illicite,',
      'le blanchiment aggravé',
      'enfin une bonne nouvelle pour les victimes de la plateforme coco',
    ]);
  });

  it('makes each list item its own sentence', () => {
    const list =
      'Elle porte sur :\n- la fourniture d’une plateforme en ligne illicite,\n' +
      '• le blanchiment aggravé\n* le proxénétisme aggravé\n' +
      '1. la pédocriminalité\n2) l’association de malfaiteurs';
    expect(sentences(list)).toEqual([
      'Elle porte sur :',
      '- la fourniture d’une plateforme en ligne illicite,',
      '• le blanchiment aggravé',
      '* le proxénétisme aggravé',
      '1. la pédocriminalité',
      '2) l’association de malfaiteurs',
    ]);
  });

  it('always breaks at a blank line', () => {
    expect(
      sentences('Un "discret ingénieur"\n\nSelon une enquête du Monde, il vit dans le Var'),
    ).toEqual(['Un "discret ingénieur"', 'Selon une enquête du Monde, il vit dans le Var']);
    expect(sentences('Fermeture de coco\r\n\r\nle site est fermé')).toEqual([
      'Fermeture de coco',
      'le site est fermé',
    ]);
  });

  it('splits the prosecutor’s release, its bullet list included', () => {
    expect(sentences(release)).toEqual([
      'PARQUET DE MADAME LA PROCUREURE DE LA REPUBLIQUE',
      'Paris, le 25 juin 2024',
      'Communiqué de presse',
      "Le site « coco » a été fermé le 25 juin 2024 dans le cadre d'une enquête judiciaire menée sous la direction de la JUNALCO du parquet de Paris, par l'unité nationale cyber de la Gendarmerie nationale (UNCyber) et l'office national anti-fraude (ONAF), avec l'appui du commandement du ministère de l'Intérieur dans le cyberespace (COMCYBER-MI), en France, en Bulgarie, en Allemagne, en Lituanie, aux Pays-Bas et en Hongrie.",
      'Les opérations ont été coordonnées avec Eurojust.',
      "L'enquête a été ouverte en décembre 2023 par la JUNALCO, et confiée à l'unité nationale cyber en co-saisine avec l'ONAF.",
      'Elle porte notamment sur les infractions de :',
      "- fourniture d'une plateforme en ligne pour permettre une transaction illicite en bande organisée (faisant encourir 10 ans d'emprisonnement en 500 000 euros d'amende),",
      "- d'intermédiation ou séquestre, au moyen d'une plateforme en ligne, ayant pour objet de mettre en œuvre, dissimuler ou faciliter une transaction illicite en bande organisée (idem)",
      "- et les infractions relatives à la pédocriminalité, au proxénétisme aggravé, au blanchiment aggravé, et à l'association de malfaiteurs en vue de commettre ces infractions",
      "Le site coco.gg est connu depuis de nombreuses années comme étant un facilitateur de commission de diverses infractions, notamment des actes de pédocriminalité, de proxénétisme, de prostitution, de viols, de vente de stupéfiants, de guet-apens, voire d'homicides.",
      "Entre le 1er janvier 2021 et le 7 mai 2024, il ressort de l'exploitation des fichiers de police que pas moins de 23 051 procédures judiciaires en lien avec la plateforme coco ont été ouvertes.",
      "70 parquets sur l'ensemble du territoire national, ont transmis des procédures dont ils ont eu à connaître impliquant la plateforme coco.fr, au préjudice de 480 victimes.",
      "Dans l'ensemble des procédures recensées, la plateforme coco a été utilisée spécifiquement pour sa notoire absence de modération.",
      'Parquet de Paris : 06 07 18 42 28 scom.parquet.ti-paris@justice.fr',
      'DGGN: 06 88 65 18 50',
    ]);
  });

  it('splits the BFM article, keeping each quotation with its attribution', () => {
    expect(sentences(bfm)).toEqual([
      'Tech&Co',
      'Actualités',
      'Alerte info',
      'Fermeture de Coco: Gérald Darmanin annonce l\'interpellation des dirigeants de "cette plateforme mafieuse"',
      'placeholder video',
      "Ce 25 juin au matin, le site Coco a été fermé à l'initiative des autorités françaises, 20 ans après sa création.",
      "Il aura donc fallu 20 ans pour finalement fermer le site Coco, au coeur de nombreuses agressions et même d'un homicide.",
      "Ce mardi matin, le parquet de Paris a annoncé la fermeture de la plateforme immatriculée sur l'ile anglo-normande Guernesey.",
      '"Les dirigeants de cette plateforme mafieuse ont été interpellés" s\'est félicité ministre de l\'Intérieur Gérald Darmanin sur X (ex-Twitter).',
      "Selon l'AFP, le propriétaire du site a été interpellé à l'étranger et sa femme était en garde à vue dans le Var.",
      '"Le site coco.gg est connu depuis de nombreuses années comme étant un facilitateur de commission de diverses infractions, notamment des actes de pédocriminalité, de proxénétisme, de prostitution, de viols, de vente de stupéfiants, de guet-apens, voire d’homicides" explique le parquet de Paris dans un communiqué de presse.',
      "Le tribunal judiciaire ajoute qu'entre 2021 et 2024, plus de 23.000 procédures judiciaires en lien avec Coco ont été ouvertes.",
      '"70 parquets sur l’ensemble du territoire national, ont transmis des procédures dont ils ont eu à connaître impliquant la plateforme coco.fr, au préjudice de 480 victimes" précise le communiqué, qui dénonce par ailleurs une "absence notoire" de modération.',
      'Un "discret ingénieur"',
      'Le parquet indique que l\'enquête, ouverte en décembre 2023, porte sur les infractions de "fourniture d\'une plateforme en ligne pour permettre une transaction illicite en bande organisée", "d’intermédiation ou séquestre, au moyen d’une plateforme en ligne" et "d\'infractions relatives à la pédocriminalité, au proxénétisme aggravé, au blanchiment aggravé, et à l’association de malfaiteurs en vue de commettre ces infractions"',
      'Selon une enquête du Monde, le propriétaire du site est un "discret ingénieur" installé dans le Var.',
      "Il avait déménagé le site Coco.fr vers Guernesey, sous l'adresse Coco.gg, pour échapper aux autorités françaises.",
      "Sa fermeture est donc le fruit d'une collaboration européenne.",
      'Thomas Leroy Journaliste BFM Business',
    ]);
  });

  it('returns raw spans that slice the sentences out of the text', () => {
    const text = 'Le site est fermé.  Les dirigeants sont interpellés !';
    expect(splitSentences(text, 'fr')).toEqual([
      { start: 0, end: 18 },
      { start: 20, end: 53 },
    ]);
  });

  it('splits text of other scripts by the segmenter', () => {
    expect(sentences('网站已关闭。警方逮捕了负责人。', 'und')).toEqual([
      '网站已关闭。',
      '警方逮捕了负责人。',
    ]);
  });

  it('is linear on long runs of dots, digits, spaces, quotes and newlines', () => {
    for (const run of [
      '.',
      '1',
      ' ',
      '"',
      '«',
      '\n',
      '! ',
      'M. ',
      'a.b',
      '\n \n',
      'a'.repeat(50) + '\n',
      '1. A ',
      '« a. » b ',
      '"Fin !" Darmanin said ',
    ]) {
      const text = run.repeat(Math.ceil(300_000 / run.length));
      const started = performance.now();
      expectValidSpans(text);
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });

  it('returns ordered, disjoint, trimmed spans covering every non-space character, on any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.array(tricky, { maxLength: 60 }).map((parts) => parts.join('')),
    );
    fc.assert(fc.property(text, expectValidSpans), { numRuns: 1000 });
  });
});
