// One line telling the step just taken: the recorded race's narration when the schedule is the
// recording's, else the step's paraphrase and what changed. Polite live region, so it is also heard.

import { selectScenario, stepStory } from '../../store/index.ts';
import { useSim } from '../storeContext.tsx';

export function Narration() {
  const record = useSim((s) => s.frame.record);
  const loaded = useSim((s) => s.loaded);
  const choices = useSim((s) => s.choices);
  const scenario = useSim(selectScenario);
  const story = record ? stepStory({ loaded, choices }, scenario, record) : null;
  return (
    <p className="narration" data-testid="narration" data-source={story?.source ?? 'start'}>
      {story ? (
        <>
          <strong>Step {story.step}:</strong> {story.text}
        </>
      ) : (
        <>
          <strong>Ready.</strong>{' '}
          {scenario ? `${scenario.title}: press Play or step forward.` : 'Press Play or step a thread.'}
        </>
      )}
    </p>
  );
}
