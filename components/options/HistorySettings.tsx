import { useEffect, useRef, useState } from 'preact/hooks';
import {
  isValidHistoryDays,
  MAX_HISTORY_DAYS,
  MIN_HISTORY_DAYS,
  type Settings,
} from '../../utils/settings.ts';
import type { OptionsMessages, UpdateSettings } from './messages.ts';

/** A whole number as typed ("30", " 30 "), or NaN for anything else ("3.5", "1e2", ""). */
const WHOLE_NUMBER = /^\s*\d+\s*$/;

function parseDays(text: string): number {
  return WHOLE_NUMBER.test(text) ? Number(text) : Number.NaN;
}

interface HistorySettingsProps {
  settings: Settings;
  update: UpdateSettings;
  t: OptionsMessages;
}

/**
 * Whether checked pages and texts are logged, and for how many days. The
 * number is saved as soon as it is valid; an invalid one is shown with an
 * error and never saved.
 */
export function HistorySettings({ settings, update, t }: HistorySettingsProps) {
  const [draft, setDraft] = useState(String(settings.historyDays));
  const input = useRef<HTMLInputElement>(null);
  const valid = isValidHistoryDays(parseDays(draft));

  // Follow a change made elsewhere, but never rewrite what is being typed.
  useEffect(() => {
    if (document.activeElement !== input.current) setDraft(String(settings.historyDays));
  }, [settings.historyDays]);

  const onInput = (text: string) => {
    setDraft(text);
    const days = parseDays(text);
    if (isValidHistoryDays(days) && days !== settings.historyDays) update({ historyDays: days });
  };

  return (
    <>
      <p class="field">
        <label>
          <input
            type="checkbox"
            checked={settings.history}
            data-testid="history"
            onChange={(e) => update({ history: e.currentTarget.checked })}
          />{' '}
          {t.historyKeep}
        </label>
      </p>
      <p class="field days">
        <label for="history-days">{t.historyDaysBefore}</label>{' '}
        <input
          ref={input}
          id="history-days"
          type="number"
          inputMode="numeric"
          min={MIN_HISTORY_DAYS}
          max={MAX_HISTORY_DAYS}
          step={1}
          required
          value={draft}
          disabled={!settings.history}
          aria-invalid={!valid}
          aria-describedby={valid ? 'history-days-unit' : 'history-days-unit history-days-error'}
          data-testid="history-days"
          onInput={(e) => onInput(e.currentTarget.value)}
          onBlur={() => {
            if (valid) setDraft(String(settings.historyDays));
          }}
        />{' '}
        <span id="history-days-unit">{t.historyDaysAfter}</span>
      </p>
      <div role="alert" id="history-days-error" class="notice error" data-testid="history-error">
        {!valid && t.historyDaysError}
      </div>
      <p class="hint">{t.historyNote}</p>
      <p class="hint" data-testid="history-limits">
        {t.historyLimits}
      </p>
    </>
  );
}
