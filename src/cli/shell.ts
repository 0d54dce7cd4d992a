// Quoting for command lines we print for people to paste.

/** Single-quotes a shell word unless it is plainly safe. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_.,:=/+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function runCommandLine(
  kernel: string,
  slots: string,
  threads: string,
  schedule: readonly number[],
): string {
  return [
    'collapse-lab run',
    '--kernel',
    shellWord(kernel),
    '--slots',
    shellWord(slots),
    '--threads',
    shellWord(threads),
    '--schedule',
    schedule.join(','),
  ].join(' ');
}
