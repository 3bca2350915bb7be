/**
 * A quotation's word diff (lib/quotes/word-diff.ts notation: `[-dropped-]`,
 * `{+added+}`, `[~source → quote~]` for words moved, `[…]` for an omission)
 * as text with <del>, <ins> and <mark>: the one reading of that notation, in
 * the card, the popup and the history. Never parsed as HTML.
 */
const TOKEN = /\[-(.*?)-\]|\{\+(.*?)\+\}|\[~(.*?)~\]|\[…\]/g;

export function WordDiff({ diff }: { diff: string }) {
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const m of diff.matchAll(TOKEN)) {
    parts.push(diff.slice(at, m.index));
    if (m[1] !== undefined) parts.push(<del key={m.index}>{m[1]}</del>);
    else if (m[2] !== undefined) parts.push(<ins key={m.index}>{m[2]}</ins>);
    else if (m[3] !== undefined)
      parts.push(
        <mark key={m.index} class="moved">
          {m[3]}
        </mark>,
      );
    else parts.push('[…]');
    at = m.index + m[0].length;
  }
  parts.push(diff.slice(at));
  return <p class="diff">{parts}</p>;
}
