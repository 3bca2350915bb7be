import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../lib/text/language.ts';

const SOURCES = resolve(import.meta.dirname, '../../../seeds/sources');

describe('detectLanguage', () => {
  it.each([
    // French: news prose, posts, headlines.
    ['fr', 'Le site coco.gg est enfin fermé'],
    ['fr', "L'enquête a été ouverte en décembre 2023 par la JUNALCO."],
    ['fr', 'Fermeture de Coco : Gérald Darmanin annonce l’interpellation des dirigeants'],
    ['fr', 'il était temps que ce site ferme, bravo aux gendarmes'],
    ['fr', 'Coco.gg fermé par la justice 😱 #Coco #justice'],
    ['fr', 'on a fermé coco, enfin'],
    [
      'fr',
      'Selon une enquête du Monde, le propriétaire du site est un « discret ingénieur » installé ' +
        'dans le Var. Il avait déménagé le site Coco.fr vers Guernesey pour échapper aux autorités.',
    ],
    ['fr', 'LE SITE COCO A ÉTÉ FERMÉ PAR LES AUTORITÉS FRANÇAISES'],
    // English.
    ['en', 'Coco site shut down by French police'],
    ['en', 'French anonymous chat site Coco was closed on June 25, 2024'],
    ['en', 'The owner of the site was arrested abroad, according to AFP.'],
    ['en', 'Coco is finally gone. Good riddance to the worst chat site on the web'],
    [
      'en',
      'Prosecutors in Paris said that more than 23,000 criminal proceedings had been linked to ' +
        'the platform between 2021 and 2024, with 480 victims identified by investigators.',
    ],
    ['en', 'Police in the Var have taken the wife of the owner into custody'],
    // Neither.
    ['und', ''],
    ['und', '   '],
    ['und', '23 051 — 480 — 70'],
    ['und', 'https://coco.gg'],
    ['und', 'Coco'],
    ['und', '😱😱😱 #coco'],
    [
      'und',
      'Die französischen Behörden haben die Chat-Plattform Coco geschlossen, und der Betreiber ' +
        'ist nach Angaben der Staatsanwaltschaft im Ausland festgenommen worden.',
    ],
    [
      'und',
      'Las autoridades francesas cerraron el sitio Coco y los responsables de la plataforma ' +
        'fueron detenidos, según la fiscalía de París.',
    ],
    [
      'und',
      'Il sito Coco è stato chiuso dalle autorità francesi e il proprietario della piattaforma ' +
        'è stato arrestato, secondo la procura di Parigi che ha coordinato le indagini.',
    ],
    ['und', 'El sitio fue cerrado por la policía'],
    ['und', 'Il sito è stato chiuso'],
    ['und', 'De politie heeft de chatsite Coco gesloten na een lang onderzoek naar misbruik'],
  ])('detects %s in %j', (expected, text) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it.each([
    ['parquet-paris-communique-2024-06-25', 'fr'],
    ['bfm-techco-fermeture-coco-2024-06-25', 'fr'],
  ])('detects the language of the seed source %s', (id, expected) => {
    const text = readFileSync(resolve(SOURCES, `${id}.txt`), 'utf8');
    expect(detectLanguage(text)).toBe(expected);
  });

  it('reads only the start of a long page', () => {
    const french = 'Le site a été fermé par les autorités. '.repeat(1000);
    const english = 'The site was shut down by the police. '.repeat(100_000);
    expect(detectLanguage(french + english)).toBe('fr');
    const started = performance.now();
    detectLanguage(english);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('breaks a tie with French letters, and leaves a tie without them undetermined', () => {
    // "on" is a stop word of both languages.
    expect(detectLanguage('Coco ? on a déjà donné')).toBe('fr');
    expect(detectLanguage('Coco ? on repeat')).toBe('und');
  });
});
