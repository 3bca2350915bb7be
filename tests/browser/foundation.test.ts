import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  freshProfileDir,
  launchWithExtension,
  type ExtensionBrowser,
} from '../../scripts/lib/browser.ts';
import { FactPackSchema } from '../../lib/facts/schema.ts';
import { readStore, waitForStore } from './store-reader.ts';

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results');
const bundled = FactPackSchema.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../seeds/facts.json'), 'utf8')),
);
const FACT_COUNT = bundled.facts.length;

describe('the built extension in Chromium', () => {
  const profile = freshProfileDir();
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchWithExtension({ userDataDir: profile });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads as a Manifest V3 extension with a service worker, asking only for the permissions the README lists', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toBe(
      `chrome-extension://${browser.extensionId}/background.js`,
    );
    const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    // The README's permission table is the list of what the manifest may ask for.
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Permissions'), readme.indexOf('## Layout'));
    const listed = [...section.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]);
    const asked = [
      ...(manifest.permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_permissions ?? []),
      ...(manifest.content_scripts ?? []).flatMap((c: { matches: string[] }) => c.matches),
    ];
    expect(new Set(asked)).toEqual(new Set(listed));
    // It replaces none of the browser's own pages (an entrypoint named
    // "history" once silently took over chrome://history).
    expect(manifest.chrome_url_overrides).toBeUndefined();
    // Pages can load nothing of it but its lazily imported modules, and only
    // at an address that changes every session.
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['lazy/*.js'], matches: ['<all_urls>'], use_dynamic_url: true },
    ]);
    // Extension pages load nothing but their own files and connect nowhere.
    const csp = String(manifest.content_security_policy?.extension_pages).split(/\s*;\s*/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('seeds IndexedDB with every bundled fact and both sources', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const store = await waitForStore(page, (s) => s.factCount === FACT_COUNT);
    expect(store.sourceCount).toBe(2);
    expect(store.packIds).toEqual(['coco-2024']);
    expect(store.meta.seedError).toBeUndefined();
    await page.close();
  });

  it('shows the stored facts in the popup, with their source passages', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 440, height: 600 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page
      .locator('li.fact')
      .nth(FACT_COUNT - 1)
      .waitFor();
    expect(await page.locator('li.fact').count()).toBe(FACT_COUNT);
    await expect
      .poll(() => page.getByTestId('counts').textContent())
      .toMatch(new RegExp(`^${FACT_COUNT} `));
    const victims = page.locator('li.fact[data-fact-id="victims-480"]');
    expect(await victims.locator('mark').textContent()).toContain('480 victimes');
    expect(await victims.locator('.attribution').textContent()).toContain('Parquet de Paris');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'popup.png') });
    await page.close();
  });

  it('reads the facts from IndexedDB, not from its bundle', async () => {
    const chunks = readdirSync(resolve(EXTENSION_DIR, 'chunks'));
    const popupCode = chunks
      .filter((name) => name.startsWith('popup'))
      .map((name) => readFileSync(resolve(EXTENSION_DIR, 'chunks', name), 'utf8'))
      .join('\n');
    expect(popupCode).not.toContain('480 victimes');

    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.locator('li.fact[data-fact-id="victims-480"]').waitFor();
    // Change one stored statement behind the extension's back: the popup must show it.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('casefile');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('facts', 'readwrite');
      const store = tx.objectStore('facts');
      const fact = await new Promise<{ statement: { fr: string; en: string } }>((resolve) => {
        const request = store.get(['coco-2024', 'victims-480']);
        request.onsuccess = () => resolve(request.result);
      });
      fact.statement.en = fact.statement.fr = 'Statement changed in IndexedDB by the test.';
      store.put(fact);
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    });
    await page.reload();
    await expect
      .poll(() => page.locator('li.fact[data-fact-id="victims-480"] .statement').textContent())
      .toBe('Statement changed in IndexedDB by the test.');
    await page.close();
  });

  it('keeps the data across a relaunch of the same profile, without seeding again', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const before = await waitForStore(page, (s) => s.factCount === FACT_COUNT);
    const seededAt = (before.meta.lastSeed as { at: string }).at;
    await browser.close();

    const relaunchedAt = new Date().toISOString();
    browser = await launchWithExtension({ userDataDir: profile });
    const again = await browser.context.newPage();
    await again.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    // Wait until the restarted worker has compared the bundled pack with the store.
    const after = await waitForStore(
      again,
      (s) => ((s.meta.lastSeedCheck as { at?: string } | undefined)?.at ?? '') > relaunchedAt,
    );
    expect(after.factCount).toBe(FACT_COUNT);
    expect((after.meta.lastSeed as { at: string }).at).toBe(seededAt);
    expect(after.meta.lastSeedCheck).toMatchObject({ written: false });
    // The statement the previous test changed is still changed: nothing was rewritten.
    await again.locator('li.fact[data-fact-id="victims-480"]').waitFor();
    expect(
      await again.locator('li.fact[data-fact-id="victims-480"] .statement').textContent(),
    ).toBe('Statement changed in IndexedDB by the test.');
    expect(await readStore(again)).toMatchObject({ packIds: ['coco-2024'] });
    await again.close();
  });
});
