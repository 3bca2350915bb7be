import { useId, useState } from 'preact/hooks';
import { importPack, type CasefileDb } from '../../lib/db.ts';
import type { Language } from '../../lib/facts/schema.ts';
import type { PackProblem } from '../../lib/facts/validate-pack.ts';
import type { OptionsMessages } from './messages.ts';

type ImportState =
  | { stage: 'idle' }
  | { stage: 'checking'; file: string }
  | { stage: 'done'; message: string }
  | { stage: 'refused'; file: string; problems: PackProblem[] }
  | { stage: 'failed'; file: string; error: string };

/**
 * "Import a pack…": reads a JSON file chosen by the user and stores it with
 * `importPack`. A refused pack changes nothing, and every problem is listed
 * with the path of the field at fault.
 */
export function PackImport({
  db,
  t,
  language,
}: {
  db: CasefileDb;
  t: OptionsMessages;
  language: Language;
}) {
  const [state, setState] = useState<ImportState>({ stage: 'idle' });
  const inputId = useId();
  const hintId = useId();

  const onChange = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setState({ stage: 'checking', file: file.name });
    try {
      const outcome = await importPack(db, await file.text());
      if (outcome.ok) {
        const { title, factCount } = outcome.pack;
        setState({ stage: 'done', message: t.importedPack(title, factCount, outcome.replaced) });
      } else {
        setState({ stage: 'refused', file: file.name, problems: outcome.problems });
      }
    } catch (error) {
      setState({ stage: 'failed', file: file.name, error: String(error) });
    } finally {
      // The same file, corrected, may be chosen again: let that be a change.
      input.value = '';
    }
  };

  return (
    <div class="import">
      <div class="file-button">
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          class="visually-hidden"
          aria-describedby={hintId}
          data-testid="import-input"
          onChange={(e) => void onChange(e.currentTarget)}
        />
        <label for={inputId} class="button primary">
          {t.importLabel}
        </label>
      </div>
      <p id={hintId} class="hint">
        {t.importHint}
      </p>

      <div role="status" class="notice" data-testid="import-status">
        {state.stage === 'checking' && t.importing(state.file)}
        {state.stage === 'done' && state.message}
      </div>
      <div role="alert" class="notice error" data-testid="import-alert">
        {state.stage === 'refused' && (
          <>
            <p>{t.importRefused(state.file)}</p>
            <ul class="problems">
              {state.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code>: {p.messages[language]}
                </li>
              ))}
            </ul>
          </>
        )}
        {state.stage === 'failed' && (
          <p>
            {t.importFailed(state.file)} {state.error}
          </p>
        )}
      </div>
    </div>
  );
}
