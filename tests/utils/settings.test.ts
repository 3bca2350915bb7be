/**
 * Settings live in chrome.storage, outside the database's upgrades: whatever
 * an earlier release stored (or a broken write left) must be read without
 * losing the values that are still good.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../utils/settings.ts';

describe('parseSettings', () => {
  it('keeps what the first release stored, and gives defaults for what it did not know', () => {
    // The first release stored only the switch and the sites.
    const first = { enabled: false, disabledSites: ['www.example.org'] };
    expect(parseSettings(first)).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      disabledSites: ['www.example.org'],
    });
  });

  it('keeps every good field when another one is malformed', () => {
    const stored = {
      enabled: 'yes',
      disabledSites: ['a.example', 3, 'a.example', null, 'b.example'],
      history: false,
      historyDays: 400,
      language: 'fr',
      unknown: { nested: true },
    };
    expect(parseSettings(stored)).toEqual({
      enabled: DEFAULT_SETTINGS.enabled,
      disabledSites: ['a.example', 'b.example'],
      history: false,
      historyDays: DEFAULT_SETTINGS.historyDays,
      language: 'fr',
    });
  });

  it('never throws, and always gives well-formed settings', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const settings = parseSettings(stored);
        expect(typeof settings.enabled).toBe('boolean');
        expect(settings.disabledSites.every((site) => typeof site === 'string')).toBe(true);
        expect(Number.isInteger(settings.historyDays)).toBe(true);
        expect(['auto', 'fr', 'en']).toContain(settings.language);
      }),
    );
  });

  it('reads settings written by the current release back unchanged', () => {
    const current = {
      enabled: true,
      disabledSites: ['x.example'],
      history: true,
      historyDays: 7,
      language: 'en' as const,
    };
    expect(parseSettings(JSON.parse(JSON.stringify(current)))).toEqual(current);
  });
});
