// The page as the benchmarks measure it: built by Vite into a temporary folder, served by `vite preview`
// on a free port, and opened in headless Chromium. Everything is torn down however the run ends.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build, preview } from 'vite';
import { launchChromium } from '../browser.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BuiltPage {
  /** The build's folder (index.html and assets), for measuring the bundle. */
  readonly outDir: string;
  /** Where the preview server serves it. */
  readonly url: string;
  readonly browser: Browser;
}

/** Builds, serves and opens the page, runs `measure` on it, then closes and removes everything. */
export async function withBuiltPage<T>(name: string, measure: (page: BuiltPage) => Promise<T>): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), `collapse-${name}-bench-`));
  try {
    await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const server = await preview({
      root: ROOT,
      build: { outDir },
      logLevel: 'error',
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
    });
    try {
      const url = server.resolvedUrls?.local[0];
      if (!url) throw new Error('vite preview did not report a URL');
      const browser = await launchChromium();
      try {
        return await measure({ outDir, url, browser });
      } finally {
        await browser.close();
      }
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
