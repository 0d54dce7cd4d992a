// One line telling the step just taken: the recorded race's narration when the schedule is the
// recording's, else the step's paraphrase and what changed; a refused step's notice above it. Its box has
// a fixed height (it scrolls inside when long), so the grid below never moves from one step to the next.
// Polite live region, so it is also heard. Step numbers are 1-based.

import { selectScenario, stepStory } from '../../store/index.ts';
import { useSim } from '../storeContext.tsx';

export function Narration() {
  const record = useSim((s) => s.frame.record);
  const loaded = useSim((s) => s.loaded);
  const choices = useSim((s) => s.choices);
  const notice = useSim((s) => s.notice);
  const scenario = useSim(selectScenario);
  const story = record ? stepStory({ loaded, choices }, scenario, record) : null;
  return (
    <div className="narration-box">
      {notice && (
        <p className="notice" role="status" data-testid="notice">
          {notice}
        </p>
      )}
      <p className="narration" data-testid="narration" data-source={story?.source ?? 'start'}>
        {story ? (
          <>
            <strong>Step {story.step + 1}:</strong> {story.text}
          </>
        ) : (
          <>
            <strong>Ready.</strong>{' '}
            {scenario
              ? `${scenario.title}: press Play or step forward.`
              : choices.length === 0
                ? 'No recorded schedule: step a thread (keys 1-9) or press Next to run them round-robin.'
                : 'Press Play or step a thread.'}
          </>
        )}
      </p>
    </div>
  );
}
