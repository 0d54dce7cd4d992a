// The thread list: one row per thread with its actor and parameter; add and remove threads. Edits apply
// at once; a rejected edit shows its error and leaves the last good setup running.

import { useState } from 'react';
import type { ActorKind, ThreadSpec } from '../../engine/core.ts';
import { ACTORS, userActors } from '../../engine/core.ts';

interface Props {
  readonly threads: readonly ThreadSpec[];
  readonly n: number;
  readonly apply: (threadString: string) => void;
}

const KINDS = userActors(); // daemons are started by the setup, never chosen
const MAX_THREADS = 8;

const token = (actor: ActorKind, param: string) => (ACTORS[actor].param ? `${actor}:${param}` : actor);

export function ThreadControls({ threads, n, apply }: Props) {
  // Parameters as typed, so an out-of-range value stays visible beside its error.
  const [params, setParams] = useState(() => threads.map((t) => String(t.param)));
  const tokens = threads.map((t, i) => token(t.actor, params[i] ?? String(t.param)));
  const commit = (next: string[]) => apply(next.join(','));
  return (
    <fieldset className="thread-controls">
      <legend>Threads ({threads.length})</legend>
      <ol>
        {threads.map((t, i) => {
          const p = ACTORS[t.actor].param;
          return (
            <li key={i} className="inline-field">
              <span>T{i}</span>
              <select
                aria-label={`T${i} actor`}
                value={t.actor}
                onChange={(e) => {
                  const actor = e.target.value as ActorKind;
                  commit(
                    tokens.map((x, k) => (k === i ? token(actor, String(ACTORS[actor].param?.min ?? 0)) : x)),
                  );
                }}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
              {p && (
                <label className="inline-field">
                  {p.name}
                  <input
                    type="number"
                    aria-label={`T${i} ${p.name}`}
                    min={p.min}
                    max={p.max(n)}
                    value={params[i] ?? ''}
                    onChange={(e) => {
                      const v = e.target.value;
                      setParams(params.map((x, k) => (k === i ? v : x)));
                      commit(tokens.map((x, k) => (k === i ? token(t.actor, v) : x)));
                    }}
                  />
                </label>
              )}
              <button
                type="button"
                aria-label={`Remove T${i} ${t.actor}`}
                disabled={threads.length <= 1}
                onClick={() => commit(tokens.filter((_, k) => k !== i))}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        disabled={threads.length >= MAX_THREADS}
        onClick={() => commit([...tokens, 'mincore'])}
      >
        + thread
      </button>
    </fieldset>
  );
}
