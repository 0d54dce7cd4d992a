// collapse-lab: the command line. Exit 0 when no invariant broke, 1 when one did, 2 on bad input.

import { UsageError } from './args.ts';
import { checkCommand } from './checkCommand.ts';
import { runCommand } from './runCommand.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE = `usage:
  collapse-lab run --kernel K --slots S --threads T [--schedule 0,0,1,...] [--json | --text]
  collapse-lab run --url REPLAY-LINK [--json | --text]
  collapse-lab check --kernel K[,K2] --slots S --threads T [--max-states N] [--time-limit SECONDS]
                     [--no-reduce] [--json | --text]
  collapse-lab check --url REPLAY-LINK ...

  --text      the plain-text CPU0/CPU1 race diagram for email
  --base-url  the address replay links are made for (default $COLLAPSE_LAB_BASE_URL or
              http://127.0.0.1:5173/)

  K  a kernel variant: v6.3, v6.3+p1, v6.3+p2, v6.3+p3, v6.4-rc1, v6.4, v6.7, v5-nak, v6.12,
     v6.12+xas-fix
  S  one character per page: . hole, P page, M mapped page, F fallocated, S swapped out, H huge
     (a page may carry ^ pinned, ~ still in the lru batch; append |uffd for userfaultfd MISSING,
     |xa=C for an xarray of C-slot nodes beneath the slots; options combine: |uffd,xa=4)
  T  comma-separated actors, e.g. collapse,seek_data:0
`;

const COMMANDS: Record<string, (argv: string[], io: Io) => number | Promise<number>> = {
  run: runCommand,
  check: checkCommand,
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(USAGE);
    return cmd === undefined ? 2 : 0;
  }
  const command = COMMANDS[cmd];
  if (!command) {
    io.err(
      `collapse-lab: unknown command ${JSON.stringify(cmd)} (try: ${Object.keys(COMMANDS).join(', ')})\n`,
    );
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`collapse-lab ${cmd}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
