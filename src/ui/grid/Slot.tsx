// One page-cache slot. Memoised on its view object, which the grid reuses while nothing shown changes.

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
  return (
    <div
      role="listitem"
      className={`slot entry-${view.entry}${view.badges.map((b) => ` has-${b.kind}`).join('')}`}
      data-slot={view.index}
      data-testid={`slot-${view.index}`}
      tabIndex={active ? 0 : -1}
      aria-label={view.label}
      aria-describedby={inspected ? tooltipId : undefined}
    >
      {!compact && (
        <span className="slot-index" aria-hidden="true">
          {view.index}
        </span>
      )}
      <span className="slot-title" aria-hidden="true">
        {compact ? shortTitle(view) : view.title}
      </span>
      {view.badges.length > 0 &&
        (compact ? (
          // Many slots: one text node of badge letters (see the legend); colour comes from has-* classes.
          <span className="flags" aria-hidden="true">
            {view.badges.map((b) => b.short).join(' ')}
          </span>
        ) : (
          <span className="badges" aria-hidden="true">
            {view.badges.map((b) => (
              <span key={b.kind} className={`badge badge-${b.kind}`} title={b.text}>
                {b.text}
              </span>
            ))}
          </span>
        ))}
    </div>
  );
}

function shortTitle(v: SlotView): string {
  switch (v.entry) {
    case 'hole':
      return '·';
    case 'swap':
      return 'S';
    case 'retry':
      return 'R?';
    case 'huge':
      return 'H';
    case 'page':
      return `f${v.folio ?? ''}`;
  }
}

export const Slot = memo(SlotImpl);
