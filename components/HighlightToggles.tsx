import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ToContent } from '../utils/messages.ts';
import { targetTabId } from './PageSummary.tsx';
import { getSettings, updateSettings, type Settings } from '../utils/settings.ts';
import type { Messages } from './i18n.ts';

/**
 * The host of the active tab, when it is a web page, as its content script
 * reports it (the extension has no "tabs" permission to read tab addresses).
 */
async function activeHost(): Promise<string | null> {
  const tabId = await targetTabId();
  if (tabId === undefined) return null;
  const message: ToContent = { type: 'casefile:get-report' };
  const report = (await browser.tabs
    .sendMessage(tabId, message, { frameId: 0 })
    .catch(() => null)) as {
    url?: string;
  } | null;
  try {
    const url = new URL(report?.url ?? '');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : null;
  } catch {
    return null;
  }
}

/** Switches highlighting on or off everywhere and for the active tab's site; the choice persists. */
export function HighlightToggles({ t }: { t: Messages }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [host, setHost] = useState<string | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
    void activeHost().then(setHost);
  }, []);
  if (!settings) return null;
  const update = (next: Settings) => {
    setSettings(next);
    // Only the two switches of this panel: other settings stay as stored.
    void updateSettings({ enabled: next.enabled, disabledSites: next.disabledSites });
  };
  return (
    <fieldset class="toggles">
      <label>
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => update({ ...settings, enabled: e.currentTarget.checked })}
        />{' '}
        {t.highlightEverywhere}
      </label>
      {host && (
        <label>
          <input
            type="checkbox"
            disabled={!settings.enabled}
            checked={!settings.disabledSites.includes(host)}
            onChange={(e) =>
              update({
                ...settings,
                disabledSites: e.currentTarget.checked
                  ? settings.disabledSites.filter((h) => h !== host)
                  : [...settings.disabledSites, host],
              })
            }
          />{' '}
          {t.highlightHere(host)}
        </label>
      )}
    </fieldset>
  );
}
