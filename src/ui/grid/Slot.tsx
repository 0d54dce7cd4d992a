// One page-cache slot. Memoised on its view object, which the grid reuses while nothing shown changes.
// A compact (many-slot) cell is ONE element: its short title is its text and its flag letters are drawn
// by CSS from data-flags (grid.css), so 512 cells cost 512 elements to create and to update.

import { memo } from 'react';
import type { SlotView } from './slotView.ts';

interface Props {
  readonly view: SlotView;
  readonly compact: boolean;
  readonly active: boolean;
  readonly inspected: boolean;
  readonly tooltipId: string;
}

function SlotImpl({ view, compact, active, inspected, tooltipId }: Props) {
  if (compact)
    return (
      <div
        role="listitem"
        className={view.cls}
        data-slot={view.index}
        data-testid={`slot-${view.index}`}
        data-flags={view.flags || undefined}
        tabIndex={active ? 0 : -1}
        aria-label={view.label}
        aria-describedby={inspected ? tooltipId : undefined}
      >
        {view.short}
      </div>
    );
  return (
    <div
      role="listitem"
      className={view.cls}
      data-slot={view.index}
      data-testid={`slot-${view.index}`}
      tabIndex={active ? 0 : -1}
      aria-label={view.label}
      aria-describedby={inspected ? tooltipId : undefined}
    >
      <span className="slot-index" aria-hidden="true">
        {view.index}
      </span>
      <span className="slot-title" aria-hidden="true">
        {view.title}
      </span>
      {view.badges.length > 0 && (
        <span className="badges" aria-hidden="true">
          {view.badges.map((b) => (
            <span key={b.kind} className={`badge badge-${b.kind}`} title={b.text}>
              {b.text}
            </span>
          ))}
        </span>
      )}
    </div>
  );
}

export const Slot = memo(SlotImpl);
