/** The options page's words, in French and English, and what its parts share. */
import type { Language } from '../../lib/facts/schema.ts';
import { HISTORY_LIMITS } from '../../lib/db.ts';
import { HISTORY_ENTRY_LIMITS } from '../../lib/history/entry.ts';
import { MAX_HISTORY_DAYS, MIN_HISTORY_DAYS, type Settings } from '../../utils/settings.ts';
import { agree, count, uiLanguage } from '../i18n.ts';

/** French sets a no-break space before the high punctuation marks. */
const NBSP = '\u00a0';

const en = {
  pageTitle: 'Casefile settings',
  heading: 'Casefile settings',
  intro: 'Everything set here stays in this browser: Casefile makes no network request.',
  loading: 'Loading the settings…',
  saveError: 'The setting could not be saved:',
  readError: 'The stored packs could not be read:',

  packsHeading: 'Fact packs',
  packsIntro:
    'Casefile checks what pages say against the facts of these packs. Each fact is anchored to a passage of a source.',
  packsCaption: 'Packs in store',
  noPacks: 'No pack is stored yet. The bundled pack is stored when the extension starts.',
  columnTitle: 'Title',
  columnId: 'Id',
  columnOrigin: 'Origin',
  columnRevised: 'Revised',
  columnFacts: 'Facts',
  columnActions: 'Actions',
  bundled: 'Bundled',
  imported: 'Imported',
  export: 'Export',
  exportPack: (title: string) => `Export ${title}`,
  exported: (file: string) => `Downloaded ${file}.`,
  exportFailed: 'The pack could not be exported:',
  remove: 'Remove',
  removePack: (title: string) => `Remove ${title}`,
  removeQuestion: (title: string, facts: number) =>
    `Remove “${title}” and its ${count('en', facts, { one: 'fact', other: 'facts' })}?`,
  confirmRemove: 'Yes, remove',
  removed: (title: string) => `Removed “${title}”.`,
  removeFailed: 'The pack could not be removed:',
  cancel: 'Cancel',
  reset: 'Reset to the bundled pack',
  resetQuestion: (packs: number) =>
    packs === 1
      ? 'Remove the imported pack?'
      : `Remove the ${count('en', packs, { one: 'imported pack', other: 'imported packs' })}?`,
  confirmReset: 'Yes, reset',
  resetDone: 'Only the bundled pack remains.',
  nothingToReset: 'No pack has been imported: the bundled pack is the only one.',

  importLabel: 'Import a pack…',
  importHint:
    'A .json file in Casefile’s fact-pack format (as “Export” writes it). A pack with the id of one already imported replaces it.',
  importing: (file: string) => `Checking ${file}…`,
  importedPack: (title: string, facts: number, replaced: boolean) =>
    `${replaced ? 'Replaced' : 'Imported'} ${title}: ${count('en', facts, { one: 'fact', other: 'facts' })}`,
  importRefused: (file: string) => `${file} was not imported. Nothing was changed:`,
  importFailed: (file: string) => `${file} could not be stored. Nothing was changed:`,

  sitesHeading: 'Sites where highlighting is off',
  highlightEverywhere: 'Highlight the case on pages',
  offEverywhere: 'Highlighting is off on every site until this is switched back on.',
  noSites: 'No site is excluded. A site can be switched off from the toolbar popup.',
  sitesCaption: 'Excluded sites',
  turnBackOn: 'Turn back on',
  turnBackOnFor: (host: string) => `Turn back on for ${host}`,
  backOn: (host: string) => `Highlighting is back on for ${host}.`,

  historyHeading: 'History',
  historyKeep: 'Keep a history of checked pages and texts',
  historyDaysBefore: 'Keep entries for',
  historyDaysAfter: 'days',
  historyDaysError: `Enter a whole number of days from ${MIN_HISTORY_DAYS} to ${MAX_HISTORY_DAYS}.`,
  historyNote: 'The history stays in this browser; older entries are deleted.',
  historyLimits: `Each entry keeps up to ${HISTORY_ENTRY_LIMITS.claims} claims (contradicted ones first) and ${HISTORY_ENTRY_LIMITS.quotes} quotations. The history keeps up to ${HISTORY_LIMITS.perOrigin} entries per site (origin) and ${HISTORY_LIMITS.total.toLocaleString('en')} in all: past these, the oldest are deleted first.`,

  languageHeading: 'Language',
  languageLabel: 'Interface language',
  languageAuto: (browserLanguage: string) => `Automatic (browser: ${browserLanguage})`,
  languageNames: { fr: 'Français', en: 'English' } as Record<Language, string>,
  languageNamesHere: { fr: 'French', en: 'English' } as Record<Language, string>,
};

export type OptionsMessages = typeof en;

