import { describe, expect, it } from 'vitest';
import { extractDatesAndPeriods } from '../../../lib/claims/dates.ts';
import {
  assertedKinds,
  eventOf,
  findEvents,
  readEvents,
  type EventKind,
} from '../../../lib/claims/events.ts';
import { foldSameLength } from '../../../lib/text/fold.ts';

/** The kind of event the first date (or period) of a sentence is bound to, or null. */
function boundKind(sentence: string, language: 'fr' | 'en'): EventKind | null {
  const folded = foldSameLength(sentence);
  const { dates, periods } = extractDatesAndPeriods(sentence, language);
  const value = periods[0] ?? dates[0];
  if (!value) throw new Error(`no date in ${sentence}`);
  return eventOf(readEvents(folded), value)?.event.kind ?? null;
}

describe('eventOf', () => {
  it.each([
    // The shutdown predicate holds the date.
    ['Le site Coco a été fermé le 25 juin 2024.', 'fr', 'shutdown'],
    ['Coco was shut down on Tuesday by French prosecutors.', 'en', 'shutdown'],
    ['Le 25 juin 2024, après des mois d’enquête, le site a été fermé.', 'fr', 'shutdown'],
    [
      'French authorities shut down Coco, an anonymous chat site, on Tuesday, June 25, 2024.',
      'en',
      'shutdown',
    ],
    ['Le site Coco n’est plus accessible depuis le 25 juin 2024.', 'fr', 'shutdown'],
    [
      'L’enquête, ouverte en décembre 2023, vise plusieurs infractions.',
      'fr',
      'investigation-opened',
    ],
    ['The investigation was opened in December 2023 by JUNALCO.', 'en', 'investigation-opened'],
    ['C’est le parquet de Paris qui l’a annoncé ce mardi 25 juin.', 'fr', 'announcement'],
    // Another event holds it.
    [
      'Très fréquenté depuis son ouverture en 2003, il était visé par une enquête.',
      'fr',
      'founding',
    ],
    ['Fin 2022, l’association lançait une pétition pour réclamer sa fermeture.', 'fr', 'demand'],
    [
      'Le site Coco avait été impliqué dans l’affaire des viols de Mazan entre 2011 et 2020.',
      'fr',
      'trial',
    ],
    ['It was implicated in the Mazan rape case between 2011 and 2020.', 'en', 'trial'],
    ['Le fondateur a été mis en examen le 18 juillet 2024 à Paris.', 'fr', 'later-step'],
    ['Une information judiciaire a été ouverte le 28 juin 2024.', 'fr', 'later-step'],
    ['Les associations ont salué mardi la fermeture du site.', 'fr', 'reaction'],
    ['Son épouse a été placée en garde à vue mardi dans le Var.', 'fr', 'arrest'],
  ] as const)('binds the date of %j to the %s event', (sentence, language, kind) => {
    expect(boundKind(sentence, language)).toBe(kind);
  });

  it.each([
    // A wire dateline is the dispatch's date, not an event's.
    ['PARIS, 18 juillet 2024 (AFP) - Le site, fermé fin juin, reste inaccessible.', 'fr'],
    // Past the reach of the event word in one clause.
    [
      'Nous expliquons tout sur la fermeture de Coco chat et les meilleures alternatives à découvrir en 2025.',
      'fr',
    ],
  ] as const)('binds the date of %j to no event', (sentence, language) => {
    expect(boundKind(sentence, language)).toBeNull();
  });
});

describe('findEvents', () => {
  const events = (sentence: string) => findEvents(foldSameLength(sentence));

  it.each([
    ['Trois jours après la fermeture du site, une information judiciaire a été ouverte.', 'offset'],
    ['Three days after the closure, the founder was indicted.', 'offset'],
    ['L’association réclamait sa fermeture depuis des années.', 'demand'],
    ['Parents called for the closure of the site in 2022.', 'demand'],
  ] as const)(
    'marks the shutdown of %j as a %s reference, not as an event',
    (sentence, reference) => {
      const shutdown = events(sentence).find((e) => e.kind === 'shutdown');
      expect(shutdown?.reference).toBe(reference);
      expect(assertedKinds(events(sentence)).has('shutdown')).toBe(false);
    },
  );

  it('reads what an opening opens from the noun of its clause', () => {
    const kinds = (s: string) => events(s).map((e) => e.kind);
    expect(kinds('Une enquête a été ouverte en décembre 2023.')).toContain('investigation-opened');
    expect(kinds('23 051 procédures en lien avec la plateforme ont été ouvertes.')).toContain(
      'proceedings',
    );
    expect(kinds('Une information judiciaire a été ouverte.')).toContain('later-step');
    expect(kinds('Depuis son ouverture en 2003, le site attire du monde.')).toContain('founding');
    expect(kinds('Depuis son ouverture en 2003, le site attire du monde.')).not.toContain(
      'investigation-opened',
    );
  });

  it('finds nothing in a sentence without an event word', () => {
    expect(events('Le site était connu pour sa notoire absence de modération.')).toEqual([]);
  });
});
