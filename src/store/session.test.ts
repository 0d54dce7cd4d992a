import { describe, expect, it, vi } from 'vitest';
import { encodeReplay, MAX_STEPS } from '../replay/index.ts';
import { DEFAULT_SCENARIO, SCENARIOS } from '../scenarios/index.ts';
import { createSimStore } from './createSimStore.ts';
import { encodeSession, initFromHash } from './link.ts';
import { replayOf } from './replayOf.ts';
import { breakCursor, selectScenario, stepStory } from './scenario.ts';
import { loadRaceTexts } from '../scenarios/texts.ts';

// The store must not depend on React: any hidden import fails here.
vi.mock('react', () => ({}));

describe('recorded races', () => {
  it('the default store is the default race: its full schedule at step 0', () => {
    const s = createSimStore().getState();
    expect(selectScenario(s)?.id).toBe(DEFAULT_SCENARIO.id);
    expect(s.choices).toEqual(DEFAULT_SCENARIO.schedule);
    expect(s.cursor).toBe(0);
  });

  it.each(SCENARIOS.map((r) => [r.id, r] as const))('%s loads, tells its story and breaks', (id, race) => {
    const store = createSimStore();
    store.getState().setCompareVariant('v6.4');
    expect(store.getState().loadScenario(id)).toBe(true);
    const s = store.getState();
    expect(selectScenario(s)?.id).toBe(id);
    expect(s.choices).toEqual(race.schedule);
    expect(s.cursor).toBe(0);
    expect(s.compareVariant).toBeNull();
    for (const n of race.narration) {
      const r = s.records[n.at];
      expect(r && stepStory(s, race, r)).toEqual({ step: n.at, text: n.text, source: 'recorded' });
    }
    const at = breakCursor(s.records, race);
    if (race.breaks === null) expect(at).toBeNull();
    else expect(s.records[(at ?? 0) - 1]?.violations.some((v) => v.invariant === race.breaks)).toBe(true);
  });

  it('a step without narration, or off the recording, is paraphrased with what changed', () => {
    const store = createSimStore();
    const s = store.getState();
    const r1 = s.records[1];
    expect(r1 && stepStory(s, DEFAULT_SCENARIO, r1).source).toBe('derived');
    store.getState().jumpTo(3);
    store.getState().stepThread(1);
    const t = store.getState();
    const r = t.records[3];
    const story = r && stepStory(t, DEFAULT_SCENARIO, r);
    expect(story?.source).toBe('derived');
    expect(story?.text).toMatch(/^T1 /);
  });

  it("the race's text arrives later: its steps are paraphrased until then, then told", async () => {
    const store = createSimStore();
    const r2 = store.getState().records[2];
    expect(selectScenario(store.getState())?.narration).toBeUndefined();
    expect(r2 && stepStory(store.getState(), selectScenario(store.getState()), r2).source).toBe('derived');
    store.getState().setRaceTexts(await loadRaceTexts());
    const s = store.getState();
    expect(selectScenario(s)).toBe(selectScenario(s));
    expect(r2 && stepStory(s, selectScenario(s), r2)).toEqual({
      step: 2,
      text: DEFAULT_SCENARIO.narration[0]?.text,
      source: 'recorded',
    });
  });

  it('an unknown race is refused and nothing changes', () => {
    const store = createSimStore();
    const before = store.getState().loaded;
    expect(store.getState().loadScenario('nope')).toBe(false);
    expect(store.getState().loaded).toBe(before);
  });
});

describe('replay links', () => {
  it('a link round-trips the whole session', () => {
    const a = createSimStore();
    a.getState().loadScenario('mincore');
    a.getState().jumpTo(9);
    a.getState().setCompareVariant('v6.4');
    const enc = encodeSession(replayOf(a.getState()));
    expect(enc.ok).toBe(true);
    const { init, error } = initFromHash(`#r=${enc.ok ? enc.payload : ''}`);
    expect(error).toBeNull();
    const b = createSimStore(init ?? {}).getState();
    expect(replayOf(b)).toEqual(replayOf(a.getState()));
    expect(b.linkError).toBeNull();
  });

  it('a bad link opens the default race with the decoder message', () => {
    for (const hash of ['#r=AAAA', '#r=Zxyz', '#r=']) {
      const { init, error } = initFromHash(hash);
      expect(init).toBeNull();
      expect(error).toMatch(/\w/);
      const s = createSimStore({ linkError: error }).getState();
      expect(s.linkError).toBe(error);
      expect(s.choices).toEqual(DEFAULT_SCENARIO.schedule);
    }
    const good = encodeReplay(replayOf(createSimStore().getState()));
    expect(initFromHash(`#r=${good.slice(0, -3)}`).error).toMatch(/\w/);
  });

  it('refuses to encode more steps than a link carries', () => {
    const store = createSimStore({ kernel: 'v6.4', slots: 'P'.repeat(512), threads: 'collapse' });
    const r = replayOf(store.getState());
    const e = encodeSession({ ...r, choices: Array<number>(MAX_STEPS + 1).fill(0), cursor: 0 });
    expect(e.ok ? '' : e.reason).toMatch(/at most 100000/);
  });

  it('a hash without a replay is no error', () => {
    expect(initFromHash('')).toEqual({ init: null, error: null });
    expect(initFromHash('#memory')).toEqual({ init: null, error: null });
  });

  it('loadSchedule puts the cursor at the end and sets the comparison', () => {
    const store = createSimStore();
    const ok = store
      .getState()
      .loadSchedule({ kernel: 'v6.3', slots: 'PPPP', threads: 'collapse,seek_data:0' }, [0, 0, 1], 'v6.4');
    const s = store.getState();
    expect(ok).toBe(true);
    expect(s.cursor).toBe(3);
    expect(s.compareVariant).toBe('v6.4');
  });
});