const fr: OptionsMessages = {
  pageTitle: 'Réglages de Casefile',
  heading: 'Réglages de Casefile',
  intro: `Tout ce qui est réglé ici reste dans ce navigateur${NBSP}: Casefile ne fait aucune requête réseau.`,
  loading: 'Chargement des réglages…',
  saveError: `Le réglage n’a pas pu être enregistré${NBSP}:`,
  readError: `Impossible de lire les paquets enregistrés${NBSP}:`,

  packsHeading: 'Paquets de faits',
  packsIntro:
    'Casefile compare ce que disent les pages aux faits de ces paquets. Chaque fait est ancré dans un passage d’une source.',
  packsCaption: 'Paquets enregistrés',
  noPacks:
    'Aucun paquet n’est encore enregistré. Le paquet fourni l’est au démarrage de l’extension.',
  columnTitle: 'Titre',
  columnId: 'Identifiant',
  columnOrigin: 'Origine',
  columnRevised: 'Révision',
  columnFacts: 'Faits',
  columnActions: 'Actions',
  bundled: 'Fourni',
  imported: 'Importé',
  export: 'Exporter',
  exportPack: (title) => `Exporter ${title}`,
  exported: (file) => `${file} a été téléchargé.`,
  exportFailed: `Le paquet n’a pas pu être exporté${NBSP}:`,
  remove: 'Retirer',
  removePack: (title) => `Retirer ${title}`,
  removeQuestion: (title, facts) =>
    `Retirer «${NBSP}${title}${NBSP}» et ${agree('fr', facts, { one: 'son', other: 'ses' })} ${count('fr', facts, { one: 'fait', other: 'faits' })}${NBSP}?`,
  confirmRemove: 'Oui, retirer',
  removed: (title) => `«${NBSP}${title}${NBSP}» a été retiré.`,
  removeFailed: `Le paquet n’a pas pu être retiré${NBSP}:`,
  cancel: 'Annuler',
  reset: 'Revenir au paquet fourni',
  resetQuestion: (packs) =>
    packs === 1
      ? `Retirer le paquet importé${NBSP}?`
      : `Retirer les ${count('fr', packs, { one: 'paquet importé', other: 'paquets importés' })}${NBSP}?`,
  confirmReset: 'Oui, revenir au paquet fourni',
  resetDone: 'Il ne reste que le paquet fourni.',
  nothingToReset: `Aucun paquet n’a été importé${NBSP}: le paquet fourni est le seul.`,

  importLabel: 'Importer un paquet…',
  importHint:
    'Un fichier .json au format des paquets de faits de Casefile (celui qu’écrit «\u00a0Exporter\u00a0»). Un paquet qui a l’identifiant d’un paquet déjà importé le remplace.',
  importing: (file) => `Vérification de ${file}…`,
  importedPack: (title, facts, replaced) =>
    `${replaced ? 'Remplacé' : 'Importé'}${NBSP}: ${title}, ${count('fr', facts, { one: 'fait', other: 'faits' })}`,
  importRefused: (file) => `${file} n’a pas été importé. Rien n’a été modifié${NBSP}:`,
  importFailed: (file) => `${file} n’a pas pu être enregistré. Rien n’a été modifié${NBSP}:`,

  sitesHeading: 'Sites où le surlignage est désactivé',
  highlightEverywhere: 'Surligner l’affaire sur les pages',
  offEverywhere: 'Le surlignage est désactivé sur tous les sites tant que ceci reste décoché.',
  noSites: 'Aucun site n’est exclu. Un site se désactive depuis la fenêtre de l’extension.',
  sitesCaption: 'Sites exclus',
  turnBackOn: 'Réactiver',
  turnBackOnFor: (host) => `Réactiver sur ${host}`,
  backOn: (host) => `Le surlignage est réactivé sur ${host}.`,

  historyHeading: 'Historique',
  historyKeep: 'Garder un historique des pages et des textes vérifiés',
  historyDaysBefore: 'Garder les entrées',
  historyDaysAfter: 'jours',
  historyDaysError: `Saisissez un nombre entier de jours, de ${MIN_HISTORY_DAYS} à ${MAX_HISTORY_DAYS}.`,
  historyNote: `L’historique reste dans ce navigateur${NBSP}; les entrées plus anciennes sont supprimées.`,
  historyLimits: `Chaque entrée garde jusqu’à ${HISTORY_ENTRY_LIMITS.claims} affirmations (les contredites d’abord) et ${HISTORY_ENTRY_LIMITS.quotes} citations. L’historique garde jusqu’à ${HISTORY_LIMITS.perOrigin} entrées par site (origine) et ${HISTORY_LIMITS.total.toLocaleString('fr')} en tout${NBSP}: au-delà, les plus anciennes sont supprimées en premier.`,

  languageHeading: 'Langue',
  languageLabel: 'Langue de l’interface',
  languageAuto: (browserLanguage) => `Automatique (navigateur${NBSP}: ${browserLanguage})`,
  languageNames: { fr: 'Français', en: 'English' },
  languageNamesHere: { fr: 'français', en: 'anglais' },
};

export const MESSAGES: Record<Language, OptionsMessages> = { fr, en };

/** Changes some settings: the fields to set, or a function of the current settings giving them. */
export type SettingsChange = Partial<Settings> | ((current: Settings) => Partial<Settings>);
export type UpdateSettings = (change: SettingsChange) => void;

/** The language the page speaks: the one chosen, or the browser's. */
export function optionsLanguage(settings: Pick<Settings, 'language'> | null): Language {
  return !settings || settings.language === 'auto' ? uiLanguage() : settings.language;
}
