// Opening a link into a page that is already open (a hash change) or after painting a long link's setup.
import { describe, expect, it } from 'vitest';
import { parseSetup } from '../engine/index.ts';
import { runSchedule, createWorld } from '../engine/index.ts';
import { encodeReplay } from '../replay/index.ts';
import { createSimStore } from './createSimStore.ts';
import { openHash, openHashInto, setupInit } from './link.ts';
import { linkStatus } from './linkStatus.ts';
import { MODEL_VERSION } from '../engine/modelVersion.ts';

/** A clock that advances `ms` a read; pauses are counted. */
function fakeClock(ms = 1) {
  let t = 0;
  const c = { pauses: 0, now: () => (t += ms), pause: () => Promise.resolve(void c.pauses++) };
  return c;
}

function longLink() {
  const p = parseSetup('v6.4', 'P'.repeat(64), 'collapse,mincore,seek_hole:0');
  if (!p.ok) throw new Error(p.error.message);
  const choices = runSchedule(createWorld(p.value), []).steps.map((s) => s.thread);
  return {
    setup: p.value,
    choices,
    hash: `#r=${encodeReplay({ model: MODEL_VERSION, setup: p.value, choices, cursor: 7, compare: 'v6.3' })}`,
  };
}

describe('opening a link into an open page', () => {
  it('a good link replaces the session, with its cursor and compare kernel', async () => {
    const { hash, choices } = longLink();
    const store = createSimStore();
    const opening = openHash(hash);
    expect(opening.kind).toBe('stepping');
    const seen: number[] = [];
    const unsub = linkStatus.subscribe((s) => s.replaying && seen.push(s.replaying.done));
    await openHashInto(store, opening, fakeClock(10), 'current');
    unsub();
    const s = store.getState();
    expect(s.loaded.slots).toBe('P'.repeat(64));
    expect(s.choices).toEqual(choices);
    expect(s.cursor).toBe(7);
    expect(s.compareVariant).toBe('v6.3');
    expect(s.linkError).toBeNull();
    // Progress went out between slices, growing, and is cleared at the end.
    expect(seen.length).toBeGreaterThan(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(linkStatus.getState().replaying).toBeNull();
  });

  it('a bad link leaves its message and keeps the race on screen', async () => {
    const store = createSimStore();
    store.getState().jumpTo(3);
    for (const hash of ['#r=%%%garbage', '#r=Bxyz', '#r=ZZZ']) {
      await openHashInto(store, openHash(hash), fakeClock(), 'current');
      expect(store.getState().linkError).toMatch(/.{10,}/);
      expect(store.getState().cursor).toBe(3);
      expect(linkStatus.getState().fallback).toBe('current');
    }
  });

  it('the setup of a long link is known before any step is replayed', () => {
    const { hash, setup } = longLink();
    const opening = openHash(hash);
    if (opening.kind !== 'stepping') throw new Error(opening.kind);
    expect(opening.decoding.done).toBe(0);
    expect(setupInit(opening.decoding.header.setup)).toEqual({
      kernel: 'v6.4',
      slots: 'P'.repeat(64),
      threads: 'collapse,mincore,seek_hole:0',
    });
    expect(opening.decoding.header.setup).toEqual(setup);
  });
});
