/**
 * Reading the highlights: a click opens the card of the claim under the
 * pointer; Alt+Shift+N/P step through the claims, Alt+Shift+J/K through the
 * contradicted ones; Enter opens the current one, Escape closes the card;
 * the popup can show a claim; a selection can be checked on demand. Only
 * the reader's own events count: the page can dispatch clicks and keys.
 */
import { askCheck } from './messaging.ts';
import type { Cards } from './cards.ts';
import { STEP_KEYS } from './keys.ts';
import type { PageItems } from './page-items.ts';
import type { Item } from './page-scan.ts';

/** Elements whose clicks are the page's own: links, buttons and fields keep working as meant. */
const INTERACTIVE =
  'a[href],button,input,textarea,select,label,[contenteditable=""],[contenteditable=true]';

export class Navigation {
  private readonly items: () => PageItems | null;
  private readonly cards: Cards;
  private listeners: AbortController | null = null;

  constructor(items: () => PageItems | null, cards: Cards) {
    this.items = items;
    this.cards = cards;
  }

  /** Listens to the reader's clicks and keys, until `stop` or `signal` (only on pages with something shown). */
  listen(signal: AbortSignal): void {
    if (this.listeners) return;
    this.listeners = new AbortController();
    const options = { signal: AbortSignal.any([signal, this.listeners.signal]) };
    document.addEventListener('click', (event) => this.onClick(event), options);
    document.addEventListener('keydown', (event) => this.onKey(event), options);
  }

  stop(): void {
    this.listeners?.abort();
    this.listeners = null;
    this.cards.close();
  }

  private onClick(event: MouseEvent): void {
    if (!event.isTrusted) return;
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.altKey ||
      event.ctrlKey ||
      event.metaKey
    )
      return;
    const target = event.target as Element | null;
    if (target && target === this.cards.host) return;
    if (target?.closest?.(INTERACTIVE)) return;
    if (!window.getSelection()?.isCollapsed) return;
    const item = this.items()?.at(event.clientX, event.clientY);
    if (!item) {
      this.cards.close();
      return;
    }
    void this.open(item, false);
  }

  private onKey(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    const items = this.items();
    if (event.altKey && event.shiftKey && STEP_KEYS[event.code]) {
      event.preventDefault();
      const [step, contradicted] = STEP_KEYS[event.code]!;
      this.step(step, contradicted);
    } else if (event.key === 'Escape' && this.cards.isOpen) {
      this.cards.close();
      items?.setCurrent(null);
    } else if (
      event.key === 'Enter' &&
      items?.current &&
      !this.cards.isOpen &&
      document.activeElement === document.body
    ) {
      void this.open(items.current, true);
    }
  }

  /** Shows a claim the popup chose: scrolls to it and opens its card. */
  reveal(text: string, start: number): void {
    const chosen = this.items()?.claimOf(text, start);
    if (chosen) this.goTo(chosen);
  }

  /** Moves to the next or previous highlighted claim (or mention), scrolls to it and opens its card. */
  step(direction: 1 | -1, onlyContradicted = false): void {
    const items = this.items();
    const list = items?.steps(onlyContradicted) ?? [];
    if (!items || list.length === 0) return;
    const position = items.current ? list.indexOf(items.current) : -1;
    this.goTo(list[(position + direction + list.length) % list.length] ?? list[0]!);
  }

  private goTo(item: Item): void {
    item.range.startContainer.parentElement?.scrollIntoView({
      block: 'center',
      behavior: 'instant',
    });
    void this.open(item, true);
  }

  /** Opens the card of `item`, with the quotations and mentions inside its range. */
  private async open(item: Item, focus: boolean): Promise<void> {
    const items = this.items();
    if (!items) return;
    items.setCurrent(item);
    // The whole claim, all its lines: the card goes beside it, never over it.
    await this.cards.open(items.contentOf(item), item.range.getBoundingClientRect(), focus);
  }

  /**
   * Checks text the reader selected, even where highlighting is off, and
   * shows the result in a card: the page's own claim when the selection is
   * inside one, else the engine's reading of the selection (in the service
   * worker: a selection of a whole long page does not freeze the page).
   * `ready` resolves once the card's language is known.
   */
  async checkSelection(text: string, ready: Promise<unknown>, signal: AbortSignal): Promise<void> {
    const selection = window.getSelection();
    const anchor =
      selection && selection.rangeCount > 0
        ? selection.getRangeAt(0).getBoundingClientRect()
        : new DOMRect(window.innerWidth / 2 - 200, 80, 0, 0);
    const items = this.items();
    const own = items?.underSelection();
    if (items && own) return this.cards.openAsSelection(items.contentOf(own), anchor);
    const [reports] = await Promise.all([
      askCheck({ chunks: [{ text, at: 0 }] }),
      this.cards.load(),
      ready,
    ]);
    const report = reports?.[0];
    if (!report || signal.aborted) return;
    await this.cards.openSelectionReport(report, anchor);
  }
}
