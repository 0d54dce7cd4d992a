// The page state as a replay link payload and back. The hash holds the whole session (setup, choices,
// cursor, compare); decoding is the replay module's (bounded, hostile-input safe), and a decoded replay
// only becomes strings for the same parsers the setup form uses, so nothing from a link is executed.

import { formatSlots, formatThreads } from '../engine/index.ts';
import type { Replay } from '../replay/index.ts';
import { decodeReplay, encodeReplay, MAX_LINK_CHARS, MAX_STEPS } from '../replay/index.ts';
import type { SimInit } from './createSimStore.ts';

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
