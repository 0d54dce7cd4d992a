// `collapse-lab repro`: a standalone C program that races the setup on a real kernel (src/repro/).

import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { linkOrReason } from '../replay/index.ts';
import { modelVerdicts, reproPlan, reproSource } from '../repro/index.ts';
import { parseCommandLine, UsageError } from './args.ts';
import type { Io } from './main.ts';
import { baseUrl, linkArgument, replayFrom } from './replayArgs.ts';

const FLAGS = {
  kernel: { type: 'string' },
  slots: { type: 'string' },
  threads: { type: 'string' },
  url: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'max-states': { type: 'string' },
  'base-url': { type: 'string' },
} as const;

/** States explored per kernel variant for the header's "what the model says". */
export const REPRO_MAX_STATES = 200_000;

export function reproCommand(argv: string[], io: Io): number {
  const { values: f, positional } = parseCommandLine(argv, FLAGS, 'replay link');
  const replay = replayFrom({ ...f, url: linkArgument(f.url, positional) }, false);
  const max = f['max-states'];
  if (max !== undefined && (!/^\d+$/.test(max) || Number(max) <= 0))
    throw new UsageError(`--max-states must be a positive whole number, not ${JSON.stringify(max)}`);
  if (f.output === '') throw new UsageError('-o needs a file name');
  const plan = reproPlan(replay.setup);
  if (plan === null)
    throw new UsageError(
      'the setup has no collapse thread; a reproducer races MADV_COLLAPSE against the others',
    );
  const made = linkOrReason(baseUrl(f['base-url']), replay);
  const link = 'url' in made ? made.url : null;
  const verdicts = modelVerdicts(replay.setup, plan, {
    now: () => performance.now(),
    maxStates: max === undefined ? REPRO_MAX_STATES : Number(max),
  });
  const source = reproSource({ setup: replay.setup, plan, link, schedule: replay.choices, verdicts });
  if ('reason' in made) io.err(`collapse-lab repro: ${made.reason}; the header gives the command line\n`);
  for (const n of plan.notReproduced) io.err(`collapse-lab repro: not reproduced: ${n}\n`);
  if (f.output === undefined) io.out(source);
  else {
    try {
      writeFileSync(f.output, source);
    } catch (e) {
      throw new UsageError(`-o ${JSON.stringify(f.output)}: ${e instanceof Error ? e.message : String(e)}`);
    }
    io.err(
      `collapse-lab repro: wrote ${f.output} (gcc -O2 -Wall -Wextra -Werror -pthread -o repro ${f.output})\n`,
    );
  }
  return 0;
}
