// Choose a second kernel to run on the same schedule, and say where the two part ways.

import type { VariantId } from '../../engine/index.ts';
import { VARIANT_IDS, VARIANTS } from '../../engine/index.ts';
import { useSim } from '../storeContext.tsx';

export function CompareBar() {
  const variant = useSim((s) => s.compareVariant);
  const main = useSim((s) => s.loaded.kernel);
  const divergence = useSim((s) => s.compare?.divergence ?? null);
  const setCompare = useSim((s) => s.setCompareVariant);
  const jumpTo = useSim((s) => s.jumpTo);
  return (
    <section className="compare-bar" aria-label="Compare kernels">
      <label className="inline-field">
        compare with
        <select
          value={variant ?? ''}
          data-testid="compare-select"
          onChange={(e) => setCompare(e.target.value === '' ? null : (e.target.value as VariantId))}
        >
          <option value="">(no comparison)</option>
          {VARIANT_IDS.filter((v) => v !== main).map((v) => (
            <option key={v} value={v}>
              {v}: {VARIANTS[v].title}
            </option>
          ))}
        </select>
      </label>
      {variant && (
        <p className="divergence" data-testid="divergence" role="status">
          {divergence ? (
            <>
              <strong>≠ Diverges at step {divergence.step}:</strong> {divergence.reason}.{' '}
              <button type="button" className="link" onClick={() => jumpTo(divergence.step + 1)}>
                Go to step {divergence.step}
              </button>
            </>
          ) : (
            'No divergence: the same steps with the same results so far.'
          )}
        </p>
      )}
    </section>
  );
}
