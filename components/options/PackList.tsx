import { useState } from 'preact/hooks';
import {
  BUNDLED_PACK_ID,
  exportPack,
  listPacks,
  removeImportedPacks,
  removePack,
  type CasefileDb,
  type PackRecord,
} from '../../lib/db.ts';
import type { Language } from '../../lib/facts/schema.ts';
import { ConfirmAction } from '../ConfirmAction.tsx';
import { formatDate } from '../i18n.ts';
import type { OptionsMessages } from './messages.ts';
import { useLiveQuery } from '../use-live-query.ts';

/**
 * How long the address of an exported file stays valid. The download starts
 * at the click; the delay only covers a browser that reads the blob late.
 */
const EXPORT_URL_LIFETIME_MS = 60_000;

/** Offers `text` as a file to download, without any network request. */
function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), EXPORT_URL_LIFETIME_MS);
}

type Notice = { kind: 'status' | 'alert'; text: string } | null;

interface PackListProps {
  db: CasefileDb;
  t: OptionsMessages;
  language: Language;
  /** Called when a row that had focus leaves the table, to put focus somewhere sensible. */
  onRowGone: () => void;
}

/** The packs in store, live from IndexedDB, with export, removal and reset. */
export function PackList({ db, t, language, onRowGone }: PackListProps) {
  const packs = useLiveQuery(() => listPacks(db), [db]);
  const [notice, setNotice] = useState<Notice>(null);

  const exportOne = async (pack: PackRecord) => {
    try {
      const json = await exportPack(db, pack.id);
      const fileName = `${pack.id}.json`;
      downloadText(fileName, `${JSON.stringify(json, null, 2)}\n`);
      setNotice({ kind: 'status', text: t.exported(fileName) });
    } catch (error) {
      setNotice({ kind: 'alert', text: `${t.exportFailed} ${String(error)}` });
    }
  };

  const removeOne = async (pack: PackRecord): Promise<boolean> => {
    try {
      await removePack(db, pack.id);
      onRowGone();
      setNotice({ kind: 'status', text: t.removed(pack.title) });
      return true;
    } catch (error) {
      setNotice({ kind: 'alert', text: `${t.removeFailed} ${String(error)}` });
      return false;
    }
  };

  const reset = async (): Promise<boolean> => {
    try {
      await removeImportedPacks(db);
      onRowGone();
      setNotice({ kind: 'status', text: t.resetDone });
      return true;
    } catch (error) {
      setNotice({ kind: 'alert', text: `${t.removeFailed} ${String(error)}` });
      return false;
    }
  };

  if (packs.status === 'loading') return <p role="status">…</p>;
  if (packs.status === 'error') {
    return (
      <p role="alert" class="notice error">
        {t.readError} {String(packs.error)}
      </p>
    );
  }
  const importedCount = packs.value.filter((p) => p.origin === 'imported').length;

  return (
    <>
      {packs.value.length === 0 ? (
        <p class="empty" data-testid="no-packs">
          {t.noPacks}
        </p>
      ) : (
        <div class="table-wrap">
          <table class="packs" data-testid="packs">
            <caption class="visually-hidden">{t.packsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnTitle}</th>
                <th scope="col">{t.columnId}</th>
                <th scope="col">{t.columnOrigin}</th>
                <th scope="col">{t.columnRevised}</th>
                <th scope="col" class="number">
                  {t.columnFacts}
                </th>
                <th scope="col">{t.columnActions}</th>
              </tr>
            </thead>
            <tbody>
              {packs.value.map((pack) => (
                <tr key={pack.id} data-pack-id={pack.id}>
                  <th scope="row" class="title">
                    {pack.title}
                  </th>
                  <td>
                    <code>{pack.id}</code>
                  </td>
                  <td>
                    <span class={`origin origin-${pack.origin}`} data-testid="origin">
                      {pack.origin === 'bundled' ? t.bundled : t.imported}
                    </span>
                  </td>
                  <td>
                    <time dateTime={pack.revised}>{formatDate(pack.revised, language)}</time>
                  </td>
                  <td class="number" data-testid="fact-count">
                    {pack.factCount}
                  </td>
                  <td>
                    <div class="actions">
                      <button
                        type="button"
                        aria-label={t.exportPack(pack.title)}
                        data-testid="export"
                        onClick={() => void exportOne(pack)}
                      >
                        {t.export}
                      </button>
                      {pack.origin === 'imported' && pack.id !== BUNDLED_PACK_ID && (
                        <ConfirmAction
                          label={t.remove}
                          accessibleLabel={t.removePack(pack.title)}
                          question={t.removeQuestion(pack.title, pack.factCount)}
                          confirmLabel={t.confirmRemove}
                          cancelLabel={t.cancel}
                          testId="remove"
                          onConfirm={() => removeOne(pack)}
                        />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div class="reset">
        <ConfirmAction
          label={t.reset}
          question={t.resetQuestion(importedCount)}
          confirmLabel={t.confirmReset}
          cancelLabel={t.cancel}
          disabled={importedCount === 0}
          describedBy={importedCount === 0 ? 'nothing-to-reset' : undefined}
          testId="reset"
          onConfirm={reset}
        />
        {importedCount === 0 && (
          <span id="nothing-to-reset" class="hint">
            {t.nothingToReset}
          </span>
        )}
      </div>

      <div role="status" class="notice" data-testid="packs-status">
        {notice?.kind === 'status' && notice.text}
      </div>
      <div role="alert" class="notice error" data-testid="packs-alert">
        {notice?.kind === 'alert' && notice.text}
      </div>
    </>
  );
}
