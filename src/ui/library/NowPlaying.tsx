// Above the page cache: which race is on screen (and whether the schedule still is its recording, with
// a way back when it is not), its transport and the narration of the last step.

import { followsRecording, selectScenario } from '../../store/index.ts';
import type { RaceSetup } from '../../scenarios/scenario.ts';
import { ShareButton } from '../share/ShareButton.tsx';
import { useSim, useSimStore } from '../storeContext.tsx';
import { Narration } from './Narration.tsx';
import { RacePlayer } from './RacePlayer.tsx';

/** How many leading choices are the recording's. */
function commonPrefix(scenario: RaceSetup, choices: readonly number[]): number {
  let k = 0;
  while (k < choices.length && k < scenario.schedule.length && choices[k] === scenario.schedule[k]) k++;
  return k;
}

export function NowPlaying() {
  const scenario = useSim(selectScenario);
  const choices = useSim((s) => s.choices);
  const cursor = useSim((s) => s.cursor);
  const store = useSimStore();
  const left =
    scenario !== null &&
    (choices.length !== scenario.schedule.length || !followsRecording(scenario, choices, choices.length));
  const backToRecording = () => {
    if (!scenario) return;
    const s = store.getState();
    const at = Math.min(cursor, commonPrefix(scenario, choices));
    s.loadSetup(s.loaded.kernel, s.loaded.slots, s.loaded.threads, {
      choices: scenario.schedule,
      cursor: at,
    });
  };
  return (
    <section className="now-playing" aria-label="Now playing" data-testid="now-playing">
      <div className="now-playing-head">
        <p data-testid="race-current">
          {scenario ? (
            <>
              <strong>{scenario.title}</strong>{' '}
              <span className="muted">recorded race, {scenario.kernel}</span>
              {left && (
                <span className="left-recording" data-testid="left-recording">
                  {' '}
                  · You left the recording.{' '}
                  <button type="button" className="link" onClick={backToRecording}>
                    Back to the recording
                  </button>
                </span>
              )}
            </>
          ) : (
            'Your own setup (not a recorded race).'
          )}
        </p>
        <ShareButton />
      </div>
      <RacePlayer />
      <Narration />
    </section>
  );
}
