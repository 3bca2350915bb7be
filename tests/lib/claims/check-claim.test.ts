import { beforeAll, describe, expect, it } from 'vitest';
import { checkText, createEngine, type Engine } from '../../../lib/check-text.ts';
import { seedPack } from '../../helpers/seed-files.ts';

let engine: Engine;
beforeAll(async () => {
  const { pack, sources } = await seedPack();
  engine = createEngine(pack.facts, sources);
});

/** A paragraph that makes the text about the case, before the sentence under test. */
const CASE_FR =
  'Le site de tchat Coco a été fermé par la justice française, a annoncé le parquet de Paris.\n\n';
const CASE_EN = 'The anonymous chat site Coco was shut down, the Paris prosecutor said.\n\n';

function claimOf(text: string, fragment: string) {
  const report = checkText(engine, text);
  return report.claims.find((c) => c.text.includes(fragment));
}

describe('checkClaim: values of other events are not the case’s', () => {
  // Each row: a sentence that names another event with its own date, period,
  // place or count. None of them may be contradicted.
  it.each([
    // A date of another event.
    [
      CASE_FR + 'Créé en 2002, le site attirait des milliers de visiteurs chaque jour.',
      'Créé en 2002',
    ],
    [
      CASE_FR + 'Dès 2021, des parents avaient réclamé sa fermeture dans une lettre ouverte.',
      'Dès 2021',
    ],
    [
      CASE_FR + 'Quatre jours après la fermeture du site, le 29 juin, le fondateur a été déféré.',
      'Quatre jours',
    ],
    [
      CASE_FR + 'Le site Coco, cité dans un procès à Lyon en 2023, a été fermé ce mardi.',
      'procès à Lyon',
    ],
    [CASE_EN + 'Founded in 2003, the site drew thousands of users every day.', 'Founded in 2003'],
    [
      CASE_EN + 'In 2022 a charity launched a petition calling for the closure of Coco.',
      'petition',
    ],
    [
      CASE_EN + 'Two days after the takedown, on June 27, the founder was charged in Paris.',
      'Two days',
    ],
    // A period of another affair.
    [CASE_FR + 'Le site avait servi dans l’affaire de Mazan, entre 2011 et 2020.', 'Mazan'],
    [CASE_EN + 'The site was used in a rape case between 2011 and 2020.', 'rape case'],
    // A place that is not the place of registration.
    [
      CASE_FR +
        'Des poursuites ont été engagées en France contre le site Coco, immatriculé à Guernesey.',
      'poursuites',
    ],
    // A count of helpers, not of the operation's countries.
    [
      CASE_EN + 'French police were helped by officers from five European countries.',
      'five European',
    ],
    [CASE_FR + 'Les gendarmes ont reçu le concours de cinq pays européens.', 'cinq pays'],
    // A count of another story.
    [
      CASE_FR + 'À Lille, une vingtaine de dossiers liés au site ont été recensés depuis 2021.',
      'vingtaine',
    ],
    [
      CASE_FR + 'Les trois victimes du guet-apens avaient été contactées sur Coco.',
      'trois victimes',
    ],
    // The length of something else.
    [CASE_FR + 'Au terme d’une enquête de cinq ans, le site Coco a fermé.', 'enquête de cinq ans'],
    // Another Coco in a text about the case.
    [CASE_FR + 'Le Coco Bar du quartier ferme lui aussi samedi.', 'Coco Bar'],
    // A number that labels a post or a part, not a count of what follows.
    ['Post 0 : Le parquet de Paris a fermé le site Coco le 25 juin 2024.', 'Post 0'],
    ['Post 3 Le parquet de Paris a fermé le site Coco le 25 juin 2024.', 'Post 3'],
    ['Épisode 2 – les parquets ont fermé le site Coco le 25 juin 2024.', 'Épisode 2'],
    ['Thread 480 : victimes du site Coco, fermé le 25 juin 2024.', 'Thread 480'],
    [CASE_FR + 'Le site Coco (post 3) : les parquets l’ont fermé le 25 juin 2024.', 'post 3'],
  ])('does not contradict %j', (text, fragment) => {
    const claim = claimOf(text, fragment);
    expect(claim?.verdict ?? 'none').not.toBe('contradicted');
  });

  it.each([
    // A person's age, a bare weekday of another act, a country of a later step.
    [CASE_FR + 'Karim, 22 ans, avait rencontré ses agresseurs sur le site Coco.', 'Karim'],
    [
      CASE_EN + 'Investigators were questioning three people on Tuesday, the prosecutor said.',
      'questioning',
    ],
    [
      CASE_FR + 'Une information judiciaire a été ouverte en France contre le fondateur du site.',
      'information judiciaire',
    ],
    // Third parties' acts, backed by no fact.
    [
      CASE_EN + 'A child-protection charity filed a complaint against the Coco site in 2021.',
      'complaint',
    ],
    [
      CASE_EN +
        'Visitors to coco.gg now see a banner saying the seized domain is in the hands of justice.',
      'banner',
    ],
    [
      CASE_FR + 'Les associations ont salué la fermeture du site Coco, qu’elles réclamaient.',
      'salué',
    ],
  ])('does not support %j', (text, fragment) => {
    const claim = claimOf(text, fragment);
    expect(claim?.verdict ?? 'none').not.toBe('supported');
  });

  it('says which value was not compared, and why', () => {
    const claim = claimOf(
      CASE_FR + 'Le site Coco avait servi dans l’affaire de Mazan, entre 2011 et 2020.',
      'Mazan',
    );
    expect(claim?.verdict).toBe('unverified');
    expect(claim?.reasons.en).toMatch(
      /2011 et 2020 belongs to another event \(another trial or affair\)/,
    );
    expect(claim?.reasons.fr).toMatch(/se rapporte à un autre événement \(un autre procès/);
  });
});

describe('checkClaim: a word that can label a number, used as a word', () => {
  it.each([
    [CASE_FR + 'Dans ce post 7 pays ont mené des opérations contre le site Coco.', '7 pays'],
    [
      CASE_FR + 'Comme le dit ce post 32 051 procédures liées au site Coco ont été ouvertes.',
      '32 051',
    ],
    [CASE_EN + 'In his post 32,051 proceedings were linked to Coco.', '32,051'],
  ])('still contradicts %j', (text, fragment) => {
    expect(claimOf(text, fragment)?.verdict).toBe('contradicted');
  });
});

describe('checkClaim: the case’s values said in the writer’s own words', () => {
  it.each([
    [
      CASE_FR + 'Selon le parquet, celles-ci se chiffreraient à 23 000.',
      'celles-ci',
      'proceedings-2021-2024',
    ],
    [
      CASE_FR + 'Le parquet indique que 23 000 ont été recensées.',
      '23 000 ont',
      'proceedings-2021-2024',
    ],
    [
      CASE_FR + 'C’est le parquet de Paris qui l’a annoncé ce mardi 25 juin.',
      'mardi 25 juin',
      'shutdown-announced-by-parquet',
    ],
    [
      CASE_FR + 'Depuis le 25 juin 2024, le site Coco n’est plus accessible.',
      'accessible',
      'shutdown-date',
    ],
    [CASE_EN + 'Then, on June 25, 2024, Coco went dark.', 'went dark', 'shutdown-date'],
    [
      CASE_EN + 'For two decades, Coco was a byword for the worst of the French web.',
      'two decades',
      'site-age-20-years',
    ],
    [CASE_FR + 'Il aura fallu vingt ans pour fermer ce site.', 'vingt ans', 'site-age-20-years'],
    [CASE_FR + 'Les victimes recensées, elles, sont 480.', 'sont 480', 'victims-480'],
    [
      CASE_EN + 'The operation took place in six countries, with Eurojust coordinating.',
      'six countries',
      'countries-six',
    ],
    [
      CASE_EN + 'The site’s owner was detained outside France.',
      'detained',
      'owner-arrested-abroad',
    ],
    [
      CASE_FR + 'Le patron du site aurait été arrêté à l’étranger.',
      'patron',
      'owner-arrested-abroad',
    ],
  ])('supports %j', (text, fragment, factId) => {
    const claim = claimOf(text, fragment);
    expect(claim?.verdict).toBe('supported');
    expect(claim?.checks.map((c) => c.factId)).toContain(factId);
  });

  it.each([
    [CASE_FR + 'Le site Coco a été fermé le 25 mai 2024.', 'mai', 'shutdown-date'],
    [
      CASE_EN + 'Police files linked 32,051 proceedings to Coco between 2021 and 2024.',
      '32,051',
      'proceedings-count',
    ],
    [
      CASE_EN + 'The operations were coordinated with Europol.',
      'Europol',
      'operation-coordination',
    ],
    [CASE_FR + 'La plateforme était immatriculée à Jersey.', 'Jersey', 'registration-place'],
    [
      CASE_FR + 'Des opérations ont été menées dans sept pays.',
      'sept pays',
      'operation-countries-count',
    ],
  ])('still contradicts %j', (text, fragment, slot) => {
    const claim = claimOf(text, fragment);
    expect(claim?.verdict).toBe('contradicted');
    expect(claim?.checks.find((c) => c.verdict === 'contradicted')?.slot).toBe(slot);
  });
});

describe('reasons', () => {
  it('gives each reason in French and in English, with each language’s figures and dates', () => {
    const claim = claimOf(CASE_FR + 'Le site Coco a été fermé le 25 juillet 2024.', 'juillet');
    expect(claim?.reasons.en).toBe('25 July 2024 stated; the sources say Tuesday 25 June 2024');
    expect(claim?.reasons.fr).toBe(
      '25 juillet 2024 affirmé ; les sources indiquent mardi 25 juin 2024',
    );
    expect(claim?.reason).toBe(claim?.reasons.en);
    const count = claimOf(
      CASE_FR + 'Pas moins de 32 051 procédures ont été ouvertes contre Coco.',
      '32 051',
    );
    expect(count?.reasons.en).toContain('32,051 stated; the sources say 23,051');
    expect(count?.reasons.fr).toContain('32\u202f051 affirmé ; les sources indiquent 23\u202f051');
  });

  it('writes "up to" for jusqu’à and "fewer than" for moins de', () => {
    const upTo = claimOf(
      CASE_FR +
        'La fourniture d’une plateforme en ligne pour une transaction illicite est passible de jusqu’à 7 ans d’emprisonnement.',
      'jusqu’à 7',
    );
    expect(upTo?.reasons.en).toMatch(/^up to 7 stated/);
    expect(upTo?.reasons.fr).toMatch(/^jusqu’à 7 affirmé/);
  });

  it('never says "Tuesday 2024"', () => {
    const claim = claimOf(CASE_FR + 'Le site Coco a été fermé mardi.', 'mardi');
    expect(claim?.verdict).toBe('supported');
    expect(claim?.reasons.en).toBe('Tuesday, as the sources say (Tuesday 25 June 2024)');
    expect(claim?.reasons.fr).toBe('mardi, comme l’indiquent les sources (mardi 25 juin 2024)');
  });
});

describe('checkClaim: the closest fact of an unverified claim', () => {
  it.each([
    ['Le site Coco a été fermé par la justice.', 'shutdown-date'],
    [
      'Pour beaucoup d’observateurs, la fermeture de Coco arrive pourtant bien tard.',
      'shutdown-date',
    ],
    ['Bravo aux gendarmes de l’UNCyber 👏 #Coco', 'investigation-units-uncyber-onaf'],
  ])('names one for %j, with its passage', (text, factId) => {
    const [claim] = checkText(engine, text).claims;
    expect(claim?.verdict).toBe('unverified');
    expect(claim?.checks).toEqual([]);
    expect(claim?.nearest?.factId).toBe(factId);
    expect(claim?.nearest?.evidence.exact.length).toBeGreaterThan(10);
  });

  it.each([
    // An association that petitions is not a criminal association: no event, one word.
    'Coco.gg était un repaire de prédateurs, et plusieurs associations avaient lancé une pétition en 2023 contre le site Coco.',
    'Le fondateur du site Coco, Isaac Steidl, a été mis en examen à l’automne 2025.',
  ])('names none for %j', (text) => {
    const claim = checkText(engine, text).claims.at(-1);
    expect(claim?.verdict).toBe('unverified');
    expect(claim?.nearest).toBeUndefined();
  });

  it('is never given beside a verdict', () => {
    const report = checkText(
      engine,
      CASE_FR +
        'Le site a fermé le 25 juin 2024. Selon le parquet, 32 051 procédures ont été ouvertes.',
    );
    expect(report.claims.filter((c) => c.verdict !== 'unverified')).not.toHaveLength(0);
    for (const claim of report.claims)
      if (claim.verdict !== 'unverified') expect(claim.nearest).toBeUndefined();
  });
});

describe('checkClaim: a value several facts speak to', () => {
  it.each([
    ['La plateforme Coco était immatriculée à Malte.', 'contradicted'],
    ['La plateforme Coco était immatriculée à Guernesey.', 'supported'],
  ] as const)(
    'rests %j on the fact about the registration, not the move of the domain',
    (text, verdict) => {
      const claim = claimOf(CASE_FR + text, 'immatriculée');
      expect(claim?.verdict).toBe(verdict);
      expect(claim?.checks.map((c) => c.factId)).toEqual(['site-registered-guernsey']);
    },
  );
});

describe('checkClaim: years of something', () => {
  it.each([
    ['Coco : la justice met fin à vingt ans de tchat anonyme', 'supported'],
    ['Coco shut down: French justice puts an end to twenty years of anonymous chat', 'supported'],
    ['Le site Coco, fermé après vingt ans d’existence.', 'supported'],
  ] as const)('reads %j as the site’s age', (text, verdict) => {
    const [claim] = checkText(engine, text).claims;
    expect(claim?.verdict).toBe(verdict);
    expect(claim?.checks[0]?.factId).toBe('site-age-20-years');
  });

  it.each([
    'Fermeture de Coco : la justice met fin à dix ans d’enquête sur le site.',
    'Fermeture du site Coco : après trois ans d’enquête, la justice frappe.',
    'Fermeture de Coco : le parquet met fin à deux ans de procédures contre le site.',
    'Coco shut down after three years of investigation into the site.',
  ])('never reads %j as the site’s age', (text) => {
    for (const claim of checkText(engine, text).claims) {
      expect(claim.verdict).not.toBe('contradicted');
      expect(claim.checks.map((c) => c.factId)).not.toContain('site-age-20-years');
    }
  });
});

describe('checkClaim: years a connector times', () => {
  it.each([
    'Le site Coco a été fermé après une enquête qui durait depuis deux ans.',
    'Coco a été fermé : les gendarmes surveillaient le site depuis trois ans.',
    'Coco was shut down after an investigation that had been running for two years.',
    'Coco fermé : une pétition réclamait sa fermeture depuis quatre ans.',
  ])('never contradicts the site’s age with %j', (text) => {
    for (const claim of checkText(engine, text).claims)
      expect(claim.verdict).not.toBe('contradicted');
  });

  it.each([
    'Le site Coco, créé il y a dix ans, a été fermé par la justice.',
    'Coco, en ligne depuis dix ans, a été fermé mardi.',
  ])('still contradicts a wrong age of the site’s own life in %j', (text) => {
    const [claim] = checkText(engine, text).claims;
    expect(claim?.verdict).toBe('contradicted');
    expect(claim?.checks.map((c) => c.factId)).toContain('site-age-20-years');
  });
});

describe('checkClaim: another site’s closure', () => {
  it.each([
    'La fermeture de Coco intervient deux mois après celle du site Wannonce, fermé en avril 2024.',
    'Coco a fermé en juin 2024 ; Wizz, un autre tchat, a fermé en septembre 2024.',
    'Coco was shut down on 25 June 2024, a month after the Wannonce site closed in May.',
    'Like Backpage, closed in April 2018, Coco was shut down by French prosecutors.',
    'Le site Coco a été fermé après 23 051 procédures ; en 2022, 8 000 procédures avaient été ouvertes.',
    'Le site Coco, fermé en juin, avait été créé par un informaticien de 44 ans.',
    'Coco a été fermé mardi ; Omegle, lui, avait fermé le 8 novembre 2023.',
    'Coco fermé : en 2020, 4 000 procédures avaient déjà visé le site selon Mediapart.',
  ])('never contradicts the shutdown with %j', (text) => {
    for (const claim of checkText(engine, text).claims)
      expect(claim.verdict).not.toBe('contradicted');
  });

  it.each([
    'Le parquet de Paris a fermé le site Coco le 25 juillet 2024.',
    'Coco was shut down on July 25, 2024, French prosecutors said.',
    'Selon Le Monde, Coco a été fermé le 25 juillet 2024.',
  ])('still contradicts the shutdown’s wrong date in %j', (text) => {
    const claim = checkText(engine, text).claims.find((c) => c.verdict === 'contradicted');
    expect(claim?.checks.map((c) => c.factId)).toContain('shutdown-date');
  });
});

describe('checkClaim: other counts and other units’ parts', () => {
  it.each([
    'Le site Coco a été fermé. Un an plus tard, 3 000 nouvelles procédures ont été ouvertes contre des utilisateurs du site.',
    'Coco fermé : l’enquête a été confiée à la police judiciaire de Marseille pour le volet local.',
    'Le site Coco a été fermé. L’OFMIN a recueilli les témoignages de 20 mineurs victimes.',
  ])('never contradicts with %j', (text) => {
    for (const claim of checkText(engine, text).claims)
      expect(claim.verdict).not.toBe('contradicted');
  });

  it('still contradicts a wrong total and a wrong agency', () => {
    const verdicts = checkText(
      engine,
      'Selon le parquet, 32 051 procédures liées au site Coco ont été ouvertes. Le site Coco a été fermé par le parquet ; les opérations ont été coordonnées avec Europol.',
    ).claims.map((c) => c.verdict);
    expect(verdicts).toEqual(['contradicted', 'contradicted']);
  });
});
