/**
 * The card: its code imported on first use (Preact and the card's
 * components live in the extension and cost nothing on the many pages that
 * never open one), the facts and sources it shows asked of the background
 * as it needs them, and what it is opened on — a highlight, or a selection.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardContent } from '../../components/SourceCard.tsx';
import type { TextReport } from '../../lib/check-text.ts';
import type { Fact, Language, Source } from '../../lib/facts/schema.ts';
import type { CardEnv, CardHost } from './card.tsx';
import { askBackground, reportVerdict, tellBackground } from './messaging.ts';

/** The card's module, loaded on first use (see modules/lazy-chunks.ts). */
type CardModule = typeof import('./card.tsx');

/** Imports the lazily built card (from the extension: no network). */
function importCard(): Promise<CardModule> {
  return import(/* @vite-ignore */ browser.runtime.getURL('/lazy/card.js')) as Promise<CardModule>;
}

/** The facts a card's checks name, and the closest fact of an unverified claim. */
function factIdsOf(content: CardContent): string[] {
  const claim = content.claim;
  if (!claim) return [];
  return [
    ...claim.checks.map((check) => check.factId),
    ...(claim.nearest ? [claim.nearest.factId] : []),
  ];
}

export interface CardHooks {
  /** The language of the card: the options' choice, or the browser's. */
  language(): Language;
  /** Moves to the next or previous claim (contradicted ones only, with `contradicted`). */
  onStep(step: 1 | -1, contradicted?: boolean): void;
}

export class Cards {
  private readonly ctx: ContentScriptContext;
  private readonly hooks: CardHooks;
  /** The facts the cards opened so far have shown, and every source. */
  private readonly facts = new Map<string, Fact>();
  private readonly sources = new Map<string, Source>();
  private module: Promise<CardModule> | null = null;
  private card: CardHost | null = null;

  constructor(ctx: ContentScriptContext, hooks: CardHooks) {
    this.ctx = ctx;
    this.hooks = hooks;
  }

  /** The card's host element, to tell the card's own events and mutations from the page's. */
  get host(): HTMLElement | null {
    return this.card?.host ?? null;
  }

  get isOpen(): boolean {
    return this.card?.isOpen ?? false;
  }

  close(): void {
    this.card?.close();
  }

  /** Opens the card of a highlight beside `anchor` (the whole claim: never over it). */
  async open(content: CardContent, anchor: DOMRect, focus: boolean): Promise<void> {
    const [{ card }] = await Promise.all([this.load(), this.loadFacts(factIdsOf(content))]);
    await card.show(content, anchor, this.env(true), focus);
  }

  /** Opens a highlight's card, titled as the check of a selection inside it. */
  async openAsSelection(content: CardContent, anchor: DOMRect): Promise<void> {
    const [{ card, module }] = await Promise.all([this.load(), this.loadFacts(factIdsOf(content))]);
    await card.show(
      module.asSelection(content, this.hooks.language()),
      anchor,
      this.env(false),
      true,
    );
  }

  /** Opens the card of a selection checked on demand, from the engine's report of it. */
  async openSelectionReport(report: TextReport, anchor: DOMRect): Promise<void> {
    const { card, module } = await this.load();
    const content = module.selectionContent(report, this.hooks.language());
    await this.loadFacts(factIdsOf(content));
    await card.show(content, anchor, this.env(false), true);
  }

  /** Loads the card's code, in advance of a check whose answer it will show. */
  async load(): Promise<{ card: CardHost; module: CardModule }> {
    this.module ??= importCard();
    const module = await this.module;
    this.card ??= new module.CardHost(this.ctx);
    return { card: this.card, module };
  }

  /** Makes sure the facts and sources a card will show are here, asking the background for the missing ones. */
  private async loadFacts(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.facts.has(id));
    if (missing.length === 0 && this.sources.size > 0) return;
    const reply = await askBackground({ type: 'casefile:get-facts', ids: missing });
    for (const fact of reply?.facts ?? []) this.facts.set(fact.id, fact);
    for (const source of reply?.sources ?? []) this.sources.set(source.id, source);
  }

  private env(withSteps: boolean): CardEnv {
    return {
      facts: this.facts,
      sources: this.sources,
      language: this.hooks.language(),
      onOpenSource: (ref) => tellBackground({ type: 'casefile:open-source', ...ref }),
      onStep: withSteps ? (step, contradicted) => this.hooks.onStep(step, contradicted) : undefined,
      onReport: (claim, note) => reportVerdict(claim, note),
    };
  }
}
