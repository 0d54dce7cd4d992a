// Choose a second kernel to run on the same choices, say where the two first differ in what userspace
// can see (the step-level difference as a detail), and sum each kernel's end up in a verdict strip.

import type { KernelId } from '../../engine/core.ts';
import { isVariantId, kernelOf, VARIANT_IDS } from '../../engine/core.ts';
import { useSim } from '../storeContext.tsx';
import { lazy, Suspense } from 'react';

// Only in compare mode: its code loads when a kernel is chosen.
const Divergence = lazy(() => import('./Divergence.tsx').then((m) => ({ default: m.Divergence })));
const VerdictStrip = lazy(() => import('./VerdictStrip.tsx').then((m) => ({ default: m.VerdictStrip })));

export function CompareBar() {
  const variant = useSim((s) => s.compareVariant);
  const main = useSim((s) => s.loaded.kernel);
  const verdicts = useSim((s) => s.compare?.verdicts ?? null);
  const setCompare = useSim((s) => s.setCompareVariant);
  return (
    <section className="compare-bar" aria-label="Compare kernels">
      <label className="inline-field">
        compare with
        <select
          value={variant ?? ''}
          data-testid="compare-select"
          onChange={(e) => setCompare(e.target.value === '' ? null : (e.target.value as KernelId))}
        >
          <option value="">(none)</option>
          {/* A custom kernel (from a link or the matrix) is listed too, so the select shows it. */}
          {[...VARIANT_IDS, ...(variant && !isVariantId(variant) ? [variant] : [])]
            .filter((v) => v !== main)
            .map((v) => (
              <option key={v} value={v} title={kernelOf(v).title}>
                {v}
              </option>
            ))}
        </select>
      </label>
      {variant && (
        <Suspense fallback={null}>
          <Divergence />
        </Suspense>
      )}
      {verdicts && (
        <Suspense fallback={null}>
          <VerdictStrip verdicts={verdicts} />
        </Suspense>
      )}
    </section>
  );
}
