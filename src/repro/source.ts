// A standalone C reproducer for a setup: the header, the fixed runtime, and the setup's tables, which
// hold only numbers, enumerator names and escaped strings.

import type { Setup } from '../engine/index.ts';
import { formatSlots, formatThreads } from '../engine/index.ts';
import type { ModelVerdict } from './affected.ts';
import { C_CHECKERS } from './cCheckers.ts';
import { C_COLLAPSER } from './cCollapser.ts';
import { C_HUGE } from './cHuge.ts';
import { C_TRUNCATE } from './cTruncate.ts';
import { C_REPORT, C_SETUP } from './cMain.ts';
import { C_PRELUDE, C_STATE } from './cPrelude.ts';
import { cString } from './escape.ts';
import { headerComment } from './header.ts';
import type { CheckKind, ReproPlan } from './plan.ts';

const CHECK_ENUM: Readonly<Record<CheckKind, string>> = {
  seek_data: 'CK_SEEK_DATA',
  seek_hole: 'CK_SEEK_HOLE',
  mincore: 'CK_MINCORE',
  read: 'CK_READ',
  write: 'CK_WRITE',
  fault: 'CK_FAULT',
};

/** Quoted for a POSIX shell where needed (the slot string may hold |, ^ or ~). */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_.,:=/+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function runCommand(setup: Setup, schedule: readonly number[]): string {
  const words = [
    'collapse-lab run --kernel',
    shellWord(setup.variant),
    '--slots',
    shellWord(formatSlots(setup.slots)),
    '--threads',
    shellWord(formatThreads(setup.threads)),
  ];
  return (schedule.length > 0 ? [...words, '--schedule', schedule.join(',')] : words).join(' ');
}

export function setupText(setup: Setup): string {
  return `kernel=${setup.variant} slots=${formatSlots(setup.slots)} threads=${formatThreads(setup.threads)}`;
}

/** The setup as C tables; each array ends with a sentinel so none is empty. */
function tables(plan: ReproPlan, setup: Setup, link: string | null): string {
  const int = (n: number) => String(Math.trunc(n));
  const runs = plan.runs.map((r) => `\t{ ${int(r.first)}, ${int(r.count)}, ${r.state} },`);
  const checkers = plan.checkers.map(
    (c) => `\t{ ${CHECK_ENUM[c.kind]}, ${int(c.page)}, ${cString(c.name)} },`,
  );
  return [
    '',
    `#define SETUP_TEXT ${cString(setupText(setup))}`,
    `#define REPLAY_LINK ${cString(link ?? 'none')}`,
    `#define CHEAP_SPLIT ${plan.cheapSplit ? 1 : 0}`,
    `#define TRUNCATE_PAGE ${int(plan.truncateTo ?? -1)}`,
    `enum { NRUNS = ${plan.runs.length}, NCHECKERS = ${plan.checkers.length}, NUNSETTLED = ${plan.unsettled.length} };`,
    '',
    'static const struct run runs[] = {',
    ...runs,
    '\t{ 0, 0, PG_HOLE },',
    '};',
    'static const struct checker_spec checker_specs[] = {',
    ...checkers,
    '\t{ CK_READ, 0, "" },',
    '};',
    `static const int unsettled_pages[] = { ${[...plan.unsettled.map(int), '0'].join(', ')} };`,
    '',
  ].join('\n');
}

export interface ReproInput {
  readonly setup: Setup;
  readonly plan: ReproPlan;
  /** The replay link, or null when the link format cannot carry this setup yet. */
  readonly link: string | null;
  /** The replay's schedule, for the `collapse-lab run` line in the header. */
  readonly schedule: readonly number[];
  readonly verdicts: readonly ModelVerdict[];
}

export function reproSource(r: ReproInput): string {
  return [
    headerComment({
      setupText: setupText(r.setup),
      link: r.link,
      command: runCommand(r.setup, r.schedule),
      plan: r.plan,
      verdicts: r.verdicts,
    }),
    C_PRELUDE,
    tables(r.plan, r.setup, r.link),
    C_STATE,
    C_HUGE,
    C_TRUNCATE,
    C_COLLAPSER,
    C_CHECKERS,
    C_SETUP,
    C_REPORT,
  ].join('');
}
