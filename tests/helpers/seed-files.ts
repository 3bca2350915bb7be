// The tests read the seeds exactly as the `check` command does.
import type { FactPack } from '../../lib/facts/schema.ts';
export {
  loadSeedPack,
  readSeedJson,
  readSourceTexts,
  SEEDS_DIR,
  seedPack,
} from '../../scripts/lib/seed-files.ts';

/**
 * A user's pack holding a copy of `bundled`'s first fact under the same id,
 * with its own statement ("My version."): the engine must tell the two apart.
 */
export function copyOfFirstFact(bundled: FactPack, id = 'my-notes', title = 'Notes'): FactPack {
  const fact = bundled.facts[0]!;
  return {
    format: 'casefile-facts',
    formatVersion: 1,
    id,
    title,
    revised: '2026-11-30',
    facts: [{ ...fact, statement: { fr: 'Ma version.', en: 'My version.' } }],
  };
}
