// Every recorded race plays to its verdict, its narration sits on the steps it describes, and on the
// variant it is compared with the explorer proves the broken invariant holds.
import { describe, expect, it } from 'vitest';
import { createWorld, parseSetup, runSchedule } from '../engine/index.ts';
import { checkSetup } from '../explorer/index.ts';
import { replayLink } from '../replay/index.ts';
import { SCENARIOS } from './index.ts';
import { MODEL_VERSION } from '../engine/modelVersion.ts';

const BY_DESIGN = new Set(['uptodate', 'atomic-switch']);

describe.each(SCENARIOS)('$id: $title', (sc) => {
  const parsed = parseSetup(sc.kernel, sc.slots, sc.threads);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const setup = parsed.value;
  const run = runSchedule(createWorld(setup), sc.schedule, { finish: false });

  it('replays its whole schedule', () => {
    expect(run.error).toBeNull();
    expect(run.steps).toHaveLength(sc.schedule.length);
  });

  it('ends as the story says', () => {
    expect(run.world.threads[0]?.result ?? '(stuck)').toBe(sc.collapseResult);
    const broken = run.violations.map((v) => v.invariant).filter((i) => !BY_DESIGN.has(i));
    expect(broken).toEqual(sc.breaks ? [sc.breaks] : []);
  });

  it('names its target: the invariant it breaks, and what userspace should have seen', () => {
    expect(sc.target.invariant).toBe(sc.breaks);
    expect(sc.target.expected.length).toBeGreaterThan(10);
  });

  it('its replay link fits one 78-column line of email on a 30-character base', () => {
    const base = 'https://lab.example.org/colla/';
    expect(base).toHaveLength(30);
    const link = replayLink(base, {
      model: MODEL_VERSION,
      setup,
      choices: sc.schedule,
      cursor: sc.schedule.length,
      compare: sc.compare[0] ?? null,
    });
    // The xarray races (63 and 72 steps on v6.12, 8 slots) need 95-101: their own line, not a shared one.
    expect(link.length).toBeLessThanOrEqual(setup.slots.xa === undefined ? 78 : 104);
  });

  it('narrates the steps it names', () => {
    for (const n of sc.narration) expect(run.steps[n.at]?.stepId, `narration at ${n.at}`).toBe(n.step);
    expect(sc.narration.length).toBeGreaterThan(2);
    expect(sc.sources.length).toBeGreaterThan(0);
  });

  if (sc.breaks) {
    const broken = sc.breaks;
    it(`the explorer proves ${broken} holds on ${sc.compare[0]}`, () => {
      const fixed = checkSetup({ ...setup, variant: sc.compare[0] ?? 'v6.4' }, { now: () => 0 });
      expect(fixed.complete).toBe(true);
      expect(fixed.invariants.find((v) => v.id === broken)?.holds).toBe(true);
    });
  }
});
