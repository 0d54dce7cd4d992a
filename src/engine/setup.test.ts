// The setup notation (README "Setup notation"): slot and thread strings, their errors, and createWorld.
import { describe, expect, it } from 'vitest';
import { ACTORS } from './actors/index.ts';
import { createWorld, formatSlots, formatThreads, parseSetup, parseSlots, parseThreads } from './setup.ts';
import type { Setup } from './setup.ts';
import type { ActorKind } from './types.ts';
import { VARIANT_IDS } from './variants.ts';

const slotsOf = (s: string) => {
  const p = parseSlots(s);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
};
const world = (slots: string, threads = 'collapse', kernel = 'v6.4') => {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new Error(p.error.message);
  return createWorld(p.value);
};

describe('parseSlots', () => {
  it('accepts every slot kind, the ^ and ~ modifiers and |uffd', () => {
    expect(slotsOf('.PMFS')).toEqual({
      slots: ['.', 'P', 'M', 'F', 'S'].map((kind) => ({ kind, pinned: false, batched: false })),
      uffd: false,
    });
    expect(slotsOf('P^M~F^~P~^|uffd')).toEqual({
      slots: [
        { kind: 'P', pinned: true, batched: false },
        { kind: 'M', pinned: false, batched: true },
        { kind: 'F', pinned: true, batched: true },
        { kind: 'P', pinned: true, batched: true },
      ],
      uffd: true,
    });
    expect(slotsOf('HHHH').slots.every((s) => s.kind === 'H')).toBe(true);
    expect(slotsOf('P'.repeat(512)).slots).toHaveLength(512);
    expect(slotsOf('.').slots).toHaveLength(1);
  });

  it.each([
    ['round trip', 'P^~M~F^.SS|uffd', 'P^~M~F^.SS|uffd'],
    ['modifier order is canonical', 'P~^', 'P^~'],
    ['huge', 'HHHH', 'HHHH'],
    ['plain', '.PMFS', '.PMFS'],
  ])('formatSlots: %s', (_what, input, output) => {
    expect(formatSlots(slotsOf(input))).toBe(output);
    expect(slotsOf(formatSlots(slotsOf(input)))).toEqual(slotsOf(input));
  });

  const bad = (input: string) => {
    const p = parseSlots(input);
    if (p.ok) throw new Error(`${input} was accepted`);
    return p.error;
  };
  const unexpected = (c: string, col: number) =>
    `slot string: unexpected "${c}" at column ${col} (expected one of . P M F S H, a page may be followed by ^ or ~)`;

  it.each([
    ['PPXP', unexpected('X', 3), 2],
    ['pppp', unexpected('p', 1), 0],
    ['PP P', unexpected(' ', 3), 2],
    ['^P', 'slot string: "^" at column 1 must follow a page (P, M or F)', 0],
    ['.~', 'slot string: "~" at column 2 must follow a page (P, M or F)', 1],
    ['S^', 'slot string: "^" at column 2 must follow a page (P, M or F)', 1],
    ['HH^', 'slot string: "^" at column 3 must follow a page (P, M or F)', 2],
    ['P^^', 'slot string: "^" repeated at column 3', 2],
    ['PM~^~', 'slot string: "~" repeated at column 5', 4],
    ['HHPH', 'slot string: H means the whole range is one huge page, so every slot must be H (column 3)', 2],
    ['PHHH', 'slot string: H means the whole range is one huge page, so every slot must be H (column 1)', 0],
    ['P'.repeat(513), 'slot string: 513 slots, at most 512', 512],
    ['', 'slot string: no slots (give one character per page, e.g. PPPP)', 0],
    ['|uffd', 'slot string: no slots (give one character per page, e.g. PPPP)', 0],
    ['PP|foo', 'slot string: unknown option "foo" at column 4 (known: uffd, xa, xa=C)', 3],
    ['PP|uffd,bar', 'slot string: unknown option "bar" at column 9 (known: uffd, xa, xa=C)', 8],
    ['PP|', 'slot string: unknown option "" at column 4 (known: uffd, xa, xa=C)', 3],
    [
      'PP|ufd',
      'slot string: unknown option "ufd" at column 4 (did you mean uffd?) (known: uffd, xa, xa=C)',
      3,
    ],
    [
      'PPPP|xa=5',
      'slot string: "xa=5" at column 6: the xarray node size must be one of 2, 4, 8, 16, 32, 64 (xa alone means 64)',
      5,
    ],
    [
      'PPPP|xa=04',
      'slot string: "xa=04" at column 6: the xarray node size must be one of 2, 4, 8, 16, 32, 64 (xa alone means 64)',
      5,
    ],
    [
      'PPP|xa=4',
      'slot string: "xa=4" needs a power-of-two number of slots of at least 2 (the huge page is one multi-index entry of order log2 N); there are 3',
      4,
    ],
    [
      'P|uffd,xa',
      'slot string: "xa" needs a power-of-two number of slots of at least 2 (the huge page is one multi-index entry of order log2 N); there are 1',
      7,
    ],
  ])('rejects %j', (input, message, position) => {
    expect(bad(input)).toEqual({ message, position });
  });

  it.each([
    ['PPPP|xa=4', 4, 'PPPP|xa=4'],
    ['PPPP|xa', 64, 'PPPP|xa=64'],
    ['PP.P|uffd,xa=2', 2, 'PP.P|uffd,xa=2'],
  ])('reads %j as an xarray of %i-slot nodes, written back as %j', (input, chunk, text) => {
    const r = parseSlots(input);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.xa).toBe(chunk);
    expect(formatSlots(r.value)).toBe(text);
  });

  it('a setup without |xa has no xa field and no tree (old setups unchanged)', () => {
    const r = parseSlots('PPPP|uffd');
    expect(r.ok && Object.keys(r.value)).toEqual(['slots', 'uffd']);
  });
});

