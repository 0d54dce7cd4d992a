// Each step of the tree walk (find_get_entry over xas_find) on each kind of entry it can read, from
// worlds with the walker placed by hand: NULL, folio, value, sibling (skipped; or followed back with the
// fix), retry, node, the climb, the fresh load, try_get and the re-check.
import { describe, expect, it } from 'vitest';
import { Script, worldOf } from '../testkit.ts';
import { threadStatus } from '../status.ts';
import { step } from '../step.ts';
import type { World } from '../types.ts';
import { headNode, reachableNodes } from './tree.ts';
import type { XasPos } from './types.ts';
import { XAS_RESTART } from './types.ts';

/** Thread 0 of w at step `pc`, with its xa_state and xa_index set. */
function placed(w: World, pc: string, xas: Partial<XasPos> & { node: number }, index: number): World {
  const t = w.threads[0];
  if (!t) throw new Error('no T0');
  const l = { ...t.l, index, start: index, xas: { offset: 0, cand: -1, returned: -1, ...xas } };
  return { ...w, threads: [{ ...t, pc, l }, ...w.threads.slice(1)] };
}
function stepped(w: World): World {
  const r = step(w, 0);
  if (!r.ok) throw new Error(r.error.message);
  return r.world;
}
const t0 = (w: World) =>
  w.threads[0] ??
  (() => {
    throw new Error('no T0');
  })();
const head = (w: World) =>
  headNode(
    w.xa ??
      (() => {
        throw new Error('no tree');
      })(),
  )?.id ?? -1;
/** Opens the inode lock step so the walker holds what its real call would. */
const seekWorld = (kernel: string, slots: string, thread = 'seek_hole:0') =>
  stepped(worldOf(kernel, slots, thread));

describe('xas_find: reading the next slot', () => {
  it('NULL is skipped: next offset, next index', () => {
    const w = seekWorld('v6.12', 'P.PP|xa=4');
    const after = stepped(placed(w, 'xa_xas_next', { node: head(w), offset: 1 }, 1));
    expect(t0(after).pc).toBe('xa_xas_next');
    expect(t0(after).l.xas).toMatchObject({ node: head(w), offset: 2 });
    expect(t0(after).l.index).toBe(2);
  });

  it('a folio is returned: try_get comes next, on that folio', () => {
    const w = seekWorld('v6.12', 'P.PP|xa=4');
    const after = stepped(placed(w, 'xa_xas_next', { node: head(w), offset: 2 }, 2));
    const e = w.slots[2];
    expect(t0(after).pc).toBe('xa_try_get');
    expect(t0(after).l.xas?.cand).toBe(e?.t === 'folio' ? e.folio : -2);
  });

  it('a value (swap) entry is returned without a reference: data, and the walk moves on in the node', () => {
    const w = seekWorld('v6.12', 'PPSP|xa=4');
    const after = stepped(placed(w, 'xa_xas_next', { node: head(w), offset: 2 }, 2));
    expect(t0(after).pc).toBe('xa_xas_next');
    expect(t0(after).l.xas).toMatchObject({ offset: 3 });
    expect(t0(after).l.start).toBe(3);
  });

  it('a sibling is skipped on v6.12; the fix goes back to the canonical entry it did not return', () => {
    const w = seekWorld('v6.12', 'HHHH|xa=8');
    const skipped = stepped(placed(w, 'xa_xas_next', { node: head(w), offset: 1 }, 1));
    expect(t0(skipped).l.xas).toMatchObject({ offset: 2 });
    expect(t0(skipped).pc).toBe('xa_xas_next');
    const fw = seekWorld('v6.12+xas-fix', 'HHHH|xa=8');
    const back = stepped(placed(fw, 'xa_xas_next', { node: head(fw), offset: 1 }, 1));
    expect(t0(back).pc).toBe('xa_try_get');
    expect(t0(back).l.xas).toMatchObject({ offset: 0, cand: 0 });
    expect(t0(back).l.index).toBe(0);
    const known = stepped(placed(fw, 'xa_xas_next', { node: head(fw), offset: 1, returned: 0 }, 1));
    expect(t0(known).l.xas).toMatchObject({ offset: 2 }); // its canonical entry was returned: skip
  });

  it('a retry entry resets the walk; the fresh lookup then spins while the retry entry is live', () => {
    const s = Script.of('v6.12', 'PP..|xa=4', 'collapse,seek_data:2').to(0, 'revalidate_check');
    expect(s.world.slots[2]?.t).toBe('retry');
    const w = stepped({
      ...s.world,
      threads: [s.world.threads[1], s.world.threads[0]].map((t, id) => ({
        ...(t as World['threads'][0]),
        id,
      })),
    });
    const after = stepped(placed(w, 'xa_xas_next', { node: head(w), offset: 2 }, 2));
    expect(t0(after).pc).toBe('xa_xas_load');
    expect(t0(after).l.xas?.node).toBe(XAS_RESTART);
    expect(threadStatus(after, t0(after))).toMatchObject({
      t: 'blocked',
      block: { kind: 'retry-entry', index: 2 },
    });
  });

  it('a child node is descended at offset 0', () => {
    const w = seekWorld('v6.12', 'PPPPPPPP|xa=4');
    const leaf1 = reachableNodes(
      w.xa ??
        (() => {
          throw new Error();
        })(),
    ).find((n) => n.shift === 0 && n.offset === 1);
    const after = stepped(placed(w, 'xa_xas_next', { node: head(w), offset: 1 }, 4));
    expect(t0(after).l.xas).toMatchObject({ node: leaf1?.id, offset: 0 });
    expect(t0(after).pc).toBe('xa_xas_next');
  });
});

