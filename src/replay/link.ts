// Replay links: `<base>#r=<payload>` (the fragment never reaches a server, so any static host works),
// with `?embed=1` for the iframe layout. Decoding is safe on hostile input: bounded work, a clear
// message for anything wrong, nothing from the link is ever executed.

import { decodeV1, encodeV1, V1 } from './formatV1.ts';
import { linkForPayload } from './linkForPayload.ts';
import { linkProblem } from './linkable.ts';
import { MAX_LINK_CHARS, type Decoded, type Replay } from './replay.ts';

export function encodeReplay(r: Replay): string {
  const why = linkProblem(r.setup, r.compare);
  if (why !== null) throw new Error(why);
  return encodeV1(r);
}

/** Decodes a payload (`A...`) or finds it in a full link (`...#r=A...` or `...?r=A...`). */
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
  return {
    ok: false,
    error: `unknown replay format ${JSON.stringify(version)}: this Collapse Lab reads format ${V1} (a newer link needs a newer Collapse Lab)`,
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
