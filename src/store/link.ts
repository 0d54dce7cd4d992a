// The page state as a replay link payload and back. The hash holds the whole session (setup, choices,
// cursor, compare); decoding is the replay module's (bounded, hostile-input safe), and a decoded replay
// only becomes strings for the same parsers the setup form uses, so nothing from a link is executed.

import { formatSlots, formatThreads } from '../engine/core.ts';
import { MODEL_VERSION } from '../engine/modelVersion.ts';
import type { Decoded, Replay, ScheduleDecoding } from '../replay/index.ts';
import { decodeReplay, encodeReplay, MAX_LINK_CHARS, MAX_STEPS, startDecodeReplay } from '../replay/index.ts';
import { replayFor } from './context.ts';
import type { SimInit, SimStore } from './createSimStore.ts';
import type { Replay as ReplayCache, TakenStep } from './replay.ts';
import { linkStatus } from './linkStatus.ts';

export type EncodedState =
  { readonly ok: true; readonly payload: string } | { readonly ok: false; readonly reason: string };

// Room for "#r=" and a base address ahead of the payload within the decoder's limit.
const PAYLOAD_LIMIT = MAX_LINK_CHARS - 256;
/**
 * The replay's link payload, or why it cannot be a link (too many steps, too long). Encoding replays the
 * schedule through the engine (seconds for thousands of steps on 512 slots), so the page calls it in a
 * worker.
 */
