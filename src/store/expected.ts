// Invariants a kernel breaks by design: before patch 4/4 (v6.3..p3) collapse freezes each old page and
// stores the !uptodate huge page over it, so I7 and I8 break on every collapse. The page shows them muted
// and compare does not count them as a difference.

import type { InvariantId, KernelId } from '../engine/core.ts';
import { kernelOf } from '../engine/core.ts';

const BY_DESIGN: ReadonlySet<InvariantId> = new Set(['uptodate', 'atomic-switch']);

export function expectedOnKernel(variant: KernelId, invariant: InvariantId): boolean {
  return BY_DESIGN.has(invariant) && kernelOf(variant).flags.oldPages === 'freeze-replace';
}
