// Drivers for Explorer: run to the end synchronously, or in slices with a caller-supplied pause
// between them so a Web Worker can receive a cancel message (the core never touches host timers).

import type { Model } from './model.ts';
import type { ExploreOptions, ExploreResult } from './types.ts';
import { Explorer } from './explorer.ts';

export function explore(model: Model, options: ExploreOptions): ExploreResult {
  const explorer = new Explorer(model, options);
  explorer.run();
  return explorer.result();
}

export interface AsyncExploreOptions extends ExploreOptions {
  /** Awaited between slices, e.g. `() => new Promise((r) => setTimeout(r, 0))`. */
  readonly pause: () => Promise<void>;
  /** States expanded per slice. Default 50,000 (a few tens of milliseconds). */
  readonly sliceStates?: number;
}

export async function exploreAsync(model: Model, options: AsyncExploreOptions): Promise<ExploreResult> {
  const explorer = new Explorer(model, options);
  const slice = Math.max(1, options.sliceStates ?? 50_000);
  while (!explorer.run(slice)) await options.pause();
  return explorer.result();
}
