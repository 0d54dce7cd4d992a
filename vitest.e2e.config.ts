import { defineConfig } from 'vitest/config';

// End-to-end specs drive Debian's Chromium against the built page (served by tests/e2e/globalSetup.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
