import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor, quoteLabel } from '../../components/i18n.ts';
import type { Citations } from '../../components/ReplyButton.tsx';
import { ReportView } from '../../components/ReportView.tsx';
import { statementsByPassage } from '../../lib/history/reply.ts';
import { checkText, createEngine, type Engine, type TextReport } from '../../lib/check-text.ts';
import { rendered } from '../helpers/render.ts';
import { seedPack } from '../helpers/seed-files.ts';

// A realistic repost, checked by the real engine on the real facts.
const REPOST =
  'Le site coco.gg a été fermé le 25 juin 2024. Selon le parquet, 32 051 procédures liées à Coco ont été ouvertes. ' +
  '« Dans l’ensemble des procédures recensées, la plateforme coco a été utilisée spécifiquement pour son absence notoire de modération »';

let report: TextReport;
let engine: Engine;
let sources: {
  id: string;
  title: string;
  publisher: string;
  author: string | null;
  published: string;
  language: 'fr' | 'en';
  standing: 'primary' | 'press';
  sha256: string;
}[];
let citations: Citations;

beforeAll(async () => {
  const pack = await seedPack();
  engine = createEngine(pack.pack.facts, pack.sources);
  report = checkText(engine, REPOST);
  sources = pack.sources.map(({ text: _text, ...meta }) => meta);
  citations = { sources, statements: statementsByPassage(pack.pack.facts) };
});

