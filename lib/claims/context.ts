/**
 * What checking a sentence reads besides the sentence: shared by the case's
 * rules (case-rules.ts) and the generic matcher (check-claim.ts), which
 * imports the rules (types only here, so neither imports the other back).
 */
import type { Fact, Value } from '../facts/schema.ts';
import type { FactIndex } from './fact-index.ts';
import type { Slot } from './slots.ts';

export interface ClaimContext {
  language: 'fr' | 'en' | 'und';
  index: FactIndex;
  slots: SlotTable;
  /**
   * Whether the paragraph (or short post) holding the sentence names the
   * case: "480 victimes." after "Coco fermé" is about the site even though
   * the sentence alone does not say so.
   */
  inCaseParagraph: boolean;
  /** Whether the sentence itself holds a mention of the case. */
  named?: boolean;
}

/** Each slot's fact values, as the facts give them. */
export type SlotTable = Map<Slot, { fact: Fact; value: Value }[]>;
