/**
 * `npm run bench` (CONTRACT §5): what the extension costs the pages it reads,
 * measured side by side in one run.
 *
 * Four generated pages (scripts/lib/bench-pages.ts), served on the loopback
 * interface, each loaded in a fresh tab, run after run, in:
 * - Chromium with the built extension (`launchWithExtension`): the page's
 *   `casefile:*` measures (CONTRACT §4), CDP metrics, long tasks, heap;
 * - the same browser with highlighting switched off in the settings, where
 *   mark.js highlights the mentions the extension found on that page;
 * - Chromium without the extension (`chromium.launch`, same flags): the same
 *   CDP metrics, long tasks and heap, to subtract;
 * - the extension's browser again under a Chrome trace, to tell the
 *   extension's own tasks from the page's.
 * Medians of BENCH_RUNS runs (default 5). Then the engine alone in Node on
 * the same pages' visible text, and the content script's bundle.
 *
 * Prints a table, the targets with PASS/FAIL, then one
 * `bench <name>: <number> <unit>` line per figure. Builds nothing: it measures
 * the build in EXTENSION_DIR (`npm run build` first). Exit status 0 whatever
 * the targets say, 1 when the bench itself cannot run.
 *
 * For a quick look: BENCH_RUNS=1, BENCH_PAGES=case-1mb,feed-5mb (a subset);
 * BENCH_TRACE_DIR=dir keeps the traces (open them in DevTools' Performance panel).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from 'playwright-core';
import type { browser as ExtensionApi } from 'wxt/browser';
import { checkText, createEngine } from '../lib/check-text.ts';
import { findMentions } from '../lib/mentions/find-mentions.ts';
import { HIGHLIGHT_KINDS } from '../utils/highlight-kinds.ts';
import { detectLanguage } from '../lib/text/language.ts';
import { splitSentences } from '../lib/text/sentences.ts';
import { extractVisibleText } from '../lib/text/visible-text.ts';
import { generateBenchPages, type BenchPage } from './lib/bench-pages.ts';
import {
  EXTENSION_DIR,
  launchWithExtension,
  reportOf,
  type ExtensionBrowser,
} from './lib/browser.ts';
import { ensureChromium } from './lib/chromium.ts';
import { seedPack } from './lib/seed-files.ts';
import { serveStatic, type StaticServer } from './lib/static-server.ts';

/** The extension API as the service worker sees it (code passed to `serviceWorker.evaluate`). */
declare const chrome: typeof ExtensionApi;

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? '5', 10) || 5);
/** Loads traced for attribution (a trace slows the page down, so these loads are not timed otherwise). */
const TRACE_RUNS = RUNS;
const MARK_JS = resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js');
const CONTENT_SCRIPT = join(EXTENSION_DIR, 'content-scripts', 'content.js');
const CARD_CSS = resolve(ROOT, 'entrypoints/content/card.css');
const SETTINGS_KEY = 'casefile:settings';
/** The flags `launchWithExtension` gives Chromium (scripts/lib/browser.ts), for the browser without the extension. */
const PLAIN_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];
const VIEWPORT = { width: 1200, height: 900 };
/** A page has settled when nothing has changed for this long… */
const QUIET_MS = 1000;
/** …or after this long at most. */
const SETTLE_MAX_MS = 10_000;
/** Posts appended to the feed while it is measured, one every 10 ms. */
const ADDED_POSTS = 200;

// ——————————————————————————— small helpers ———————————————————————————

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toFixed(digits);
}

/** Milliseconds of `fn` per call: repeated until at least `minMs` have passed, so tiny inputs are timed too. */
function timeIt(fn: () => unknown, minMs = 50): number {
  let calls = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    fn();
    calls += 1;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return elapsed / calls;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

// ——————————————————————————— the content script's bundle ———————————————————————————

interface BundleFigures {
  bytes: number;
  gzipBytes: number;
  /** Other scripts of the build the content script loads at run time. */
  loads: string[];
  /** The file of the build that holds the card's code, when it can be told. */
  cardFile: string | null;
  cardLazy: boolean;
  /** Whether the content script, or a script it loads, holds the engine (its reasons' wording). */
  engineInPage: boolean;
}

/** Words of the engine's reasons (lib/claims/reasons.ts): where they are, the engine is. */
const ENGINE_MARKER = 'the sources say';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * The content script's size, and whether the card is in a chunk of its own
 * that it loads when first needed: the card's stylesheet text (card.css is
 * bundled as a string) tells which built file holds the card, and the
 * content script must name that file to load it.
 */
