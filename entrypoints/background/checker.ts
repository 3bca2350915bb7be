/**
 * The one engine of the browser: built in the service worker from the
 * stored facts, the first time a page, the popup or a selection asks for a
 * check, and kept while the worker lives. Pages send the text of their
 * chunks and get reports back; they hold neither the engine nor the facts.
 * The worker may be stopped whenever it is idle (Chrome does so after 30 s):
 * the next request builds the engine again, and a request cut off by a stop
 * is sent again by its page (see `askCheck` in the content script).
 */
import { checkText, createEngine, type Engine, type TextReport } from '../../lib/check-text.ts';
import { caseSignals, type PageContext } from '../../lib/mentions/find-mentions.ts';
import { ARTICLE_MAX_CHARS, type CheckRequest, type FactsReply } from '../../utils/messages.ts';

/** The most text one request may carry: a long selection or pasted article, a batch of a page's chunks. */
export const MAX_CHECK_CHARS = 2_000_000;

export class Checker {
  private engine: Promise<Engine | null> | null = null;
  private readonly readFacts: () => Promise<FactsReply>;
  private readonly onBuilt: (factCount: number) => void;

  /** `onBuilt` hears of each build, with the number of facts (the worker logs it). */
  constructor(
    readFacts: () => Promise<FactsReply>,
    onBuilt: (factCount: number) => void = () => {},
  ) {
    this.readFacts = readFacts;
    this.onBuilt = onBuilt;
  }

  /** Drops the engine: the facts changed, the next check builds it again. */
  invalidate(): void {
    this.engine = null;
  }

  private build(): Promise<Engine | null> {
    this.engine ??= this.readFacts().then(
      ({ facts, sources }) => {
        if (facts.length === 0) return null;
        const engine = createEngine(facts, sources);
        this.onBuilt(facts.length);
        return engine;
      },
      (error: unknown) => {
        this.engine = null;
        throw error;
      },
    );
    return this.engine;
  }

  /** Requests waiting, per asker (a tab's id, -1 for the extension's pages), and the askers in turn. */
  private readonly queues = new Map<number, Job[]>();
  private readonly turns: number[] = [];
  private working = false;

  /**
   * The report of each chunk of the request, in order, with offsets into the
   * chunk; null when there are no facts to check against. Throws a
   * RangeError for a request past its limits. Askers take turns chunk by
   * chunk (`asker`: the tab the request comes from), and the worker gives
   * the thread back every SLICE_MS: a page with megabytes of case text
   * slows its own checks, not every tab's.
   */
  async check(request: CheckRequest, asker = -1): Promise<TextReport[] | null> {
    const size = request.chunks.reduce((n, chunk) => n + chunk.text.length, 0);
    if (size + (request.article?.length ?? 0) > MAX_CHECK_CHARS)
      throw new RangeError(`a check of ${size} characters is past the limit of ${MAX_CHECK_CHARS}`);
    const engine = await this.build();
    if (!engine) return null;
    // An article's case signals, once for all its chunks.
    const signals =
      request.article !== undefined && request.article.length <= ARTICLE_MAX_CHARS
        ? caseSignals(request.article)
        : undefined;
    return new Promise((resolve) => {
      const job: Job = { engine, chunks: request.chunks, signals, reports: [], resolve };
      const queue = this.queues.get(asker);
      if (queue) queue.push(job);
      else {
        this.queues.set(asker, [job]);
        this.turns.push(asker);
      }
      void this.work();
    });
  }

  /** Checks one chunk of each asker's first request in turn, until none waits. */
  private async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    let sliceStart = performance.now();
    while (this.turns.length > 0) {
      const asker = this.turns.shift()!;
      const queue = this.queues.get(asker)!;
      const job = queue[0]!;
      const { text, at } = job.chunks[job.reports.length]!;
      const page: PageContext = job.signals
        ? { signals: { at: job.signals.at.map((p) => p - at), ids: job.signals.ids } }
        : {};
      job.reports.push(checkText(job.engine, text, page));
      if (job.reports.length === job.chunks.length) {
        queue.shift();
        job.resolve(job.reports);
      }
      if (queue.length > 0) this.turns.push(asker);
      else this.queues.delete(asker);
      if (performance.now() - sliceStart > SLICE_MS) {
        // New requests (another tab's) join the turns before the next chunk.
        await new Promise((resume) => setTimeout(resume, 0));
        sliceStart = performance.now();
      }
    }
    this.working = false;
  }
}

/** One request in the worker: its chunks, the reports so far, and who waits for them. */
interface Job {
  engine: Engine;
  chunks: CheckRequest['chunks'];
  signals: ReturnType<typeof caseSignals> | undefined;
  reports: TextReport[];
  resolve: (reports: TextReport[]) => void;
}

/** The worker's share of its thread between two looks at its messages (ms). */
const SLICE_MS = 20;
