// Beside the grid, once the race has broken: what userspace observed against what it should have
// observed, for the story's invariant (a recorded race's target, else the first unexpected break).

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
      <p className="callout-head">
        <span className="badge badge-violation">broken</span> {spec} at step {n}
      </p>
      <dl>
        <dt>Observed</dt>
        <dd data-testid={`${id}-observed`}>{v.message}</dd>
        <dt>Expected</dt>
        <dd data-testid={`${id}-expected-text`}>{expected ?? title}</dd>
        {why && (
          <>
            <dt>Why</dt>
            <dd className="callout-why" data-testid={`${id}-why`}>
              {why}
            </dd>
          </>
        )}
      </dl>
      {onJump && (
        <button type="button" className="link" onClick={() => onJump(n)}>
          Go to step {n}
        </button>
      )}
    </aside>
  );
}
