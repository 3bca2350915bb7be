import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// STYLE.md: lib/ is the engine, pure TypeScript that runs the same in Node,
// in the CLI, in tests and in the extension. Only lib/db.ts knows IndexedDB.
const LIB = resolve(import.meta.dirname, '../../lib');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Code without its comments and string literals, so that prose may name what code may not use. */
function codeOf(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

const files = filesUnder(LIB).map(
  (file) => [relative(LIB, file), readFileSync(file, 'utf8')] as const,
);

describe('lib/', () => {
  it.each(files)('%s uses no DOM global and no extension API', (_name, source) => {
    const code = codeOf(source);
    expect(code).not.toMatch(
      /\b(?:document|window|navigator|localStorage|getComputedStyle)\s*[.(]/,
    );
    expect(code).not.toMatch(
      /\b(?:browser|chrome)\.(?:runtime|tabs|storage|action|contextMenus)\b/,
    );
  });

  it.each(files)('%s imports neither WXT nor Preact', (_name, source) => {
    expect(source).not.toMatch(/from '(?:wxt|preact)[/']/);
  });

  it('keeps IndexedDB in lib/db.ts alone', () => {
    const users = files
      .filter(([, source]) => /from 'dexie'/.test(source) || /\bindexedDB\b/.test(codeOf(source)))
      .map(([name]) => name);
    expect(users).toEqual(['db.ts']);
  });
});
