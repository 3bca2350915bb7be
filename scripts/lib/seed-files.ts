/**
 * The seed files read from disk, for Node: the `check` command, the tests
 * and the benchmark. The extension bundles the same files instead
 * (entrypoints/background/bundled-seeds.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  assembleSeedPack,
  formatProblems,
  type PackResult,
} from '../../lib/facts/validate-pack.ts';

export const SEEDS_DIR = resolve(import.meta.dirname, '../../seeds');

export function readSeedJson(name: 'facts.json' | 'sources.json'): unknown {
  return JSON.parse(readFileSync(resolve(SEEDS_DIR, name), 'utf8'));
}

/** Every `seeds/sources/<id>.txt`, by id. */
export function readSourceTexts(): Record<string, string> {
  const dir = resolve(SEEDS_DIR, 'sources');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => [name.slice(0, -'.txt'.length), readFileSync(resolve(dir, name), 'utf8')]),
  );
}

/** The bundled pack assembled and checked exactly as the background does it. */
export function loadSeedPack(): Promise<PackResult> {
  return assembleSeedPack(
    readSeedJson('sources.json'),
    readSourceTexts(),
    readSeedJson('facts.json'),
  );
}

/** The bundled pack and its sources; throws with every problem listed when the seeds are invalid. */
export async function seedPack() {
  const result = await loadSeedPack();
  if (!result.ok)
    throw new Error(`The seed files are invalid:\n${formatProblems(result.problems)}`);
  return result;
}
