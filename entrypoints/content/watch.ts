/**
 * Dynamic pages: the parts the page changes are gathered and, at most every
 * RESCAN_DELAY_MS, handed on to be read again, the outermost of them only.
 * Shadow roots the page adds are watched too; the card's own changes are not
 * the page's.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { hasAncestorIn } from './page-items.ts';
import { openShadowRoots } from './shadows.ts';

/**
 * Changes are gathered for this long before the changed parts are read again:
 * a feed that loads ten posts costs one pass, and a page that rewrites its
 * text every frame costs at most a few passes a second.
 */
const RESCAN_DELAY_MS = 400;

/** Elements whose text forms a unit: a changed text node is read again with its whole block. */
const BLOCK =
  'p,li,article,section,blockquote,h1,h2,h3,h4,h5,h6,td,th,dd,dt,figcaption,aside,main,header,footer,div';

export interface WatchHooks {
  /** The card's host, whose changes are Casefile's own. */
  cardHost(): Element | null;
  /** An open shadow root the page added: styled and watched from now on. */
  onShadow(shadow: ShadowRoot): void;
  /** Parts changed: `take()` them when the next pass runs. */
  onChanged(): void;
}

export class ChangeWatcher {
  private readonly ctx: ContentScriptContext;
  private readonly hooks: WatchHooks;
  private observer: MutationObserver | null = null;
  private readonly pending = new Set<Node>();
  private timer: number | null = null;

  constructor(ctx: ContentScriptContext, hooks: WatchHooks) {
    this.ctx = ctx;
    this.hooks = hooks;
  }

  observe(roots: readonly Node[]): void {
    this.observer ??= new MutationObserver((records) => this.onMutations(records));
    for (const root of roots) {
      this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    }
  }

  /** Stops watching and forgets the changes not read yet. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private onMutations(records: MutationRecord[]): void {
    const host = this.hooks.cardHost();
    for (const record of records) {
      if (host && (record.target === host || host.contains(record.target))) continue;
      if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) this.pending.add(parent.closest(BLOCK) ?? parent);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node === host) continue;
        const element = node instanceof Element ? node : node.parentElement;
        if (element) this.pending.add(element.closest(BLOCK) ?? element);
        if (node instanceof Element)
          for (const shadow of openShadowRoots(node)) {
            this.hooks.onShadow(shadow);
            this.observe([shadow]);
            this.pending.add(shadow);
          }
      }
      if (record.removedNodes.length > 0) this.pending.add(record.target);
    }
    // Throttled, not debounced: a page that changes every frame still gets read.
    if (this.pending.size > 0 && this.timer === null) {
      this.timer = this.ctx.setTimeout(() => {
        this.timer = null;
        this.hooks.onChanged();
      }, RESCAN_DELAY_MS);
    }
  }

  /**
   * The outermost parts changed since the last call and still in the page
   * (an inner one is read with its ancestor); read when the pass runs, so
   * changes made while an earlier pass was under way are read with it.
   */
  take(): Set<Node> {
    const changed = new Set([...this.pending].filter((node) => node.isConnected));
    this.pending.clear();
    return new Set([...changed].filter((node) => !hasAncestorIn(node, changed)));
  }
}
