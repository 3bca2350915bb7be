import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

// See docs/architecture.md for what runs where.
export default defineConfig({
  // Explicit imports everywhere: a reader can follow every name to its file.
  imports: false,
  // A second build (a helper's, the benchmark's) can go elsewhere than .output.
  outDir: process.env.CASEFILE_OUTPUT_DIR ?? '.output',
  manifestVersion: 3,
  manifest: ({ mode }) => ({
    // Manifest strings come from public/_locales (English by default, French).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The fewest that do the job; each is listed with its reason in the README
    // (and a test fails if one is added without being listed there).
    // The content script's <all_urls> match is what lets it read pages.
    permissions: ['storage', 'contextMenus'],
    // In production, extension pages load nothing but their own files and
    // connect nowhere at all. The dev server needs its websocket, so
    // development builds keep WXT's default.
    ...(mode === 'production' && {
      content_security_policy: {
        extension_pages:
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'",
      },
    }),
  }),
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    build: { sourcemap: false },
    resolve: {
      // WXT's content-script context talks to the page through document
      // events the page can hear and forge; ours does not (see the file).
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: resolve(import.meta.dirname, 'entrypoints/content/context.ts'),
        },
      ],
    },
  }),
  webExt: { disabled: true },
});
