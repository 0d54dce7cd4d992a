// The reproducer's header comment: the race, what the model says of each kernel, the replay link, how to
// build and run it, and what of the setup it leaves out. Every user-derived text goes through cComment.

import { INVARIANTS } from '../engine/index.ts';
import type { ModelVerdict } from './affected.ts';
import { cComment } from './escape.ts';
import type { ReproPlan } from './plan.ts';

export interface HeaderInput {
  readonly setupText: string;
  /** The replay link, or null when the link format cannot carry this setup yet. */
  readonly link: string | null;
  /** The same replay as a `collapse-lab run` command line. */
  readonly command: string;
  readonly plan: ReproPlan;
  readonly verdicts: readonly ModelVerdict[];
}

/** The races this program can show, named as the project's race library names them. */
export function raceNames(plan: ReproPlan): string[] {
  const kinds = new Set(plan.checkers.map((c) => c.kind));
  const names: string[] = [];
  if (kinds.has('seek_data')) names.push('SEEK_DATA losing data (race a)');
  if (kinds.has('seek_hole')) names.push('SEEK_HOLE reporting a hole over data');
  const walksFromZero = plan.checkers.some((c) => c.kind === 'seek_hole' && c.page === 0);
  if (walksFromZero && plan.cheapSplit)
    names.push('the xarray node-boundary SEEK_HOLE race (a hole at a multiple of 64 pages)');
  if (kinds.has('mincore')) names.push('mincore reporting resident pages missing (race b)');
  if (kinds.has('read') || kinds.has('fault')) names.push('read() or a fault returning the wrong data');
  if (kinds.has('write')) names.push('a write() not reading back');
  if (plan.truncateTo !== null)
    names.push(
      `a truncate to page ${plan.truncateTo} racing the collapse losing data below the new end of file`,
    );
  names.push('data lost or misplaced by the collapse (checked after every round)');
  return names;
}

function verdictLine(v: ModelVerdict): string {
  const spec = `${INVARIANTS[v.invariant].spec} ${v.invariant}`;
  const broken = v.broken.length > 0 ? `broken on ${v.broken.join(', ')}` : 'holds on every variant';
  const unknown = v.unknown.length > 0 ? `; undecided (state limit) on ${v.unknown.join(', ')}` : '';
  return ` *   ${spec}: ${broken}${unknown}`;
}

export function headerComment(h: HeaderInput): string {
  const lines = [
    '/*',
    ' * Collapse Lab reproducer: races madvise(MADV_COLLAPSE) on a shmem file against userspace calls',
    ` * that check each answer against what the file holds. Setup: ${cComment(h.setupText)}`,
    ...(h.link === null ? [] : [` * Replay: ${cComment(h.link)}`]),
    ` * In the model: ${cComment(h.command)}`,
    ' *',
    ' * Races it can show:',
    ...raceNames(h.plan).map((n) => ` *   - ${n}`),
    ' * What the model says (every interleaving of this setup, per kernel variant):',
    ...h.verdicts.map(verdictLine),
  ];
  if (raceNames(h.plan).some((n) => n.startsWith('the xarray')) && !h.plan.xarrayModelled)
    lines.push(
      ' *   Without |xa the model has no xarray tree: add it to see the node-boundary race (v6.12, |xa=4).',
    );
  lines.push(
    ' *',
    ` * The ${h.plan.slots} slots become 512 pages of 4 KiB (one 2 MiB huge range); each actor works on the`,
    ' * first page of its slot. A rebuild makes the sequence counter odd, so samples that overlap one',
    ' * are discarded. After a collapse the whole range is data (holes filled with zeros): checkers',
    ' * accept the answer for the file as rebuilt or as one huge page, nothing else.',
  );
  if (h.plan.notReproduced.length > 0) {
    lines.push(' * Not reproduced from the setup:');
    for (const n of h.plan.notReproduced) lines.push(` *   - ${cComment(n)}`);
  }
  lines.push(
    ' *',
    ' * Build: gcc -O2 -Wall -Wextra -Werror -pthread -o repro repro.c',
    ' * Run:   ./repro [-t SECONDS] [-f PATH] [-n] [-r READERS]    (-n: the control, never collapses)',
    ' * Exit:  0 no anomaly, 1 anomalies (listed as "result anomaly" lines), 2 the kernel cannot run it.',
    ' */',
  );
  return `${lines.join('\n')}\n`;
}
