import { describe, expect, it } from 'vitest';
import { sameChanges, score, type EvalCase, type Reported } from './score.ts';

const CASE: EvalCase = {
  id: 'c',
  language: 'fr',
  text: 'Coco a fermé le 25 juin 2024. « une absence notoire de modération »',
  mentions: ['Coco'],
  claims: [{ contains: 'fermé le 25 juin', verdict: 'supported', factId: 'shutdown-date' }],
  quotes: [
    {
      contains: 'une absence notoire',
      fidelity: 'altered',
      changes: ['sa → une', 'reordered: notoire absence → absence notoire'],
    },
  ],
};

function reported(factId: string, changes: Reported['quotes'][number]['changes']): Reported {
  return {
    mentions: [{ text: 'Coco', start: 0, end: 4 }],
    claims: [
      {
        text: 'Coco a fermé le 25 juin 2024.',
        start: 0,
        end: 29,
        verdict: 'supported',
        checks: [{ factId, verdict: 'supported' }],
      },
    ],
    quotes: [{ start: 32, end: 66, fidelity: 'altered', changes }],
  };
}

describe('scoring the fact and the changes', () => {
  const right = [
    { kind: 'changed', source: 'sa', quote: 'une' },
    { kind: 'reordered', source: 'notoire absence', quote: 'absence notoire' },
  ];

  it('counts a right verdict on the labelled fact, and one on another fact as wrong', () => {
    const good = score([CASE], new Map([['c', reported('shutdown-date', right)]]));
    expect(good.facts).toEqual({ right: 1, total: 1 });
    expect(good.changes).toEqual({ right: 1, total: 1 });
    const bad = score([CASE], new Map([['c', reported('release-date', right.slice(1))]]));
    expect(bad.supported.truePositive).toBe(1);
    expect(bad.facts).toEqual({ right: 0, total: 1 });
    expect(bad.changes).toEqual({ right: 0, total: 1 });
    expect(bad.errors.join('\n')).toMatch(/engine rests it on release-date/);
  });

  it('reads the engine’s fewest words as the label’s change, punctuation aside, and nothing more', () => {
    expect(sameChanges(['10 ans → 5 ans'], ['10 → 5'])).toBe(true);
    expect(sameChanges(['dropped: (COMCYBER-MI)'], ['dropped: COMCYBER MI'])).toBe(true);
    expect(sameChanges(['10 ans → 5 ans'], ['dropped: 10'])).toBe(false);
    expect(sameChanges(['10 ans → 5 ans'], ['10 → 5', 'added: en'])).toBe(false);
    expect(sameChanges(['23 051 → 32 051'], ['23 051 → 32 050'])).toBe(false);
  });
});
