/** The case's sources as the quote engine sees them, read from the seeds (CONTRACT §1). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildQuoteIndex, type QuoteSourceText } from '../../../lib/quotes/trace-quote.ts';

const SEEDS = resolve(import.meta.dirname, '../../../seeds');

export const RELEASE_ID = 'parquet-paris-communique-2024-06-25';
export const BFM_ID = 'bfm-techco-fermeture-coco-2024-06-25';

/** Every seed source, with the standing `seeds/sources.json` gives it. */
export const CASE_SOURCES: QuoteSourceText[] = (
  JSON.parse(readFileSync(resolve(SEEDS, 'sources.json'), 'utf8')) as {
    id: string;
    standing: 'primary' | 'press';
  }[]
).map(({ id, standing }) => ({
  id,
  standing,
  text: readFileSync(resolve(SEEDS, 'sources', `${id}.txt`), 'utf8'),
}));

const textOf = (id: string): string => CASE_SOURCES.find((s) => s.id === id)?.text ?? '';
export const RELEASE = textOf(RELEASE_ID);
export const BFM = textOf(BFM_ID);

export const CASE_INDEX = buildQuoteIndex(CASE_SOURCES);

/** Sentences of a plain text, naively: enough for tests that hand sentences to the engine. */
export function naiveSentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?](?=\s|$)/g)) {
    const end = match.index + 1;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}
