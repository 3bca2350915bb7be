import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../utils/settings.ts';
import type { OptionsMessages, UpdateSettings } from './messages.ts';

interface SiteListProps {
  settings: Settings;
  update: UpdateSettings;
  t: OptionsMessages;
  /** The section's heading (focusable), where focus goes when the last site leaves the list. */
  headingId: string;
}

/**
 * The global highlighting switch, and the sites where highlighting was turned
 * off from the popup, each with a button that turns it back on.
 */
export function SiteList({ settings, update, t, headingId }: SiteListProps) {
  const list = useRef<HTMLUListElement>(null);
  /** The site last turned back on, for the status line. */
  const [backOn, setBackOn] = useState<string | null>(null);
  /** The position of the site just turned back on: focus goes to the one now there. */
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const sites = [...settings.disabledSites].sort((a, b) => a.localeCompare(b));

  useLayoutEffect(() => {
    if (focusAt === null) return;
    setFocusAt(null);
    const buttons = list.current?.querySelectorAll('button');
    const next = buttons?.[Math.min(focusAt, buttons.length - 1)];
    if (next) next.focus();
    else document.getElementById(headingId)?.focus();
  }, [focusAt, headingId]);

  const turnBackOn = (host: string, index: number) => {
    update((current) => ({ disabledSites: current.disabledSites.filter((h) => h !== host) }));
    setBackOn(host);
    setFocusAt(index);
  };

  return (
    <>
      <p class="field">
        <label>
          <input
            type="checkbox"
            checked={settings.enabled}
            aria-describedby={settings.enabled ? undefined : 'off-everywhere'}
            data-testid="enabled"
            onChange={(e) => update({ enabled: e.currentTarget.checked })}
          />{' '}
          {t.highlightEverywhere}
        </label>
      </p>
      {!settings.enabled && (
        <p id="off-everywhere" class="hint warning">
          {t.offEverywhere}
        </p>
      )}
      {sites.length === 0 ? (
        <p class="empty" data-testid="no-sites">
          {t.noSites}
        </p>
      ) : (
        <ul ref={list} class="sites" aria-label={t.sitesCaption} data-testid="sites">
          {sites.map((host, i) => (
            <li key={host} data-host={host}>
              <span class="host">{host}</span>
              <button
                type="button"
                aria-label={t.turnBackOnFor(host)}
                onClick={() => turnBackOn(host, i)}
              >
                {t.turnBackOn}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" class="notice" data-testid="sites-status">
        {backOn !== null && t.backOn(backOn)}
      </div>
    </>
  );
}
