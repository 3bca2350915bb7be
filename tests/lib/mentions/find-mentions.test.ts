import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../lib/mentions/find-mentions.ts';

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
});
