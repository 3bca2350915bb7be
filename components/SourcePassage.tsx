import type { Evidence } from '../lib/facts/schema.ts';

/** Characters of context shown, at most, on each side of a passage. */
const CONTEXT_CHARS = 32;

/** Runs of white space, line breaks included: context is shown on one line. */
const WHITESPACE_RUN = /\s+/g;

/**
 * The context next to a passage, on one line, at most CONTEXT_CHARS long and
 * cut at a word boundary so no word is shown in part (the stored prefix and
 * suffix are cut by length and usually start or end mid-word).
 */
export function trimContext(text: string, side: 'before' | 'after'): string {
  const flat = text.replace(WHITESPACE_RUN, ' ');
  if (side === 'before') {
    const tail = flat.slice(-CONTEXT_CHARS);
    const cut = tail.indexOf(' ');
    return cut <= 0 ? tail : `…${tail.slice(cut)}`;
  }
  const head = flat.slice(0, CONTEXT_CHARS);
  const cut = head.lastIndexOf(' ');
  return cut === -1 || cut === head.length - 1 ? head : `${head.slice(0, cut + 1)}…`;
}

/** A source passage in its context, the passage itself marked. Renders text only, never HTML. */
export function SourcePassage({ evidence }: { evidence: Evidence }) {
  return (
    <blockquote class="passage" lang="fr">
      <span class="context">{trimContext(evidence.prefix, 'before')}</span>
      <mark>{evidence.exact}</mark>
      <span class="context">{trimContext(evidence.suffix, 'after')}</span>
    </blockquote>
  );
}
