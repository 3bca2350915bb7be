import { useState } from 'preact/hooks';
import type { SourceMeta } from '../lib/facts/schema.ts';
import { decisiveCheck } from '../lib/history/entry.ts';
import { correctionReply, type ReplyClaim } from '../lib/history/reply.ts';
import type { Messages } from './i18n.ts';

/**
 * "Copy a reply": puts a short, sourced correction of a contradicted claim on
 * the clipboard, in the language of the page it was found on.
 */
export function ReplyButton({
  claim,
  sources,
  language,
  t,
}: {
  claim: ReplyClaim;
  sources: readonly SourceMeta[];
  language: 'fr' | 'en';
  t: Messages;
}) {
  const [copied, setCopied] = useState(false);
  const sourceId =
    'checks' in claim ? decisiveCheck(claim)?.evidence.sourceId : claim.evidence?.sourceId;
  const reply = correctionReply(
    claim,
    sources.find((s) => s.id === sourceId),
    language,
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
