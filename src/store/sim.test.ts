import { describe, expect, it, vi } from 'vitest';
import { createSimStore } from './createSimStore.ts';
import { SEED_SCHEDULE } from './defaults.ts';
import { distinctViolations, selectCanStepForward } from './selectors.ts';

// The store must not depend on React: any hidden import fails here.
vi.mock('react', () => ({}));

const seedViolations = (s: ReturnType<ReturnType<typeof createSimStore>['getState']>) =>
  distinctViolations(s.records, s.cursor).map((v) => v.violation.invariant);

describe('the seed race', () => {
  it('opens on v6.3 with the recorded schedule and the cursor at 0', () => {
    const s = createSimStore().getState();
    expect(s.loaded.kernel).toBe('v6.3');
    expect(s.loaded.slots).toBe('PPPP');
    expect(s.choices).toEqual(SEED_SCHEDULE);
    expect(s.cursor).toBe(0);
    expect(s.records).toHaveLength(SEED_SCHEDULE.length);
    expect(s.frame.world.clock).toBe(0);
  });

  it('next() follows the recorded schedule to the seek violation at step 12', () => {
    const store = createSimStore();
    for (let k = 0; k < 13; k++) expect(store.getState().next()).toBe(true);
    const s = store.getState();
    expect(s.cursor).toBe(13);
    expect(s.choices).toEqual(SEED_SCHEDULE);
    expect(s.frame.world.threads[1]?.result).toBe('ENXIO');
    const seek = distinctViolations(s.records, s.cursor).find((v) => v.violation.invariant === 'seek');
    expect(seek?.violation.step).toBe(12);
  });

  it('next() past the recording finishes round-robin', () => {
    const store = createSimStore({ kernel: 'v6.3', slots: 'PPPP', threads: 'collapse,seek_data:0' });
    store
      .getState()
      .loadSetup('v6.3', 'PPPP', 'collapse,seek_data:0', { choices: SEED_SCHEDULE.slice(0, 10) });
    for (let k = 0; k < 12; k++) expect(store.getState().next()).toBe(true);
    expect(store.getState().choices.slice(10)).toEqual([0, 1]);
    // Forward stays possible past the recording while a thread can run, and only then.
    while (selectCanStepForward(store.getState())) expect(store.getState().next()).toBe(true);
    const end = store.getState();
    expect(end.frame.world.threads.map((t) => t.result)).toEqual(['SCAN_SUCCEED', 'ENXIO']);
    expect(end.next()).toBe(false);
  });

  it('the same schedule on v6.4 breaks no invariant', () => {
    const store = createSimStore({ kernel: 'v6.4', slots: 'PPPP', threads: 'collapse,seek_data:0' });
    for (const t of SEED_SCHEDULE.slice(0, 10)) store.getState().stepThread(t);
    store.getState().runRoundRobin();
    const s = store.getState();
    expect(s.frame.world.threads.every((t) => t.done)).toBe(true);
    expect(s.frame.world.threads[1]?.result).toBe('0');
    expect(seedViolations(s)).toEqual([]);
  });
});

describe('step, undo, redo, jump', () => {
  it('stepBack restores the exact world and redo returns to the same one', () => {
    const store = createSimStore();
    for (let k = 0; k < 7; k++) store.getState().next();
    const at7 = store.getState().frame.world;
    store.getState().next();
    store.getState().stepBack();
    expect(store.getState().cursor).toBe(7);
    expect(store.getState().frame.world).toEqual(at7);
    store.getState().redo();
    expect(store.getState().cursor).toBe(8);
    expect(store.getState().frame.animate).toBe(true);
    expect(store.getState().frame.prev).toEqual(at7);
  });

  it('jumpTo lands on the same world as stepping there, across checkpoints', () => {
    const store = createSimStore({ kernel: 'v6.4', slots: 'P'.repeat(40), threads: 'collapse' });
    store.getState().runRoundRobin();
    const end = store.getState().cursor;
    expect(end).toBeGreaterThan(100);
    const stepped = createSimStore({ kernel: 'v6.4', slots: 'P'.repeat(40), threads: 'collapse' });
    for (let k = 0; k < 77; k++) stepped.getState().next();
    store.getState().jumpTo(77);
    expect(store.getState().frame.world).toEqual(stepped.getState().frame.world);
    store.getState().jumpTo(3);
    store.getState().jumpTo(end + 50);
    expect(store.getState().cursor).toBe(end);
    expect(store.getState().frame.world.threads[0]?.done).toBe(true);
  });

  it('refuses a blocked or finished thread and says why', () => {
    const store = createSimStore({ kernel: 'v6.3', slots: 'PPPP', threads: 'collapse' });
    store.getState().runRoundRobin();
    const before = store.getState().cursor;
    store.getState().stepThread(0);
    expect(store.getState().cursor).toBe(before);
    expect(store.getState().notice).toMatch(/finished/);
    store.getState().stepThread(5);
    expect(store.getState().notice).toMatch(/no thread T5/);
  });
});

describe('fork', () => {
  it('stepping another thread mid-schedule truncates the future', () => {
    const store = createSimStore();
    for (let k = 0; k < 3; k++) store.getState().next();
    store.getState().stepThread(1);
    const s = store.getState();
    expect(s.choices).toEqual([0, 0, 0, 1]);
    expect(s.cursor).toBe(4);
    expect(s.records).toHaveLength(4);
  });

  it('stepping the recorded thread keeps the future, and undo keeps it for redo', () => {
    const store = createSimStore();
    store.getState().stepThread(0);
    store.getState().stepBack();
    expect(store.getState().choices).toEqual(SEED_SCHEDULE);
    store.getState().redo();
    expect(store.getState().cursor).toBe(1);
  });

  it('fork() drops the future without stepping', () => {
    const store = createSimStore();
    store.getState().jumpTo(5);
    store.getState().fork();
    expect(store.getState().choices).toEqual([0, 0, 0, 0, 0]);
    store.getState().redo();
    expect(store.getState().cursor).toBe(5);
  });
});

