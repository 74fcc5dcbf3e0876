import { defineConfig } from 'vitest/config';

// Unit, property and golden tests run in Node; browser tests are Playwright's (tests/e2e).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
