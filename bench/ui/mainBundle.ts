// The page's main bundle as the browser loads it before the first render: the entry script of the built
// index.html and every chunk it preloads (Vite's modulepreload links); lazily loaded chunks and workers
// do not count. Its gzip size (Node's gzipSync, default level) is what the budget is written in.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget (issue #10): at most this many bytes of gzip. */
export const MAIN_BUNDLE_BUDGET = 110 * 1024;

export interface MainBundle {
  /** The entry script, relative to the build's folder. */
  readonly main: string;
  readonly preloads: readonly string[];
  /** The gzip size of the entry plus the preloaded chunks, in bytes. */
  readonly gzipBytes: number;
}

/** Reads a build's folder (dist/ or a bench's) for its main bundle. */
export function mainBundle(outDir: string): MainBundle {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const main = html.match(/<script type="module"[^>]*src="\.?\/?([^"]+)"/)?.[1];
  if (!main) throw new Error('no module script in the built index.html');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.?\/?([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  const gzipBytes = [main, ...preloads].reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(outDir, f))).length,
    0,
  );
  return { main, preloads, gzipBytes };
}
