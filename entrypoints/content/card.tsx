/**
 * The card's host: a shadow root UI (WXT's createShadowRootUi) placed next to
 * a highlight. The host element carries inline `!important` positioning, which
 * no page rule can override; everything else is inside the shadow root.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import { messagesFor } from '../../components/i18n.ts';
import { SourceCard, type CardContent, type SourceRef } from '../../components/SourceCard.tsx';
import type { ReportOutcome } from '../../components/ReportVerdict.tsx';
import type { TextReport } from '../../lib/check-text.ts';
import type { ClaimResult } from '../../lib/claims/check-claim.ts';
import type { Fact, Language, Source } from '../../lib/facts/schema.ts';
import legendCss from '../../components/legend.css?raw';
import cardCss from './card.css?raw';
import { STEP_KEYS } from './keys.ts';
import { CARD_WIDTH, GAP, placement } from './placement.ts';

export interface CardEnv {
  facts: ReadonlyMap<string, Fact>;
  sources: ReadonlyMap<string, Source>;
  language: Language;
  onOpenSource: (ref: SourceRef) => void;
  /** Moves to the next or previous claim (only contradicted ones with `contradicted`). */
  onStep?: (step: 1 | -1, contradicted?: boolean) => void;
  /** Keeps a reader's report that a claim's verdict is wrong. */
  onReport?: (claim: ClaimResult, note: string) => Promise<ReportOutcome>;
}

/**
 * What the card says about text the user selected: its most telling claim
 * (a contradiction first), quotations and mentions, or that the selection
 * does not concern the case.
 */
export function selectionContent(report: TextReport, language: Language): CardContent {
  const t = messagesFor(language);
  if (!report.aboutCase) {
    return { title: t.selectionTitle, notice: t.nothingInSelection, quotes: [], mentions: [] };
  }
  const claim = report.claims.find((c) => c.verdict === 'contradicted') ?? report.claims[0];
  return { title: t.selectionTitle, claim, quotes: report.quotes, mentions: report.mentions };
}

/** A highlight's card content, titled as the check of a selection. */
export function asSelection(content: CardContent, language: Language): CardContent {
  return { ...content, title: messagesFor(language).selectionTitle };
}

export class CardHost {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private returnFocus: Element | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

  get isOpen(): boolean {
    return this.ui?.shadowHost.isConnected ?? false;
  }

  /** The host element, to tell the card's own events and mutations from the page's. */
  get host(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  /** Opens (or refills) the card below `anchor`, and focuses it when asked. */
  async show(content: CardContent, anchor: DOMRect, env: CardEnv, focus: boolean): Promise<void> {
    if (!this.ui) {
      this.ui = await createShadowRootUi(this.ctx, {
        name: 'casefile-card',
        // Closed: the page cannot read the verdict, the fact or the source
        // passage, nor rewrite what the reader is shown.
        mode: 'closed',
        position: 'inline',
        anchor: () => document.documentElement,
        append: 'last',
        css: `${cardCss}\n${legendCss}`,
        // The reset is done on the host itself, inline and !important (see
        // place()): WXT's own `:host { all: initial !important }` would win
        // over the host's position.
        inheritStyles: true,
        isolateEvents: true,
        onMount: () => undefined,
        onRemove: () => {
          if (this.ui) render(null, this.ui.uiContainer);
        },
      });
    }
    const ui = this.ui;
    if (!ui.shadowHost.isConnected) {
      this.returnFocus = document.activeElement;
      ui.mount();
    }
    // Drawn unseen first, to be measured; then placed where it fits.
    setHostStyle(ui.shadowHost, { visibility: 'hidden', top: `${window.scrollY}px`, left: '0px' });
    render(
      <div onKeyDown={(event) => this.onKey(event, env)}>
        <SourceCard content={content} {...env} onClose={() => this.close()} />
      </div>,
      ui.uiContainer,
    );
    const card = ui.uiContainer.querySelector<HTMLElement>('.card');
    if (card) {
      card.style.removeProperty('max-height');
      const spot = placement(anchor, card.getBoundingClientRect().height, {
        width: window.innerWidth,
        height: window.innerHeight,
      });
      if (spot.maxHeight !== null) card.style.setProperty('max-height', `${spot.maxHeight}px`);
      setHostStyle(ui.shadowHost, {
        visibility: 'visible',
        top: `${spot.top + window.scrollY}px`,
        left: `${spot.left + window.scrollX}px`,
        width: `${spot.width}px`,
      });
    }
    if (focus) card?.focus();
  }

  /**
   * Keys pressed inside the card: its events do not reach the page (they are
   * isolated so that page shortcuts do not fire while reading it).
   */
  private onKey(event: KeyboardEvent, env: CardEnv): void {
    if (event.key === 'Escape') this.close();
    else if (event.altKey && event.shiftKey && STEP_KEYS[event.code]) {
      event.preventDefault();
      const [step, contradicted] = STEP_KEYS[event.code]!;
      env.onStep?.(step, contradicted);
    }
  }

  /** Closes the card and gives the focus back to where it was. */
  close(): void {
    if (!this.ui?.shadowHost.isConnected) return;
    this.ui.remove();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  }
}

/** Sets the host's style, inline and !important, over whatever the page's styles give it. */
function setHostStyle(host: HTMLElement, place: Record<string, string>): void {
  const style: Record<string, string> = {
    // First undo whatever the page's styles give the host, then place it.
    all: 'initial',
    position: 'absolute',
    display: 'block',
    visibility: 'visible',
    opacity: '1',
    width: `${Math.min(CARD_WIDTH, window.innerWidth - 2 * GAP)}px`,
    'z-index': '2147483647',
    margin: '0',
    transform: 'none',
    filter: 'none',
    'pointer-events': 'auto',
    ...place,
  };
  for (const [property, value] of Object.entries(style))
    host.style.setProperty(property, value, 'important');
}
