import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    // Code that imports the engine's core.ts (the store, the page's modules) gets every actor in tests,
    // as the page does once it has loaded them (store/deferredActors.ts).
    setupFiles: ['src/engine/actors/all.ts'],
    testTimeout: 60_000,
  },
});
