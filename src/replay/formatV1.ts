// Replay format version 1: every field a digit in one mixed-radix integer (see mixedRadix.ts), then a
// 16-bit checksum, in URL-safe base64 after the version character 'A'. New links are written in format B
// (formatB.ts); encodeV1 stays for the tests that keep format A decoding. A schedule costs only its real
// choices: at each step the digit's radix is the number of threads that could run there, so a step with
// one runnable thread costs nothing. The lists below are frozen: version 1 links must decode forever.

import {
  ACTORS,
  createWorld,
  runnableThreads,
  step,
  type ActorKind,
  type Setup,
  type SlotSpec,
  type VariantId,
  type World,
} from '../engine/index.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { RadixReader, RadixWriter } from './mixedRadix.ts';
import type { Decoded, Replay } from './replay.ts';
import { quoteInput } from '../engine/quote.ts';
import { onModel } from '../engine/modelVersion.ts';

export const V1 = 'A';
const VARIANTS_V1: readonly VariantId[] = [
  'v6.3',
  'v6.3+p1',
  'v6.3+p2',
  'v6.3+p3',
  'v6.4-rc1',
  'v6.4',
  'v6.7',
  'v5-nak',
];
const ACTORS_V1: readonly ActorKind[] = [
  'collapse',
  'seek_data',
  'seek_hole',
  'mincore',
  'read',
  'write',
  'fault',
  'fallocate',
  'punch',
  'truncate',
  'gup_fast',
  'pin',
  'uffd_register',
  'swapout',
  'lru_drain',
  'memcg_move',
];
const KINDS_V1 = '.PMFS';
const MAX_SLOTS = 512;
const MAX_THREADS = 8;
/** Format A's own step limit (frozen: the step count is a digit of this radix). */
const MAX_STEPS = 5000;

function paramRadix(actor: ActorKind, n: number): { min: number; radix: number } | null {
  const p = ACTORS[actor].param;
  return p ? { min: p.min, radix: p.max(n) - p.min + 1 } : null;
}

// Slots: 0 = all H; 1 = one digit per slot; 2 = runs of equal slots (short for long uniform ranges).
// The encoder picks whichever costs fewer bits.
const SPEC_RADIX = KINDS_V1.length * 4;
const specDigit = (s: SlotSpec) => KINDS_V1.indexOf(s.kind) * 4 + (s.pinned ? 1 : 0) + (s.batched ? 2 : 0);
function specOf(d: number): SlotSpec {
  const kind = (KINDS_V1[Math.floor(d / 4)] ?? '.') as SlotSpec['kind'];
  const mods = 'PMF'.includes(kind) ? d % 4 : 0;
  return { kind, pinned: (mods & 1) !== 0, batched: (mods & 2) !== 0 };
}

function runsOf(slots: readonly SlotSpec[]): { digit: number; length: number }[] {
  const runs: { digit: number; length: number }[] = [];
  for (const s of slots) {
    const d = specDigit(s);
    const last = runs[runs.length - 1];
    if (last && last.digit === d) last.length++;
    else runs.push({ digit: d, length: 1 });
  }
  return runs;
}

function putSlots(w: RadixWriter, slots: readonly SlotSpec[]): void {
  const n = slots.length;
  if (slots[0]?.kind === 'H') return w.put(0, 3);
  const runs = runsOf(slots);
  const perSlot = slots.reduce(
    (bits, s) => bits + Math.log2(KINDS_V1.length) + ('PMF'.includes(s.kind) ? 2 : 0),
    0,
  );
  let left = n;
  let byRuns = Math.log2(n);
  for (const r of runs) {
    byRuns += Math.log2(SPEC_RADIX) + Math.log2(left);
    left -= r.length;
  }
  if (perSlot <= byRuns) {
    w.put(1, 3);
    for (const s of slots) {
      w.put(KINDS_V1.indexOf(s.kind), KINDS_V1.length);
      if ('PMF'.includes(s.kind)) w.put((s.pinned ? 1 : 0) | (s.batched ? 2 : 0), 4);
    }
    return;
  }
  w.put(2, 3);
  w.put(runs.length - 1, n);
  left = n;
  for (const r of runs) {
    w.put(r.digit, SPEC_RADIX);
    w.put(r.length - 1, left);
    left -= r.length;
  }
}

function takeSlots(rd: RadixReader, n: number): SlotSpec[] {
  const mode = rd.take(3);
  if (mode === 0) return Array.from({ length: n }, () => ({ kind: 'H', pinned: false, batched: false }));
  if (mode === 1)
    return Array.from({ length: n }, () => {
      const kind = (KINDS_V1[rd.take(KINDS_V1.length)] ?? '.') as SlotSpec['kind'];
      const mods = 'PMF'.includes(kind) ? rd.take(4) : 0;
      return { kind, pinned: (mods & 1) !== 0, batched: (mods & 2) !== 0 };
    });
  const count = rd.take(n) + 1;
  const slots: SlotSpec[] = [];
  for (let k = 0; k < count && slots.length < n; k++) {
    const spec = specOf(rd.take(SPEC_RADIX));
    const length = rd.take(n - slots.length) + 1;
    for (let i = 0; i < length; i++) slots.push(spec);
  }
  // A damaged link may describe fewer slots than n: pad with holes (the checksum normally stops it first).
  while (slots.length < n) slots.push({ kind: '.', pinned: false, batched: false });
  return slots;
}