function bundleFigures(): BundleFigures {
  const code = readFileSync(CONTENT_SCRIPT, 'utf8');
  const files = listFiles(EXTENSION_DIR).filter((f) => /\.(js|css)$/.test(f));
  const loads = [
    ...new Set(
      [...code.matchAll(/["'`]\/?((?:[\w.-]+\/)*[\w.-]+\.js)["'`]/g)]
        .map((m) => m[1]!)
        .filter(
          (p) => existsSync(join(EXTENSION_DIR, p)) && join(EXTENSION_DIR, p) !== CONTENT_SCRIPT,
        ),
    ),
  ];
  const markers = existsSync(CARD_CSS)
    ? readFileSync(CARD_CSS, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length >= 20 && !/["'\\`*]/.test(line))
    : [];
  let cardFile: string | null = null;
  let best = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const hits = markers.filter((m) => text.includes(m)).length;
    if (hits > best) {
      best = hits;
      cardFile = relative(EXTENSION_DIR, file);
    }
  }
  const contentRel = relative(EXTENSION_DIR, CONTENT_SCRIPT);
  // Lazy: the content script names another script of the build to load, and
  // the card's code is not in the content script itself.
  const cardLazy = loads.length > 0 && cardFile !== contentRel;
  const engineInPage = [CONTENT_SCRIPT, ...loads.map((p) => join(EXTENSION_DIR, p))].some((file) =>
    readFileSync(file, 'utf8').includes(ENGINE_MARKER),
  );
  return {
    engineInPage,
    bytes: Buffer.byteLength(code),
    gzipBytes: gzipSync(code).length,
    loads,
    cardFile,
    cardLazy,
  };
}

// ——————————————————————————— the engine in Node ———————————————————————————

interface NodeFigures {
  /** On a page not about the case: a few of the mentions found anyway, with their reason and context. */
  falseMentions: string[];
  textChars: number;
  textBytes: number;
  mentions: number;
  claims: number;
  sentences: number;
  aboutCase: boolean;
  mentionMs: number;
  checkMs: number;
  mentionMBps: number;
  claimsPerSecond: number;
  sentencesPerSecond: number;
}

/** The visible text of a page, as the `check` command reads HTML. */
function visibleText(html: string): string {
  const { document } = parseHTML(html);
  return extractVisibleText(document).text;
}

/**
 * One sentence holding thousands of values, 1 MB of it: the patterns that
 * once made the engine quadratic (a date, a count, a question mark and
 * spaces, repeated). The time `checkText` takes on each, one run.
 */
const ADVERSARIAL: Readonly<Record<string, string>> = {
  dates: '25 juin 2024 ',
  counts: '23 051 procédures et ',
  'question-spaces': `?${' '.repeat(63)}`,
};

async function adversarialFigures(): Promise<Map<string, number>> {
  const { pack, sources } = await seedPack();
  const engine = createEngine(pack.facts, sources);
  const out = new Map<string, number>();
  for (const [name, unit] of Object.entries(ADVERSARIAL)) {
    const text = `Le site Coco a été fermé par la justice. ${unit.repeat(Math.ceil(2 ** 20 / unit.length))}`;
    out.set(
      name,
      timeIt(() => checkText(engine, text)),
    );
  }
  return out;
}

async function nodeFigures(pages: readonly BenchPage[]): Promise<Map<string, NodeFigures>> {
  const { pack, sources } = await seedPack();
  const engine = createEngine(pack.facts, sources);
  const out = new Map<string, NodeFigures>();
  for (const page of pages) {
    const text = visibleText(page.html);
    const textBytes = Buffer.byteLength(text);
    // Warm-up, then the runs.
    const scan = findMentions(text);
    const report = checkText(engine, text);
    const mentionRuns: number[] = [];
    const checkRuns: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      mentionRuns.push(timeIt(() => findMentions(text)));
      checkRuns.push(timeIt(() => checkText(engine, text)));
    }
    const sentences = splitSentences(text, detectLanguage(text)).length;
    const mentionMs = median(mentionRuns);
    const checkMs = median(checkRuns);
    const falseMentions = page.aboutCase
      ? []
      : scan.mentions.slice(0, 3).map((m) => {
          const context = text
            .slice(Math.max(0, m.start - 90), m.end + 90)
            .replace(/\s+/g, ' ')
            .trim();
          return `${JSON.stringify(m.text)} (${m.reason}): …${context}…`;
        });
    out.set(page.name, {
      falseMentions,
      textChars: text.length,
      textBytes,
      mentions: scan.mentions.length,
      claims: report.claims.length,
      sentences,
      aboutCase: report.aboutCase,
      mentionMs,
      checkMs,
      mentionMBps: textBytes / 1e6 / (mentionMs / 1000),
      claimsPerSecond: report.claims.length / (checkMs / 1000),
      sentencesPerSecond: sentences / (checkMs / 1000),
    });
    log(`  node ${page.name}: findMentions ${fmt(mentionMs, 2)} ms, checkText ${fmt(checkMs)} ms`);
  }
  return out;
}

// ——————————————————————————— in the browser ———————————————————————————

/** Installed in every page before its scripts: records the long tasks (50 ms and more). */
const LONG_TASK_OBSERVER = `(() => {
  const tasks = [];
  Object.defineProperty(window, '__benchLongTasks', { value: tasks });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface Metrics {
  script: number;
  task: number;
}

async function metrics(cdp: CDPSession): Promise<Metrics & { heap: number }> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const get = (name: string) => list.find((m) => m.name === name)?.value ?? Number.NaN;
  return {
    script: get('ScriptDuration') * 1000,
    task: get('TaskDuration') * 1000,
    heap: get('JSHeapUsedSize'),
  };
}

interface PageState {
  scans: number[];
  highlights: number[];
  longTasks: [number, number][];
  now: number;
}

function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => ({
    scans: performance.getEntriesByName('casefile:scan').map((e) => e.duration),
    highlights: performance.getEntriesByName('casefile:highlight').map((e) => e.duration),
    longTasks: [
      ...((window as unknown as { __benchLongTasks?: [number, number][] }).__benchLongTasks ?? []),
    ],
    now: performance.now(),
  }));
}

/**
 * Waits until the page has settled: the extension's measures stopped
 * changing and the main thread stayed (almost) idle for QUIET_MS, after at
 * least QUIET_MS and at most SETTLE_MAX_MS. Idle is read from TaskDuration:
 * ScriptDuration misses the work a pass does after `await`.
 */
async function settle(page: Page, cdp: CDPSession, traced = false): Promise<void> {
  const start = Date.now();
  let lastCount = -1;
  let lastTask = Number.NaN;
  let lastChange = Date.now();
  while (Date.now() - start < SETTLE_MAX_MS) {
    await sleep(200);
    // Under a trace, nothing is evaluated in the page: the trace would count
    // the benchmark's own scripts (they have no URL) as the extension's tasks.
    const count = traced
      ? 0
      : await page.evaluate(
          () =>
            performance.getEntriesByName('casefile:scan').length +
            performance.getEntriesByName('casefile:highlight').length,
        );
    const { task } = await metrics(cdp);
    // A tenth of the time busy or more: something (a pass, the page's rendering) is still running.
    if (count !== lastCount || !(task - lastTask < 20)) lastChange = Date.now();
    lastCount = count;
    lastTask = task;
    if (Date.now() - lastChange >= QUIET_MS && Date.now() - start >= QUIET_MS) return;
  }
}

interface Highlights {
  byKind: Record<string, number>;
  total: number;
  /** The distinct texts of the painted mentions. */
  mentionTexts: string[];
}

function highlights(page: Page): Promise<Highlights> {
  return page.evaluate((kinds) => {
    const byKind: Record<string, number> = {};
    let total = 0;
    const texts = new Set<string>();
    for (const kind of kinds) {
      const highlight = CSS.highlights.get(`casefile-${kind}`) as unknown as Set<Range> | undefined;
      byKind[kind] = highlight?.size ?? 0;
      if (kind !== 'current') total += highlight?.size ?? 0;
      if (kind === 'mention' && highlight) {
        for (const range of highlight) {
          const text = range.toString().trim();
          if (text) texts.add(text);
        }
      }
    }
    return { byKind, total, mentionTexts: [...texts] };
  }, HIGHLIGHT_KINDS);
}

interface LoadRun {
  /** Sum of the `casefile:scan` and `casefile:highlight` measures, and each. */
  extension: number;
  scan: number;
  highlight: number;
  passes: number;
  script: number;
  task: number;
  heap: number;
  longestTask: number;
  longTasks: number;
  highlights: Highlights | null;
  /** When the first highlight was painted, in ms from the page's start (extension runs). */
  firstHighlight: number;
  /** The feed only: while ADDED_POSTS posts arrive. */
  arrival?: {
    extension: number;
    passes: number;
    script: number;
    task: number;
    longestTask: number;
    longTasks: number;
  };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Loads `url` in a fresh tab of `context` and measures it (and the arrival of posts on the feed). */
async function loadRun(
  context: BrowserContext,
  url: string,
  options: { withExtension: boolean; addPosts: boolean; ext?: ExtensionBrowser },
): Promise<LoadRun> {
  const page = await context.newPage();
  try {
    await page.setViewportSize(VIEWPORT);
    await page.addInitScript(LONG_TASK_OBSERVER);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await settle(page, cdp);

    const state = await pageState(page);
    // A page with nothing shown has no measure in its timeline: its passes
    // are asked of the content script, as the popup asks.
    const passes = options.ext ? (await reportOf(options.ext, page.url()))?.passes : undefined;
    if (state.scans.length === 0) {
      if (passes && passes.count > 0) {
        state.scans = [passes.scan, ...Array<number>(passes.count - 1).fill(0)];
        state.highlights = [passes.highlight];
      }
    }
    const loaded = await metrics(cdp);
    const painted = options.withExtension ? await highlights(page) : null;
    await cdp.send('HeapProfiler.collectGarbage');
    const { heap } = await metrics(cdp);
    const run: LoadRun = {
      extension: sum(state.scans) + sum(state.highlights),
      scan: sum(state.scans),
      highlight: sum(state.highlights),
      passes: state.scans.length,
      script: loaded.script,
      task: loaded.task,
      heap,
      longestTask: Math.max(0, ...state.longTasks.map(([, d]) => d)),
      longTasks: state.longTasks.length,
      highlights: painted,
      firstHighlight: passes?.firstPaint ?? Number.NaN,
    };

    if (options.addPosts) {
      const before = await metrics(cdp);
      const at = await pageState(page);
      await page.evaluate(
        (n) => (window as unknown as { __addPosts(n: number): Promise<number> }).__addPosts(n),
        ADDED_POSTS,
      );
      await settle(page, cdp);
      const after = await pageState(page);
      const done = await metrics(cdp);
      const tasks = after.longTasks.filter(([start]) => start >= at.now);
      run.arrival = {
        extension:
          sum(after.scans.slice(at.scans.length)) +
          sum(after.highlights.slice(at.highlights.length)),
        passes: after.scans.length - at.scans.length,
        script: done.script - before.script,
        task: done.task - before.task,
        longestTask: Math.max(0, ...tasks.map(([, d]) => d)),
        longTasks: tasks.length,
      };
    }
    await cdp.detach().catch(() => undefined);
    return run;
  } finally {
    await page.close();
  }
}

// ——————————————————————————— what the trace says ———————————————————————————

/**
 * Trace categories: tasks as DevTools shows them, microtask checkpoint included
 * (disabled-by-default-devtools.timeline), scripts and their URLs
 * (devtools.timeline), microtasks (v8.execute), marks (blink.user_timing).
 */
const TRACE_CATEGORIES = [
  'disabled-by-default-devtools.timeline',
  'devtools.timeline',
  'v8.execute',
  'blink.user_timing',
];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string }; beginData?: { url?: string } };
}

/** Events whose presence in a task means JavaScript ran in it. */
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'RunMicrotasks',
  'RunYieldContinuation',
  'v8.compile',
]);

interface TracedRun {
  /** Durations of the main-thread tasks that ran the extension's code, during load. */
  loadTasks: number[];
  /** The same, while the feed's posts arrive. */
  arrivalTasks: number[];
  /** Top-level evaluation of content.js (compiling and running it once). */
  evaluate: number;
}

/**
 * The tasks of the page's main thread that ran the extension's code: a task
 * (`RunTask`, the unit of the Long Tasks API) in which JavaScript ran and every script
 * named is the extension's (chrome-extension://…). A task in which script
 * runs without a URL (promise continuations, scheduler.postTask) counts too: the
 * generated pages run no script of their own but the feed's timer, which
 * names its URL. Rendering tasks (style, layout, paint) are the page's.
 */
function extensionTasks(
  events: readonly TraceEvent[],
  origin: string,
  arrivalMark: string,
): TracedRun {
  const parse = events.find(
    (e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(origin),
  );
  if (!parse) return { loadTasks: [], arrivalTasks: [], evaluate: Number.NaN };
  const thread = events
    .filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const arrival = events.find((e) => e.name === arrivalMark)?.ts ?? Number.POSITIVE_INFINITY;
  const out: TracedRun = { loadTasks: [], arrivalTasks: [], evaluate: 0 };
  let end = -1;
  for (let i = 0; i < thread.length; i++) {
    const task = thread[i]!;
    if (task.name !== 'RunTask' || task.ts < end) continue;
    end = task.ts + (task.dur ?? 0);
    let script = false;
    let page = false;
    for (let j = i + 1; j < thread.length && thread[j]!.ts <= end; j++) {
      const e = thread[j]!;
      if (!SCRIPT_EVENTS.has(e.name)) continue;
      script = true;
      const url = e.args?.data?.url ?? '';
      if (url.startsWith('chrome-extension://')) {
        if (e.name === 'EvaluateScript' && url.endsWith('/content.js'))
          out.evaluate += (e.dur ?? 0) / 1000;
      } else if (url) page = true;
    }
    if (script && !page) {
      (task.ts >= arrival ? out.arrivalTasks : out.loadTasks).push((task.dur ?? 0) / 1000);
    }
  }
  return out;
}

/** Loads `url` in the extension's browser under a trace, and reads the extension's tasks from it. */
async function tracedRun(
  context: BrowserContext,
  url: string,
  origin: string,
  addPosts: boolean,
): Promise<TracedRun> {
  const page = await context.newPage();
  try {
    await page.setViewportSize(VIEWPORT);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => {
      for (const event of e.value) events.push(event as unknown as TraceEvent);
    });
    const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: TRACE_CATEGORIES },
      transferMode: 'ReportEvents',
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await settle(page, cdp, true);
    if (addPosts) {
      await page.evaluate((n) => {
        performance.mark('bench:arrival');
        return (window as unknown as { __addPosts(n: number): Promise<number> }).__addPosts(n);
      }, ADDED_POSTS);
      await settle(page, cdp, true);
    }
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => undefined);
    if (process.env.BENCH_TRACE_DIR) {
      const name = new URL(url).pathname.replace(/^\/|\.html$/g, '');
      writeFileSync(
        join(process.env.BENCH_TRACE_DIR, `${name}-${Date.now()}.json`),
        JSON.stringify({ traceEvents: events }),
      );
    }
    return extensionTasks(events, origin, 'bench:arrival');
  } finally {
    await page.close();
  }
}

/** Sets the extension's settings through its service worker; `undefined` removes them. */
async function setSettings(ext: ExtensionBrowser, value: unknown): Promise<void> {
  const worker =
    ext.context.serviceWorkers()[0] ??
    (await ext.context.waitForEvent('serviceworker', { timeout: 30_000 }));
  await worker.evaluate(
    async ([key, v]) => {
      if (v === undefined) await chrome.storage.local.remove(key as string);
      else await chrome.storage.local.set({ [key as string]: v });
    },
    [SETTINGS_KEY, value] as const,
  );
}

async function getSettings(ext: ExtensionBrowser): Promise<unknown> {
  const worker =
    ext.context.serviceWorkers()[0] ??
    (await ext.context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], SETTINGS_KEY);
}

const HIGHLIGHTING_OFF = {
  enabled: false,
  disabledSites: [],
  history: false,
  historyDays: 30,
  language: 'auto',
};

interface MarkRun {
  ms: number;
  marks: number;
  /** Highlights of the extension left on the page (there must be none: it is switched off). */
  leftover: number;
}

/** mark.js on `url` with the extension switched off, highlighting `terms`; the time includes the layout it forces. */
async function markRun(
  context: BrowserContext,
  url: string,
  terms: readonly string[],
): Promise<MarkRun> {
  const page = await context.newPage();
  try {
    await page.setViewportSize(VIEWPORT);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await settle(page, cdp);
    await cdp.detach().catch(() => undefined);
    await page.addScriptTag({ path: MARK_JS });
    return await page.evaluate(
      async (words) => {
        type MarkOptions = {
          separateWordSearch: boolean;
          acrossElements: boolean;
          done: (marks: number) => void;
        };
        const Mark = (
          window as unknown as {
            Mark: new (context: Element) => { mark(words: string[], options: MarkOptions): void };
          }
        ).Mark;
        const leftover = [...CSS.highlights.keys()].filter((k) => k.startsWith('casefile-')).length;
        const start = performance.now();
        let marks = 0;
        await new Promise<void>((done) =>
          new Mark(document.body).mark(words, {
            separateWordSearch: false,
            acrossElements: false,
            done: (n) => {
              marks = n;
              done();
            },
          }),
        );
        void document.body.offsetHeight;
        return { ms: performance.now() - start, marks, leftover };
      },
      [...terms],
    );
  } finally {
    await page.close();
  }
}

interface BrowserFigures {
  ext: LoadRun[];
  plain: LoadRun[];
  mark: MarkRun[];
  traced: TracedRun[];
  terms: string[];
}

async function browserFigures(
  pages: readonly BenchPage[],
  server: StaticServer,
): Promise<Map<string, BrowserFigures>> {
  const out = new Map<string, BrowserFigures>();
  const ext = await launchWithExtension();
  let plain: Browser | null = null;
  try {
    // The content scripts get their facts from the store: wait until it is seeded.
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.locator('li.fact').first().waitFor({ timeout: 30_000 });
    await popup.close();
    const stored = await getSettings(ext);

    plain = await chromium.launch({
      executablePath: ensureChromium(),
      headless: true,
      args: PLAIN_FLAGS,
    });
    const plainContext = await plain.newContext();

    // One warm-up load in each browser, not counted.
    const warm = `${server.origin}/${pages[pages.length - 1]!.name}.html`;
    await loadRun(ext.context, warm, { withExtension: true, addPosts: false });
    await loadRun(plainContext, warm, { withExtension: false, addPosts: false });

    for (const page of pages) {
      const url = `${server.origin}/${page.name}.html`;
      const addPosts = page.name.startsWith('feed');
      const figures: BrowserFigures = { ext: [], plain: [], mark: [], traced: [], terms: [] };
      for (let run = 0; run < RUNS; run++) {
        const withExt = await loadRun(ext.context, url, { withExtension: true, addPosts, ext });
        figures.ext.push(withExt);
        // mark.js searches case-insensitively: one term per spelling that differs beyond case.
        const terms = [
          ...new Map(
            (withExt.highlights?.mentionTexts ?? []).map((t) => [t.toLowerCase(), t] as const),
          ).values(),
        ];
        if (terms.length > 0) {
          figures.terms = terms;
          await setSettings(ext, HIGHLIGHTING_OFF);
          try {
            figures.mark.push(await markRun(ext.context, url, terms));
          } finally {
            await setSettings(ext, stored);
          }
        }
        figures.plain.push(await loadRun(plainContext, url, { withExtension: false, addPosts }));
        const traced =
          run < TRACE_RUNS ? await tracedRun(ext.context, url, server.origin, addPosts) : null;
        if (traced) figures.traced.push(traced);
        const last = figures.mark[figures.mark.length - 1];
        log(
          `  ${page.name} run ${run + 1}/${RUNS}: extension ${fmt(withExt.extension)} ms` +
            ` (${withExt.passes} passes, ${withExt.highlights?.total ?? 0} highlights)` +
            (last && terms.length > 0 ? `, mark.js ${fmt(last.ms)} ms` : '') +
            `, script ${fmt(withExt.script)} vs ${fmt(figures.plain[run]!.script)} ms` +
            `, task ${fmt(withExt.task)} vs ${fmt(figures.plain[run]!.task)} ms` +
            `, longest task ${fmt(withExt.longestTask)} ms` +
            (traced ? ` (the extension's ${fmt(Math.max(0, ...traced.loadTasks))} ms)` : '') +
            (withExt.arrival
              ? `, arrival: extension ${fmt(withExt.arrival.extension)} ms, longest task ${fmt(withExt.arrival.longestTask)} ms`
              : ''),
        );
      }
      out.set(page.name, figures);
    }
  } finally {
    await plain?.close().catch(() => undefined);
    await ext.close().catch(() => undefined);
    rmSync(ext.userDataDir, { recursive: true, force: true });
  }
  return out;
}