describe('ReportView', () => {
  it('lists the contradicted claim first, with its reason, source passage and link to it', () => {
    const root = rendered(
      <ReportView
        claims={report.claims}
        quotes={report.quotes}
        t={messagesFor('en')}
        citations={citations}
      />,
    );
    const items = [...root.querySelectorAll('li.page-claim')];
    expect(items.map((li) => li.getAttribute('data-verdict'))).toEqual([
      'contradicted',
      'supported',
      'supported',
    ]);
    expect(items[0]!.textContent).toContain('32,051 stated; the sources say 23,051');
    expect(items[0]!.querySelector('blockquote')!.textContent).toContain(
      '23 051 procédures judiciaires',
    );
    expect(items[0]!.querySelector('a.source-link')!.getAttribute('href')).toMatch(
      /^\/source\.html#source=parquet-paris-communique-2024-06-25&start=\d+&end=\d+$/,
    );
    expect(root.querySelector('[data-testid="page-counts"]')!.textContent).toBe(
      '1 contradicted · 2 supported · 0 unverified',
    );
  });

  it('gives each reason in the interface’s language', () => {
    const root = rendered(
      <ReportView
        claims={report.claims}
        quotes={report.quotes}
        t={messagesFor('fr')}
        citations={citations}
      />,
    );
    const first = root.querySelector('li.page-claim')!;
    expect(first.textContent).toContain('32\u202f051 affirmé ; les sources indiquent 23\u202f051');
    expect(first.textContent).not.toContain('stated');
  });

  it('offers a sourced reply only for the contradicted claim, in the requested language', () => {
    const root = rendered(
      <ReportView
        claims={report.claims}
        quotes={report.quotes}
        t={messagesFor('fr')}
        citations={citations}
        replyLanguage="fr"
      />,
    );
    const replies = [...root.querySelectorAll('button.reply')];
    expect(replies).toHaveLength(1);
    expect(replies[0]!.getAttribute('data-reply')).toMatch(
      /^« 32 051 procédures » : inexact\. Selon le communiqué/,
    );
  });

  it('replies in English with the fact’s English statement, not a French passage', () => {
    const english = checkText(
      engine,
      'According to prosecutors, 32,051 proceedings linked to the Coco chat site were opened.',
    );
    const root = rendered(
      <ReportView
        claims={english.claims}
        quotes={english.quotes}
        t={messagesFor('en')}
        citations={citations}
        replyLanguage="en"
      />,
    );
    const reply = root.querySelector('button.reply')!.getAttribute('data-reply')!;
    expect(reply).toMatch(/^"32,051 proceedings" is inaccurate\. /);
    expect(reply).toContain('23,051');
    expect(reply).toContain('according to the press release of the Parquet de Paris');
    expect(reply).not.toContain('procédures judiciaires');
  });

  it('cites an unverified claim’s closest fact as such, never as its evidence', () => {
    const unverified = checkText(engine, 'Le site Coco a été fermé par la justice.');
    const root = rendered(
      <ReportView claims={unverified.claims} quotes={[]} t={messagesFor('fr')} />,
    );
    const passage = root.querySelector('li.page-claim blockquote')!;
    expect(passage.classList.contains('nearest')).toBe(true);
    expect(passage.querySelector('.nearest-label')!.textContent).toBe(
      'Le fait vérifié le plus proche\u00a0: ',
    );
    expect(passage.textContent).toContain('a été fermé le 25 juin 2024');
  });

  it('shows the altered quotation with its word diff as text, never as markup', () => {
    const root = rendered(<ReportView claims={[]} quotes={report.quotes} t={messagesFor('en')} />);
    const quote = root.querySelector('li.page-quote[data-fidelity="altered"]')!;
    expect(quote.querySelector('del')!.textContent).toBe('sa');
    expect(quote.querySelector('ins')!.textContent).toBe('son');
    expect(quote.querySelector('mark')!.textContent).toContain('absence notoire');
    const injected = rendered(
      <ReportView
        claims={[{ ...report.claims[0]!, text: '<img src=x onerror=alert(1)>' }]}
        quotes={[]}
        t={messagesFor('en')}
      />,
    );
    expect(injected.querySelector('img')).toBeNull();
    expect(injected.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('a passage copied without quotation marks', () => {
  const COPY =
    'Dernière minute : le site coco.gg est connu depuis de longues années comme étant un facilitateur de commission de diverses infractions, notamment des actes de pédocriminalité, de proxénétisme, de prostitution, de viols.';

  it('is called a copy, not a quotation, and is not shown inside quotation marks', async () => {
    const pack = await seedPack();
    const copied = checkText(createEngine(pack.pack.facts, pack.sources), COPY);
    expect(copied.quotes.map((q) => [q.fidelity, q.marked])).toEqual([['altered', false]]);
    for (const language of ['en', 'fr'] as const) {
      const root = rendered(
        <ReportView
          claims={[]}
          quotes={copied.quotes}
          t={messagesFor(language)}
          citations={citations}
        />,
      );
      const item = root.querySelector('li.page-quote')!;
      expect(item.querySelector('strong')!.textContent).toBe(messagesFor(language).copied.altered);
      expect(item.textContent).not.toContain(messagesFor(language).fidelity.altered);
      expect(item.textContent).not.toContain('«');
    }
  });

  it('keeps the quotation label for records kept before copies were told apart', () => {
    const t = messagesFor('en');
    expect(quoteLabel(t, { fidelity: 'exact' })).toBe('Exact quotation');
    expect(quoteLabel(t, { fidelity: 'exact', marked: true })).toBe('Exact quotation');
    expect(quoteLabel(t, { fidelity: 'exact', marked: false })).toBe(
      'Copied from the source, without quotation marks',
    );
  });
});

describe('the claims list for assistive technology', () => {
  it('is labelled, and each claim’s button is described by its reason', () => {
    const root = rendered(
      <ReportView
        claims={report.claims}
        quotes={report.quotes}
        t={messagesFor('en')}
        citations={citations}
        onChoose={() => undefined}
      />,
    );
    expect(root.querySelector('ol.page-claims')!.getAttribute('aria-label')).toBe(
      messagesFor('en').claimsListLabel,
    );
    const buttons = [...root.querySelectorAll('li.page-claim button.page-text')];
    expect(buttons).toHaveLength(report.claims.length);
    for (const button of buttons) {
      const reason = root.querySelector(`#${button.getAttribute('aria-describedby')}`)!;
      expect(reason.classList.contains('page-reason')).toBe(true);
      expect(reason.closest('li')).toBe(button.closest('li'));
    }
  });
});
