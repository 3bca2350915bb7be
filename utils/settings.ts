/**
 * The user's settings, kept in the extension's storage (they persist and
 * every extension page sees changes at once). Content scripts cannot read
 * that storage (the background restricts it to trusted contexts): they ask
 * the background for what their page needs (`casefile:get-page-settings`).
 *
 * Validated by hand rather than with Zod: the background reads them for
 * every page that asks, and they are a handful of fields.
 */
import { browser } from 'wxt/browser';

/** The interface language: a fixed one, or `auto` for the browser's. */
export type LanguageSetting = 'auto' | 'fr' | 'en';

export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', 'fr', 'en'];

/**
 * Where extension pages also keep the language chosen in the options (their
 * own localStorage), so that a page is drawn in it without waiting for the
 * storage; components/i18n.ts reads it.
 */
export const LANGUAGE_CHOICE_KEY = 'casefile:language';

export interface Settings {
  /** Highlighting on every site. */
  enabled: boolean;
  /** Hosts where highlighting is off (`www.example.org`). */
  disabledSites: string[];
  /** Log the pages and texts checked, for moderators. */
  history: boolean;
  /** How many days history entries are kept, from `MIN_HISTORY_DAYS` to `MAX_HISTORY_DAYS`. */
  historyDays: number;
  /** The interface language of the extension's pages. */
  language: LanguageSetting;
}

/** A day at least: a shorter history is no history, which the `history` switch already says. */
export const MIN_HISTORY_DAYS = 1;
/** A year at most: a moderator's log older than that is an archive, not a history. */
export const MAX_HISTORY_DAYS = 365;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  history: true,
  historyDays: 30,
  language: 'auto',
};

const KEY = 'casefile:settings';

/** Whether `days` is a whole number of days the history may be kept. */
export function isValidHistoryDays(days: unknown): days is number {
  return (
    typeof days === 'number' &&
    Number.isInteger(days) &&
    days >= MIN_HISTORY_DAYS &&
    days <= MAX_HISTORY_DAYS
  );
}

function isLanguageSetting(value: unknown): value is LanguageSetting {
  return LANGUAGE_SETTINGS.includes(value as LanguageSetting);
}

/**
 * Settings from whatever was stored: each missing or malformed field takes its
 * default, so one bad value never costs the others. Never throws.
 */
export function parseSettings(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(s.disabledSites)
      ? [...new Set(s.disabledSites.filter((h): h is string => typeof h === 'string'))]
      : [],
    history: typeof s.history === 'boolean' ? s.history : DEFAULT_SETTINGS.history,
    historyDays: isValidHistoryDays(s.historyDays) ? s.historyDays : DEFAULT_SETTINGS.historyDays,
    language: isLanguageSetting(s.language) ? s.language : DEFAULT_SETTINGS.language,
  };
}

/** The stored settings, with defaults for anything missing or malformed. */
export async function getSettings(): Promise<Settings> {
  return parseSettings((await browser.storage.local.get(KEY))[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
  // Extension pages read the language before they render, without waiting on storage.
  if (globalThis.location?.protocol === 'chrome-extension:') {
    if (settings.language === 'auto') globalThis.localStorage?.removeItem(LANGUAGE_CHOICE_KEY);
    else globalThis.localStorage?.setItem(LANGUAGE_CHOICE_KEY, settings.language);
  }
}

/** Updates queued one after the other, so two quick changes in a page never undo each other. */
let pendingUpdate: Promise<unknown> = Promise.resolve();

/**
 * Changes some settings and keeps the others as stored (another page may have
 * changed them since this one read them). `change` is the fields to set, or a
 * function of the stored settings that returns them (to remove one site from
 * the list as it is now, not as this page last saw it). Resolves to the
 * settings saved.
 */
export function updateSettings(
  change: Partial<Settings> | ((current: Settings) => Partial<Settings>),
): Promise<Settings> {
  const update = pendingUpdate
    .catch(() => {})
    .then(async () => {
      const current = await getSettings();
      const patch = typeof change === 'function' ? change(current) : change;
      const next = parseSettings({ ...current, ...patch });
      await saveSettings(next);
      return next;
    });
  pendingUpdate = update;
  return update;
}

/** Whether pages of `host` get highlights. */
export function highlightsOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host);
}

/**
 * Calls `listener` with the new settings whenever they change, until `signal`
 * aborts. Changes arrive in the order they were written.
 */
export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[KEY];
    if (area === 'local' && change) listener(parseSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged));
}
