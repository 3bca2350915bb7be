import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const LOCALES = resolve(ROOT, 'public/_locales');

const messages = Object.fromEntries(
  readdirSync(LOCALES).map((locale) => [
    locale,
    JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Record<
      string,
      { message: string }
    >,
  ]),
);

/** Every source file of the extension, to find the message names it uses. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.(ts|tsx)$/.test(entry.name)
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );
}

describe('_locales', () => {
  it('has English and French, with the same messages, none empty', () => {
    expect(Object.keys(messages).sort()).toEqual(['en', 'fr']);
    expect(Object.keys(messages.fr!).sort()).toEqual(Object.keys(messages.en!).sort());
    for (const locale of Object.values(messages)) {
      for (const entry of Object.values(locale)) expect(entry.message.trim()).not.toBe('');
    }
  });

  it('defines every message the manifest and the code ask for', () => {
    const code = [
      readFileSync(resolve(ROOT, 'wxt.config.ts'), 'utf8'),
      ...sources(resolve(ROOT, 'entrypoints')),
      ...sources(resolve(ROOT, 'components')),
    ].join('\n');
    const used = new Set([
      ...[...code.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!),
      ...[...code.matchAll(/getMessage\('(\w+)'/g)].map((m) => m[1]!),
    ]);
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) expect(Object.keys(messages.en!), name).toContain(name);
  });
});
