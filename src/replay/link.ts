// Replay links: `<base>#r=<payload>` (the fragment never reaches a server, so any static host works),
// with `?embed=1` for the iframe layout. Decoding is safe on hostile input: bounded work, a clear
// message for anything wrong, nothing from the link is ever executed.

import { decodeB, encodeB, startDecodeB, VB, type ScheduleDecoding } from './formatB.ts';
import { decodeV1, V1 } from './formatV1.ts';
import { linkForPayload } from './linkForPayload.ts';
import { MAX_LINK_CHARS, type Decoded, type Replay } from './replay.ts';
import { quoteInput } from '../engine/quote.ts';

export function encodeReplay(r: Replay): string {
  return encodeB(r);
}

export type { ScheduleDecoding } from './formatB.ts';

/**
 * Starts decoding a link: a format B link gives its setup at once and its schedule step by step; any
 * other link is decoded whole (format A holds at most 5,000 steps).
 */
export function startDecodeReplay(
  input: string,
): { ok: true; decoding: ScheduleDecoding } | { ok: true; decoded: Decoded } | { ok: false; error: string } {
  if (input.length <= MAX_LINK_CHARS) {
    const payload = findPayload(input);
    if (payload?.[0] === VB) return startDecodeB(payload.slice(1));
  }
  const d = decodeReplay(input);
  return d.ok ? { ok: true, decoded: d } : d;
}

/** Decodes a payload (`A...` or `B...`) or finds it in a full link (`...#r=A...` or `...?r=A...`). */
export function decodeReplay(input: string): Decoded {
  if (input.length > MAX_LINK_CHARS)
    return {
      ok: false,
      error: `the replay link is ${input.length} characters long, more than the ${MAX_LINK_CHARS} allowed`,
    };
  const payload = findPayload(input);
  if (payload === null)
    return { ok: false, error: 'no replay in this link (expected #r=... after the address)' };
  if (payload === '') return { ok: false, error: 'the replay in this link is empty' };
  const version = payload[0];
  if (version === V1) return decodeV1(payload.slice(1));
  if (version === VB) return decodeB(payload.slice(1));
  return {
    ok: false,
    error: `unknown replay format ${quoteInput(version ?? '')}: this Collapse Lab reads formats ${V1} and ${VB} (a newer link needs a newer Collapse Lab)`,
  };
}

function findPayload(input: string): string | null {
  const s = input.trim();
  const m = /(?:^|[#?&])r=([^&#]*)/.exec(s);
  if (m) return m[1] ?? '';
  // A bare payload (no address around it) is decoded as is, so a bad character is reported by position.
  return /[#?/:]/.test(s) ? null : s;
}

export function replayLink(base: string, r: Replay, options: { embed?: boolean } = {}): string {
  return linkForPayload(base, encodeReplay(r), options);
}