// ——————————————————————————— report ———————————————————————————

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(head),
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

interface Summary {
  name: string;
  htmlKB: number;
  extension: number;
  scan: number;
  highlight: number;
  passes: number;
  /** TaskDuration with the extension minus without. */
  mainThread: number;
  scriptDelta: number;
  taskExt: number;
  taskPlain: number;
  /** Spread (max - min) of TaskDuration without the extension: the noise of `mainThread`. */
  taskPlainSpread: number;
  /** From the trace: the extension's own tasks, their sum and the longest. */
  extTasks: number;
  extLongest: number;
  extLongestWorst: number;
  evaluate: number;
  markjs: number;
  marks: number;
  ratio: number;
  longestTask: number;
  longestTaskWorst: number;
  longestTaskPlain: number;
  heapKB: number;
  /** The tab's JS heap after a collection, with the extension and without (KB). */
  heapWithKB: number;
  heapWithoutKB: number;
  /** Median time from the page's start to the first highlight (ms). */
  firstHighlight: number;
  highlights: number;
  highlightsMax: number;
  byKind: Record<string, number>;
  terms: string[];
  arrival?: {
    extension: number;
    passes: number;
    mainThread: number;
    longestTask: number;
    longestTaskPlain: number;
    extTasks: number;
    extLongest: number;
    extLongestWorst: number;
  };
}

