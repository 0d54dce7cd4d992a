import { defineConfig } from 'vite';

// The command line as one JavaScript file for Node (`npm run build:cli`, run by prepare and prepack):
// Vite's SSR build bundles the engine, explorer, replay and repro code; Node's built-ins stay imports.
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/bin.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: { output: { entryFileNames: 'collapse-lab.mjs', format: 'es' } },
  },
  ssr: { noExternal: true, target: 'node' },
});
