/**
 * The content script's lazily loaded code: the card (Preact and its
 * components) is built as an ES module next to the extension, and the
 * content script imports it only when a card is first opened. Most pages
 * never open one. (The engine is not in pages at all: it runs once, in the
 * service worker — entrypoints/background/checker.ts.)
 *
 * WXT bundles each content script into one file; this module adds a second,
 * code-split build of the lazy entries into `<outDir>/lazy/`, and declares
 * those files web-accessible (a content script's `import()` is fetched for
 * the page). `use_dynamic_url` gives them a per-session address, so a page
 * cannot probe for the extension by loading them.
 */
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { build } from 'vite';
import { defineWxtModule } from 'wxt/modules';

/** Where the lazy modules go, inside the extension's output directory. */
export const LAZY_DIR = 'lazy';

/** Each lazy module: its output name and its source. */
const ENTRIES = {
  card: 'entrypoints/content/card.tsx',
};

export default defineWxtModule({
  name: 'casefile:lazy-chunks',
  setup(wxt) {
    // Lets `browser.runtime.getURL('/lazy/card.js')` typecheck.
    wxt.hooks.hook('prepare:publicPaths', (_wxt, paths) => {
      for (const name of Object.keys(ENTRIES)) paths.push(`${LAZY_DIR}/${name}.js`);
    });
    wxt.hooks.hook('build:manifestGenerated', (_wxt, manifest) => {
      manifest.web_accessible_resources = [
        ...(manifest.web_accessible_resources ?? []),
        {
          resources: [`${LAZY_DIR}/*.js`],
          matches: ['<all_urls>'],
          use_dynamic_url: true,
        },
      ] as typeof manifest.web_accessible_resources;
    });
    wxt.hooks.hook('build:done', async () => {
      const root = wxt.config.root;
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        mode: wxt.config.mode,
        plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
        define: {
          'process.env.NODE_ENV': JSON.stringify(wxt.config.mode),
          // What WXT's content-script helpers expect of their entrypoint.
          'import.meta.env.ENTRYPOINT': JSON.stringify('content'),
          'import.meta.env.MODE': JSON.stringify(wxt.config.mode),
          'import.meta.env.DEV': JSON.stringify(wxt.config.mode !== 'production'),
        },
        build: {
          outDir: resolve(wxt.config.outDir, LAZY_DIR),
          emptyOutDir: true,
          sourcemap: false,
          target: 'esnext',
          modulePreload: false,
          minify: true,
          lib: {
            entry: Object.fromEntries(
              Object.entries(ENTRIES).map(([name, path]) => [name, resolve(root, path)]),
            ),
            formats: ['es'],
            fileName: (_format, name) => `${name}.js`,
          },
          rollupOptions: { output: { chunkFileNames: '[name]-[hash].js' } },
        },
      });
    });
  },
});
