// What `collapse-lab --help` and `collapse-lab COMMAND --help` print.

const NOTATION = `  K  a kernel: a variant (v6.3, v6.3+p1, v6.3+p2, v6.3+p3, v6.4-rc1, v6.4, v6.7, v5-nak, v6.12,
     v6.12+xas-fix), optionally with switches: v6.4/old-pages=freeze-keep (collapse-lab switches)
  S  one character per page: . hole, P page, M mapped page, F fallocated, S swapped out, H huge
     (a page may carry ^ pinned, ~ still in the lru batch; append |uffd for userfaultfd MISSING)
  T  comma-separated actors, e.g. collapse,seek_data:0
  LINK  a replay link (the page's share link, or one a command printed)
`;

const COMMON = `  --base-url URL  the address replay links are made for (default $COLLAPSE_LAB_BASE_URL or
                  http://127.0.0.1:5173/)
  --help          this text
`;

export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  run: `usage:
  collapse-lab run --kernel K --slots S --threads T [--schedule 0,0,1,...] [--json | --text]
  collapse-lab run LINK [--json | --text]

One schedule (thread indexes; past its end the threads finish round-robin): every step, the results and
every invariant violation. Exit 0 none broke, 1 one did, 2 bad input.

  --schedule LIST  the thread stepped at each step
  --url LINK       the same as giving LINK
  --json           one JSON object (kernel, slots, threads, steps, results, violations, url)
  --text           the plain-text CPU0/CPU1 race diagram for email (condensed: up to the break,
                   collapse's per-slot repetition folded); --text --full prints every step
${COMMON}
${NOTATION}`,
  check: `usage:
  collapse-lab check --kernel K[,K2] --slots S --threads T [--max-states N] [--time-limit SECONDS]
                     [--max-memory SIZE] [--no-reduce] [--json | --text]
  collapse-lab check LINK ...

Every interleaving, breadth-first: per invariant, holds or broken by a shortest schedule; with two
kernels, both and what differs. Exit 0 all hold, 1 one broke, 2 bad input, 3 a limit stopped the search.

  --max-states N        stop after N states
  --time-limit SECONDS  stop after this long (within 10% or 100 ms)
  --max-memory SIZE     stop before the process's memory reaches SIZE (512M, 2G; default half the
                        RAM, at most V8's heap limit)
  --no-reduce           turn off the partial-order reduction
  --url LINK            the same as giving LINK
  --json                one JSON object; --text the race diagram of each broken invariant
                        (condensed; --text --full prints every step)
${COMMON}
${NOTATION}`,
  repro: `usage:
  collapse-lab repro --kernel K --slots S --threads T [-o FILE] [--max-states N]
  collapse-lab repro LINK [-o FILE]

A standalone C program that races the setup on a real kernel: it rebuilds a shmem file into the setup's
state (512 pages for the slot range), calls madvise(MADV_COLLAPSE) round after round, and loops the
setup's userspace calls on other CPUs, checking each answer against what the file holds.
Build it with gcc -O2 -Wall -Wextra -Werror -pthread; run it with -t SECONDS, -f PATH (a file on a
tmpfs), -n (the control: never collapse), -r READERS.

  -o, --output FILE  write the program there instead of to standard output
  --max-states N     states the model explores per kernel for the header's verdicts (default 200000)
  --url LINK         the same as giving LINK
${COMMON}
${NOTATION}`,
  matrix: `usage:
  collapse-lab matrix [--json] [--jobs N] [--races ID,...] [--kernels K,...] [--max-states N]

Which change fixes which race: the recorded races (rows) on the named variants and on every single
switch flipped from v6.4 (and from v6.3 where that makes another kernel), each cell checked over every
interleaving. Cells run on worker threads, one per core. Exit 0 every search completed, 3 one was stopped.

  --json          { rows: [{ race, slots, threads }], columns: [{ kernel }],
                    cells: [[{ broken: [ids], complete, states }]] }, cells[r][c]
  --jobs N        worker threads (default: the cores the machine allows); the cells are the same
  --races LIST    only these recorded races (ids, comma-separated)
  --kernels LIST  these kernels as the columns (any kernel strings)
  --max-states N  stop each search after N states
`,
  switches: `usage:
  collapse-lab switches

The switches a kernel string may set (BASE/switch=value/...): each one's values, the commit each value
comes from and the code change it stands for. Boolean switches take on or off.
`,
};

export const USAGE = `usage:
  collapse-lab run --kernel K --slots S --threads T [--schedule 0,0,1,...] [--json | --text]
  collapse-lab run LINK [--json | --text]
  collapse-lab check --kernel K[,K2] --slots S --threads T [--max-states N] [--time-limit SECONDS]
                     [--max-memory SIZE] [--no-reduce] [--json | --text]
  collapse-lab check LINK ...
  collapse-lab repro --kernel K --slots S --threads T [-o FILE]
  collapse-lab repro LINK [-o FILE]
  collapse-lab matrix [--json]
  collapse-lab switches
  collapse-lab COMMAND --help

  --text      the plain-text CPU0/CPU1 race diagram for email (--full: every step)
  --base-url  the address replay links are made for (default $COLLAPSE_LAB_BASE_URL or
              http://127.0.0.1:5173/)

${NOTATION}`;

/** True when the arguments ask for help (before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}
