/**
 * The user's settings, kept in the extension's storage (they persist and
 * every part of the extension sees changes at once).
 */
import { browser } from 'wxt/browser';

export interface Settings {
  /** Highlighting on every site. */
  enabled: boolean;
  /** Hosts where highlighting is off (`www.example.org`). */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { enabled: true, disabledSites: [] };

const KEY = 'casefile:settings';

/** The stored settings, with defaults for anything missing or malformed. */
export async function getSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<Settings> | undefined;
  return {
    enabled: typeof stored?.enabled === 'boolean' ? stored.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(stored?.disabledSites)
      ? stored.disabledSites.filter((s): s is string => typeof s === 'string')
      : [],
  };
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

/** Whether pages of `host` get highlights. */
export function highlightsOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host);
}

/** Calls `listener` with the new settings whenever they change, until `signal` aborts. */
export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) void getSettings().then(listener);
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged));
}
