/**
 * `node scripts/make-icons.ts`: renders assets/icon.svg to the PNG sizes the
 * manifest uses (public/icon/<size>.png), with the same Chromium as the tests.
 * Run it after changing the SVG; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium } from './lib/chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 128];
const svg = readFileSync(resolve(ROOT, 'assets/icon.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: resolve(ROOT, `public/icon/${size}.png`), omitBackground: true });
}
await browser.close();
console.log(`Wrote public/icon/{${SIZES.join(',')}}.png`);
