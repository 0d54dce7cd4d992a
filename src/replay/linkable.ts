// Which setups a replay link can carry today. Format A (formatV1.ts, frozen) knows eight kernels and no
// setup options but `|uffd`; the text format B (the hardening work) will carry the rest. Until then a
// setup it cannot carry gets a clear reason instead of a wrong link or a crash.

import type { Setup } from '../engine/index.ts';
import type { Replay } from './replay.ts';
import { replayLink } from './link.ts';

const FORMAT_A_KERNELS: readonly string[] = [
  'v6.3',
  'v6.3+p1',
  'v6.3+p2',
  'v6.3+p3',
  'v6.4-rc1',
  'v6.4',
  'v6.7',
  'v5-nak',
];

/** Why no link can be made for this setup (compared with `compare`), or null when one can. */
export function linkProblem(setup: Setup, compare: string | null = null): string | null {
  if (setup.slots.xa !== undefined)
    return 'no replay link can be made for an |xa setup yet: link format A cannot carry it (a collapse-lab run command line replays it)';
  if (!FORMAT_A_KERNELS.includes(setup.variant))
    return `no replay link can be made for kernel ${setup.variant} yet: link format A cannot carry it (a collapse-lab run command line replays it)`;
  if (compare !== null && !FORMAT_A_KERNELS.includes(compare))
    return `no replay link can be made with kernel ${compare} compared yet (link format A cannot carry it)`;
  return null;
}

/** The replay link, or the sentence saying why there is none. */
export function linkOrReason(
  base: string,
  r: Replay,
): { readonly url: string } | { readonly reason: string } {
  const why = linkProblem(r.setup, r.compare);
  return why === null ? { url: replayLink(base, r) } : { reason: why };
}
