/**
 * `node scripts/measure-painting.ts`: the measure behind the choice of the CSS
 * Custom Highlight API over wrapping text in elements (docs/in-page.md). On
 * one generated page, in the same Chromium, paints the same ranges both ways
 * and reports the time to paint (with the layout it forces), the DOM nodes
 * added, the page's MutationObserver records, and whether removing the
 * highlights restores `body.innerHTML` exactly. Medians of several runs.
 */
import { chromium } from 'playwright-core';
import { ensureChromium } from './lib/chromium.ts';

const PARAGRAPHS = 2000;
const RUNS = 5;

const browser = await chromium.launch({
  executablePath: ensureChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const rows: Record<string, number[]>[] = [];
for (let run = 0; run < RUNS; run++) {
  const body = Array.from(
    { length: PARAGRAPHS },
    (_, i) =>
      `<p>Post ${i}: le site <b>coco.gg</b> a été fermé le 25 juin 2024, et 23 051 procédures ont été ouvertes.</p>`,
  ).join('');
  await page.setContent(`<!doctype html><html><body>${body}</body></html>`);
  const result = await page.evaluate(() => {
    const originalHtml = document.body.innerHTML;
    const observer = new MutationObserver(() => {});
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const ranges = () =>
      [...document.querySelectorAll('p')].map((p) => {
        const text = p.lastChild as Text;
        const range = document.createRange();
        const at = text.data.indexOf('a été fermé');
        range.setStart(text, at);
        range.setEnd(text, at + 'a été fermé le 25 juin 2024'.length);
        return range;
      });
    const nodesBefore = document.getElementsByTagName('*').length;

    let t = performance.now();
    const highlight = new Highlight(...ranges());
    CSS.highlights.set('measure', highlight);
    void document.body.offsetHeight;
    const highlightPaint = performance.now() - t;
    const highlightNodes = document.getElementsByTagName('*').length - nodesBefore;
    t = performance.now();
    CSS.highlights.delete('measure');
    void document.body.offsetHeight;
    const highlightClear = performance.now() - t;
    const highlightRestores = document.body.innerHTML === originalHtml;
    const highlightRecords = observer.takeRecords().length;

    t = performance.now();
    for (const range of ranges()) {
      const mark = document.createElement('mark');
      range.surroundContents(mark);
    }
    void document.body.offsetHeight;
    const wrapPaint = performance.now() - t;
    const wrapNodes = document.getElementsByTagName('*').length - nodesBefore;
    t = performance.now();
    for (const mark of [...document.querySelectorAll('mark')]) {
      const parent = mark.parentNode!;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    }
    void document.body.offsetHeight;
    const wrapClear = performance.now() - t;
    return {
      highlightPaint,
      highlightClear,
      highlightNodes,
      highlightRecords,
      highlightRestores: highlightRestores ? 1 : 0,
      wrapPaint,
      wrapClear,
      wrapNodes,
      wrapRecords: observer.takeRecords().length,
      wrapRestores: document.body.innerHTML === originalHtml ? 1 : 0,
    };
  });
  rows.push(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, [v]])));
}
await browser.close();

const pick = (key: string) => median(rows.map((r) => r[key]![0]!));
console.log(`Painting ${PARAGRAPHS} ranges, median of ${RUNS} runs, in Chromium:\n`);
console.log(
  '| method | paint (ms) | clear (ms) | elements added | page mutation records | restores innerHTML |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [name, key] of [
  ['CSS Custom Highlight API', 'highlight'],
  ['wrapping in <mark>', 'wrap'],
] as const) {
  console.log(
    `| ${name} | ${pick(`${key}Paint`).toFixed(1)} | ${pick(`${key}Clear`).toFixed(1)} | ${pick(`${key}Nodes`)} | ` +
      `${pick(`${key}Records`)} | ${pick(`${key}Restores`) ? 'yes' : 'no'} |`,
  );
}
