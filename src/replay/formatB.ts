// Replay format B: the setup as text (kernel, slot and thread strings, re-parsed by parseSetup on the way
// in, so new setup syntax needs no new format), the model version, the schedule as one digit per step
// whose radix is the number of threads that could run there (as in format A: a step with one runnable
// thread costs nothing), the cursor and the compare kernel, then a 32-bit checksum, in URL-safe base64
// after the version character 'B'. Every field is a digit of known radix in a bit stream (bitStream.ts).

import {
  createWorld,
  formatSlots,
  formatThreads,
  parseSetup,
  parseVariant,
  runnableThreads,
  step,
  type Setup,
  type KernelId,
  type StepResult,
  type World,
} from '../engine/index.ts';
import { MODEL_VERSION, onModel } from '../engine/modelVersion.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { BitReader, BitWriter } from './bitStream.ts';
import { MAX_STEPS, type Decoded, type Replay } from './replay.ts';
import { putText, takeText } from './textPack.ts';
import { quoteInput } from '../engine/quote.ts';

export const VB = 'B';

export function checksum32(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return h >>> 0;
}

/** Encodes a replay; throws on a replay the engine could not have produced or one past MAX_STEPS. */
export function encodeB(r: Replay): string {
  if (r.choices.length > MAX_STEPS)
    throw new RangeError(`${r.choices.length} steps, more than the ${MAX_STEPS} a link carries`);
  const w = new BitWriter();
  const { setup } = r;
  w.putCount(r.model);
  putText(w, setup.variant);
  putText(w, formatSlots(setup.slots));
  putText(w, formatThreads(setup.threads));
  putText(w, r.compare ?? '');
  w.putCount(r.choices.length + 1);
  // The schedule was recorded on r.model: its steps are that model's.
  let world = createWorld(onModel(setup, r.model));
  let ready: readonly number[] = runnableThreads(world);
  for (const c of r.choices) {
    w.put(ready.indexOf(c), ready.length);
    const s = step(world, c);
    if (!s.ok) throw new Error(s.error.message);
    world = s.world;
    ready = s.runnable;
  }
  w.put(r.cursor, r.choices.length + 1);
  const body = w.finish();
  const sum = checksum32(body);
  return (
    VB +
    toBase64Url(Uint8Array.from([...body, sum >>> 24, (sum >>> 16) & 0xff, (sum >>> 8) & 0xff, sum & 0xff]))
  );
}

export interface Header {
  readonly model: number;
  readonly setup: Setup;
  readonly compare: KernelId | null;
  readonly steps: number;
}

type HeaderRead = { ok: true; header: Header; reader: BitReader } | { ok: false; error: string };

function readHeader(payload: string): HeaderRead {
  const fail = (error: string): HeaderRead => ({ ok: false, error });
  const b = fromBase64Url(payload);
  if (!b.ok)
    return fail(
      `character ${b.position + 2} (${quoteInput(payload[b.position] ?? '')}) is not allowed in a replay link`,
    );
  if (b.bytes.length < 5) return fail('the link is too short to hold a replay');
  const body = b.bytes.subarray(0, b.bytes.length - 4);
  const t = b.bytes.subarray(b.bytes.length - 4);
  const sum = (((t[0] ?? 0) << 24) | ((t[1] ?? 0) << 16) | ((t[2] ?? 0) << 8) | (t[3] ?? 0)) >>> 0;
  if (checksum32(body) !== sum)
    return fail('the link is damaged (its checksum does not match): it was probably cut short or altered');
  const rd = new BitReader(body);
  const model = rd.takeCount(2 ** 20);
  if (model === null) return fail('the link names no valid model version');
  if (model > MODEL_VERSION)
    return fail(
      `the link was made with model version ${model} and this Collapse Lab has model ${MODEL_VERSION} (a newer link needs a newer Collapse Lab)`,
    );
  const fields: string[] = [];
  for (const name of ['kernel', 'slot string', 'thread string', 'compare kernel']) {
    const f = takeText(rd, name);
    if (!f.ok) return fail(f.error);
    fields.push(f.text);
  }
  const [kernel = '', slots = '', threads = '', compareText = ''] = fields;
  const parsed = parseSetup(kernel, slots, threads);
  if (!parsed.ok) return fail(`the link's setup is not valid: ${parsed.error.message}`);
  let compare: KernelId | null = null;
  if (compareText !== '') {
    const v = parseVariant(compareText);
    if (!v.ok) return fail(`the link's compare kernel is not valid: ${v.error.message}`);
    compare = v.value;
  }
  const count = rd.takeCount(MAX_STEPS + 1);
  if (count === null) return fail(`the link's schedule is longer than the ${MAX_STEPS} steps a link carries`);
  if (rd.overrun) return fail('the link ends before its schedule');
  const steps = count - 1;
  // An older model's link replays as it did then: the setup carries its model (modelVersion.ts).
  const setup = onModel(parsed.value, model);
  return { ok: true, header: { model, setup, compare, steps }, reader: rd };
}

