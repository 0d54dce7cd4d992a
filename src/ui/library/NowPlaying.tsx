// Above the page cache: which race is on screen, its transport and the narration of the last step.

import { selectScenario } from '../../store/index.ts';
import { ShareButton } from '../share/ShareButton.tsx';
import { useSim } from '../storeContext.tsx';
import { Narration } from './Narration.tsx';
import { RacePlayer } from './RacePlayer.tsx';

export function NowPlaying() {
  const scenario = useSim(selectScenario);
  return (
    <section className="now-playing" aria-label="Now playing" data-testid="now-playing">
      <div className="now-playing-head">
        <p data-testid="race-current">
          {scenario ? (
            <>
              Recorded race: <strong>{scenario.title}</strong> ({scenario.kernel})
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
