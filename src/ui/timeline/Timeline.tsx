// The schedule as lanes, one per thread, one chip per step; click a chip (or use Home/End and the arrow
// keys) to move in time. Steps after the cursor are the recorded future (redo), drawn faded. The chips
// (thousands after a long run) mount just after the page's first commit (useDeferredMount).

import { useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { threadName, violationSteps } from '../../store/index.ts';
import { useSim } from '../storeContext.tsx';
import { Chip } from './Chip.tsx';
import { useDeferredMount } from '../hooks/useDeferredMount.ts';

const CHIP = 22;

export function Timeline() {
  const records = useSim((s) => s.records);
  const cursor = useSim((s) => s.cursor);
  const threads = useSim((s) => s.frame.world.threads);
  const divergence = useSim((s) => s.compare?.divergence?.step ?? null);
  const jumpTo = useSim((s) => s.jumpTo);
  const ready = useDeferredMount();
  const broken = useMemo(() => (ready ? violationSteps(records) : new Set<number>()), [records, ready]);
  const scroller = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    // Keep the cursor in view; at step 0 there is nothing to scroll (and no layout is forced on mount).
    const el = scroller.current;
    if (!el || cursor === 0) return;
    const x = Math.max(0, cursor - 1) * CHIP;
    if (x < el.scrollLeft || x > el.scrollLeft + el.clientWidth - 3 * CHIP)
      el.scrollLeft = Math.max(0, x - el.clientWidth / 2);
  }, [cursor]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Home') jumpTo(0);
    else if (e.key === 'End') jumpTo(records.length);
    else return;
    e.preventDefault();
  };

  const ticks = [];
  for (let k = 0; ready && k < records.length; k += 10)
    ticks.push(
      <span
        key={k}
        className="tick"
        style={{ gridColumn: `${k + 1} / span 10`, gridRow: 1 }}
        aria-hidden="true"
      >
        {k + 1}
      </span>,
    );

  return (
    <section className="timeline" aria-label="Timeline">
      <h2>Timeline</h2>
      <p className="muted" id="timeline-help">
        {cursor} of {records.length} steps taken. Click a step to go there; ←/→ step back and forward,
        Home/End jump to the start or end.
      </p>
      <div className="timeline-body">
        <ul className="lane-names" aria-hidden="true">
          <li className="lane-name tick-row">step</li>
          {threads.map((t) => (
            <li key={t.id} className="lane-name">
              {threadName(t)}
            </li>
          ))}
        </ul>
        <div
          className="timeline-scroll"
          ref={scroller}
          tabIndex={0}
          role="group"
          aria-label={`Timeline, at step ${cursor} of ${records.length}`}
          aria-describedby="timeline-help"
          data-testid="timeline"
          onKeyDown={onKeyDown}
        >
          <div
            className="lanes"
            style={{
              gridTemplateColumns: `repeat(${Math.max(1, records.length)}, ${CHIP}px)`,
              gridTemplateRows: `repeat(${threads.length + 1}, 24px)`,
            }}
          >
            {ticks}
            {(ready ? records : []).map((r) => (
              <Chip
                key={r.index}
                record={r}
                lane={r.thread}
                state={r.index < cursor - 1 ? 'past' : r.index === cursor - 1 ? 'current' : 'future'}
                violation={broken.has(r.index)}
                divergence={divergence === r.index}
                onJump={jumpTo}
              />
            ))}
            {cursor > 0 && (
              <span
                className="cursor-line"
                // Moved by a transform, not a grid column: placing it in the grid would lay out
                // every chip (thousands after a long run) again on each step.
                style={{ transform: `translateX(${cursor * CHIP - 2}px)` }}
                aria-hidden="true"
              />
            )}
          </div>
        </div>
        <button type="button" className="link" onClick={() => jumpTo(0)}>
          Back to the start
        </button>
      </div>
    </section>
  );
}
