/**
 * A link back to a claim in the page it was found on: the page's address
 * with a text fragment (`#:~:text=start,end`), which the browser scrolls to
 * and marks when the link is followed. Only for web pages: nothing else a
 * record holds is ever made a link.
 */

/** Words at each end of a long claim: enough to find it, short enough to survive small edits. */
const END_WORDS = 4;

/** A text directive's part, with the characters the syntax gives a meaning (`-`, `,`, `&`) escaped. */
function directivePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** A web page's address, parsed; null when it is not an http(s) address. */
export function webUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
}

/** The page's address, or null when it is not an http(s) address. */
export function pageLink(url: string): string | null {
  return webUrl(url)?.href ?? null;
}

/**
 * The page's address, made to scroll to `text` (its first and last words when
 * it is long); null when the page is not a web page or the text is empty.
 * A fragment the page already had is kept; a text directive it had is replaced.
 */
export function claimLink(url: string, text: string): string | null {
  const page = pageLink(url);
  if (page === null) return null;
  const words = text.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return null;
  const directive =
    words.length <= 2 * END_WORDS
      ? directivePart(words.join(' '))
      : `${directivePart(words.slice(0, END_WORDS).join(' '))},${directivePart(words.slice(-END_WORDS).join(' '))}`;
  const parsed = new URL(page);
  const hash = parsed.hash.replace(/:~:.*$/u, '');
  parsed.hash = '';
  return `${parsed.href}${hash || '#'}:~:text=${directive}`;
}
