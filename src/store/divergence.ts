// Where two kernels part ways on the same schedule: a different step, a step one cannot take, or a
// different observation (what userspace sees).

import type { VariantId } from '../engine/index.ts';
import type { StepRec, SyncResult } from './replay.ts';

export interface Divergence {
  /** 0-based step index. */
  readonly step: number;
  readonly reason: string;
}

function outcome(r: StepRec): string {
  return r.events
    .flatMap((e) =>
      e.type === 'thread.observed'
        ? [`${e.what} = ${e.value}`]
        : e.type === 'thread.finished'
          ? [`finishes: ${e.result}`]
          : [],
    )
    .join('; ');
}

export function firstDivergence(
  a: readonly StepRec[],
  b: SyncResult,
  names: { readonly a: VariantId; readonly b: VariantId },
): Divergence | null {
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b.records[k];
    if (!x) break;
    if (!y) {
      const why = b.error?.at === k ? b.error.message : 'the schedule ends earlier';
      return { step: k, reason: `T${x.thread} cannot take this step on ${names.b}: ${why}` };
    }
    if (x.stepId !== y.stepId)
      return {
        step: k,
        reason: `T${x.thread} runs ${x.label} on ${names.a} but ${y.label} on ${names.b}`,
      };
    const ox = outcome(x);
    const oy = outcome(y);
    if (ox !== oy)
      return {
        step: k,
        reason: `T${x.thread} ${ox || 'observes nothing'} on ${names.a} but ${oy || 'observes nothing'} on ${names.b}`,
      };
  }
  return null;
}
