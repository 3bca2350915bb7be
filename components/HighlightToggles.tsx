import { useEffect, useState } from 'preact/hooks';
import { getSettings, updateSettings, type Settings } from '../utils/settings.ts';
import type { Messages } from './i18n.ts';

/** Switches highlighting on or off everywhere and for the active tab's site; the choice persists. */
export function HighlightToggles({
  t,
  host,
}: {
  t: Messages;
  /** The active tab's site, when it is a web page (as its content script reports it). */
  host: string | null;
}) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
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
