// One thread: its steps in reading order (paraphrase, kernel label, link to the source line of this
// kernel), the current step highlighted, why it is blocked, and a button (and key) to step it.

import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Thread, KernelId } from '../../engine/core.ts';
import { ACTORS, MODEL_VERSION, stepLabel, kernelOf } from '../../engine/core.ts';
import { resolveSource } from '../../engine/sourceLinks.ts';
import type { ThreadState } from '../../store/index.ts';
import { threadName } from '../../store/index.ts';

interface Props {
  readonly thread: Thread;
  readonly variant: KernelId;
  /** A `|xa` setup: the tree's walk and store steps are listed. */
  readonly xa?: boolean;
  /** The world's model version: model 2 lists collapse's entry steps and its stepwise rollback. */
  readonly model?: number;
  readonly state: ThreadState;
  readonly onStep: (id: number) => void;
}

function ThreadPaneImpl({ thread, variant, xa = false, model = MODEL_VERSION, state, onStep }: Props) {
  const program = ACTORS[thread.actor];
  const listing = program.listing(kernelOf(variant).flags, xa, model);
  const name = threadName(thread);
  const list = useRef<HTMLOListElement>(null);
  const mounted = useRef(false);
  useLayoutEffect(() => {
    // Keep the current step in view inside the pane without scrolling the page. Skipped on mount (the
    // entry step is on top) so the first render never forces a layout.
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const ol = list.current;
    const cur = ol?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!ol || !cur) return;
    const top = cur.offsetTop;
    if (top < ol.scrollTop || top + cur.offsetHeight > ol.scrollTop + ol.clientHeight)
      ol.scrollTop = Math.max(0, top - ol.clientHeight / 3);
  }, [thread.pc]);
  const key = thread.id < 9 ? String(thread.id + 1) : null;
  // Roving tabindex: the pane's source links are one tab stop (the current step's, or the last one
  // focused); the arrows, Home and End move between them.
  const current = Math.max(0, listing.indexOf(thread.pc));
  const [roving, setRoving] = useState<number | null>(null);
  const active = roving ?? current;
  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      Home: -listing.length,
      End: listing.length,
    };
    const d = moves[e.key];
    if (d === undefined) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(listing.length - 1, active + d));
    setRoving(next);
    list.current?.querySelectorAll<HTMLElement>('a')[next]?.focus();
  };
  return (
    <section
      className={`thread-pane thread-${state.t}`}
      aria-label={`Thread ${name}`}
      data-testid={`thread-${thread.id}`}
    >
      <header className="thread-head">
        <h3>
          <span className={`thread-swatch t${thread.id % 8}`} aria-hidden="true" />
          {name}
        </h3>
        <button
          type="button"
          onClick={() => onStep(thread.id)}
          disabled={state.t !== 'runnable'}
          aria-keyshortcuts={key ?? undefined}
          data-testid={`step-thread-${thread.id}`}
        >
          Step T{thread.id}
          {key && <kbd aria-hidden="true">{key}</kbd>}
        </button>
      </header>
      <p className="thread-status" data-testid={`thread-status-${thread.id}`}>
        {state.t === 'runnable' && 'ready to run'}
        {state.t === 'blocked' && <>blocked: {state.why}</>}
        {state.t === 'done' && <>finished: {state.result}</>}
      </p>
      <ol className="steps" ref={list} aria-label={`${name} steps`} onKeyDown={onKeyDown} data-own-arrows>
        {listing.map((id, k) => {
          const def = program.steps[id];
          if (!def) return null;
          const current = !thread.done && thread.pc === id;
          const source = resolveSource(def.src, kernelOf(variant));
          return (
            <li
              key={id}
              aria-current={current ? 'step' : undefined}
              className={current ? 'current' : undefined}
            >
              <code>{stepLabel(def, kernelOf(variant).flags)}</code>
              <span className="step-text">{def.text}</span>
              <a
                href={source.url}
                target="_blank"
                rel="noopener noreferrer"
                tabIndex={k === active ? 0 : -1}
                onFocus={() => setRoving(k)}
              >
                {source.func} in {source.file}
                {source.line !== null && `:${source.line}`}
                <span className="visually-hidden"> ({variant} source, opens a new tab)</span>
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export const ThreadPane = memo(ThreadPaneImpl);
