// The page's first render has the engine without the xarray's code (core.ts): a `|xa` setup names it as
// missing, and its world cannot be built, so no step can run on a tree before its code is there. Fresh
// module instances (vi.resetModules) stand for that first render: the test setup file has registered
// everything in the shared ones.
import { beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.resetModules();
});

async function firstRender() {
  const core = await import('./core.ts');
  const parsed = core.parseSetup('v6.12', 'PPPPPPPP|xa=4', 'collapse,seek_hole:0');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { core, setup: parsed.value };
}

describe('the xarray before and after its code loads', () => {
  it('before: the setup names it, its world is refused, and seek and collapse have no tree steps', async () => {
    const { core, setup } = await firstRender();
    expect(core.unloadedCode(setup)).toEqual(['xarray']);
    expect(
      core.unloadedCode({ ...setup, threads: [...setup.threads, { actor: 'mincore', param: 0 }] }),
    ).toEqual(['mincore', 'xarray']);
    expect(() => core.createWorld(setup)).toThrow(/needs the xarray code/);
    expect(core.ACTORS.seek_hole.steps['xa_xas_load']).toBeUndefined();
    expect(core.ACTORS.collapse.steps['xa_store_slot']).toBeUndefined();
    // A setup without |xa builds and steps as before.
    const { xa: _xa, ...flatSlots } = setup.slots;
    const flat = core.createWorld({ ...setup, slots: flatSlots });
    expect(flat.xa).toBeUndefined();
    expect(core.unloadedCode({ ...setup, slots: flatSlots })).toEqual([]);
    expect(core.step(flat, 0).ok).toBe(true);
  });

  it('after all.ts: nothing is missing, the world has its tree and seek walks it', async () => {
    const { core, setup } = await firstRender();
    await import('./actors/all.ts');
    expect(core.unloadedCode(setup)).toEqual([]);
    let w = core.createWorld(setup);
    expect(w.xa?.chunk).toBe(4);
    expect(w.threads[1]?.pc).toBe('inode_lock');
    for (const _ of [0, 1]) {
      const r = core.step(w, 1);
      if (!r.ok) throw new Error(r.error.message);
      w = r.world;
    }
    expect(w.threads[1]?.pc).toBe('xa_try_get'); // xas_load found page 0 in leaf 0
  });
});