const longest = (tasks: readonly number[]) => Math.max(0, ...tasks);

function summarise(page: BenchPage, f: BrowserFigures): Summary {
  const pick = (runs: readonly LoadRun[], key: keyof LoadRun) =>
    median(runs.map((r) => r[key] as number));
  const extension = pick(f.ext, 'extension');
  const markjs = median(f.mark.map((m) => m.ms));
  const plainTasks = f.plain.map((r) => r.task);
  const summary: Summary = {
    name: page.name,
    htmlKB: Buffer.byteLength(page.html) / 1000,
    extension,
    scan: pick(f.ext, 'scan'),
    highlight: pick(f.ext, 'highlight'),
    passes: pick(f.ext, 'passes'),
    mainThread: pick(f.ext, 'task') - pick(f.plain, 'task'),
    scriptDelta: pick(f.ext, 'script') - pick(f.plain, 'script'),
    taskExt: pick(f.ext, 'task'),
    taskPlain: pick(f.plain, 'task'),
    taskPlainSpread: Math.max(...plainTasks) - Math.min(...plainTasks),
    extTasks: median(f.traced.map((t) => sum(t.loadTasks))),
    extLongest: median(f.traced.map((t) => longest(t.loadTasks))),
    extLongestWorst: Math.max(...f.traced.map((t) => longest(t.loadTasks))),
    evaluate: median(f.traced.map((t) => t.evaluate)),
    markjs,
    marks: median(f.mark.map((m) => m.marks)),
    ratio: f.mark.length > 0 ? extension / markjs : Number.NaN,
    longestTask: pick(f.ext, 'longestTask'),
    longestTaskWorst: Math.max(...f.ext.map((r) => r.longestTask)),
    longestTaskPlain: pick(f.plain, 'longestTask'),
    heapKB: (pick(f.ext, 'heap') - pick(f.plain, 'heap')) / 1024,
    heapWithKB: pick(f.ext, 'heap') / 1024,
    heapWithoutKB: pick(f.plain, 'heap') / 1024,
    firstHighlight: pick(f.ext, 'firstHighlight'),
    highlights: median(f.ext.map((r) => r.highlights?.total ?? 0)),
    highlightsMax: Math.max(...f.ext.map((r) => r.highlights?.total ?? 0)),
    byKind: f.ext[f.ext.length - 1]?.highlights?.byKind ?? {},
    terms: f.terms,
  };
  const arrivals = f.ext.flatMap((r) => (r.arrival ? [r.arrival] : []));
  const plainArrivals = f.plain.flatMap((r) => (r.arrival ? [r.arrival] : []));
  if (arrivals.length > 0) {
    summary.arrival = {
      extension: median(arrivals.map((a) => a.extension)),
      passes: median(arrivals.map((a) => a.passes)),
      mainThread: median(arrivals.map((a) => a.task)) - median(plainArrivals.map((a) => a.task)),
      longestTask: median(arrivals.map((a) => a.longestTask)),
      longestTaskPlain: median(plainArrivals.map((a) => a.longestTask)),
      extTasks: median(f.traced.map((t) => sum(t.arrivalTasks))),
      extLongest: median(f.traced.map((t) => longest(t.arrivalTasks))),
      extLongestWorst: Math.max(...f.traced.map((t) => longest(t.arrivalTasks))),
    };
  }
  return summary;
}

