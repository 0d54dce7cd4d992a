// Broken invariants in plain words, each with the step that broke it and a way to jump there.

import type { ShownViolation } from '../../store/index.ts';

interface Props {
  readonly violations: readonly ShownViolation[];
  readonly id: string;
  readonly onJump?: (n: number) => void;
}

export function Violations({ violations, id, onJump }: Props) {
  return (
    <section className="violations" aria-label="Invariant violations" data-testid={`${id}-violations`}>
      <h3>Invariants</h3>
      {violations.length === 0 ? (
        <p className="ok" data-testid={`${id}-no-violations`}>
          No invariant violated so far.
        </p>
      ) : (
        <ul>
          {violations.map(({ violation: v, spec, title, record }) => (
            <li key={`${v.invariant}|${v.step}|${v.message}`} data-testid={`${id}-violation-${v.invariant}`}>
              <strong>
                <span className="badge badge-violation">violated</span> {spec} {v.invariant}: {title}.
              </strong>{' '}
              {v.message}.{' '}
              <span className="muted">
                Broken by step {v.step}
                {record ? ` (T${record.thread} ${record.label})` : ''}.
              </span>{' '}
              {onJump && (
                <button type="button" className="link" onClick={() => onJump(v.step + 1)}>
                  Go to step {v.step}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
