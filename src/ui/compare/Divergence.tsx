// The first observable difference between the two kernels (a result, or an invariant broken on one side
// only), with the step-level difference as a detail. Loaded with compare mode.

import { useSim } from '../storeContext.tsx';

export function Divergence() {
  const divergence = useSim((s) => s.compare?.divergence ?? null);
  const detail = useSim((s) => s.compare?.stepDifference ?? null);
  const jumpTo = useSim((s) => s.jumpTo);
  return (
    <div className="divergence" data-testid="divergence" role="status">
      {divergence ? (
        <>
          <strong>≠ First difference, step {divergence.step + 1}:</strong> {divergence.reason}.{' '}
          <button type="button" className="link" onClick={() => jumpTo(divergence.step + 1)}>
            Go to step {divergence.step + 1}
          </button>
        </>
      ) : (
        'No observable difference: the same results and the same invariants to the end.'
      )}
      {detail && (
        <details className="step-detail" data-testid="step-difference">
          <summary>Step-level difference</summary>
          Step {detail.step + 1}: {detail.reason}.
        </details>
      )}
    </div>
  );
}
