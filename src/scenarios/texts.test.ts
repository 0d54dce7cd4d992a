// The races' text loads lazily and once: the catalog and the full library agree race by race, every
// caller shares one load, and the texts answer synchronously after it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RACE, RACES, race, raceForSetup } from './catalog.ts';
import { DEFAULT_SCENARIO, SCENARIOS } from './index.ts';
import { loadedRaceTexts, loadRaceTexts } from './texts.ts';

describe('the catalog', () => {
  it('lists the library in the same order, each race spreading its own entry', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual(RACES.map((r) => r.id));
    for (const s of SCENARIOS) expect(race(s.id)).toEqual({ ...race(s.id), ...pick(s) });
    expect(DEFAULT_SCENARIO.id).toBe(DEFAULT_RACE.id);
  });

  it('finds a race by its setup as typed, and names a missing id', () => {
    expect(raceForSetup({ kernel: 'v6.3', slots: 'PPPP', threads: 'collapse,seek_data:0' })?.id).toBe(
      'seek-data',
    );
    expect(raceForSetup({ kernel: 'v6.4', slots: 'PPPP', threads: 'collapse,seek_data:0' })).toBeUndefined();
    expect(() => race('seek-dta')).toThrow('no recorded race "seek-dta" in catalog.ts');
  });
});

describe('loadRaceTexts', () => {
  it('loads every race text once and then answers synchronously', async () => {
    expect(loadedRaceTexts()).toBeNull();
    const a = loadRaceTexts();
    expect(loadRaceTexts()).toBe(a);
    const texts = await a;
    expect(loadedRaceTexts()).toBe(texts);
    expect([...texts.keys()]).toEqual(RACES.map((r) => r.id));
    const seed = texts.get('seek-data');
    expect(seed?.narration[0]).toMatchObject({ at: 2, step: 'alloc' });
    expect(seed?.story).toBe(DEFAULT_SCENARIO.story);
    expect(seed?.sources.length).toBeGreaterThan(0);
  });
});

function pick(s: (typeof SCENARIOS)[number]) {
  const { story: _s, narration: _n, sources: _o, ...setup } = s;
  return setup;
}
