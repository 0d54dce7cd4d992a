// The command line on `|xa` setups and the v6.12 kernels: results per thread in check --json, and their
// replay links (format B carries any setup as text).
import { describe, expect, it } from 'vitest';
import { formatSlots } from '../engine/index.ts';
import { decodeReplay } from '../replay/index.ts';
import { cli } from './cliHarness.ts';

describe('collapse-lab with |xa', () => {
  it('check --json lists each thread with every result it can end with, and a link for the counterexample', async () => {
    const r = await cli(
      'check',
      '--kernel',
      'v6.12',
      '--slots',
      'PPPPPPPP|xa=4',
      '--threads',
      'collapse,seek_hole:0',
      '--json',
    );
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as {
      results: { thread: number; actor: string; values: string[] }[];
      invariants: { id: string; holds: boolean; replay?: string; url?: string }[];
    };
    expect(j.results).toEqual([
      { thread: 0, actor: 'collapse', values: ['SCAN_PAGE_COUNT', 'SCAN_SUCCEED'] },
      { thread: 1, actor: 'seek_hole', values: ['4', '8'] },
    ]);
    const seek = j.invariants.find((v) => v.id === 'seek');
    expect(seek?.holds).toBe(false);
    const d = decodeReplay(seek?.url ?? '');
    expect(d.ok && formatSlots(d.replay.setup.slots)).toBe('PPPPPPPP|xa=4');
    expect(seek?.replay).toMatch(/--slots 'PPPPPPPP\|xa=4'/);
  });

  it('run prints the result and the link', async () => {
    const r = await cli('run', '--kernel', 'v6.12+xas-fix', '--slots', 'PPPP', '--threads', 'seek_hole:0');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/T0 seek_hole:0 +4/);
    expect(r.out).toMatch(/^replay: http:\/\/127\.0\.0\.1:5173\/#r=B[\w-]+$/m);
    expect(r.err).toBe('');
  });

  it('a bad node size is a clear usage error', async () => {
    const r = await cli('run', '--kernel', 'v6.12', '--slots', 'PPPP|xa=3', '--threads', 'seek_hole:0');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/"xa=3" at column 6: the xarray node size must be one of 2, 4, 8, 16, 32, 64/);
  });
});
