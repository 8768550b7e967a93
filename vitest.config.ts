/**
 * Two projects: `unit` (everything under test/ but test/browser, in Node; a file may opt into
 * jsdom with a `// @vitest-environment jsdom` comment) and `browser` (drives the built extension
 * in Chromium: one file at a time, long timeouts). `npm run test:unit` / `npm run test:browser`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Preact's automatic JSX runtime, as in tsconfig.json (the extension build gets it from @preact/preset-vite).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/browser/**', '**/node_modules/**'],
          environment: 'node',
          setupFiles: ['test/support/unit-setup.ts'],
          // Room for a loaded 2-core CI machine; speed targets live in benchmarks, not here.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
