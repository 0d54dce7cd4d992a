// `collapse-lab switches`: the switches a kernel string may set, with their values, commits and meaning.

import { formatKernel, SWITCHES, VARIANT_IDS, VARIANTS } from '../engine/index.ts';
import { parseCommandLine, UsageError } from './args.ts';
import type { Io } from './main.ts';

export function switchesCommand(argv: string[], io: Io): number {
  const { positional } = parseCommandLine(argv, {}, 'argument');
  if (positional !== undefined) throw new UsageError('takes no argument');
  io.out('A kernel is BASE or BASE/switch=value/... (e.g. v6.4/old-pages=freeze-keep).\n\n');
  for (const s of SWITCHES) {
    io.out(`${s.name}=${s.values.map((v) => v.name).join('|')}\n  ${s.description}\n`);
    for (const v of s.values)
      io.out(
        `    ${v.name.padEnd(15)} ${v.commit ? `${v.commit.id} ${v.commit.title}` : 'before the series'}\n`,
      );
  }
  io.out('\nEach variant as v6.4 with switches:\n');
  for (const id of VARIANT_IDS) io.out(`  ${id.padEnd(14)} ${formatKernel('v6.4', VARIANTS[id].flags)}\n`);
  return 0;
}
