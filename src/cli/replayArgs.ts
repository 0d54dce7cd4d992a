// Where a command's setup and schedule come from: --kernel/--slots/--threads/--schedule, or a replay
// link (--url). And the base address links are made for (--base-url, else COLLAPSE_LAB_BASE_URL, else
// the local dev server).

import type { Setup } from '../engine/index.ts';
import { parseSetup } from '../engine/index.ts';
import { decodeReplay, type Replay } from '../replay/index.ts';
import { parseSchedule, required, UsageError } from './args.ts';
import { MODEL_VERSION } from '../engine/modelVersion.ts';
import { quoteInput } from '../engine/quote.ts';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:5173/';

export function baseUrl(flag: string | undefined): string {
  const env = process.env['COLLAPSE_LAB_BASE_URL'];
  const base = flag ?? env ?? DEFAULT_BASE_URL;
  // Printable ASCII only: the address is printed in every link (a non-ASCII one can be given encoded).
  if (!/^https?:\/\/[\x21-\x22\x24-\x7e]+$/.test(base)) {
    const source = flag !== undefined ? '--base-url' : 'the environment variable COLLAPSE_LAB_BASE_URL';
    throw new UsageError(
      `${source} must be an http(s) address of printable ASCII without a #fragment, not ${quoteInput(base)}`,
    );
  }
  return base;
}

export function setupFrom(kernel: string, slots: string, threads: string): Setup {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new UsageError(p.error.message);
  return p.value;
}

interface SourceFlags {
  readonly url?: string | undefined;
  readonly kernel?: string | undefined;
  readonly slots?: string | undefined;
  readonly threads?: string | undefined;
  readonly schedule?: string | undefined;
}

/** The replay a command works on: decoded from --url, or built from the setup flags. */
export function replayFrom(f: SourceFlags, allowSchedule: boolean): Replay {
  if (f.url !== undefined) {
    if (
      f.kernel !== undefined ||
      f.slots !== undefined ||
      f.threads !== undefined ||
      f.schedule !== undefined
    )
      throw new UsageError('give either --url or --kernel/--slots/--threads/--schedule, not both');
    const d = decodeReplay(f.url);
    if (!d.ok) throw new UsageError(`--url: ${d.error}`);
    return d.replay;
  }
  const setup = setupFrom(
    required(f.kernel, 'kernel'),
    required(f.slots, 'slots'),
    required(f.threads, 'threads'),
  );
  if (!allowSchedule && f.schedule !== undefined) throw new UsageError('--schedule is for collapse-lab run');
  const choices = parseSchedule(f.schedule);
  return { model: MODEL_VERSION, setup, choices, cursor: choices.length, compare: null };
}

/** The replay link, given as `--url LINK` or as the command's one plain argument. */
export function linkArgument(flag: string | undefined, positional: string | undefined): string | undefined {
  if (flag !== undefined && positional !== undefined)
    throw new UsageError('give the replay link once: as an argument or as --url, not both');
  return flag ?? positional;
}
