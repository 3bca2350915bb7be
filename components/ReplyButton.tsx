import { useState } from 'preact/hooks';
import type { LocalizedText, SourceMeta } from '../lib/facts/schema.ts';
import { decisiveCheck } from '../lib/history/entry.ts';
import { correctionReply, statementKey, type ReplyClaim } from '../lib/history/reply.ts';
import type { Messages } from './i18n.ts';

/** What a reply cites: the sources, and each fact's statement by fact and passage (statementKey; English replies state the fact). */
export interface Citations {
  sources: readonly SourceMeta[];
  statements: ReadonlyMap<string, LocalizedText>;
}

/**
 * "Copy a reply": puts a short, sourced correction of a contradicted claim on
 * the clipboard, in the language of the page it was found on.
 */
export function ReplyButton({
  claim,
  citations,
  language,
  t,
}: {
  claim: ReplyClaim;
  citations: Citations;
  language: 'fr' | 'en';
  t: Messages;
}) {
  const [copied, setCopied] = useState(false);
  const decisive = 'checks' in claim ? decisiveCheck(claim) : undefined;
  const evidence = 'checks' in claim ? decisive?.evidence : claim.evidence;
  const factId = 'checks' in claim ? decisive?.factId : claim.factId;
  const reply = correctionReply(
    claim,
    citations.sources.find((s) => s.id === evidence?.sourceId),
    language,
    factId === undefined || evidence === undefined
      ? undefined
      : citations.statements.get(statementKey(factId, evidence)),
  );
  if (!reply) return null;
  return (
    <button
      type="button"
      class="reply"
      data-reply={reply}
      onClick={() =>
        void navigator.clipboard.writeText(reply).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        })
      }
    >
      {copied ? t.replyCopied : t.copyReply}
    </button>
  );
}
