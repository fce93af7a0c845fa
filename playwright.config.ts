import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from './tests/support/chromium';

// The harness runs the backend's worker threads (the search index, and the pool that reads imports, re-anchors and
// writes large files) as the app does, built (npm test builds first): started from source each would compile its
// TypeScript in every test's backend, seconds each on a loaded two-core machine (a re-import then missed its 5 s).
for (const [name, file] of [
  ['NOTEBOOK_SEARCH_WORKER', 'dist/electron/search-worker.cjs'],
  ['NOTEBOOK_HEAVY_WORKER', 'dist/electron/heavy-worker.cjs'],
] as const) {
  const built = resolve(file);
  if (!process.env[name] && existsSync(built)) process.env[name] = built;
}

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results',
  workers: 2,
  // No retries: a test that passes only on its second try hides a race. (The packaging test builds into a folder of
  // its own, so it never rewrites the dist/ that the other tests are serving.)
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: 'off',
  },
});
