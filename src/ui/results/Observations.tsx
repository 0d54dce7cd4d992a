// What each thread saw (its result), with the step where it saw it: the userspace view of the race.

import { memo, useMemo } from 'react';
import type { World } from '../../engine/core.ts';
import type { StepRecord } from '../../store/index.ts';
import { threadName } from '../../store/index.ts';

interface Props {
  readonly world: World;
  readonly records: readonly StepRecord[];
  readonly upTo: number;
  readonly id: string;
}

interface Seen {
  readonly what: string;
  readonly value: string;
  readonly step: number;
}

/** The last observation of each thread in the first `upTo` steps. */
function observations(records: readonly StepRecord[], upTo: number): Map<number, Seen> {
  const seen = new Map<number, Seen>();
  for (const r of records.slice(0, upTo))
    for (const e of r.events)
      if (e.type === 'thread.observed') seen.set(e.thread, { what: e.what, value: e.value, step: r.index });
  return seen;
}

function ObservationsImpl({ world, records, upTo, id }: Props) {
  const seen = useMemo(() => observations(records, upTo), [records, upTo]);
  return (
    <section className="observations" aria-label="Observations" data-testid={`${id}-observations`}>
      <h3>Observations</h3>
      <ul>
        {world.threads.map((t) => {
          const o = seen.get(t.id);
          const name = threadName(t);
          return (
            <li key={t.id} data-testid={`${id}-result-${t.id}`}>
              <strong>{name}</strong>: {t.done ? `returned ${t.result ?? ''}` : `not finished (at ${t.pc})`}
              {o && (
                <span className="muted">
                  {' '}
                  (saw {o.what} = {o.value} at step {o.step + 1})
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export const Observations = memo(ObservationsImpl);
