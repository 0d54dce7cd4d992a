// The explorer merges two worlds whose encodings are equal, so a field the encoder misses merges distinct
// states and the explorer could say "proved" when it is wrong. Property: on reachable worlds of random
// setups and schedules, changing any one field changes the encoding. The fields are found by walking the
// world generically, so a field added to World, Folio, Thread or Locals is covered the day it is added;
// only the fields listed in IGNORED (each with its reason) may leave the encoding unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { World } from '../../engine/index.ts';
import { runnableThreads, step, VARIANTS } from '../../engine/index.ts';
import { sampleWorld, setupArb } from '../../engine/testkitArb.ts';
import { WorldEncoder } from './encode.ts';

type Path = readonly (string | number)[];
/** A path with array indices and folio ids replaced by `*`, as IGNORED and FOLIO_REFS name fields. */
const pattern = (p: Path) => p.map((k) => (typeof k === 'number' || /^\d+$/.test(k) ? '*' : k)).join('.');

/** Fields the encoding leaves out on purpose. */
const IGNORED: Readonly<Record<string, string>> = {
  clock: 'the step clock counts steps; two worlds reached by different schedules are the same state',
  n: 'fixed by the setup: every world of one exploration has it',
  variant: 'fixed by the setup',
  ...Object.fromEntries(
    Object.keys(VARIANTS['v6.4'].flags).map((k) => [
      `flags.${k}`,
      "fixed by the setup (the kernel string's switches, resolved once)",
    ]),
  ),
  model: 'fixed by the setup (its model version)',
  nextFolio: 'only names future folios, and folios are renumbered canonically',
  'folios.*.id': "a folio's name: folios are renumbered in order of first reference",
  'threads.*.id': "the thread's index, fixed by the setup",
  'threads.*.actor': 'fixed by the setup',
  'threads.*.param': 'fixed by the setup',
};

/** Fields holding a folio id: changed to another folio of the world (or null), never to a made-up id. */
const FOLIO_REFS = new Set([
  'slots.*.folio',
  'proc.ptes.*',
  'proc.pmdFolio',
  'lruBatch.*.folio',
  'threads.*.l.folio',
  'threads.*.l.hpage',
  'threads.*.l.pagelist.*',
  'threads.*.l.undo.entries.*.folio',
]);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every value seen at each field pattern across the sampled worlds (candidates for enum-like fields). */
type Pool = Map<string, Json[]>;

function walk(v: Json, path: (string | number)[], visit: (path: Path, v: Json) => void): void {
  visit(path, v);
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], visit));
  else if (v !== null && typeof v === 'object')
    for (const k of Object.keys(v)) walk(v[k]!, [...path, k], visit);
}

function addToPool(pool: Pool, w: World): void {
  walk(w as unknown as Json, [], (path, v) => {
    if (v !== null && typeof v === 'object') return;
    const key = pattern(path);
    const seen = pool.get(key) ?? [];
    if (!seen.includes(v) && seen.length < 64) seen.push(v);
    pool.set(key, seen);
  });
}

const folioContent = (w: Json, id: number) => {
  const f = (w as { folios: Record<string, { id: number }> }).folios[id];
  return JSON.stringify({ ...f, id: 0 });
};

/** The values one field may take instead of v: meaningful ones, so an unchanged encoding is a real miss. */
function alternatives(world: Json, path: Path, v: Json, pool: Pool): Json[] {
  const key = pattern(path);
  const seen = (pool.get(key) ?? []).filter((x) => x !== v);
  if (FOLIO_REFS.has(key)) {
    const ids = Object.keys((world as { folios: object }).folios).map(Number);
    // Another folio with the same content would be a mere renaming: the same state, rightly merged. A
    // stale id of a freed folio (a finished collapse's hpage) reaches nothing and encodes as null.
    const live = v !== null && ids.includes(v as number);
    const others = ids.filter(
      (id) => id !== v && (!live || folioContent(world, id) !== folioContent(world, v as number)),
    );
    return [...others, ...(live && seen.includes(null) ? [null] : [])];
  }
  if (typeof v === 'boolean') return [!v];
  if (typeof v === 'number') return [v + 1, ...(seen.includes(null) ? [null] : [])];
  if (typeof v === 'string') return seen.length > 0 ? seen.slice(0, 4) : [`${v}'`];
  if (v === null) return seen.length > 0 ? seen.slice(0, 2) : [0];
  return [];
}

