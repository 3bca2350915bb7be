/**
 * Reading the extension's IndexedDB from one of its pages, with the raw API:
 * the test sees what is stored, not what the extension's code says is stored.
 */
import type { Page } from 'playwright-core';

export interface StoreView {
  factCount: number;
  sourceCount: number;
  packIds: string[];
  meta: Record<string, unknown>;
}

/** What the `casefile` database holds, or null while it does not exist yet. */
export function readStore(page: Page): Promise<StoreView | null> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('casefile')) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('casefile');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const wanted = ['facts', 'sources', 'packs', 'meta'];
    if (!wanted.every((name) => db.objectStoreNames.contains(name))) {
      db.close();
      return null;
    }
    const tx = db.transaction(wanted, 'readonly');
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = tx.objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const [facts, sources, packs, meta] = await Promise.all([
      all('facts'),
      all('sources'),
      all<{ id: string }>('packs'),
      all<{ key: string; value: unknown }>('meta'),
    ]);
    db.close();
    return {
      factCount: facts.length,
      sourceCount: sources.length,
      packIds: packs.map((p) => p.id),
      meta: Object.fromEntries(meta.map((m) => [m.key, m.value])),
    };
  });
}

/** Polls `readStore` until `ready` holds, or throws after `timeoutMs`. */
export async function waitForStore(
  page: Page,
  ready: (view: StoreView) => boolean,
  timeoutMs = 20_000,
): Promise<StoreView> {
  const deadline = Date.now() + timeoutMs;
  let last: StoreView | null = null;
  while (Date.now() < deadline) {
    last = await readStore(page);
    if (last && ready(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`the store never got ready; last seen: ${JSON.stringify(last)}`);
}
