// collapse-lab: the command line. Exit 0 when no invariant broke, 1 when one did, 2 on bad input.

import { UsageError } from './args.ts';
import { closest } from '../engine/suggest.ts';
import { checkCommand } from './checkCommand.ts';
import { reproCommand } from './reproCommand.ts';
import { runCommand } from './runCommand.ts';
import { switchesCommand } from './switchesCommand.ts';
import { matrixCommand } from './matrixCommand.ts';
import { quoteInput } from '../engine/quote.ts';
import { terminalSafe } from './escape.ts';
import { COMMAND_USAGE, USAGE, wantsHelp } from './usage.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const COMMANDS: Record<string, (argv: string[], io: Io) => number | Promise<number>> = {
  run: runCommand,
  check: checkCommand,
  repro: reproCommand,
  switches: switchesCommand,
  matrix: matrixCommand,
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(USAGE);
    return cmd === undefined ? 2 : 0;
  }
  const command = COMMANDS[cmd];
  if (!command) {
    const near = closest(cmd, Object.keys(COMMANDS));
    io.err(
      `collapse-lab: unknown command ${quoteInput(cmd)}${near === null ? '' : ` (did you mean ${near}?)`} (try: ${Object.keys(COMMANDS).join(', ')})\n`,
    );
    return 2;
  }
  if (wantsHelp(rest)) {
    io.out(COMMAND_USAGE[cmd] ?? USAGE);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`collapse-lab ${cmd}: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}