export function encodeSession(r: Replay): EncodedState {
  if (r.choices.length > MAX_STEPS)
    return {
      ok: false,
      reason: `this schedule has ${r.choices.length} steps and a link carries at most ${MAX_STEPS}; fork at an earlier step to share it`,
    };
  let payload: string;
  try {
    payload = encodeReplay(r);
  } catch (e) {
    return {
      ok: false,
      reason: `this session cannot be encoded: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  if (payload.length > PAYLOAD_LIMIT)
    return {
      ok: false,
      reason: `this session needs a ${payload.length}-character link, more than the ${PAYLOAD_LIMIT} allowed; fork at an earlier step to share it`,
    };
  return { ok: true, payload };
}

export interface HashInit {
  /** The session to open, or null when the hash holds no valid replay. */
  readonly init: SimInit | null;
  /** The decoder's message when the hash held a replay that could not be read. */
  readonly error: string | null;
}

/** Reads `#r=<payload>` from a location hash; any other hash (or none) is not an error. */
export function initFromHash(hash: string): HashInit {
  if (!/^#(?:.*&)?r=/.test(hash)) return { init: null, error: null };
  const d = decodeReplay(hash);
  if (!d.ok) return { init: null, error: d.error };
  const r = d.replay;
  return {
    init: {
      kernel: r.setup.variant,
      slots: formatSlots(r.setup.slots),
      threads: formatThreads(r.setup.threads),
      choices: r.choices,
      cursor: r.cursor,
      compare: r.compare,
    },
    error: null,
  };
}

/** A link in the hash, opened: nothing to open, an error, a whole replay, or a setup whose schedule follows. */
export type HashOpening =
  | { readonly kind: 'none' }
  | { readonly kind: 'error'; readonly error: string }
  | { readonly kind: 'replay'; readonly replay: Replay }
  | {
      readonly kind: 'stepping';
      readonly decoding: ScheduleDecoding;
      /** The payload when the hash is exactly `#r=<payload>` (so the address already is its link). */
      readonly payload: string | null;
    };

export const hasReplayHash = (hash: string): boolean => /^#(?:.*&)?r=/.test(hash);

export function openHash(hash: string): HashOpening {
  if (!hasReplayHash(hash)) return { kind: 'none' };
  const d = startDecodeReplay(hash);
  if (!d.ok) return { kind: 'error', error: d.error };
  if ('decoding' in d)
    return { kind: 'stepping', decoding: d.decoding, payload: /^#r=([\w-]+)$/.exec(hash)?.[1] ?? null };
  return d.decoded.ok
    ? { kind: 'replay', replay: d.decoded.replay }
    : { kind: 'error', error: d.decoded.error };
}

/** The store's opening state for a link: its setup at step 0, the compare kernel set once replayed. */
export function setupInit(setup: Replay['setup']): SimInit {
  return { kernel: setup.variant, slots: formatSlots(setup.slots), threads: formatThreads(setup.threads) };
}

/**
 * Loads a decoded replay into the store, replacing the session (one replay, in the store). `cache`, a
 * replay cache the decoder already stepped through the schedule, is adopted rather than stepped again.
 */
export function applyReplay(store: SimStore, r: Replay, cache?: ReplayCache): void {
  const s = store.getState();
  s.pause();
  s.setCompareVariant(null);
  const init = setupInit(r.setup);
  const ok = s.loadSetup(init.kernel ?? '', init.slots ?? '', init.threads ?? '', {
    choices: r.choices,
    cursor: r.cursor,
    model: r.model,
    ...(cache && { cache: { setup: r.setup, replay: cache } }),
  });
  if (ok && r.compare !== null && r.compare !== store.getState().loaded.kernel)
    store.getState().setCompareVariant(r.compare);
  store.setState({ linkError: null }, false, 'session/link/opened');
}

export interface Clock {
  readonly now: () => number;
  readonly pause: () => Promise<void>;
}

/**
 * Decodes a long link's schedule in slices of about `sliceMs`, reporting progress between them (the
 * page stays responsive and shows how far it is), then gives the outcome: null when `superseded` says
 * another link is being opened. Every step the decoder takes goes into `cache`, so the store adopts the
 * schedule without stepping it again.
 */
export async function decodeInSlices(
  decoding: ScheduleDecoding,
  clock: Clock,
  sliceMs = 40,
  cache?: ReplayCache,
  superseded: () => boolean = () => false,
): Promise<Decoded | null> {
  const total = decoding.header.steps;
  const onStep = cache && ((choice: number, taken: TakenStep) => cache.adopt(choice, taken));
  // Progress is news a few times a second: posting it every slice only re-rendered the page more often.
  let nextProgress = clock.now() + PROGRESS_MS;
  for (;;) {
    const start = clock.now();
    let r: Decoded | null = null;
    while (r === null && clock.now() - start < sliceMs) r = decoding.advance(16, onStep);
    if (r) return r;
    if (clock.now() >= nextProgress) {
      linkStatus.setState({ replaying: { done: decoding.done, total } });
      nextProgress = clock.now() + PROGRESS_MS;
    }
    await clock.pause();
    if (superseded()) return null;
  }
}

/** How often a long link's replay reports how far it is. */
const PROGRESS_MS = 150;

// Each opening supersedes the one before (a link pasted while a long one is still replaying).
let openings = 0;

/**
 * Opens the link in `hash` into an existing store (a hash change, or a long link after its setup was
 * painted): a bad link leaves its message and keeps what is on screen. While a long link replays, the
 * status says so (and the page leaves the address alone, so a reload reopens the same link).
 */
export async function openHashInto(
  store: SimStore,
  opening: HashOpening,
  clock: Clock,
  fallback: 'default' | 'current',
): Promise<void> {
  const mine = ++openings;
  linkStatus.setState({ fallback, replaying: null, opened: null });
  const fail = (error: string) => store.setState({ linkError: error }, false, 'session/link/rejected');
  if (opening.kind === 'none') return;
  if (opening.kind === 'error') return fail(opening.error);
  if (opening.kind === 'replay') return applyReplay(store, opening.replay);
  const { decoding } = opening;
  linkStatus.setState({ replaying: { done: decoding.done, total: decoding.header.steps } });
  const cache = replayFor(decoding.header.setup);
  const d = await decodeInSlices(decoding, clock, 40, cache, () => mine !== openings);
  if (d === null) return;
  if (d.ok) {
    applyReplay(store, d.replay, cache);
    // The address holds this link; it stands for the session while the session stays as opened.
    const s = store.getState();
    const intact =
      d.replay.model === MODEL_VERSION &&
      s.choices.length === d.replay.choices.length &&
      s.cursor === d.replay.cursor &&
      s.compareVariant === d.replay.compare;
    if (opening.payload !== null && intact)
      linkStatus.setState({ opened: { payload: opening.payload, session: s } });
  } else fail(d.error);
  linkStatus.setState({ replaying: null });
}
