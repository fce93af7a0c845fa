import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    // Set-up hooks build large notebooks (300 sources) too: the same bound as a test, not Vitest's 10 s, which a
    // busy two-core machine overruns.
    hookTimeout: 120_000,
  },
});
