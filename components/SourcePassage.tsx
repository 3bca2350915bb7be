import type { Evidence } from '../lib/facts/schema.ts';

/** Characters of context shown on each side of a passage. */
const CONTEXT_CHARS = 32;

function trimmedContext(text: string, side: 'before' | 'after'): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= CONTEXT_CHARS) return flat;
  return side === 'before' ? `…${flat.slice(-CONTEXT_CHARS)}` : `${flat.slice(0, CONTEXT_CHARS)}…`;
}

/** A source passage in its context, the passage itself marked. Renders text only, never HTML. */
export function SourcePassage({ evidence }: { evidence: Evidence }) {
  return (
    <blockquote class="passage" lang="fr">
      <span class="context">{trimmedContext(evidence.prefix, 'before')}</span>
      <mark>{evidence.exact}</mark>
      <span class="context">{trimmedContext(evidence.suffix, 'after')}</span>
    </blockquote>
  );
}
