import { describe, expect, it } from 'vitest';
import { trimContext } from '../../components/SourcePassage.tsx';

describe('trimContext', () => {
  it.each([
    ['before', 'uin 2024\n\nCommuniqué de presse\n\n', '… 2024 Communiqué de presse '],
    ['after', ' dans le cadre d\u2019une enquête jud', ' dans le cadre d\u2019une enquête …'],
    ['before', ' avec', ' avec'],
    ['after', '.', '.'],
  ] as const)('cuts the %s-context %j at a word boundary', (side, text, expected) => {
    expect(trimContext(text, side)).toBe(expected);
  });

  it('never shows more than 32 characters of context, ellipsis aside', () => {
    const long = 'mot '.repeat(40);
    expect(trimContext(long, 'before').replace('…', '').length).toBeLessThanOrEqual(32);
    expect(trimContext(long, 'after').replace('…', '').length).toBeLessThanOrEqual(32);
  });
});
