import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CasefileDb, recordSeedCheck, recordSeedError, seedBundledPack } from '../../lib/db.ts';
import { formatProblems } from '../../lib/facts/validate-pack.ts';
import { loadBundledPack } from './bundled-seeds.ts';

export default defineBackground(() => {
  const db = new CasefileDb();

  /**
   * Writes the bundled facts into IndexedDB unless the same revision is
   * already there. Runs on install and update, and on every service-worker
   * start in case the store was cleared; the content hash makes repeats free.
   */
  async function ensureSeeded(reason: string): Promise<void> {
    const bundled = await loadBundledPack();
    if (!bundled.ok) {
      const message = `The bundled fact pack is invalid:\n${formatProblems(bundled.problems)}`;
      console.error(`[casefile] ${message}`);
      await recordSeedError(db, message);
      return;
    }
    const outcome = await seedBundledPack(db, bundled.pack, bundled.sources);
    if (outcome.written) console.info(`[casefile] stored ${outcome.factCount} facts (${reason})`);
    await recordSeedCheck(db, { reason, written: outcome.written });
  }

  function seed(reason: string): void {
    ensureSeeded(reason).catch((error: unknown) => {
      console.error('[casefile] seeding failed', error);
      recordSeedError(db, `Storing the facts failed: ${String(error)}`).catch(() => {});
    });
  }

  // onStartup also wakes the worker at each browser launch, so a store the
  // user cleared is filled again before the popup is opened.
  browser.runtime.onInstalled.addListener(({ reason }) => seed(reason));
  browser.runtime.onStartup.addListener(() => seed('browser start'));
  seed('service worker start');
});
