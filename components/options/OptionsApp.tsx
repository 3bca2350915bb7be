import { useEffect, useRef, useState } from 'preact/hooks';
import { type CasefileDb } from '../../lib/db.ts';
import {
  getSettings,
  parseSettings,
  updateSettings,
  watchSettings,
  type Settings,
} from '../../utils/settings.ts';
import { HistorySettings } from './HistorySettings.tsx';
import { MESSAGES, optionsLanguage, type UpdateSettings } from './messages.ts';
import { LanguagePicker } from './LanguagePicker.tsx';
import { PackImport } from './PackImport.tsx';
import { PackList } from './PackList.tsx';
import { SiteList } from './SiteList.tsx';

/**
 * The options page: the fact packs in store (import, export, removal), the
 * sites where highlighting is off, the history and the interface language.
 * Settings are shown as this page last saved or heard of them, and follow
 * changes made elsewhere (the popup) at once.
 */
export function OptionsApp({ db }: { db: CasefileDb }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const packsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    watchSettings(setSettings, abort.signal);
    void getSettings().then((s) => {
      if (!abort.signal.aborted) setSettings((current) => current ?? s);
    });
    return () => abort.abort();
  }, []);

  const language = optionsLanguage(settings);
  const t = MESSAGES[language];

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t.pageTitle;
  }, [language, t]);

  /** Shows the change at once, then stores it on top of whatever is stored now. */
  const update: UpdateSettings = (change) => {
    setSettings((current) => {
      if (!current) return current;
      const patch = typeof change === 'function' ? change(current) : change;
      return parseSettings({ ...current, ...patch });
    });
    setSaveError(null);
    updateSettings(change).catch((error: unknown) => setSaveError(String(error)));
  };

  return (
    <div class="page">
      <header class="masthead">
        <p class="kicker">Casefile</p>
        <h1>{t.heading}</h1>
        <p class="intro">{t.intro}</p>
      </header>
      <main>
        <div role="alert" class="notice error">
          {saveError && `${t.saveError} ${saveError}`}
        </div>

        <section aria-labelledby="packs-heading">
          <h2 id="packs-heading" ref={packsHeading} tabIndex={-1}>
            {t.packsHeading}
          </h2>
          <p class="hint">{t.packsIntro}</p>
          <PackList
            db={db}
            t={t}
            language={language}
            onRowGone={() => packsHeading.current?.focus()}
          />
          <PackImport db={db} t={t} language={language} />
        </section>

        {settings === null ? (
          <p role="status">{t.loading}</p>
        ) : (
          <>
            <section aria-labelledby="sites-heading">
              <h2 id="sites-heading" tabIndex={-1}>
                {t.sitesHeading}
              </h2>
              <SiteList settings={settings} update={update} t={t} headingId="sites-heading" />
            </section>

            <section aria-labelledby="history-heading">
              <h2 id="history-heading">{t.historyHeading}</h2>
              <HistorySettings settings={settings} update={update} t={t} />
            </section>

            <section aria-labelledby="language-heading">
              <h2 id="language-heading">{t.languageHeading}</h2>
              <LanguagePicker settings={settings} update={update} t={t} />
            </section>
          </>
        )}
      </main>
    </div>
  );
}