/** A Long Tasks API figure: 0 means no task of 50 ms or more (the API reports no shorter one). */
function taskMs(value: number): string {
  return value === 0 ? '<50' : fmt(value);
}

function report(
  loadAtStart: number,
  pages: readonly BenchPage[],
  browser: Map<string, BrowserFigures>,
  node: Map<string, NodeFigures>,
  bundle: BundleFigures,
  adversarial: Map<string, number>,
): void {
  const summaries = pages.map((p) => summarise(p, browser.get(p.name)!));
  const byName = new Map(summaries.map((s) => [s.name, s]));
  const out: string[] = [];
  out.push(`Casefile benchmark — median of ${RUNS} runs per figure, Chromium headless`);
  out.push(`extension: ${EXTENSION_DIR}`);
  out.push(
    `machine: ${availableParallelism()} cores, load average ${fmt(loadAtStart, 2)} at the start, ` +
      `${fmt(loadavg()[0]!, 2)} at the end (other work on the machine shows in every figure)\n`,
  );

  out.push('## In the browser\n');
  const rows = summaries.map((s) => [
    s.name,
    fmt(s.htmlKB, 0),
    fmt(s.highlights, 0),
    fmt(s.extension),
    fmt(s.markjs),
    Number.isFinite(s.ratio) ? fmt(s.ratio, 2) : 'n/a',
    fmt(s.mainThread),
    taskMs(s.longestTask),
    fmt(s.extLongest),
    Number.isFinite(s.firstHighlight) ? fmt(s.firstHighlight, 0) : 'n/a',
    `${fmt(s.heapWithKB, 0)} / ${fmt(s.heapWithoutKB, 0)}`,
  ]);
  const feed = summaries.find((s) => s.arrival);
  if (feed?.arrival) {
    rows.push([
      `${feed.name}, ${ADDED_POSTS} posts arriving`,
      '',
      '',
      fmt(feed.arrival.extension),
      '',
      '',
      fmt(feed.arrival.mainThread),
      taskMs(feed.arrival.longestTask),
      fmt(feed.arrival.extLongest),
      '',
      '',
    ]);
  }
  out.push(
    table(
      [
        'page',
        'HTML KB',
        'highlights',
        'extension ms',
        'mark.js ms',
        'ratio',
        'main-thread ms',
        'longest task ms',
        "extension's longest task ms",
        'first highlight ms',
        'tab heap KB with / without',
      ],
      rows,
    ),
  );
  out.push(`
- highlights: ranges the extension painted (all kinds; at most 1,000 are painted).
- extension ms: sum of the page's \`casefile:scan\` + \`casefile:highlight\` measures once it has settled
  (CONTRACT §4). A page with nothing shown records no measure (docs/security.md): there the same
  figures are asked of the content script, as the popup asks. The idle cost on pages with no mention.
- mark.js ms: mark.js 8.11.1 highlighting the distinct mention texts the extension painted on that page
  (one per spelling; mark.js ignores case), in the same browser with the extension switched off, forced
  layout included; ratio = extension ÷ mark.js.
- main-thread ms: the tab's main-thread task time (CDP Performance.getMetrics TaskDuration, thread time)
  with the extension minus without it, once settled: loading the content script, the passes (reading
  text, sending chunks to the service worker, placing the ranges), and the rendering work they cause. On this shared machine the page's own load varies by tens of
  milliseconds between runs, so the idle targets are judged on the traced figure (extension's tasks ms, in the
  details): the tasks that ran the extension's code, timed by Chrome itself, trace overhead included.
- longest task ms: the longest task the Long Tasks API saw in the page with the extension, whoever ran it
  (it reports tasks of 50 ms and more only: "<50" means none); the page alone is in the details.
- extension's longest task ms: from Chrome traces of the same load (${TRACE_RUNS} runs), the longest main-thread
  task that ran the extension's code. The page's parsing, style, layout and paint tasks are not counted, even
  when the extension's highlights make them longer: compare the longest task with and without the extension.
- first highlight ms: from the page's start (navigation) to the first highlight painted, as the content
  script reports it.
- tab heap KB: the tab's JSHeapUsedSize after a forced garbage collection, with the extension and without
  (the content script's isolated world included). The engine and the facts are not in the tab: they are in
  the service worker, once for the whole browser.
`);

  out.push('### Details\n');
  out.push(
    table(
      [
        'page',
        'scan ms',
        'highlight ms',
        'passes',
        'task ms with / without (noise)',
        'script Δ ms',
        "extension's tasks ms",
        'content.js eval ms',
        'longest task worst / page alone',
        'mark.js marks',
        'painted by kind',
      ],
      summaries.map((s) => [
        s.name,
        fmt(s.scan),
        fmt(s.highlight),
        fmt(s.passes, 0),
        `${fmt(s.taskExt)} / ${fmt(s.taskPlain)} (±${fmt(s.taskPlainSpread / 2)})`,
        fmt(s.scriptDelta),
        fmt(s.extTasks),
        fmt(s.evaluate),
        `${taskMs(s.longestTaskWorst)} / ${taskMs(s.longestTaskPlain)}`,
        Number.isFinite(s.marks) ? fmt(s.marks, 0) : 'n/a',
        HIGHLIGHT_KINDS.filter((k) => k !== 'current')
          .map((k) => `${k} ${s.byKind[k] ?? 0}`)
          .join(', '),
      ]),
    ),
  );
  out.push(`
- script Δ: CDP ScriptDuration with minus without; it misses the passes' async continuations
  (scheduler.postTask, promises), hence main-thread ms above uses TaskDuration.
- extension's tasks ms: the sum of the traced tasks that ran the extension's code; content.js eval: the
  first evaluation of the content script (compile + top level).`);
  if (feed?.arrival) {
    out.push(
      `\n${feed.name} while ${ADDED_POSTS} posts arrive (one every 10 ms): ${fmt(feed.arrival.passes, 0)} passes, ` +
        `extension's tasks ${fmt(feed.arrival.extTasks)} ms, its longest task ${fmt(feed.arrival.extLongest)} ms ` +
        `(worst ${fmt(feed.arrival.extLongestWorst)}); Long Tasks API: ${taskMs(feed.arrival.longestTask)} ms with the ` +
        `extension, ${taskMs(feed.arrival.longestTaskPlain)} ms without.`,
    );
  }
  for (const [name, f] of browser) {
    const leftover = Math.max(0, ...f.mark.map((m) => m.leftover));
    if (leftover > 0)
      out.push(
        `warning: on ${name}, ${leftover} casefile highlights were registered while highlighting was off (mark.js runs).`,
      );
  }
  for (const s of summaries) {
    if (s.terms.length > 0) {
      out.push(
        `mention texts on ${s.name} (given to mark.js): ${s.terms
          .slice(0, 15)
          .map((t) => JSON.stringify(t))
          .join(', ')}${s.terms.length > 15 ? ', …' : ''}`,
      );
    }
  }

  out.push(
    '\n## The engine in Node (visible text of the same pages, one call on the whole text)\n',
  );
  out.push(
    table(
      [
        'page',
        'text KB',
        'mentions',
        'sentences',
        'claims',
        'findMentions ms',
        'MB/s',
        'checkText ms',
        'sentences/s',
        'claims/s',
      ],
      pages.map((p) => {
        const n = node.get(p.name)!;
        return [
          p.name,
          fmt(n.textBytes / 1000, 0),
          String(n.mentions),
          String(n.sentences),
          String(n.claims),
          fmt(n.mentionMs, 2),
          fmt(n.mentionMBps, 1),
          fmt(n.checkMs, 1),
          fmt(n.sentencesPerSecond, 0),
          fmt(n.claimsPerSecond, 0),
        ];
      }),
    ),
  );
  for (const p of pages) {
    const n = node.get(p.name)!;
    if (n.falseMentions.length > 0) {
      out.push(
        `\n${p.name} is not about the case, yet the engine finds ${n.mentions} mentions in its text, e.g.:`,
      );
      for (const example of n.falseMentions) out.push(`  - ${example}`);
    }
  }
  out.push(
    "\nMB = 10^6 bytes of UTF-8 text. sentences/s = the text's sentences (splitSentences) ÷ checkText time;" +
      ' a text not about the case is skipped once its mentions are sought. claims/s = claims reported ÷' +
      ' checkText time. Warm-up first, then the median of the runs.',
  );

  out.push('\n## The content script\n');
  out.push(
    `content-scripts/content.js: ${bundle.bytes} bytes (${fmt(bundle.bytes / 1000)} KB, ${fmt(bundle.gzipBytes / 1000)} KB gzipped)`,
  );
  out.push(
    `scripts it loads at run time: ${bundle.loads.length > 0 ? bundle.loads.join(', ') : 'none'}; ` +
      `the card's code is in: ${bundle.cardFile ?? 'unknown'}; card lazily loaded: ${bundle.cardLazy ? 'yes' : 'no'}`,
  );

  // Targets.
  const ordinary = byName.get('ordinary-200kb');
  const unrelated = byName.get('coco-unrelated-1mb');
  const casePage = byName.get('case-1mb');
  const feedPage = byName.get('feed-5mb');
  const nodeValues = [...node.values()];
  const minMBps = Math.min(...nodeValues.map((n) => n.mentionMBps));
  const feedNode = node.get('feed-5mb');
  const targets: [string, boolean, string][] = [];
  if (casePage)
    targets.push([
      "case-1mb: the extension's main-thread cost in the page ≤ 0.15 × mark.js",
      casePage.extension <= 0.15 * casePage.markjs,
      `${fmt(casePage.extension)} ms (traced tasks ${fmt(casePage.extTasks)} ms); mark.js ${fmt(casePage.markjs)} ms ` +
        `(ratio ${fmt(casePage.ratio, 2)}); first highlight ${fmt(casePage.firstHighlight, 0)} ms after the page's start`,
    ]);
  if (feedPage) {
    const arrival = feedPage.arrival;
    targets.push([
      `feed-5mb: no task of the extension's over 30 ms, at load and while ${ADDED_POSTS} posts arrive`,
      feedPage.extLongestWorst <= 30 && (arrival?.extLongestWorst ?? Number.NaN) <= 30,
      `load: longest ${fmt(feedPage.extLongest)} ms (worst run ${fmt(feedPage.extLongestWorst)}); ` +
        `arriving: longest ${fmt(arrival?.extLongest ?? Number.NaN)} ms (worst run ${fmt(arrival?.extLongestWorst ?? Number.NaN)})`,
    ]);
    // Medians of runs of one page, with and without: within 10 % (the noise of this machine's runs).
    const plainLongest = feedPage.longestTaskPlain;
    targets.push([
      "feed-5mb: the page's own longest task not made longer by the extension (within 10 %)",
      feedPage.longestTask <= plainLongest * 1.1 + 1,
      `with ${taskMs(feedPage.longestTask)} ms, without ${taskMs(plainLongest)} ms (Long Tasks API, medians)`,
    ]);
  }
  if (unrelated)
    targets.push([
      'coco-unrelated-1mb: ≤ 15 ms on the page’s main thread, and 0 highlights',
      unrelated.extTasks <= 15 && unrelated.highlightsMax === 0,
      `traced: ${fmt(unrelated.extTasks)} ms (measures ${fmt(unrelated.extension)} ms); ${unrelated.highlightsMax} highlights`,
    ]);
  if (ordinary)
    targets.push([
      'ordinary-200kb: ≤ 2 ms on the page’s main thread',
      ordinary.extTasks <= 2,
      `traced: ${fmt(ordinary.extTasks)} ms (measures ${fmt(ordinary.extension)} ms)`,
    ]);
  targets.push([
    'Node: mentions ≥ 150 MB/s on every bench page',
    minMBps >= 150,
    nodeValues.map((n, i) => `${pages[i]!.name} ${fmt(n.mentionMBps)}`).join(', ') + ' MB/s',
  ]);
  if (feedNode)
    targets.push([
      'Node: claims ≥ 50,000 sentences/s on the feed',
      feedNode.sentencesPerSecond >= 50_000,
      `${fmt(feedNode.sentencesPerSecond, 0)} sentences/s`,
    ]);
  targets.push([
    'one engine per browser: none in pages (an 8,000-fact pack costs a page nothing after the first build)',
    !bundle.engineInPage,
    bundle.engineInPage
      ? 'the content script holds the engine'
      : "the content script holds neither engine nor facts; the service worker's engine is built once",
  ]);
  out.push('\n## Targets\n');
  out.push(
    table(
      ['target', 'result', 'measured'],
      targets.map(([name, ok, measured]) => [name, ok ? 'met' : 'not met', measured]),
    ),
  );
  out.push(`\n${targets.filter(([, ok]) => ok).length} of ${targets.length} targets met.\n`);

  // One line per figure.
  const lines: string[] = [];
  const figure = (name: string, value: number, unit: string, digits = 1) => {
    if (Number.isFinite(value)) lines.push(`bench ${name}: ${value.toFixed(digits)} ${unit}`);
  };
  for (const s of summaries) {
    figure(`${s.name}.extension`, s.extension, 'ms');
    figure(`${s.name}.scan`, s.scan, 'ms');
    figure(`${s.name}.highlight`, s.highlight, 'ms');
    figure(`${s.name}.main-thread`, s.mainThread, 'ms');
    figure(`${s.name}.script-delta`, s.scriptDelta, 'ms');
    figure(`${s.name}.extension-tasks`, s.extTasks, 'ms');
    figure(`${s.name}.content-script-eval`, s.evaluate, 'ms');
    figure(`${s.name}.markjs`, s.markjs, 'ms');
    figure(`${s.name}.ratio`, s.ratio, 'x', 3);
    figure(`${s.name}.longest-task`, s.longestTask, 'ms');
    figure(`${s.name}.longest-task-page-alone`, s.longestTaskPlain, 'ms');
    figure(`${s.name}.extension-longest-task`, s.extLongest, 'ms');
    figure(`${s.name}.heap`, s.heapKB, 'KB', 0);
    figure(`${s.name}.heap-with-extension`, s.heapWithKB, 'KB', 0);
    figure(`${s.name}.heap-without-extension`, s.heapWithoutKB, 'KB', 0);
    figure(`${s.name}.first-highlight`, s.firstHighlight, 'ms');
    figure(`${s.name}.highlights`, s.highlights, 'ranges', 0);
    if (s.arrival) {
      figure(`${s.name}.arrival.extension`, s.arrival.extension, 'ms');
      figure(`${s.name}.arrival.main-thread`, s.arrival.mainThread, 'ms');
      figure(`${s.name}.arrival.extension-tasks`, s.arrival.extTasks, 'ms');
      figure(`${s.name}.arrival.longest-task`, s.arrival.longestTask, 'ms');
      figure(`${s.name}.arrival.extension-longest-task`, s.arrival.extLongest, 'ms');
    }
  }
  for (const p of pages) {
    const n = node.get(p.name)!;
    figure(`node.mentions.${p.name}`, n.mentionMBps, 'MB/s');
    figure(`node.claims.${p.name}`, n.sentencesPerSecond, 'sentences/s', 0);
    figure(`node.claims-reported.${p.name}`, n.claimsPerSecond, 'claims/s', 0);
  }
  for (const [name, ms] of adversarial) figure(`node.adversarial.${name}-1mb`, ms, 'ms');
  figure('content-script', bundle.bytes / 1000, 'KB');
  figure('content-script.bytes', bundle.bytes, 'bytes', 0);
  figure('content-script.gzip', bundle.gzipBytes / 1000, 'KB');
  figure('content-script.card-lazy', bundle.cardLazy ? 1 : 0, 'boolean', 0);
  figure('content-script.engine-in-page', bundle.engineInPage ? 1 : 0, 'boolean', 0);
  out.push(lines.join('\n'));
  console.log(out.join('\n'));
}

