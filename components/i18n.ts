import type { QuoteResult } from '../lib/check-text.ts';
import type { Language } from '../lib/facts/schema.ts';

import { LANGUAGE_CHOICE_KEY } from '../utils/settings.ts';

/**
 * The interface language: the one chosen in the options (extension pages
 * keep it in their own localStorage), else French for a French browser,
 * English otherwise. In a web page (the content script) only the browser's
 * language is read: the page's storage is not ours.
 */
export function uiLanguage(locale: string = navigator.language): Language {
  if (globalThis.location?.protocol === 'chrome-extension:') {
    const chosen = globalThis.localStorage?.getItem(LANGUAGE_CHOICE_KEY);
    if (chosen === 'fr' || chosen === 'en') return chosen;
  }
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The locale numbers and dates are written in: French of France, English of Britain. */
export function localeOf(language: Language): string {
  return language === 'fr' ? 'fr-FR' : 'en-GB';
}

/** The plural rules of each interface language, built on first use (not in every page the content script reads). */
const PLURAL_RULES: Partial<Record<Language, Intl.PluralRules>> = {};

function pluralOf(language: Language, n: number): Intl.LDMLPluralRule {
  return (PLURAL_RULES[language] ??= new Intl.PluralRules(language)).select(n);
}

/**
 * A count and its noun in the right form, by the language's plural rules
 * (French says "0 contredite", "1 contredite", "2 contredites"; English
 * "0 claims", "1 claim"), the number written as the language writes it.
 */
export function count(
  language: Language,
  n: number,
  forms: { one: string; other: string },
): string {
  const form = pluralOf(language, n) === 'one' ? forms.one : forms.other;
  return `${n.toLocaleString(localeOf(language))} ${form}`;
}

/** The form of a word (a pronoun, an article) that agrees with a count. */
export function agree(
  language: Language,
  n: number,
  forms: { one: string; other: string },
): string {
  return pluralOf(language, n) === 'one' ? forms.one : forms.other;
}

const MESSAGES = {
  fr: {
    language: 'fr' as const,
    caseTitle: 'Affaire Coco',
    caseSummary:
      'Le site de discussion anonyme coco.gg (ex-coco.fr) a été fermé le 25 juin 2024 par la justice française.',
    counts: (facts: number, sources: number) =>
      `${count('fr', facts, { one: 'fait vérifié', other: 'faits vérifiés' })} · ${count('fr', sources, { one: 'source', other: 'sources' })}`,
    loading: 'Chargement des faits…',
    empty: 'Aucun fait n’est encore enregistré. Ils le seront au premier démarrage de l’extension.',
    readError: 'Impossible de lire les faits enregistrés :',
    seedError: 'Les faits fournis n’ont pas pu être enregistrés :',
    assertedBy: 'Selon',
    primary: 'source primaire',
    press: 'presse',
    factsHeading: 'Faits vérifiés',
    verdicts: { supported: 'Confirmé', contradicted: 'Contredit', unverified: 'Non vérifiable' },
    fidelity: {
      exact: 'Citation exacte',
      altered: 'Citation modifiée',
      unsourced: 'Citation sans source',
      translated: 'Citation traduite de la source',
    },
    /** A passage copied without quotation marks: not a quotation, whatever its fidelity. */
    copied: {
      exact: 'Passage recopié de la source, sans guillemets',
      altered: 'Passage recopié de la source avec des changements, sans guillemets',
      unsourced: 'Passage sans source',
      translated: 'Passage traduit de la source, sans guillemets',
    },
    mentionOnly: 'Mention de l’affaire Coco',
    unsourcedExplain:
      'Ces mots sont présentés comme une citation, mais ne figurent dans aucune des sources enregistrées.',
    onThisPage: 'Sur cette page',
    inTheSource: 'Dans la source',
    openSource: 'Voir le passage dans la source',
    close: 'Fermer',
    previous: 'Précédent',
    next: 'Suivant',
    keyboardHint:
      'Alt+Maj+N / P : suivante / précédente · Alt+Maj+J / K : contradiction suivante / précédente · Échap : fermer',
    selectionTitle: 'Vérification de la sélection',
    nothingInSelection: 'La sélection ne parle pas de l’affaire Coco.',
    difference: 'Différence',
    highlightEverywhere: 'Surligner l’affaire sur les pages',
    onThisPageHeading: 'Sur cette page',
    claimsListLabel: 'Les affirmations de la page, les contredites d’abord',
    quotationsHeading: 'Citations',
    pasteHeading: 'Vérifier un texte',
    pasteLabel: 'Collez un texte (un post, un signalement) :',
    pasteButton: 'Vérifier',
    pasteNothing: 'Ce texte ne parle pas de l’affaire Coco.',
    pasteChecking: 'Vérification en cours…',
    pasteFailed: 'La vérification n’a pas pu se faire',
    historyLink: 'Historique des vérifications',
    copyReply: 'Copier une réponse',
    replyCopied: 'Réponse copiée',
    nearestFact: 'Le fait vérifié le plus proche',
    nearestNote:
      'Il ne dit pas la même chose : aucun fait ne confirme ni ne contredit cette phrase. Comparez-les vous-même.',
    reportWrong: 'Verdict erroné ? Le signaler',
    reportNote: 'Ce qui est faux (facultatif)',
    reportKeep: 'Garder ce signalement',
    reportCancel: 'Annuler',
    reportKept:
      'Signalement gardé dans ce navigateur, rien n’est envoyé. Exportez-le depuis l’historique pour le transmettre au responsable du paquet de faits.',
    reportFailed: 'Le signalement n’a pas pu être gardé',
    reportKeptInPage:
      'Signalement gardé dans ce navigateur, rien n’est envoyé. Ajoutez-y une note et exportez-le depuis l’historique (bouton Casefile de la barre d’outils → Historique des vérifications).',
    pageCounts: (c: { contradicted: number; supported: number; unverified: number }) =>
      [
        count('fr', c.contradicted, { one: 'contredite', other: 'contredites' }),
        count('fr', c.supported, { one: 'confirmée', other: 'confirmées' }),
        count('fr', c.unverified, { one: 'non vérifiable', other: 'non vérifiables' }),
      ].join(' · '),
    notPainted: 'non surlignée (limite de la page atteinte)',
    nothingOnPage: 'Cette page ne parle pas de l’affaire Coco.',
    legendTitle: 'Ce que signifient les traits',
    legendSample: 'Texte',
    legend: {
      mention: 'l’affaire Coco est nommée',
      supported: 'affirmation confirmée par les sources',
      contradicted: 'affirmation contredite par les sources',
      unverified: 'sur l’affaire, mais rien à comparer',
      quote: 'citation exacte (ou traduite) de la source',
      'quote-altered': 'citation modifiée par rapport à la source',
      'quote-unsourced': 'citation introuvable dans les sources',
    },
    notReadHere:
      'Le surlignage est désactivé ici\u00a0: Casefile ne lit pas cette page. Activez-le ci-dessus, ou sélectionnez un passage et choisissez «\u00a0Vérifier la sélection avec Casefile\u00a0» dans le menu du clic droit.',
    highlightHere: (host: string) => `Surligner sur ${host}`,
    topics: {
      shutdown: 'La fermeture',
      investigation: 'L’enquête',
      offences: 'Les infractions',
      site: 'Le site',
      figures: 'Les chiffres',
      arrests: 'Les interpellations',
      owner: 'Le propriétaire',
      reactions: 'Les réactions',
    } as Record<string, string>,
  },
  en: {
    language: 'en' as const,
    caseTitle: 'The Coco case',
    caseSummary:
      'The anonymous chat site coco.gg (formerly coco.fr) was shut down by the French justice system on 25 June 2024.',
    counts: (facts: number, sources: number) =>
      `${count('en', facts, { one: 'verified fact', other: 'verified facts' })} · ${count('en', sources, { one: 'source', other: 'sources' })}`,
    loading: 'Loading the facts…',
    empty: 'No fact is stored yet. They are stored when the extension first starts.',
    readError: 'The stored facts could not be read:',
    seedError: 'The bundled facts could not be stored:',
    assertedBy: 'According to',
    primary: 'primary source',
    press: 'press',
    factsHeading: 'Verified facts',
    verdicts: { supported: 'Supported', contradicted: 'Contradicted', unverified: 'Unverified' },
    fidelity: {
      exact: 'Exact quotation',
      altered: 'Altered quotation',
      unsourced: 'Unsourced quotation',
      translated: 'Quotation translated from the source',
    },
    copied: {
      exact: 'Copied from the source, without quotation marks',
      altered: 'Copied from the source with changes, without quotation marks',
      unsourced: 'Passage with no source',
      translated: 'Translated from the source, without quotation marks',
    },
    mentionOnly: 'Mention of the Coco case',
    unsourcedExplain:
      'These words are presented as a quotation, but appear in none of the stored sources.',
    onThisPage: 'On this page',
    inTheSource: 'In the source',
    openSource: 'See the passage in the source',
    close: 'Close',
    previous: 'Previous',
    next: 'Next',
    keyboardHint:
      'Alt+Shift+N / P: next / previous · Alt+Shift+J / K: next / previous contradiction · Esc: close',
    selectionTitle: 'Checking the selection',
    nothingInSelection: 'The selection does not speak of the Coco case.',
    difference: 'Difference',
    highlightEverywhere: 'Highlight the case on pages',
    claimsListLabel: 'The page’s claims, contradicted first',
    onThisPageHeading: 'On this page',
    quotationsHeading: 'Quotations',
    pasteHeading: 'Check a text',
    pasteLabel: 'Paste a text (a post, a user report):',
    pasteButton: 'Check',
    pasteNothing: 'This text does not speak of the Coco case.',
    pasteChecking: 'Checking…',
    pasteFailed: 'The check could not be made',
    historyLink: 'History of checks',
    copyReply: 'Copy a reply',
    replyCopied: 'Reply copied',
    nearestFact: 'The closest verified fact',
    nearestNote:
      'It does not say the same thing: no fact confirms or contradicts this sentence. Compare them yourself.',
    reportWrong: 'Wrong verdict? Report it',
    reportNote: 'What is wrong (optional)',
    reportKeep: 'Keep this report',
    reportCancel: 'Cancel',
    reportKept:
      'Report kept in this browser; nothing is sent. Export it from the history page to pass it to the fact pack’s maintainer.',
    reportFailed: 'The report could not be kept',
    reportKeptInPage:
      'Report kept in this browser; nothing is sent. Add a note to it and export it from the history page (Casefile’s toolbar button → History of checks).',
    pageCounts: (c: { contradicted: number; supported: number; unverified: number }) =>
      [
        count('en', c.contradicted, { one: 'contradicted', other: 'contradicted' }),
        count('en', c.supported, { one: 'supported', other: 'supported' }),
        count('en', c.unverified, { one: 'unverified', other: 'unverified' }),
      ].join(' · '),
    notPainted: 'not highlighted (the page’s limit was reached)',
    nothingOnPage: 'This page does not speak of the Coco case.',
    legendTitle: 'What the lines mean',
    legendSample: 'Text',
    legend: {
      mention: 'the Coco case is named',
      supported: 'claim the sources confirm',
      contradicted: 'claim the sources contradict',
      unverified: 'about the case, nothing to compare',
      quote: 'exact (or translated) quotation of the source',
      'quote-altered': 'quotation changed from the source',
      'quote-unsourced': 'quotation not found in the sources',
    },
    notReadHere:
      'Highlighting is off here: Casefile does not read this page. Switch it on above, or select a passage and choose “Check this selection with Casefile” in the right-click menu.',
    highlightHere: (host: string) => `Highlight on ${host}`,
    topics: {
      shutdown: 'The shutdown',
      investigation: 'The investigation',
      offences: 'The offences',
      site: 'The site',
      figures: 'The figures',
      arrests: 'The arrests',
      owner: 'The owner',
      reactions: 'Reactions',
    } as Record<string, string>,
  },
};

export type Messages = (typeof MESSAGES)[Language];

export function messagesFor(language: Language): Messages {
  return MESSAGES[language];
}

/** `2024-06-25` as `25 juin 2024` or `25 June 2024`. */
/**
 * A reason in the interface's language: the engine gives each one in French
 * and in English (`reasons`); an entry stored before it did has only the
 * English one (`reason`).
 */
export function reasonIn(
  item: { reason: string; reasons?: { fr: string; en: string } },
  language: Language,
): string {
  return item.reasons?.[language] ?? item.reason;
}

/** What a traced passage is called: a quotation when the page marks it as one, a copy otherwise. */
export function quoteLabel(
  t: Messages,
  quote: Pick<QuoteResult, 'fidelity'> & { marked?: boolean },
): string {
  // Records kept before copies were told apart have no `marked`: they were quotations.
  return (quote.marked === false ? t.copied : t.fidelity)[quote.fidelity];
}

export function formatDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  const locale = localeOf(language);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * A moment in the reader's own time zone, with the date spelt out: "3 décembre
 * 2026 à 19:05", "3 December 2026 at 19:05". `timeZone` is for tests only.
 */
export function formatLocalTime(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = localeOf(language);
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}
