import { LEGEND_KINDS } from '../utils/highlight-kinds.ts';
import type { Messages } from './i18n.ts';

/**
 * What each line in the page means: a sample drawn in the highlight's own
 * style, and its name. `tone` 'auto' follows the reader's colour scheme
 * (the popup, the first-run page); 'light' is for the card, always light.
 */
export function Legend({ t, tone = 'auto' }: { t: Messages; tone?: 'auto' | 'light' }) {
  return (
    <ul class={`legend ${tone}`} aria-label={t.legendTitle}>
      {LEGEND_KINDS.map((kind) => (
        <li key={kind} data-kind={kind}>
          <span class={`sample ${kind}`} aria-hidden="true">
            {t.legendSample}
          </span>
          <span>{t.legend[kind]}</span>
        </li>
      ))}
    </ul>
  );
}
