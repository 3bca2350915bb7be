/**
 * `npm start`: builds the extension and opens Chromium with it loaded on the
 * bundled demo page. With a display, the browser stays open until you close
 * it. Without one (a server, CI), it runs headless, saves screenshots of the
 * demo page and of the popup, and says where they are.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXTENSION_DIR, launchWithExtension } from './lib/browser.ts';
import { serveStatic } from './lib/static-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SCREENSHOTS = resolve(ROOT, '.output/screenshots');

const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed: see the messages above.');
  process.exit(1);
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
const server = await serveStatic(resolve(ROOT, 'demo'));
// A fresh profile each time: the demo always starts from a clean install.
const browser = await launchWithExtension({ headless: !hasDisplay, keepWelcome: hasDisplay });
// The popup first: opening it waits until the facts are stored.
const popup = await browser.context.newPage();
await popup.setViewportSize({ width: 440, height: 600 });
await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
await popup.locator('li.fact').first().waitFor({ timeout: 20_000 });
const demo = await browser.context.newPage();
await demo.goto(`${server.origin}/`);
// Wait for the content script's first pass, so the screenshot shows the highlights.
await demo
  .waitForFunction(() => performance.getEntriesByName('casefile:highlight').length > 0, null, {
    timeout: 20_000,
  })
  .catch(() =>
    console.warn('The page was not read within 20 s: the screenshot may lack highlights.'),
  );

console.log(`
Casefile is built in ${EXTENSION_DIR}
To use it in your own Chrome or Chromium: open chrome://extensions, turn on
"Developer mode", choose "Load unpacked" and select that folder.
`);

if (hasDisplay) {
  await demo.bringToFront();
  console.log(`Chromium is open on the demo page (${server.origin}/) with the popup in a tab.`);
  console.log('Close the browser window to stop.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
} else {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await demo.screenshot({ path: resolve(SCREENSHOTS, 'demo.png') });
  await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup.png') });
  const facts = await popup.locator('li.fact').count();
  console.log(
    `No display found: Chromium ran headless. The popup lists ${facts} facts read from IndexedDB.`,
  );
  console.log(`Screenshots: ${resolve(SCREENSHOTS, 'demo.png')}`);
  console.log(`             ${resolve(SCREENSHOTS, 'popup.png')}`);
  await browser.close();
}
await server.close();