/** The setup, model, compare kernel and step count alone: no engine step, so a page can paint at once. */
export function decodeHeaderB(payload: string): { ok: true; header: Header } | { ok: false; error: string } {
  const h = readHeader(payload);
  return h.ok ? { ok: true, header: h.header } : h;
}

/** One step the decoder took: the choice and the engine's answer (so a caller need not step again). */
export type OnStep = (choice: number, taken: Extract<StepResult, { ok: true }>) => void;

/**
 * A format B link being decoded step by step: the header first (no engine step, so the page can paint
 * the setup at once), then the schedule in slices of `steps` (each replays that many engine steps).
 * Reading a choice needs the world it was taken in (its radix is the runnable threads there), so the
 * decoder steps the engine; `onStep` hands each step on, so the store adopts them instead of replaying.
 */
export interface ScheduleDecoding {
  readonly header: Header;
  /** Decodes up to `steps` more steps: null while more remain, else the outcome. */
  advance(steps: number, onStep?: OnStep): Decoded | null;
  /** Steps decoded so far. */
  readonly done: number;
}

export function startDecodeB(
  payload: string,
): { ok: true; decoding: ScheduleDecoding } | { ok: false; error: string } {
  const h = readHeader(payload);
  if (!h.ok) return h;
  const { header, reader: rd } = h;
  const { steps } = header;
  const choices: number[] = [];
  let world: World = createWorld(header.setup);
  let ready: readonly number[] = runnableThreads(world);
  let outcome: Decoded | null = null;
  const finish = (): Decoded => {
    const cursor = rd.take(steps + 1);
    if (!rd.atEnd) return { ok: false, error: 'the link carries more data than a format B replay holds' };
    return {
      ok: true,
      replay: { model: header.model, setup: header.setup, choices, cursor, compare: header.compare },
    };
  };
  const advance = (budget: number, onStep?: OnStep): Decoded | null => {
    if (outcome) return outcome;
    for (let n = 0; n < budget && choices.length < steps; n++) {
      const k = choices.length;
      if (ready.length === 0)
        return (outcome = {
          ok: false,
          error: `step ${k + 1} of ${steps} cannot be taken: no thread can run there`,
        });
      const choice = ready[rd.take(ready.length)] ?? -1;
      if (rd.overrun) return (outcome = { ok: false, error: `the link ends at step ${k + 1} of ${steps}` });
      const s = step(world, choice);
      if (!s.ok) return (outcome = { ok: false, error: `step ${k + 1} cannot be taken: ${s.error.message}` });
      world = s.world;
      ready = s.runnable;
      choices.push(choice);
      onStep?.(choice, s);
    }
    if (choices.length < steps) return null;
    return (outcome = finish());
  };
  return {
    ok: true,
    decoding: {
      header,
      advance,
      get done() {
        return choices.length;
      },
    },
  };
}

export function decodeB(payload: string): Decoded {
  const started = startDecodeB(payload);
  if (!started.ok) return started;
  return started.decoding.advance(Infinity) ?? { ok: false, error: 'the link could not be decoded' };
}
