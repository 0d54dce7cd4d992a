// Broken invariants in plain words, each with the step that broke it (1-based) and a way to jump there:
// the story's invariant first and strongest, then any other, then those this kernel breaks by design
// (muted, in their own group).

import type { InvariantId, KernelId } from '../../engine/core.ts';
import type { ShownViolation } from '../../store/index.ts';
import { groupViolations } from '../story/story.ts';

interface Props {
  readonly violations: readonly ShownViolation[];
  readonly id: string;
  readonly variant: KernelId;
  readonly target: InvariantId | null;
  readonly onJump?: (n: number) => void;
}

function Item({
  shown,
  id,
  tone,
  onJump,
}: {
  readonly shown: ShownViolation;
  readonly id: string;
  readonly tone: 'target' | 'other' | 'expected';
  readonly onJump: ((n: number) => void) | undefined;
}) {
  const { violation: v, spec, title, record } = shown;
  const n = v.step + 1;
  return (
    <li className={`violation violation-${tone}`} data-testid={`${id}-violation-${v.invariant}`}>
      <strong>
        <span className={`badge ${tone === 'expected' ? 'badge-expected' : 'badge-violation'}`}>
          {tone === 'expected' ? 'expected' : 'broken'}
        </span>{' '}
        {spec} {v.invariant}: {title}.
      </strong>{' '}
      {v.message}.{' '}
      <span className="muted">
        Broken by step {n}
        {record ? ` (T${record.thread} ${record.label})` : ''}.
      </span>{' '}
      {onJump && (
        <button type="button" className="link" onClick={() => onJump(n)}>
          Go to step {n}
        </button>
      )}
    </li>
  );
}

export function Violations({ violations, id, variant, target, onJump }: Props) {
  const g = groupViolations(violations, variant, target);
  const real = [...g.target, ...g.others];
  return (
    <section className="violations" aria-label="Invariant violations" data-testid={`${id}-violations`}>
      <h3>Invariants</h3>
      {real.length === 0 ? (
        <p className="ok" data-testid={`${id}-no-violations`}>
          {g.expected.length ? 'No unexpected invariant violated so far.' : 'No invariant violated so far.'}
        </p>
      ) : (
        <ul>
          {g.target.map((v) => (
            <Item key={v.violation.message} shown={v} id={id} tone="target" onJump={onJump} />
          ))}
          {g.others.map((v) => (
            <Item key={v.violation.message} shown={v} id={id} tone="other" onJump={onJump} />
          ))}
        </ul>
      )}
      {g.expected.length > 0 && (
        <details className="expected-group" data-testid={`${id}-expected`}>
          <summary>
            Expected on this kernel ({g.expected.map((v) => v.spec).join(', ')}): {variant} freezes old pages
            and stores the huge page over them before it is uptodate
          </summary>
          <ul>
            {g.expected.map((v) => (
              <Item key={v.violation.message} shown={v} id={id} tone="expected" onJump={onJump} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
