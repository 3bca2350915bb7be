/**
 * The passes over the page: one at a time, each reading some roots (the
 * whole page, its shadow roots, or the parts that changed) within one time
 * budget, timed for CONTRACT §4's measures and for the popup's report.
 */
import { mayMentionCase } from '../../lib/mentions/may-mention.ts';
import { Slicer } from '../../lib/steps.ts';
import type { PageReport } from '../../utils/messages.ts';
import { scanRoot, type AskCheck, type Item, type ScanTiming } from './page-scan.ts';

/** Passes kept for the measures of a page that shows nothing yet (the latest ones). */
const MAX_UNMEASURED = 100;

export interface PassHooks {
  /** Checks chunks with the engine (null: not checked). */
  check: AskCheck;
  /** A chunk's items, as they come. */
  onItems(items: Item[]): void;
  /** Whether the page shows something: the measures are recorded from then on. */
  shows(): boolean;
  /** A pass has ended. */
  onPassEnd(): void;
}

export class Passes {
  private readonly hooks: PassHooks;
  /** The pass under way, or the last one. */
  private reading: Promise<void> = Promise.resolve();
  /** The passes over the page so far, and their time: for the popup, the tests and the benchmark. */
  readonly totals: PageReport['passes'] = { count: 0, scan: 0, highlight: 0, firstPaint: null };
  /** Passes not yet recorded as User Timing measures. */
  private unmeasured: (ScanTiming & { start: number })[] = [];

  constructor(hooks: PassHooks) {
    this.hooks = hooks;
  }

  /**
   * Runs `pass` once the pass before it has ended. Two passes at once would
   * both wait on the engine: the later one could remove a part's items while
   * the earlier one's answer for the same part is on its way (and then adds
   * them twice), and a busy page would keep several requests of its own in
   * the service worker, which every tab shares.
   */
  oneAtATime(pass: () => Promise<void>): Promise<void> {
    const next = this.reading.then(pass, pass);
    this.reading = next.catch(() => undefined);
    return next;
  }

  /** When the reader first saw something, from the page's start (for the benchmark). */
  firstPainted(): void {
    this.totals.firstPaint ??= performance.now();
  }

  /** Reads the roots, one after the other, and records the pass's timing. Stops when `signal` aborts. */
  async scan(roots: readonly Node[], signal: AbortSignal): Promise<void> {
    const timing: ScanTiming = { scan: 0, highlight: 0 };
    const started = performance.now();
    // Most pages never name the case: one native search over their text, and
    // the engine is not even built.
    const candidates = roots.filter((root) => mayMentionCase(root.textContent ?? ''));
    timing.scan += performance.now() - started;
    // One time budget for the whole pass: many small changed parts are read
    // in slices, like one big part.
    const slicer = new Slicer(signal);
    for (const root of candidates) {
      if (signal.aborted) break;
      try {
        await scanRoot(
          this.hooks.check,
          root,
          (items) => this.hooks.onItems(items),
          slicer,
          timing,
        );
      } catch (error) {
        // One part of the page that cannot be read must not stop the others.
        console.error('[casefile] could not read part of the page', error);
      }
    }
    if (signal.aborted) return;
    this.totals.count += 1;
    this.totals.scan += timing.scan;
    this.totals.highlight += timing.highlight;
    this.unmeasured.push({ start: started, ...timing });
    // A page that changes for hours without showing anything keeps only its latest passes.
    if (this.unmeasured.length > MAX_UNMEASURED) this.unmeasured.shift();
    if (this.hooks.shows()) this.measure();
    this.hooks.onPassEnd();
  }

  /**
   * CONTRACT §4: one `casefile:scan` and one `casefile:highlight` measure per
   * pass, its duration the time spent. The page's timeline is the page's to
   * read, so they are recorded only once the page shows something — then all
   * of them, the earlier passes' included; a page with nothing shown has
   * none, and cannot tell from its timeline that Casefile is installed.
   */
  private measure(): void {
    for (const { start, scan, highlight } of this.unmeasured) {
      performance.measure('casefile:scan', { start, duration: scan });
      performance.measure('casefile:highlight', { start, duration: highlight });
    }
    this.unmeasured = [];
  }
}