describe('xas_find: the climb, the fresh load', () => {
  it('the end of a leaf climbs to the parent at the next offset; the head has none: past the bounds', () => {
    const w = seekWorld('v6.12', 'PPPPPPPP|xa=4');
    const leaf0 = reachableNodes(
      w.xa ??
        (() => {
          throw new Error();
        })(),
    ).find((n) => n.shift === 0 && n.offset === 0);
    const up = stepped(placed(w, 'xa_xas_climb', { node: leaf0?.id ?? -1, offset: 4 }, 4));
    expect(t0(up).l.xas).toMatchObject({ node: head(w), offset: 1 });
    expect(t0(up).pc).toBe('xa_xas_next');
    const out = stepped(placed(w, 'xa_xas_climb', { node: head(w), offset: 4 }, 4));
    expect(t0(out).result).toBe('4');
    expect(t0(out).l.xas).toBeUndefined(); // the call is over: its xa_state is gone // SEEK_HOLE: no entry left, the hole is at the cursor
  });

  it('a fresh load inside the multi-index entry follows the sibling; the index stays the one asked', () => {
    const w = seekWorld('v6.12', 'HHHHHHHH|xa=4');
    const after = stepped(placed(w, 'xa_xas_load', { node: XAS_RESTART }, 5));
    expect(t0(after).l.xas).toMatchObject({ node: head(w), offset: 0, cand: 0 });
    expect(t0(after).l.index).toBe(5);
  });
});

describe("find_get_entry's try_get and re-check", () => {
  it('try_get spins on a frozen folio and looks again when the folio is gone', () => {
    const s = Script.of('v6.3', 'PPPP|xa=4', 'collapse,seek_hole:0').to(0, 'freeze');
    s.step(0);
    const frozen = Object.values(s.world.folios).find((f) => f.frozenBy !== null);
    const w = stepped({
      ...s.world,
      threads: [s.world.threads[1], s.world.threads[0]].map((t, id) => ({
        ...(t as World['threads'][0]),
        id,
      })),
    });
    const at = placed(
      w,
      'xa_try_get',
      { node: head(w), offset: frozen?.index ?? 0, cand: frozen?.id ?? -1 },
      frozen?.index ?? 0,
    );
    expect(threadStatus(at, t0(at))).toMatchObject({ t: 'blocked', block: { kind: 'frozen' } });
    const gone = placed(w, 'xa_try_get', { node: head(w), offset: 0, cand: 999 }, 0);
    expect(t0(stepped(gone)).pc).toBe('xa_xas_load');
  });

  it('the re-check that finds another entry drops the reference and resets', () => {
    const w = seekWorld('v6.12', 'PPPP|xa=4');
    const got = stepped(placed(w, 'xa_try_get', { node: head(w), offset: 1, cand: 1 }, 1));
    expect(got.folios[1]?.holders.some((h) => h.kind === 'lookup')).toBe(true);
    const moved = stepped({ ...got, threads: [{ ...t0(got), l: { ...t0(got).l, index: 2 } }] });
    expect(t0(moved).pc).toBe('xa_xas_load');
    expect(moved.folios[1]?.holders.some((h) => h.kind === 'lookup')).toBe(false);
    const same = stepped(got); // the slot still holds it: the folio is data, the walk goes on
    expect(t0(same).l.start).toBe(2);
    expect(t0(same).l.xas?.returned).toBe(1);
  });
});