describe('parseThreads', () => {
  it('accepts every user actor, with its parameter range, and trims spaces', () => {
    const withParam = (Object.keys(ACTORS) as ActorKind[]).filter((a) => a !== 'uffd_monitor');
    for (const a of withParam) {
      const prog = ACTORS[a];
      const spec = prog.param ? `${a}:${prog.param.max(4)}` : a;
      expect(parseThreads(spec, 4)).toEqual({
        ok: true,
        value: [{ actor: a, param: prog.param?.max(4) ?? 0 }],
      });
    }
    expect(parseThreads(' collapse , seek_data:4,read:0 ', 4)).toEqual({
      ok: true,
      value: [
        { actor: 'collapse', param: 0 },
        { actor: 'seek_data', param: 4 },
        { actor: 'read', param: 0 },
      ],
    });
    const eight = Array<string>(8).fill('read:0').join(',');
    expect(parseThreads(eight, 4).ok).toBe(true);
    expect(
      formatThreads([
        { actor: 'collapse', param: 0 },
        { actor: 'punch', param: 2 },
      ]),
    ).toBe('collapse,punch:2');
  });

  it.each([
    ['', 'threads: none given (e.g. collapse,seek_data:0)', 0],
    ['   ', 'threads: none given (e.g. collapse,seek_data:0)', 0],
    ['collapse,foo', 'threads: unknown actor "foo" at column 10', 9],
    ['collapse, foo', 'threads: unknown actor "foo" at column 11', 10],
    ['uffd_monitor', 'threads: unknown actor "uffd_monitor" at column 1', 0],
    ['collapse,mincor', 'threads: unknown actor "mincor" at column 10 (did you mean mincore?)', 9],
    ['seek_dat:0', 'threads: unknown actor "seek_dat" at column 1 (did you mean seek_data?)', 0],
    ['colapse', 'threads: unknown actor "colapse" at column 1 (did you mean collapse?)', 0],
    ['read:1:2', 'threads: "read:1:2" at column 1 has more than one parameter', 0],
    ['collapse:1', 'threads: collapse takes no parameter (column 1)', 0],
    ['read', 'threads: read needs an index from 0 to 3, as read:0 (column 1)', 0],
    ['collapse,read:', 'threads: read needs an index from 0 to 3, as read:0 (column 10)', 9],
    ['read:x', 'threads: read needs an index from 0 to 3, as read:0 (column 1)', 0],
    ['read:-1', 'threads: read needs an index from 0 to 3, as read:0 (column 1)', 0],
    ['read:4', 'threads: read:4 at column 1: index must be from 0 to 3 with 4 slots', 0],
    ['seek_data:5', 'threads: seek_data:5 at column 1: offset must be from 0 to 4 with 4 slots', 0],
    ['truncate:4', 'threads: truncate:4 at column 1: new size in pages must be from 0 to 3 with 4 slots', 0],
    [Array<string>(9).fill('collapse').join(','), 'threads: 9 threads, at most 8', null],
  ])('rejects %j', (input, message, position) => {
    expect(parseThreads(input, 4)).toEqual({ ok: false, error: { message, position } });
  });
});

describe('parseSetup', () => {
  it('accepts every kernel variant', () => {
    for (const k of VARIANT_IDS)
      expect(parseSetup(k, 'PP', 'collapse')).toMatchObject({ ok: true, value: { variant: k } });
  });

  it('reports the kernel, then the slots, then the threads (checked against the slot count)', () => {
    expect(parseSetup('v9', 'PP', 'collapse')).toEqual({
      ok: false,
      error: {
        message: `unknown kernel "v9"; known: ${VARIANT_IDS.join(', ')} (optionally followed by /switch=value)`,
        position: null,
      },
    });
    expect(parseSetup('v6.44', 'PP', 'collapse')).toMatchObject({
      ok: false,
      error: {
        message: `unknown kernel "v6.44" (did you mean v6.4?); known: ${VARIANT_IDS.join(', ')} (optionally followed by /switch=value)`,
      },
    });
    expect(parseSetup('v6.4', 'PX', 'bogus')).toMatchObject({ ok: false, error: { position: 1 } });
    expect(parseSetup('v6.4', 'PP', 'read:2')).toMatchObject({
      ok: false,
      error: { message: 'threads: read:2 at column 1: index must be from 0 to 1 with 2 slots' },
    });
  });
});

