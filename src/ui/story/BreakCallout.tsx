// Beside the grid, once the race has broken: what userspace observed against what it should have
// observed, for the story's invariant (a recorded race's target, else the first unexpected break); a
// recorded race's story as the why, behind a disclosure.

import type { ShownViolation } from '../../store/index.ts';

interface Props {
  readonly shown: ShownViolation;
  /** A recorded race's words for what should have been seen; otherwise the invariant's statement. */
  readonly expected: string | null;
  readonly id: string;
  /** A recorded race's story (who races whom, why userspace is wrong): the reason, beside the facts. */
  readonly why?: string | null;
  readonly onJump?: ((n: number) => void) | undefined;
}

export function BreakCallout({ shown, expected, id, why = null, onJump }: Props) {
  const { violation: v, spec, title } = shown;
  const n = v.step + 1;
  return (
    <aside className="break-callout" aria-label={`${spec} broken`} data-testid={`${id}-break-callout`}>
      <div className="callout-top">
        <p className="callout-head">
          <span className="badge badge-violation">broken</span> {spec} at step {n}
        </p>
        {onJump && (
          <button type="button" className="link" onClick={() => onJump(n)}>
            Go to step {n}
          </button>
        )}
      </div>
      <dl>
        <dt>Observed</dt>
        <dd data-testid={`${id}-observed`}>{v.message}</dd>
        <dt>Expected</dt>
        <dd data-testid={`${id}-expected-text`}>{expected ?? title}</dd>
      </dl>
      {/* The facts stay on screen; the story behind them opens on demand, so the callout fits beside the
          grid in the first viewport. */}
      {why && (
        <details className="callout-why-box">
          <summary>Why is this a bug?</summary>
          <p className="callout-why" data-testid={`${id}-why`}>
            {why}
          </p>
        </details>
      )}
    </aside>
  );
}