// ——————————————————————————— main ———————————————————————————

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')) || !existsSync(CONTENT_SCRIPT)) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  if (!existsSync(MARK_JS)) {
    throw new Error(`mark.js is missing (${MARK_JS}): run \`npm install\` first.`);
  }
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  log(`Generating the pages…`);
  const only = process.env.BENCH_PAGES?.split(',').map((name) => name.trim());
  const pages = generateBenchPages().filter((p) => !only || only.includes(p.name));
  if (pages.length === 0) throw new Error(`BENCH_PAGES names no page: ${process.env.BENCH_PAGES}`);
  const dir = mkdtempSync(join(tmpdir(), 'casefile-bench-'));
  let server: StaticServer | null = null;
  try {
    for (const page of pages) writeFileSync(join(dir, `${page.name}.html`), page.html);
    const bundle = bundleFigures();
    log(`The engine in Node (${RUNS} runs)…`);
    const node = await nodeFigures(pages);
    log('One sentence of 1 MB holding thousands of values…');
    const adversarial = await adversarialFigures();
    for (const [name, ms] of adversarial) log(`  ${name}: ${fmt(ms)} ms`);
    log(`In Chromium, with and without the extension (${RUNS} runs)…`);
    server = await serveStatic(dir);
    const browser = await browserFigures(pages, server);
    log(`Done in ${fmt((Date.now() - started) / 1000, 0)} s.\n`);
    report(loadAtStart, pages, browser, node, bundle, adversarial);
  } finally {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
}
