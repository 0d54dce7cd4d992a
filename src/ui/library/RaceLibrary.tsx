// The recorded races: choose one to load its setup and full schedule at step 0 (NowPlaying then plays
// it with its narration), or compare the loaded one with the kernel that fixes it.

import { SCENARIOS } from '../../scenarios/index.ts';
import { selectScenario } from '../../store/index.ts';
import { useSim } from '../storeContext.tsx';
import { RaceCard } from './RaceCard.tsx';

interface Props {
  /** The loaded race's story is on screen already (the break's callout tells it as the why). */
  readonly storyShown?: boolean;
}

export function RaceLibrary({ storyShown = false }: Props) {
  const scenario = useSim(selectScenario);
  const comparing = useSim((s) => s.compareVariant);
  const loadScenario = useSim((s) => s.loadScenario);
  const setCompare = useSim((s) => s.setCompareVariant);
  return (
    <section className="race-library" aria-labelledby="races-heading" data-testid="race-library">
      <h2 id="races-heading">Recorded races</h2>
      <ul className="race-list">
        {SCENARIOS.map((race) => (
          <RaceCard
            key={race.id}
            race={race}
            active={scenario?.id === race.id}
            whole={scenario?.id === race.id && !storyShown}
            comparing={comparing}
            onLoad={loadScenario}
            onCompare={setCompare}
          />
        ))}
      </ul>
    </section>
  );
}
