/**
 * The code's layout, as docs/architecture.md draws it: imports run one way
 * (pages and scripts → components → utils → lib), and no module imports
 * itself back through others, types included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const LAYERS = ['lib', 'utils', 'components', 'entrypoints'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Each module's relative imports, as paths from the project's root. */
const graph = new Map(
  LAYERS.flatMap((layer) => filesUnder(join(ROOT, layer))).map((file) => [
    relative(ROOT, file),
    [...readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)]
      .map((m) => relative(ROOT, normalize(join(dirname(file), m[1]!))))
      .filter((path) => /\.tsx?$/.test(path)),
  ]),
);

/** The import cycles, each as the modules around it. */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (module: string, path: string[]) => {
    state.set(module, 'open');
    for (const next of graph.get(module) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next, [...path, next]);
    }
    state.set(module, 'done');
  };
  for (const module of graph.keys()) if (!state.has(module)) visit(module, [module]);
  return found;
}

describe('the layout of the code', () => {
  it('reads the imports it checks', () => {
    expect(graph.size).toBeGreaterThan(80);
    expect(graph.get('entrypoints/content/index.ts')).toContain('entrypoints/content/passes.ts');
  });

  it('has no import cycle, types included', () => {
    expect(cycles().map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it.each([
    ['lib', ['utils', 'components', 'entrypoints']],
    ['utils', ['components', 'entrypoints']],
    ['components', ['entrypoints']],
  ] as const)('never imports upwards from %s/', (layer, above) => {
    const upwards = [...graph]
      .filter(([module]) => module.startsWith(`${layer}/`))
      .flatMap(([module, imports]) =>
        imports
          .filter((path) => above.some((up) => path.startsWith(`${up}/`)))
          .map((path) => `${module} → ${path}`),
      );
    expect(upwards).toEqual([]);
  });
});
