import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension (.output/chrome-mv3) loaded in
// Debian's Chromium through playwright-core. One browser at a time: the
// machine has two cores and each test launches its own profile.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
