// What the file holds where nothing can run any more, over every interleaving of a small setup: the
// question "can this race lose data or leave it behind" asked of the file itself, not only of invariants.
// A plain breadth-first search over step() (states merged by their canonical encoding), for tests and
// notes; the explorer proper keeps only results per outcome.

import type { Setup, World } from '../../engine/index.ts';
import { createWorld, fileValue, runnableThreads, step } from '../../engine/index.ts';
import { WorldEncoder } from './encode.ts';

export interface FilesAtRest {
  /** Distinct states visited. */
  readonly states: number;
  /** false when maxStates stopped the search first. */
  readonly complete: boolean;
  /** Each distinct file at rest (see `describeFile`), sorted. */
  readonly files: readonly string[];
  /** A shortest schedule (thread ids) reaching each file at rest. */
  readonly schedules: Readonly<Record<string, readonly number[]>>;
}

/**
 * One character per page: within i_size '.', 'P', 'H' or 'S' (a hole, a small page, the huge page, a swap
 * entry, R a retry entry) when the page reads what was last written there, '!' when it reads something else (data lost or
 * wrong); past i_size '.' when nothing is cached there, 'z' when a page left there reads zeros (a large
 * folio the truncate zeroed but did not split), 'x' when old data was left behind there.
 */
export function describeFile(w: World): string {
  return w.slots
    .map((e, i) => {
      if (i >= w.iSize) return e.t === 'empty' ? '.' : fileValue(w, i) === 0 ? 'z' : 'x';
      if (fileValue(w, i) !== (w.ghost.logical[i] ?? 0)) return '!';
      if (e.t === 'empty') return '.';
      if (e.t === 'swap') return 'S';
      if (e.t === 'retry') return 'R';
      return w.folios[e.folio]?.huge ? 'H' : 'P';
    })
    .join('');
}

export function filesAtRest(setup: Setup, maxStates = 200_000): FilesAtRest {
  const encoder = new WorldEncoder();
  const seen = new Set<string>();
  const schedules: Record<string, readonly number[]> = {};
  const key = (w: World) => {
    const len = encoder.encode(w, 0);
    return String.fromCharCode(...encoder.bytes.subarray(0, len));
  };
  const result = (complete: boolean): FilesAtRest => ({
    states: seen.size,
    complete,
    files: Object.keys(schedules).sort(),
    schedules,
  });
  const initial = createWorld(setup);
  let frontier: { w: World; schedule: readonly number[] }[] = [{ w: initial, schedule: [] }];
  seen.add(key(initial));
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { w, schedule } of frontier) {
      const ready = runnableThreads(w);
      if (ready.length === 0) schedules[describeFile(w)] ??= schedule;
      for (const tid of ready) {
        const r = step(w, tid);
        if (!r.ok) throw new Error(r.error.message);
        const k = key(r.world);
        if (seen.has(k)) continue;
        if (seen.size >= maxStates) return result(false);
        seen.add(k);
        next.push({ w: r.world, schedule: [...schedule, tid] });
      }
    }
    frontier = next;
  }
  return result(true);
}
