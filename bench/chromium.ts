// Runs the explorer in headless Chromium (Debian's /usr/bin/chromium via playwright-core), inside a
// dedicated Web Worker. The worker code is bundled with Vite's build API into a temp folder.

import { launchChromium } from './browser.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { ExplorerMeasurement } from './referenceRun.ts';

const ENTRY = fileURLToPath(new URL('./browserEntry.ts', import.meta.url));

/** Bundles browserEntry.ts as one classic script and returns its source. */
export async function bundleWorker(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'collapse-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        lib: { entry: ENTRY, name: 'explorerBench', formats: ['iife'], fileName: () => 'worker.js' },
      },
    });
    return readFileSync(join(outDir, 'worker.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

interface PageWorker {
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

export async function measureInChromium(n: number): Promise<ExplorerMeasurement & { browser: string }> {
  const code = await bundleWorker();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>explorer bench</title>');
    const measurement = await page.evaluate(
      ({ source, slots }) =>
        new Promise<ExplorerMeasurement>((resolve, reject) => {
          // Runs in the page; this tsconfig has no DOM types, so the Worker is typed by hand.
          const { Worker } = globalThis as unknown as { Worker: new (url: string) => PageWorker };
          const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
          worker.onmessage = (event) => {
            worker.terminate();
            resolve(event.data as ExplorerMeasurement);
          };
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage({ n: slots });
        }),
      { source: code, slots: n },
    );
    return { ...measurement, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
  }
}