describe('createWorld', () => {
  it('small pages: holders, refcounts, flags, PTEs and data i + 1', () => {
    const w = world('.PMFS');
    expect(w.slots).toEqual([
      { t: 'empty' },
      { t: 'folio', folio: 0 },
      { t: 'folio', folio: 1 },
      { t: 'folio', folio: 2 },
      { t: 'swap', value: 5 },
    ]);
    const base = { locked: null, frozenBy: null, mapped: true, huge: false, hpageOf: null };
    expect(w.folios[0]).toEqual({
      ...base,
      id: 0,
      index: 1,
      uptodate: true,
      dirty: true,
      lru: true,
      refcount: 1,
      holders: [{ kind: 'cache', thread: -1 }],
      mapcount: 0,
      data: [2],
      valid: [true],
      fallocUnwritten: false,
      collected: false,
    });
    expect(w.folios[1]).toMatchObject({ index: 2, refcount: 2, mapcount: 1, data: [3] });
    expect(w.folios[1]?.holders).toEqual([
      { kind: 'cache', thread: -1 },
      { kind: 'pte', thread: -1 },
    ]);
    expect(w.folios[2]).toMatchObject({
      uptodate: false,
      dirty: false,
      data: [0],
      valid: [false],
      fallocUnwritten: true,
    });
    expect(w.proc).toEqual({
      ptes: [null, null, 1, null, null],
      pmd: 'table',
      pmdFolio: null,
      uffdMissing: false,
    });
    expect(w.ghost).toEqual({
      logical: [0, 2, 3, 0, 5],
      hasData: [false, true, true, false, true],
      emptySeenRegistered: [false, false, false, false, false],
    });
    expect(w).toMatchObject({
      n: 5,
      iSize: 5,
      nrpages: 3,
      nextFolio: 3,
      nextValue: 6,
      clock: 0,
      lruBatch: [],
    });
    expect(w.locks).toEqual({
      xa: null,
      ptl: null,
      inode: null,
      iMmap: { writer: null, readers: [] },
      mmap: { writer: null, readers: [] },
    });
  });

  it('^ adds an outside pin (+1024); ~ puts the page in an outside lru batch without PG_lru', () => {
    const w = world('P^~M~');
    expect(w.folios[0]).toMatchObject({ refcount: 1026, lru: false });
    expect(w.folios[0]?.holders.map((h) => h.kind)).toEqual(['cache', 'pin', 'lru-batch']);
    expect(w.folios[1]).toMatchObject({ refcount: 3, lru: false, mapcount: 1 });
    expect(w.lruBatch).toEqual([
      { cpu: -1, folio: 0 },
      { cpu: -1, folio: 1 },
    ]);
  });

  it('H: one huge folio in every slot with N cache references', () => {
    const w = world('HHHH');
    expect(Object.keys(w.folios)).toEqual(['0']);
    expect(w.slots.every((e) => e.t === 'folio' && e.folio === 0)).toBe(true);
    expect(w.folios[0]).toMatchObject({
      huge: true,
      index: 0,
      refcount: 4,
      data: [1, 2, 3, 4],
      uptodate: true,
    });
    expect(w.folios[0]?.holders).toEqual(Array(4).fill({ kind: 'cache', thread: -1 }));
    expect(w).toMatchObject({
      nrpages: 4,
      ghost: { logical: [1, 2, 3, 4], hasData: [true, true, true, true] },
    });
  });

  it('threads start at their entry step; |uffd and uffd_register add a monitor', () => {
    const w = world('P.|uffd', 'collapse,read:1');
    expect(w.threads.map((t) => [t.id, t.actor, t.pc, t.param, t.done, t.result, t.l.index])).toEqual([
      [0, 'collapse', 'drain_all', 0, false, null, 0],
      [1, 'read', 'get', 1, false, null, 1],
      [2, 'uffd_monitor', 'serve', 0, false, null, 0],
    ]);
    expect(w.proc.uffdMissing).toBe(true);
    expect(w.ghost.emptySeenRegistered).toEqual([false, true]);
    expect(world('P.', 'uffd_register').threads.map((t) => t.actor)).toEqual([
      'uffd_register',
      'uffd_monitor',
    ]);
    expect(world('P.', 'collapse').threads).toHaveLength(1);
    // Model 1 (an old link's) enters collapse_file directly.
    const old = parseSetup('v6.4', 'P.', 'collapse');
    if (!old.ok) throw new Error(old.error.message);
    expect(createWorld({ ...old.value, model: 1 }).threads[0]?.pc).toBe('alloc');
  });

  it('a Setup built by hand works the same as a parsed one', () => {
    const setup: Setup = { variant: 'v6.3', slots: slotsOf('PP'), threads: [{ actor: 'mincore', param: 0 }] };
    expect(createWorld(setup)).toEqual(world('PP', 'mincore', 'v6.3'));
  });
});
