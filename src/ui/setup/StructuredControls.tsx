// The per-slot and per-thread controls, in one lazily loaded module: they sit in a closed <details>
// in the header, so the page loads without them.

import type { LoadedSetup } from '../../store/index.ts';
import { SlotControls } from './SlotControls.tsx';
import { ThreadControls } from './ThreadControls.tsx';

interface Props {
  readonly loaded: LoadedSetup;
  readonly applySlots: (s: string) => void;
  readonly applyThreads: (t: string) => void;
}

export default function StructuredControls({ loaded, applySlots, applyThreads }: Props) {
  return (
    <div className="setup-structured">
      <SlotControls key={loaded.slots} slots={loaded.setup.slots} apply={applySlots} />
      <ThreadControls
        key={`${loaded.slots}/${loaded.threads}`}
        threads={loaded.setup.threads}
        n={loaded.setup.slots.slots.length}
        apply={applyThreads}
      />
    </div>
  );
}
