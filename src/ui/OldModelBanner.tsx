// Says that the session replays a link made with an older model (modelVersion.ts): it runs as it did
// then, so the link keeps showing what it showed. One button opens the same setup on today's model.

import { MODEL_VERSION, modelOf } from '../engine/core.ts';
import { useSim } from './storeContext.tsx';
import './oldModel.css';

export function OldModelBanner() {
  const loaded = useSim((s) => s.loaded);
  const loadSetup = useSim((s) => s.loadSetup);
  const model = modelOf(loaded.setup);
  if (model >= MODEL_VERSION) return null;
  const openToday = () => {
    // Today's model has other steps (the entry path, the kernel's rollback): the old schedule does not
    // carry over, so the setup opens at step 0 with an empty schedule, as Load does.
    loadSetup(loaded.kernel, loaded.slots, loaded.threads, { choices: [], cursor: 0 });
  };
  return (
    <div className="old-model" role="status" data-testid="old-model">
      <p>
        This link was made with model {model}; it replays as it did then. Open the same setup with
        today&apos;s model (model {MODEL_VERSION}) to see the steps the kernel takes now.
      </p>
      <button type="button" onClick={openToday} data-testid="old-model-open">
        Open with today&apos;s model
      </button>
    </div>
  );
}
