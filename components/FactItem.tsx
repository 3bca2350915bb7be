import type { Language, SourceMeta } from '../lib/facts/schema.ts';
import type { StoredFact } from '../lib/db.ts';
import { formatDate, type Messages } from './i18n.ts';
import { SourcePassage } from './SourcePassage.tsx';

interface Props {
  fact: StoredFact;
  sources: ReadonlyMap<string, SourceMeta>;
  language: Language;
  messages: Messages;
}

/** One verified fact: its statement, who asserts it, and its first source passage. */
export function FactItem({ fact, sources, language, messages }: Props) {
  const evidence = fact.evidence[0];
  const source = evidence && sources.get(evidence.sourceId);
  return (
    <li class="fact" data-fact-id={fact.id}>
      <p class="statement">{fact.statement[language]}</p>
      <p class="attribution">
        {messages.assertedBy} {fact.attributedTo}
        {source && (
          <>
            {' — '}
            <cite>{source.publisher}</cite>, {formatDate(source.published, language)} (
            {source.standing === 'primary' ? messages.primary : messages.press})
          </>
        )}
      </p>
      {evidence && <SourcePassage evidence={evidence} />}
    </li>
  );
}
