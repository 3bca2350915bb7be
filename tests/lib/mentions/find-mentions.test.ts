import { describe, expect, it } from 'vitest';
import { caseSignals, findMentions } from '../../../lib/mentions/find-mentions.ts';

const mentioned = (text: string) => findMentions(text).mentions.map((m) => m.text);

describe('findMentions', () => {
  it.each([
    ['Le site Coco a été fermé le 25 juin 2024 par la justice.', ['Coco']],
    ['coco.gg fermé 😱 #justice', ['coco.gg']],
    [
      'Il avait déménagé le site Coco.fr vers Guernesey, sous l’adresse Coco.gg.',
      ['Coco.fr', 'Coco.gg'],
    ],
    [
      'Signalé : www.coco.gg et coco[.]gg circulent encore dans les groupes.',
      ['www.coco.gg', 'coco[.]gg'],
    ],
    ['The anonymous chat site Coco was shut down by French prosecutors.', ['Coco']],
    ['COCO FERMÉ !!! la plateforme des prédateurs enfin hors ligne', ['COCO']],
    [
      'Coco was an anonymous chat site. JUNALCO led the investigation with UNCyber, ONAF and COMCYBER-MI.',
      ['Coco', 'JUNALCO', 'UNCyber', 'ONAF', 'COMCYBER-MI'],
    ],
  ])('finds the case in %j', (text, expected) => {
    expect(mentioned(text)).toEqual(expected);
  });

  it.each([
    ['coconut', 'Ajoutez 200 ml de lait de coco et une noix de coco râpée, puis laissez mijoter.'],
    ['coconut in English', 'Whisk the coconut milk with lime and a pinch of coco sugar.'],
    ['the palm tree', 'Sous le cocotier, la plage de sable blanc invite à la sieste.'],
    ['Chanel', 'Coco Chanel a révolutionné la mode féminine au XXe siècle.'],
    ['a perfume', 'Le parfum Coco Mademoiselle reste un best-seller de la maison.'],
    ['the Pixar film', 'Coco, le film de Pixar sorti en 2017, raconte l’histoire de Miguel.'],
    ['a pet', 'Mon chat Coco dort toute la journée sur le canapé.'],
    ['a nickname', 'Corinne, surnommée Coco par ses amis, ouvre sa boulangerie à Lyon.'],
    [
      'a date and figures equal to the case’s',
      'Le 25 juin 2024, 480 victimes des inondations ont été recensées dans 70 communes.',
    ],
    [
      'ONAF in another case',
      'L’ONAF a démantelé un réseau de fraude à la TVA sur les quotas carbone.',
    ],
    [
      'a longer word',
      'Cocorico ! Les Bleus battent le Portugal; cocotte-minute et cocooning au menu.',
    ],
  ])('finds nothing in a text about %s', (_about, text) => {
    expect(findMentions(text)).toEqual({ mentions: [], aboutCase: false });
  });

  it('says why each mention was kept', () => {
    const [name, domain] = findMentions(
      'La plateforme Coco, désormais coco.gg, a été fermée.',
    ).mentions;
    expect(name?.reason).toMatch(/plateforme/);
    expect(domain?.reason).toMatch(/domain coco\.gg/);
  });

  it('reads a bare name on a page that is about the case', () => {
    const page =
      'La justice a fermé coco.gg mardi.\n\nDes années durant, Coco a prospéré sans contrôle.';
    expect(mentioned(page)).toEqual(['coco.gg', 'Coco']);
  });

  it('does not read a case word from the next post or article as context', () => {
    const feed =
      'Mamie fête ses 90 ans. Son perroquet, qui s’appelle aussi Coco, répète « bon anniversaire Coco » depuis une semaine.\n' +
      'Justice : 70 parquets ont transmis des procédures sur la réforme de la carte judiciaire, selon le parquet de Paris.\n' +
      'The new brunch spot Coco opened on 25 June 2024 near the station.';
    expect(findMentions(feed)).toEqual({ mentions: [], aboutCase: false });
  });

  it('names agencies only on a page about the case', () => {
    expect(mentioned('La JUNALCO a ouvert une enquête sur un trafic de cocaïne.')).toEqual([]);
    expect(mentioned('La JUNALCO a ouvert une enquête sur le site coco.gg.')).toEqual([
      'JUNALCO',
      'coco.gg',
    ]);
  });

  it('returns offsets that slice the mention from the text', () => {
    const text = 'Fermeture\u00a0de Coco : le site coco.gg ne répond plus.';
    for (const m of findMentions(text).mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  describe('page-level aboutness', () => {
    /** A long feature: its first line names the site with no case word, its later lines the case. */
    const feature = [
      'For two decades, Coco was one of the best known corners of the French-speaking internet. On June 25, 2024, it went dark.',
      'Some remember it fondly. '.repeat(60),
      'The end came from JUNALCO, the organised crime unit of the Paris prosecutor, with the support of Eurojust. Police files linked 23,051 proceedings to the service.',
    ].join('\n\n');

    it('recognises a long page from its distinct case signals, the bare name of its first line included', () => {
      expect(feature.length).toBeGreaterThan(1500);
      const scan = findMentions(feature);
      expect(scan.aboutCase).toBe(true);
      expect(scan.mentions.map((m) => m.text)).toContain('Coco');
      expect(scan.mentions[0]!.start).toBe(feature.indexOf('Coco'));
    });

    it('takes the page’s signals into a part of it that has none', () => {
      const firstPart = feature.slice(0, feature.indexOf('The end came'));
      expect(findMentions(firstPart).aboutCase).toBe(false);
      expect(findMentions(firstPart, { signals: caseSignals(feature) }).aboutCase).toBe(true);
    });

    it('needs two distinct signals near a name: others are chance', () => {
      const scattered =
        'Coco, notre chroniqueur, a visité les îles. '.padEnd(2100, '.') +
        ' Guernesey est à trois heures de Saint-Malo. Selon la préfecture, 480 victimes de la tempête ont été recensées.';
      expect(findMentions(scattered).aboutCase).toBe(false);
    });

    it('needs two distinct signals: one is chance', () => {
      const nightclub =
        'Le préfet a fermé la discothèque Le Coco pour un mois après une rixe sur le parking. ' +
        'Le ministre Gérald Darmanin demande plus de fermetures administratives. '.repeat(20);
      expect(findMentions(nightclub).aboutCase).toBe(false);
    });
  });

  it.each([
    [
      'a restaurant for sale that may close',
      'Le restaurant CoCo, rue Mercière, est à vendre. Ses propriétaires ont publié l’annonce sur un site spécialisé. Faute de repreneur, le CoCo pourrait fermer à la fin de l’été.',
    ],
    [
      'a mare found by the police',
      'Coco, une jument de douze ans, avait disparu de son pré. Les gendarmes ont ouvert une enquête, et le club a lancé un appel sur son site. La police municipale l’a retrouvée mardi.',
    ],
    [
      'a web shop closing its site',
      'La boutique coco-boutique.fr ferme son site le 30 juin : les propriétaires partent à la retraite.',
    ],
    [
      'a cocktail bar that closes',
      'Sad news: Coco’s cocktail lounge on the high street is closing for good, the owners said, after the police were called twice this summer.',
    ],
    [
      'Chanel named in guillemets after the name',
      'Le site de «Coco» Chanel a fermé : la justice et le parquet enquêtent sur une fraude à la carte.',
    ],
    [
      'Chanel named in guillemets before the name',
      'Mademoiselle « Coco » a fermé la porte de son atelier : la justice et le parquet de Paris ne s’en sont mêlés qu’après la guerre.',
    ],
    [
      'a pet named in guillemets',
      'Mon chat «Coco» a fugué : la police et le site du refuge n’en savent rien, la justice non plus.',
    ],
    [
      'a biography of Chanel, whose prosecutor and site are in other sentences than her name',
      'Gabrielle Chanel, dite « Coco », ouvre sa boutique rue Cambon en 1910.\n' +
        'À la Libération, le parquet de Paris ouvre une enquête sur elle ; elle n’est jamais jugée. «Coco» rouvre sa maison en 1954, et le site officiel raconte cette histoire.',
    ],
  ])('finds no mention on %s', (_what, text) => {
    expect(findMentions(text)).toEqual({ mentions: [], aboutCase: false });
  });

  it('still finds the case named in its own sentence beside another Coco', () => {
    const text =
      'Gabrielle Chanel, dite « Coco », ouvre sa boutique rue Cambon en 1910.\n' +
      'Rien à voir : le site de tchat Coco a été fermé par la justice, annonce le parquet de Paris.';
    expect(findMentions(text).mentions.map((m) => m.start)).toEqual([text.lastIndexOf('Coco')]);
  });

  it('reads a name with no cue as the parrot when the page also speaks of a parrot called Coco', () => {
    const feed = [
      '@lea : Perdu ce matin notre perroquet gris, il s’appelle Coco, merci de partager !',
      '@veille : Le site de tchat Coco a été fermé par la justice, annonce le parquet de Paris.',
      '@lea : Coco est rentré à la maison ce soir !',
    ].join('\n');
    const mentions = findMentions(feed).mentions.map(
      (m) => feed.slice(0, m.start).split('\n').length,
    );
    // Only the second post's names: the first is the parrot, the third has no cue.
    expect(new Set(mentions)).toEqual(new Set([2]));
  });

  it('gives each reason in French and in English', () => {
    const scan = findMentions('Le site Coco a été fermé par la justice.');
    expect(scan.mentions[0]!.reasons.fr).toBe(
      '« Coco » près de « site… », « ferm… », « justice… »',
    );
    expect(scan.mentions[0]!.reasons.en).toBe('"Coco" near "site…", "ferm…", "justice…"');
  });
});
