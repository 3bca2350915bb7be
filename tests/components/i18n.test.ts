import { describe, expect, it } from 'vitest';
import { count, formatLocalTime, messagesFor } from '../../components/i18n.ts';

describe('counts in the interface', () => {
  it('follow each language’s plural rules: French 0 and 1 are singular, English only 1', () => {
    const forms = { one: 'x', other: 'xs' };
    expect([0, 1, 2].map((n) => count('fr', n, forms))).toEqual(['0 x', '1 x', '2 xs']);
    expect([0, 1, 2].map((n) => count('en', n, forms))).toEqual(['0 xs', '1 x', '2 xs']);
  });

  it('write the number as the language does', () => {
    const forms = { one: 'fait', other: 'faits' };
    expect(count('fr', 8000, forms)).toBe('8\u202f000 faits');
    expect(count('en', 8000, { one: 'fact', other: 'facts' })).toBe('8,000 facts');
  });

  it('never fall back on “(s)” in the page summary', () => {
    const fr = messagesFor('fr').pageCounts({ contradicted: 1, supported: 5, unverified: 0 });
    expect(fr).toBe('1 contredite · 5 confirmées · 0 non vérifiable');
    expect(messagesFor('fr').counts(1, 2)).toBe('1 fait vérifié · 2 sources');
    expect(messagesFor('en').counts(37, 1)).toBe('37 verified facts · 1 source');
  });
});

describe('formatLocalTime', () => {
  it('writes a UTC record in the reader’s own time zone, in each language', () => {
    const at = '2026-12-03T23:30:00.000Z';
    expect(formatLocalTime(at, 'fr', 'Europe/Paris')).toBe('4 décembre 2026 à 00:30');
    expect(formatLocalTime(at, 'en', 'America/New_York')).toBe('3 December 2026 at 18:30');
    expect(formatLocalTime('not a date', 'en')).toBe('not a date');
  });
});
