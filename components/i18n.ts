import type { Language } from '../lib/facts/schema.ts';

/** The interface language: French for a French browser, English otherwise. */
export function uiLanguage(locale: string = navigator.language): Language {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const MESSAGES = {
  fr: {
    caseTitle: 'Affaire Coco',
    caseSummary:
      'Le site de discussion anonyme coco.gg (ex-coco.fr) a été fermé le 25 juin 2024 par la justice française.',
    counts: (facts: number, sources: number) =>
      `${facts} faits vérifiés · ${sources} source${sources > 1 ? 's' : ''}`,
    loading: 'Chargement des faits…',
    empty: 'Aucun fait n’est encore enregistré. Ils le seront au premier démarrage de l’extension.',
    readError: 'Impossible de lire les faits enregistrés :',
    seedError: 'Les faits fournis n’ont pas pu être enregistrés :',
    assertedBy: 'Selon',
    primary: 'source primaire',
    press: 'presse',
    factsHeading: 'Faits vérifiés',
  },
  en: {
    caseTitle: 'The Coco case',
    caseSummary:
      'The anonymous chat site coco.gg (formerly coco.fr) was shut down by the French justice system on 25 June 2024.',
    counts: (facts: number, sources: number) =>
      `${facts} verified facts · ${sources} source${sources > 1 ? 's' : ''}`,
    loading: 'Loading the facts…',
    empty: 'No fact is stored yet. They are stored when the extension first starts.',
    readError: 'The stored facts could not be read:',
    seedError: 'The bundled facts could not be stored:',
    assertedBy: 'According to',
    primary: 'primary source',
    press: 'press',
    factsHeading: 'Verified facts',
  },
};

export type Messages = (typeof MESSAGES)[Language];

export function messagesFor(language: Language): Messages {
  return MESSAGES[language];
}
