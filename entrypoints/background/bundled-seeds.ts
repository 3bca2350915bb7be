/**
 * The seed files as bundled into the service worker. Only the background
 * imports them: every other part of the extension reads the facts from
 * IndexedDB, so an imported pack or a reset shows everywhere at once.
 */
import factsJson from '../../seeds/facts.json';
import sourcesJson from '../../seeds/sources.json';
import { assembleSeedPack, type PackResult } from '../../lib/facts/validate-pack.ts';

/** `../../seeds/sources/<id>.txt` → text, every source file that exists. */
const sourceFiles = import.meta.glob<string>('../../seeds/sources/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** File path → source id: the file name without its folder and extension. */
const SOURCE_FILE_ID = /([^/]+)\.txt$/;

/** The bundled pack with its sources, checked (hashes and anchors) as the store will hold it. */
export function loadBundledPack(): Promise<PackResult> {
  const texts: Record<string, string> = {};
  for (const [path, text] of Object.entries(sourceFiles)) {
    const id = SOURCE_FILE_ID.exec(path)?.[1];
    if (id) texts[id] = text;
  }
  return assembleSeedPack(sourcesJson, texts, factsJson);
}