export function checksum16(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return (h ^ (h >>> 16)) & 0xffff;
}

/** A kernel's index in format A's frozen list; format A cannot carry switches or later variants. */
function v1Kernel(k: string): number {
  const i = (VARIANTS_V1 as readonly string[]).indexOf(k);
  if (i < 0) throw new RangeError(`format A cannot carry the kernel ${k}`);
  return i;
}

/** Encodes a replay; throws only on a replay the engine itself could not have produced. */
export function encodeV1(r: Replay): string {
  const w = new RadixWriter();
  const { setup } = r;
  const slots = setup.slots.slots;
  const n = slots.length;
  w.put(v1Kernel(setup.variant), VARIANTS_V1.length);
  w.put(n - 1, MAX_SLOTS);
  putSlots(w, slots);
  w.put(setup.slots.uffd ? 1 : 0, 2);
  w.put(setup.threads.length - 1, MAX_THREADS);
  for (const t of setup.threads) {
    w.put(ACTORS_V1.indexOf(t.actor), ACTORS_V1.length);
    const p = paramRadix(t.actor, n);
    if (p) w.put(t.param - p.min, p.radix);
  }
  w.put(r.choices.length, MAX_STEPS + 1);
  // Format A predates model 2: its schedules are model 1's.
  let world = createWorld(onModel(setup, 1));
  for (const c of r.choices) {
    const ready = runnableThreads(world);
    w.put(ready.indexOf(c), ready.length);
    const s = step(world, c);
    if (!s.ok) throw new Error(s.error.message);
    world = s.world;
  }
  w.put(r.cursor, r.choices.length + 1);
  w.put(r.compare === null ? 0 : v1Kernel(r.compare) + 1, VARIANTS_V1.length + 1);
  const body = w.bytes();
  const sum = checksum16(body);
  return V1 + toBase64Url(Uint8Array.from([...body, sum >> 8, sum & 0xff]));
}

export function decodeV1(payload: string): Decoded {
  const fail = (error: string): Decoded => ({ ok: false, error });
  const b = fromBase64Url(payload);
  if (!b.ok)
    return fail(
      `character ${b.position + 2} (${quoteInput(payload[b.position] ?? '')}) is not allowed in a replay link`,
    );
  if (b.bytes.length < 2) return fail('the link is too short to hold a replay');
  const body = b.bytes.subarray(0, b.bytes.length - 2);
  const sum = ((b.bytes[b.bytes.length - 2] ?? 0) << 8) | (b.bytes[b.bytes.length - 1] ?? 0);
  if (checksum16(body) !== sum)
    return fail('the link is damaged (its checksum does not match): it was probably cut short or altered');
  const rd = new RadixReader(body);
  const variant = VARIANTS_V1[rd.take(VARIANTS_V1.length)] ?? 'v6.4';
  const n = rd.take(MAX_SLOTS) + 1;
  const slots = takeSlots(rd, n);
  const uffd = rd.take(2) === 1;
  const count = rd.take(MAX_THREADS) + 1;
  const threads: { actor: ActorKind; param: number }[] = [];
  for (let i = 0; i < count; i++) {
    const actor = ACTORS_V1[rd.take(ACTORS_V1.length)] ?? 'collapse';
    const p = paramRadix(actor, n);
    threads.push({ actor, param: p ? p.min + rd.take(p.radix) : 0 });
  }
  // Format A links were all made on model 1 and replay on it (modelVersion.ts).
  const setup = onModel<Setup>({ variant, slots: { slots, uffd }, threads }, 1);
  const steps = rd.take(MAX_STEPS + 1);
  const choices: number[] = [];
  let world: World = createWorld(setup);
  for (let k = 0; k < steps; k++) {
    const ready = runnableThreads(world);
    if (ready.length === 0) return fail(`step ${k + 1} of ${steps} cannot be taken: no thread can run there`);
    const choice = ready[rd.take(ready.length)] ?? -1;
    const s = step(world, choice);
    if (!s.ok) return fail(`step ${k + 1} cannot be taken: ${s.error.message}`);
    world = s.world;
    choices.push(choice);
  }
  const cursor = rd.take(steps + 1);
  const cmp = rd.take(VARIANTS_V1.length + 1);
  if (!rd.exhausted) return fail('the link carries more data than a version 1 replay holds');
  return {
    ok: true,
    replay: { model: 1, setup, choices, cursor, compare: cmp === 0 ? null : (VARIANTS_V1[cmp - 1] ?? null) },
  };
}
