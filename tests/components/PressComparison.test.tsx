import { describe, expect, it } from 'vitest';
import { PressComparison } from '../../components/source/PressComparison.tsx';
import type { StoredFact } from '../../lib/db.ts';
import { FactPackSchema } from '../../lib/facts/schema.ts';
import { rendered } from '../helpers/render.ts';
import { readSeedJson } from '../helpers/seed-files.ts';

const facts: StoredFact[] = FactPackSchema.parse(readSeedJson('facts.json')).facts.map(
  (fact, position) => ({
    ...fact,
    packId: 'coco-2024',
    position,
  }),
);
const publishers = new Map([
  ['parquet-paris-communique-2024-06-25', 'Parquet de Paris (JUNALCO)'],
  ['bfm-techco-fermeture-coco-2024-06-25', 'BFM (Tech&Co)'],
]);

describe('PressComparison', () => {
  it('sets each rounded or altered rendering beside the release’s original, with its note', () => {
    const root = rendered(<PressComparison facts={facts} publishers={publishers} language="en" />);
    const rows = [...root.querySelectorAll('li')];
    const rounded = rows.find(
      (li) => li.getAttribute('data-rendering') === 'rounds' && li.textContent!.includes('23.000'),
    )!;
    const [original, press] = [...rounded.querySelectorAll('blockquote')];
    expect(original!.textContent).toContain('Parquet de Paris (JUNALCO)');
    expect(original!.textContent).toContain('23 051');
    expect(press!.textContent).toContain('BFM (Tech&Co) · rounds');
    expect(rounded.querySelector('.note')!.textContent).toMatch(/23 051/);
    expect(rows.filter((li) => li.getAttribute('data-rendering') === 'alters')).toHaveLength(2);
    // Each passage links to itself in the viewer.
    expect(original!.querySelector('a')!.getAttribute('href')).toMatch(
      /^#source=parquet-paris-communique-2024-06-25&start=\d+&end=\d+$/,
    );
  });

  it('shows nothing when no fact has a press rendering', () => {
    const root = rendered(
      <PressComparison
        facts={facts.filter((f) => f.evidence.length === 1)}
        publishers={publishers}
        language="fr"
      />,
    );
    expect(root.querySelector('section')).toBeNull();
  });
});
