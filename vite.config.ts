import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { SECURITY_HEADERS } from './src/hosting/securityHeaders.ts';

// BASE_URL lets the static build live under any sub-path (a project page, a course site).
export default defineConfig({
  base: process.env['BASE_PATH'] ?? './',
  plugins: [react()],
  build: {
    // Every browser the page supports has <link rel=modulepreload>: no polyfill in the entry chunk.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // V8's explicit compile hint (Chrome 136+; other engines ignore the comment): nearly every
        // function of the entry chunk (React and the page) runs during the first render, so compiling
        // them eagerly, off the main thread while the script streams in, beats compiling each one lazily
        // on the main thread in the middle of that render (about 50 of 110 ms at 512 slots).
        // Added after minification, which would strip it.
        postBanner: (chunk) => (chunk.isEntry ? '//# allFunctionsCalledOnLoad' : ''),
        // Everything the first render needs (React, the engine, the store, the races, the page shell) in
        // the entry chunk: one request, and one gzip stream whose dictionary spans all of it (five shared
        // chunks cost ~4.5 KiB more). What the page loads lazily stays in its own chunks.
        codeSplitting: { groups: [{ name: 'page', tags: ['$initial'] }] },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  // The headers a real host should send (README "Hosting"): the production build is served with them.
  preview: { host: '127.0.0.1', port: 4173, headers: { ...SECURITY_HEADERS } },
});
