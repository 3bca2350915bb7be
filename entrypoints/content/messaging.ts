/**
 * The content script's side of its messages to the background: each request
 * typed by utils/messages.ts with its reply, retried when the service worker
 * was stopped under it, and nothing thrown once the extension is gone.
 */
import { browser } from 'wxt/browser';
import type { TextReport } from '../../lib/check-text.ts';
import type { ClaimResult } from '../../lib/claims/check-claim.ts';
import { reportRequestOf } from '../../lib/history/verdict-report.ts';
import type {
  BackgroundReply,
  CheckRequest,
  ReportReply,
  ToBackground,
} from '../../utils/messages.ts';

/** Sends a message with no reply awaited. */
export function tellBackground(message: ToBackground): void {
  void send(message);
}

function send(message: ToBackground): Promise<unknown> {
  try {
    return browser.runtime.sendMessage(message).catch(() => undefined);
  } catch {
    // The extension was reloaded or removed: this script is cut off from it.
    return Promise.resolve(undefined);
  }
}

/**
 * Times a request is sent in all when no answer comes (the service worker was
 * stopped under it), and the longest pause between two: 250 ms, then twice as
 * long each time up to 3 s — about 13 s in all. A stop fails a request at
 * once, and Chrome may stop the worker again and again (an update, DevTools,
 * memory pressure): four quick tries, 1.4 s in all, lost a feed's first
 * batches when the worker was stopped eight times in a row.
 */
const ATTEMPTS = 8;
const MAX_PAUSE_MS = 3000;

/** `promise`, or undefined once `ms` have passed without it settling (or when it fails). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    const settle = (value: T | undefined) => {
      clearTimeout(timer);
      resolve(value);
    };
    promise.then(settle, () => settle(undefined));
  });
}

/**
 * Asks the background, again when no answer comes. Chrome stops an idle
 * service worker (and may stop a busy one): a message cut off that way gets
 * no answer — an error, or sometimes nothing at all, hence the `timeoutMs`
 * — and the next message starts the worker anew. Undefined when the
 * extension is gone or never answered.
 */
export async function askBackground<M extends ToBackground>(
  message: M,
  timeoutMs = 5000,
): Promise<BackgroundReply<M> | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) {
      const pause = Math.min(MAX_PAUSE_MS, 125 * 2 ** attempt);
      await new Promise((resume) => setTimeout(resume, pause));
    }
    const reply = (await within(send(message), timeoutMs)) as BackgroundReply<M> | undefined;
    if (reply !== undefined) return reply;
    if (!browser.runtime?.id) return undefined;
  }
  return undefined;
}

/**
 * Checks chunks with the browser's one engine, in the service worker: the
 * reports, or null when the extension is gone or has no facts. An error the
 * worker reports (a request past its limits) is logged, not retried. An
 * answer is awaited five seconds, and a millisecond more for every hundred
 * characters (a long selection takes the engine seconds).
 */
export async function askCheck(request: Omit<CheckRequest, 'type'>): Promise<TextReport[] | null> {
  const size = request.chunks.reduce((n, chunk) => n + chunk.text.length, 0);
  const reply = await askBackground({ type: 'casefile:check', ...request }, 5000 + size / 100);
  if (!reply) return null;
  if ('error' in reply) {
    console.error('[casefile] the check was refused:', reply.error);
    return null;
  }
  return reply.reports;
}

/** Asks the background to keep a reader's report of a wrong verdict (the page's address is the sender's). */
export async function reportVerdict(claim: ClaimResult, note: string): Promise<ReportReply> {
  const reply = await askBackground({
    type: 'casefile:report-verdict',
    report: reportRequestOf(claim, note),
    title: document.title.slice(0, 500),
  });
  return reply ?? { ok: false, error: 'the extension did not answer' };
}
