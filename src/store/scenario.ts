// Recorded races as seen from the state: which one is loaded (derived from the setup, so a replay link or
// the setup form reaches the same race), what to say at each step, and where the race breaks.

import { ACTORS, describeEvents } from '../engine/core.ts';
import { raceForSetup } from '../scenarios/catalog.ts';
import type { Race, RaceSetup } from '../scenarios/scenario.ts';
import type { StepRecord } from '../engine/core.ts';
import type { LoadedSetup, SimState } from './types.ts';

/**
 * Keyed by the loaded setup object, which each store owns and replaces on every load: two stores never
 * share or evict each other's entry, and an entry goes when its setup is no longer referenced. The
 * entry also remembers which texts it was merged with: when they arrive, the race is merged again once.
 */
const scenarioOf = new WeakMap<
  LoadedSetup,
  { readonly texts: SimState['raceTexts']; readonly race: Race | null }
>();

/**
 * The recorded race whose setup (kernel, slots, threads) is the loaded one, if any, with its story,
 * narration and sources once they have loaded (until then only its setup: the narration is derived).
 */
export function selectScenario(s: Pick<SimState, 'loaded' | 'raceTexts'>): Race | null {
  const hit = scenarioOf.get(s.loaded);
  if (hit && hit.texts === s.raceTexts) return hit.race;
  const setup: RaceSetup | null = raceForSetup(s.loaded) ?? null;
  const text = setup && s.raceTexts?.get(setup.id);
  const race = setup && text ? { ...setup, ...text } : setup;
  scenarioOf.set(s.loaded, { texts: s.raceTexts, race });
  return race;
}

/** True when the first `n` choices are the recording's, so its story still describes them. */
export function followsRecording(scenario: RaceSetup, choices: readonly number[], n: number): boolean {
  if (n > scenario.schedule.length || n > choices.length) return false;
  for (let k = 0; k < n; k++) if (choices[k] !== scenario.schedule[k]) return false;
  return true;
}

export interface StepStory {
  /** The step index told (0-based). */
  readonly step: number;
  readonly text: string;
  /** 'recorded': the race's own narration; 'derived': the step's paraphrase and what changed. */
  readonly source: 'recorded' | 'derived';
}

const MAX_CHANGES = 4;

/** What to say about step `record`: the recorded narration when the schedule is the recording's. */
export function stepStory(
  s: Pick<SimState, 'loaded' | 'choices'>,
  scenario: Race | null,
  record: StepRecord,
): StepStory {
  const k = record.index;
  if (scenario && followsRecording(scenario, s.choices, k + 1)) {
    const told = scenario.narration?.find((n) => n.at === k);
    if (told) return { step: k, text: told.text, source: 'recorded' };
  }
  const actor = s.loaded.setup.threads[record.thread]?.actor;
  const paraphrase = actor ? ACTORS[actor].steps[record.stepId]?.text : undefined;
  const changes = describeEvents(record.events);
  const shown = changes.slice(0, MAX_CHANGES).join('; ');
  const more = changes.length > MAX_CHANGES ? `; and ${changes.length - MAX_CHANGES} more` : '';
  const head = `T${record.thread} ${record.label}${paraphrase ? `: ${paraphrase}` : ''}`;
  return { step: k, text: `${head}${shown ? ` (${shown}${more})` : ''}`, source: 'derived' };
}

/**
 * The cursor that shows the race's break: just after the first step that violates the race's `breaks`
 * invariant. A recorded race that breaks nothing has none; a setup that is not a recorded race breaks at
 * its first violation of any invariant.
 */
export function breakCursor(records: readonly StepRecord[], scenario: RaceSetup | null): number | null {
  if (scenario && scenario.breaks === null) return null;
  const wanted = scenario?.breaks ?? null;
  for (const r of records)
    if (r.violations.some((v) => wanted === null || v.invariant === wanted)) return r.index + 1;
  return null;
}
