import { describe, expect, it } from 'vitest';
import { parseSetup, type Setup } from '../engine/index.ts';
import { firstPage, reproPlan } from './plan.ts';

function setup(kernel: string, slots: string, threads: string): Setup {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

describe('reproPlan', () => {
  it('spreads the slots over 512 pages and merges neighbours in the same state', () => {
    const plan = reproPlan(setup('v6.4', 'PPM.F', 'collapse,seek_data:3,mincore,read:4'));
    expect(plan?.runs).toEqual([
      { first: 0, count: 204, state: 'PG_DATA' },
      { first: 204, count: 103, state: 'PG_MAPPED' },
      { first: 307, count: 102, state: 'PG_HOLE' },
      { first: 409, count: 103, state: 'PG_FALLOC' },
    ]);
    expect(plan?.checkers).toEqual([
      { kind: 'seek_data', page: 307, name: 'seek_data:3' },
      { kind: 'mincore', page: 0, name: 'mincore' },
      { kind: 'read', page: 409, name: 'read:4' },
    ]);
    expect(plan?.cheapSplit).toBe(false);
    expect(plan?.notReproduced).toEqual([]);
  });

  it('a seek at the end of the file starts at page 512', () => {
    expect(firstPage(4, 4)).toBe(512);
    expect(reproPlan(setup('v6.4', 'PPPP', 'collapse,seek_hole:4'))?.checkers[0]?.page).toBe(512);
  });

  it('a fully written range splits cheaply; an H range is rebuilt written', () => {
    expect(reproPlan(setup('v6.7', 'PPPPPPPP', 'collapse,seek_hole:0'))?.cheapSplit).toBe(true);
    expect(reproPlan(setup('v6.7', 'HHHH', 'collapse'))).toMatchObject({
      cheapSplit: true,
      runs: [{ first: 0, count: 512, state: 'PG_DATA' }],
    });
  });

  it('only a write or fault into a hole or fallocated page leaves it unsettled', () => {
    const plan = reproPlan(setup('v6.4', 'P.F.', 'collapse,write:0,write:1,fault:2,read:3'));
    expect(plan?.unsettled).toEqual([128, 256]);
  });

  it('names what it cannot recreate', () => {
    const plan = reproPlan(setup('v6.4', 'P^P~S.|uffd', 'collapse,truncate:1,pin:0,mincore'));
    expect(plan?.notReproduced).toEqual([
      'long-term GUP pins (^): userspace holds no FOLL_PIN on a shmem page without a device.',
      'pages waiting in an lru_add batch (~): which CPU batch a page sits in is not selectable.',
      'swapped-out pages (S) are asked out with MADV_PAGEOUT, which needs swap; without it they stay.',
      'userfaultfd registration (|uffd).',
      'threads not looped (no checker answers for them): pin:0.',
    ]);
  });

  it('the first truncate thread cuts the file each round; a second one is not reproduced', () => {
    const plan = reproPlan(setup('v6.4', 'P.PP', 'collapse,truncate:1,truncate:2'));
    expect(plan?.truncateTo).toBe(128);
    expect(plan?.cheapSplit).toBe(false);
    expect(plan?.notReproduced).toEqual(['threads not looped (no checker answers for them): truncate:2.']);
    expect(reproPlan(setup('v6.4', 'PPPP', 'collapse,truncate:2'))).toMatchObject({
      truncateTo: 256,
      cheapSplit: false,
    });
    expect(reproPlan(setup('v6.4', 'PPPP', 'collapse,seek_hole:0'))?.truncateTo).toBeNull();
  });

  it('needs a collapse thread', () => {
    expect(reproPlan(setup('v6.4', 'PP', 'seek_data:0'))).toBeNull();
  });
});