describe('loadSetup', () => {
  it('rejects a bad slot string, keeps the last good state and points at the character', () => {
    const store = createSimStore();
    store.getState().jumpTo(4);
    const before = store.getState();
    expect(store.getState().loadSetup('v6.3', 'PPXP', 'collapse')).toBe(false);
    const s = store.getState();
    expect(s.inputError).toMatchObject({ field: 'slots', position: 2, input: 'PPXP' });
    expect(s.loaded).toBe(before.loaded);
    expect(s.cursor).toBe(4);
    expect(s.frame.world).toBe(before.frame.world);
  });

  it('rejects an unknown kernel and a bad thread parameter', () => {
    const store = createSimStore();
    store.getState().loadSetup('v9', 'PPPP', 'collapse');
    expect(store.getState().inputError?.field).toBe('kernel');
    store.getState().loadSetup('v6.4', 'PPPP', 'collapse,seek_data:9');
    expect(store.getState().inputError).toMatchObject({ field: 'threads', position: 9 });
  });

  it('keeps the schedule on another kernel up to the first step it cannot take', () => {
    const store = createSimStore();
    store
      .getState()
      .loadSetup('v6.3', 'PPPP', 'collapse,seek_data:0', { choices: SEED_SCHEDULE.slice(0, 10) });
    store.getState().jumpTo(10);
    store.getState().loadSetup('v6.4', 'PPPP', 'collapse,seek_data:0');
    const s = store.getState();
    expect(s.loaded.kernel).toBe('v6.4');
    expect(s.inputError).toBeNull();
    expect(s.choices).toEqual(SEED_SCHEDULE.slice(0, 10));
    expect(s.cursor).toBe(10);
    store.getState().loadSetup('v6.4', 'PPPP', 'collapse');
    expect(store.getState().choices).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(store.getState().notice).toMatch(/stops before step 9/);
  });
});

describe('runs', () => {
  it('runRandom records its seed and replays the same choices for the same seed', () => {
    const a = createSimStore({ kernel: 'v6.3', slots: 'PPPP', threads: 'collapse,mincore' });
    const b = createSimStore({ kernel: 'v6.3', slots: 'PPPP', threads: 'collapse,mincore' });
    a.getState().runRandom(42);
    b.getState().runRandom(42);
    expect(a.getState().lastRun).toEqual({ kind: 'random', seed: 42 });
    expect(a.getState().choices).toEqual(b.getState().choices);
    expect(a.getState().frame.world.threads.every((t) => t.done)).toBe(true);
  });

  it('playback pauses by itself at the break, then, played again, ticks until nothing can run', () => {
    const store = createSimStore();
    store.getState().play();
    for (let k = 0; k < 100 && store.getState().playing; k++) store.getState().tick();
    // The seed race breaks I1 at its 13th step: playback holds it on screen with steps still left.
    expect(store.getState().cursor).toBe(13);
    expect(store.getState().choices.length).toBeGreaterThan(13);
    expect(store.getState().playing).toBe(false);
    store.getState().play();
    for (let k = 0; k < 100 && store.getState().playing; k++) store.getState().tick();
    expect(store.getState().playing).toBe(false);
    expect(store.getState().frame.world.threads.every((t) => t.done)).toBe(true);
  });

  it('playback off the recording does not pause at a break', () => {
    const store = createSimStore();
    store.getState().stepThread(1);
    store.getState().play();
    for (let k = 0; k < 100 && store.getState().playing; k++) store.getState().tick();
    expect(store.getState().frame.world.threads.every((t) => t.done)).toBe(true);
  });
});

describe('compare', () => {
  it('runs the other kernel on the same schedule and marks the first divergence', () => {
    const store = createSimStore();
    store.getState().setCompareVariant('v6.4');
    store.getState().jumpTo(12);
    const c = store.getState().compare;
    expect(c?.variant).toBe('v6.4');
    expect(c?.at).toBe(12);
    // Not the harmless reordering at step 4 (the step-level detail): SEEK_DATA's answer at step 13.
    expect(c?.divergence?.step).toBe(12);
    expect(c?.stepDifference?.step).toBe(3);
    store.getState().setCompareVariant(null);
    expect(store.getState().compare).toBeNull();
  });
});

describe('initFromQuery', () => {
  it('opens on the seed schedule without a query, and on a setup from the query', async () => {
    const { initFromQuery } = await import('./query.ts');
    expect(createSimStore(initFromQuery('').init).getState().choices).toEqual(SEED_SCHEDULE);
    const s = createSimStore(
      initFromQuery('?kernel=v6.4&slots=PP.P&threads=collapse&schedule=0,0').init,
    ).getState();
    expect(s.loaded).toMatchObject({ kernel: 'v6.4', slots: 'PP.P', threads: 'collapse' });
    expect(s.choices).toEqual([0, 0]);
  });

  it('shows an error for bad values and keeps the seed race', async () => {
    const { initFromQuery } = await import('./query.ts');
    const bad = createSimStore(initFromQuery('?kernel=v6.4&slots=PQ&threads=collapse').init).getState();
    expect(bad.inputError).toMatchObject({ field: 'slots', position: 1 });
    expect(bad.loaded.slots).toBe('PPPP');
    expect(bad.choices).toEqual(SEED_SCHEDULE);
    const sched = createSimStore(initFromQuery('?schedule=0,x').init).getState();
    expect(sched.inputError?.field).toBe('schedule');
  });
});
