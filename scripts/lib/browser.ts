/**
 * Launching Chromium with the built extension loaded, for `npm start`, the
 * real-browser tests and the benchmark alike.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import type { browser as Browser } from 'wxt/browser';
import type { PageReport } from '../../utils/messages.ts';
import { ensureChromium } from './chromium.ts';

/** The built extension: `.output/chrome-mv3`, or `$CASEFILE_OUTPUT_DIR/chrome-mv3` when that is set. */
export const EXTENSION_DIR = resolve(
  process.env.CASEFILE_OUTPUT_DIR ?? resolve(import.meta.dirname, '../../.output'),
  'chrome-mv3',
);

/**
 * Flags that keep Chromium quiet on a machine without network: no background
 * requests, no component updates, no sync, no first-run UI.
 */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

export interface LaunchOptions {
  /** Profile folder; a fresh temporary one when omitted. Reuse it to relaunch the same profile. */
  userDataDir?: string;
  headless?: boolean;
  extensionDir?: string;
  /** Keep the welcome page a new profile's install opens (closed otherwise, so that runs start alike). */
  keepWelcome?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

/** A new temporary profile folder. */
export function freshProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'casefile-profile-'));
}

/**
 * Starts Chromium with the extension loaded and waits for its service worker.
 * Throws when the extension has not been built.
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const userDataDir = options.userDataDir ?? freshProfileDir();
  // Chromium writes its Default profile on first launch: without it, this is one.
  const newProfile = !existsSync(join(userDataDir, 'Default'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...QUIET_FLAGS,
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  // A fresh profile is a new install: the extension opens its welcome page.
  // Tests and the benchmark start without it unless they ask to keep it.
  if (newProfile && !options.keepWelcome) await closeWelcome(context);
  return { context, extensionId, serviceWorker, userDataDir, close: () => context.close() };
}

/** Waits a little for the welcome page a new install opens, and closes it. */
async function closeWelcome(context: BrowserContext): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const welcome = context.pages().find((page) => page.url().endsWith('/welcome.html'));
    if (welcome) {
      await welcome.close();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * What the content script of the top frame showing `url` reports (as the
 * popup asks it), or null when no tab shows it. Pages with nothing shown
 * record no measure the page could read: their passes are counted here.
 */
export function reportOf(browser: ExtensionBrowser, url: string): Promise<PageReport | null> {
  return browser.serviceWorker.evaluate(async (address) => {
    const api = (globalThis as unknown as { chrome: typeof Browser }).chrome;
    for (const tab of await api.tabs.query({})) {
      const report = (await api.tabs
        .sendMessage(tab.id!, { type: 'casefile:get-report' }, { frameId: 0 })
        .catch(() => null)) as PageReport | null;
      if (report?.url === address) return report;
    }
    return null;
  }, url);
}
