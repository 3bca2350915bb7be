/**
 * The content script's context, in place of WXT's (wxt.config.ts aliases
 * `wxt/utils/content-script-context` here for the extension's build).
 *
 * WXT's context announces every start with a CustomEvent on `document`
 * named after the extension's id, and stops when it hears another one: a page
 * can listen for that event (and learn that Casefile is installed), or
 * dispatch it (store ids are public) and switch Casefile off on itself. This
 * context dispatches nothing and listens to nothing the page can reach. It is
 * invalidated only when the extension itself is gone (its `runtime.id`
 * disappears after a reload or an uninstall), which the page cannot fake.
 * Chrome does not inject a second copy into an open page, so there is no
 * "newer script" to give way to.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptDefinition } from 'wxt';

export class ContentScriptContext {
  private readonly abortController = new AbortController();
  readonly contentScriptName: string;
  readonly options?: Omit<ContentScriptDefinition, 'main'>;

  constructor(contentScriptName: string, options?: Omit<ContentScriptDefinition, 'main'>) {
    this.contentScriptName = contentScriptName;
    this.options = options;
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  /** Whether the extension is gone; reading it invalidates the context when it is. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  block<T>(): Promise<T> {
    return new Promise(() => undefined);
  }

  /** Like `setTimeout`, cleared with the context; a timer that fired leaves no listener behind. */
  setTimeout(handler: () => void, timeout?: number): number {
    let forget = () => {};
    const id = setTimeout(() => {
      forget();
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    forget = this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => {
      if (this.isValid) callback(time);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /** Adds a listener removed with the context. WXT's own `wxt:` events are not offered. */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: EventListenerOrEventListenerObject,
    options?: AddEventListenerOptions,
  ): void {
    if (type.startsWith('wxt:')) throw new Error(`Casefile's context has no WXT event "${type}"`);
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
