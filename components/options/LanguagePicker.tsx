import { LANGUAGE_SETTINGS, type LanguageSetting, type Settings } from '../../utils/settings.ts';
import { uiLanguage } from '../i18n.ts';
import type { OptionsMessages, UpdateSettings } from './messages.ts';

interface LanguagePickerProps {
  settings: Settings;
  update: UpdateSettings;
  t: OptionsMessages;
}

/** The interface language: the browser's, French or English. The page follows at once. */
export function LanguagePicker({ settings, update, t }: LanguagePickerProps) {
  const label = (choice: LanguageSetting) =>
    choice === 'auto' ? t.languageAuto(t.languageNamesHere[uiLanguage()]) : t.languageNames[choice];
  return (
    <p class="field">
      <label for="language">{t.languageLabel}</label>{' '}
      <select
        id="language"
        value={settings.language}
        data-testid="language"
        onChange={(e) => update({ language: e.currentTarget.value as LanguageSetting })}
      >
        {LANGUAGE_SETTINGS.map((choice) => (
          <option key={choice} value={choice} lang={choice === 'auto' ? undefined : choice}>
            {label(choice)}
          </option>
        ))}
      </select>
    </p>
  );
}