function at(root: Json, path: Path): { parent: Json[] | Record<string, Json>; key: string | number } {
  let node = root as Json[] | Record<string, Json>;
  for (const k of path.slice(0, -1)) node = (node as Record<string | number, Json>)[k] as typeof node;
  return { parent: node, key: path[path.length - 1]! };
}

/** The field patterns whose change left the encoding of w unchanged (outside IGNORED). */
export function unencodedChanges(w: World, pool: Pool, encoder = new WorldEncoder()): string[] {
  const base = encoder.bytes.slice(0, encoder.encode(w, 0));
  const draft = structuredClone(w) as unknown as Json;
  const same = (): boolean => {
    const len = encoder.encode(draft as unknown as World, 0);
    if (len !== base.length) return false;
    const b = encoder.bytes;
    for (let i = 0; i < len; i++) if (b[i] !== base[i]) return false;
    return true;
  };
  const misses = new Set<string>();
  const fields: { path: Path; v: Json }[] = [];
  walk(draft, [], (path, v) => {
    if (path.length > 0) fields.push({ path, v });
  });
  for (const { path, v } of fields) {
    const key = pattern(path);
    if (IGNORED[key] !== undefined) continue;
    const { parent, key: k } = at(draft, path);
    const put = (x: Json) => ((parent as Record<string | number, Json>)[k] = x);
    if (Array.isArray(v)) {
      // A longer list is another world too (a held lock, one more pagelist entry, a queued event).
      const sample = v[0] ?? pool.get(`${key}.*`)?.[0];
      if (sample === undefined || (sample !== null && typeof sample === 'object')) continue;
      v.push(sample);
      if (same()) misses.add(`${key} (one more element)`);
      v.pop();
      continue;
    }
    if (v !== null && typeof v === 'object') continue;
    for (const x of alternatives(draft, path, v, pool)) {
      put(x);
      if (same()) misses.add(key);
    }
    put(v);
  }
  return [...misses].sort();
}

/** Reachable worlds of a random setup: the initial one and every few steps along its schedule. */
function reachable(r: Parameters<typeof sampleWorld>[0]): World[] {
  let w = sampleWorld(r);
  const out = [w];
  r.choices.forEach((c, k) => {
    const ready = runnableThreads(w);
    if (ready.length === 0) return;
    const res = step(w, ready[c % ready.length] ?? 0);
    if (!res.ok) throw new Error(res.error.message);
    w = res.world;
    if (k % 7 === 3) out.push(w);
  });
  out.push(w);
  return out;
}

describe('the state encoding sees every field', () => {
  const worlds = fc.sample(setupArb, { numRuns: 120, seed: 9 }).flatMap(reachable);
  const pool: Pool = new Map();
  for (const w of worlds) addToPool(pool, w);

  it('changing any field of a reachable world changes its encoding', () => {
    const encoder = new WorldEncoder();
    let fields = 0;
    for (const w of worlds) {
      walk(w as unknown as Json, [], () => fields++);
      expect(unencodedChanges(w, pool, encoder)).toEqual([]);
    }
    expect(worlds.length).toBeGreaterThan(500); // the schedules really ran
    expect(fields).toBeGreaterThan(100_000);
  });

  it('a field the encoder does not know is caught, at any depth', () => {
    const w = worlds.find((x) => Object.keys(x.folios).length > 0 && x.threads.length > 1)!;
    const f0 = Number(Object.keys(w.folios)[0]);
    const extended = {
      ...w,
      extraCount: 0,
      folios: { ...w.folios, [f0]: { ...w.folios[f0]!, extraFlag: false } },
      threads: w.threads.map((t) => ({ ...t, l: { ...t.l, extraLocal: 'x' } })),
    } as unknown as World;
    expect(unencodedChanges(extended, pool)).toEqual([
      'extraCount',
      'folios.*.extraFlag',
      'threads.*.l.extraLocal',
    ]);
  });
});
