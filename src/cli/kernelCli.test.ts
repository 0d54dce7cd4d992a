// Custom kernels (BASE/switch=value) wherever the command line takes a kernel.
import { describe, expect, it } from 'vitest';
import { decodeReplay } from '../replay/index.ts';
import { cli } from './cliHarness.ts';

const SEEK = ['--slots', 'PPPP', '--threads', 'collapse,seek_data:0'];
const payloadOf = (url: string) => url.slice(url.indexOf('#r=') + 3);

describe('custom kernels on the command line', () => {
  it('run takes a switch string, names it canonically and links it', async () => {
    // v6.4 with v6.3's commit order stores the huge page before it is uptodate: SEEK_DATA loses data.
    const r = await cli(
      'run',
      '--kernel',
      'v6.4/old-pages=freeze-replace/commit-order=v6.3/uffd-check=off',
      ...SEEK,
      '--json',
    );
    const j = JSON.parse(r.out) as { kernel: string; url: string };
    expect(j.kernel).toBe('v6.4/commit-order=v6.3/old-pages=freeze-replace/uffd-check=off');
    const d = decodeReplay(payloadOf(j.url));
    expect(d.ok && d.replay.setup.variant).toBe(j.kernel);
    const text = await cli('run', '--kernel', j.kernel, ...SEEK);
    expect(text.out).toMatch(
      /^kernel {2}v6\.4\/commit-order=v6\.3\/.*: v6\.4 as released, with commit-order=v6\.3/m,
    );
  });

  it('check proves or breaks on a custom kernel, and compares two', async () => {
    const broken = await cli(
      'check',
      '--kernel',
      'v6.4/old-pages=freeze-replace/commit-order=p3',
      ...SEEK,
      '--json',
    );
    expect(broken.code).toBe(1);
    const j = JSON.parse(broken.out) as { kernel: string; invariants: { id: string; holds: boolean }[] };
    expect(j.kernel).toBe('v6.4/commit-order=p3/old-pages=freeze-replace');
    expect(j.invariants.find((v) => v.id === 'seek')?.holds).toBe(false);
    const c = await cli('check', '--kernel', 'v6.4,v6.4/commit-order=p3/old-pages=freeze-replace', ...SEEK);
    expect(c.code).toBe(1);
    expect(c.out).toMatch(/compare v6\.4 -> v6\.4\/commit-order=p3\/old-pages=freeze-replace/);
  });

  it.each([
    [
      ['--kernel', 'v6.4/old-page=freeze-keep'],
      /unknown switch "old-page" \(did you mean old-pages\?\); switches: drain-after-swapin,/,
    ],
    [
      ['--kernel', 'v6.4/old-pages=frozen'],
      /switch old-pages takes freeze-replace or freeze-keep or count-keep, not "frozen"/,
    ],
    [
      ['--kernel', 'v6.3/uffd-check=on'],
      /cannot run: uffd-check=on needs commit-order=p3 or commit-order=post/,
    ],
    [['--kernel', 'v6.4,v6.4/iteration-bug=maybe'], /switch iteration-bug takes on or off, not "maybe"/],
  ])('exits 2 naming what is wrong: %j', async (kernel, message) => {
    for (const cmd of ['run', 'check']) {
      if (cmd === 'run' && String(kernel[1]).includes(',')) continue;
      const r = await cli(cmd, ...kernel, ...SEEK);
      expect(r.code, cmd).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });

  it('switches lists every switch with its commits, and each variant spelt as v6.4 with switches', async () => {
    const r = await cli('switches');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^old-pages=freeze-replace\|freeze-keep\|count-keep$/m);
    expect(r.out).toMatch(/^ {4}on {14}efa3d814fad1 mm\/khugepaged: drain lru after swapping in shmem$/m);
    expect(r.out).toMatch(/^ {2}v5-nak {9}v6\.4\/drain-after-swapin=off\/old-pages=freeze-keep$/m);
  });
});
