/**
 * The highlight styles: one sheet, for light or dark pages, adopted by the
 * document and by the open shadow roots found (a document's styles do not
 * reach into them) only once something is painted. A page with nothing shown
 * has no Casefile style to read, in its document or in its shadow roots.
 */
import highlightsDarkCss from './highlights-dark.css?raw';
import highlightsCss from './highlights.css?raw';

/**
 * Whether the page writes light text (on a dark background, then): its
 * body's text colour, by relative luminance. Read once, when something is
 * first painted.
 */
function onDarkBackground(): boolean {
  const color = getComputedStyle(document.body ?? document.documentElement).color;
  // Other colour spaces (oklch(), color()) are kept as written: read as light pages.
  if (!color.startsWith('rgb')) return false;
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
  if (r === undefined || g === undefined || b === undefined) return false;
  const linear = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) > 0.4;
}

export class HighlightStyles {
  private sheet: CSSStyleSheet | null = null;
  /** The open shadow roots found and read; styled once something is painted. */
  private readonly shadows = new Set<ShadowRoot>();
  /** Whether the styles are adopted (something was painted since the last removal). */
  private adopted = false;

  /** The styles, for light or dark pages as the page's text colour says when first painted. */
  private highlightSheet(): CSSStyleSheet {
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.sheet.replaceSync(onDarkBackground() ? highlightsDarkCss : highlightsCss);
    }
    return this.sheet;
  }

  /** Adopts the styles into `root`, again if the page took them away. */
  private adoptInto(root: Document | ShadowRoot): void {
    const sheet = this.highlightSheet();
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  private adoptIntoShadow(shadow: ShadowRoot): void {
    try {
      this.adoptInto(shadow);
    } catch (error) {
      console.error('[casefile] cannot style a shadow root', error);
    }
  }

  /** A shadow root whose text is read: styled now if something is painted, else when it is. */
  addShadow(shadow: ShadowRoot): void {
    if (this.shadows.has(shadow)) return;
    this.shadows.add(shadow);
    if (this.adopted) this.adoptIntoShadow(shadow);
  }

  /** Adopts the styles everywhere they are needed: the page first shows something. */
  adopt(): void {
    this.adoptInto(document);
    if (this.adopted) return;
    this.adopted = true;
    for (const shadow of this.shadows) this.adoptIntoShadow(shadow);
  }

  /** Puts the styles back where the page took them away. */
  repair(): void {
    if (!this.adopted) return;
    for (const root of [document, ...this.shadows]) this.adoptInto(root);
  }

  /** Takes the styles out of every root, and forgets the shadow roots. */
  remove(): void {
    const ours = this.sheet;
    for (const root of ours ? [document, ...this.shadows] : []) {
      if (root.adoptedStyleSheets.includes(ours!))
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== ours);
    }
    this.shadows.clear();
    this.adopted = false;
  }
}
