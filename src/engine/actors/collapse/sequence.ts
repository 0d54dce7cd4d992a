// collapse_file()'s step ids and, per kernel variant, the order its steps run in: the one table the
// steps follow (`t.pc = nextStep(...)`) and the thread pane lists. A step names its successor only where
// it branches inside the scan loop; every other transition is "the next step of this variant".

import { fault } from '../../tx.ts';
import type { VariantFlags } from '../../variants.ts';

export const COLLAPSE_STEP_IDS = [
  'drain_all',
  'precheck',
  'ps_xas_load',
  'ps_xas_next',
  'ps_xas_climb',
  'alloc',
  'create_range',
  'init_hpage',
  'scan',
  'get_folio',
  'drain',
  'isolate',
  'unmap',
  'relock',
  'freeze',
  'store_hpage',
  'copy_one',
  'unlock_flush',
  'copy_all',
  'revalidate_i_mmap',
  'revalidate_holes',
  'revalidate_check',
  'relock_final',
  'free_old',
  'store_hpage_relock',
  'store_hpage_locked',
  'publish',
  'commit',
  'retract',
  'unlock_hpage',
  'xa_store_slot',
  'xa_free_nodes',
  'xa_store_unlock',
  'rollback',
  'rb_lock',
  'rb_restore',
  'rb_putback',
  'rb_relock',
  'rb_free_hpage',
] as const;
export type CollapseStepId = (typeof COLLAPSE_STEP_IDS)[number];

/** The steps only a `|xa` world runs: model 3's walk of the pre-check, the slot-by-slot final store. */
export const COLLAPSE_TREE_STEP_IDS = [
  'ps_xas_load',
  'ps_xas_next',
  'ps_xas_climb',
  'xa_store_slot',
  'xa_free_nodes',
  'xa_store_unlock',
] as const satisfies readonly CollapseStepId[];
export type CollapseTreeStepId = (typeof COLLAPSE_TREE_STEP_IDS)[number];

/** Re-checking the holes (`uffdCheck`, patch 3/4): before relock_final, which it skips when it ran. */
const REVALIDATE: readonly CollapseStepId[] = ['revalidate_i_mmap', 'revalidate_holes', 'revalidate_check'];

/**
 * What runs after the scan loop, per commit order (spec §2.3-§2.6). Orders p3 and post take xa_lock again
 * for the final store (relock_final); the re-check, when on, runs just before and keeps xa_lock for it.
 */
const AFTER_SCAN: Readonly<Record<VariantFlags['commitOrder'], readonly CollapseStepId[]>> = {
  'v6.3': ['store_hpage', 'copy_one', 'publish', 'retract', 'unlock_hpage'],
  'mm-unstable': [
    'unlock_flush',
    'copy_all',
    'free_old',
    'store_hpage_relock',
    'publish',
    'retract',
    'unlock_hpage',
  ],
  p3: [
    'unlock_flush',
    'copy_all',
    'relock_final',
    'store_hpage_locked',
    'publish',
    'retract',
    'unlock_hpage',
    'free_old',
  ],
  post: ['unlock_flush', 'copy_all', 'relock_final', 'commit', 'retract', 'unlock_hpage', 'free_old'],
};

/** The steps after the scan on these flags: the commit order, with the re-check where it goes. */
function afterScanOf(flags: VariantFlags): readonly CollapseStepId[] {
  const order = AFTER_SCAN[flags.commitOrder];
  if (!flags.uffdCheck) return order;
  // kernelSpec.ts refuses the re-check on orders without relock_final (v6.3, mm-unstable).
  if (!order.includes('relock_final')) fault(`the hole re-check needs commit order p3 or post`);
  return order.flatMap((id) => (id === 'relock_final' ? [...REVALIDATE, id] : [id]));
}

/** Each commit order's final store of the huge page over the range (the flat one-step store). */
const FINAL_STORE: Readonly<Record<VariantFlags['commitOrder'], CollapseStepId>> = {
  'v6.3': 'store_hpage',
  'mm-unstable': 'store_hpage_relock',
  p3: 'store_hpage_locked',
  post: 'commit',
};

/** `|xa`: the tree's slot-by-slot store (xaStoreSteps.ts), run from inside the final store step. */
const TREE_STORE: readonly CollapseStepId[] = ['xa_store_slot', 'xa_free_nodes', 'xa_store_unlock'];

/** The steps of a successful collapse on this variant, in order (rollback is reached only by failing). */
function computeSequence(flags: VariantFlags): readonly CollapseStepId[] {
  const head: CollapseStepId[] = flags.initHpageFirst
    ? ['alloc', 'init_hpage', 'create_range']
    : ['alloc', 'create_range', 'init_hpage'];
  const loop: CollapseStepId[] = [
    'scan',
    'get_folio',
    ...(flags.drainAfterSwapin ? (['drain'] as const) : []),
    'isolate',
    'unmap',
    'relock',
    'freeze',
  ];
  return [...head, ...loop, ...afterScanOf(flags)];
}

// A kernel's flags are one constant object (kernelSpec.ts memoises them): each sequence and its
// successor map is built once per object.
const built = new WeakMap<
  VariantFlags,
  {
    readonly seq: readonly CollapseStepId[];
    readonly afterScan: CollapseStepId;
    readonly next: Map<string, CollapseStepId | null>;
  }
>();
function sequenceOf(flags: VariantFlags) {
  let b = built.get(flags);
  if (!b) {
    const seq = computeSequence(flags);
    const afterScan = afterScanOf(flags)[0] ?? 'rollback';
    b = { seq, afterScan, next: new Map(seq.map((id, i) => [id, seq[i + 1] ?? null])) };
    built.set(flags, b);
  }
  return b;
}

/** Model 2's way in (entrySteps.ts): lru_add_drain_all, then the hpage_collapse_scan_file pre-check. */
const ENTRY: readonly CollapseStepId[] = ['drain_all', 'precheck'];
/** Model 3 with `|xa`: the pre-check's scan walks the tree (entrySteps.ts). */
const ENTRY_XA: readonly CollapseStepId[] = [...ENTRY, 'ps_xas_load', 'ps_xas_next', 'ps_xas_climb'];

/** The rollback as listed: one step on model 1 and v5, the kernel's order on model 2 (rollbackSteps2.ts). */
function rollbackListing(flags: VariantFlags, model: number): readonly CollapseStepId[] {
  if (model < 2 || flags.oldPages === 'freeze-keep') return ['rollback'];
  if (flags.oldPages === 'freeze-replace')
    return ['rollback', 'rb_lock', 'rb_restore', 'rb_putback', 'rb_relock', 'rb_free_hpage'];
  return ['rollback', 'rb_lock', 'rb_putback', 'rb_free_hpage'];
}

/**
 * Step ids in reading order for this variant (what a thread pane lists); `xa`: a `|xa` setup; `model`:
 * the model version (modelVersion.ts), which adds the entry steps and the kernel's rollback order.
 */
export function collapseListing(flags: VariantFlags, xa = false, model = 1): readonly CollapseStepId[] {
  const store = FINAL_STORE[flags.commitOrder];
  const seq = sequenceOf(flags).seq.flatMap((id) => (xa && id === store ? [id, ...TREE_STORE] : [id]));
  const entry = model >= 3 && xa ? ENTRY_XA : model >= 2 ? ENTRY : [];
  return [...entry, ...seq, ...rollbackListing(flags, model)];
}

/** The step whose store the tree store replaces on this variant: the tree store goes on from there. */
export const finalStore = (flags: VariantFlags): CollapseStepId => FINAL_STORE[flags.commitOrder];

/** The step after `from` on this variant; null when `from` is the last (the collapse has succeeded). */
export function nextStep(flags: VariantFlags, from: CollapseStepId): CollapseStepId | null {
  const next = sequenceOf(flags).next.get(from);
  if (next === undefined) fault(`collapse step ${from} is not part of this variant's sequence`);
  return next;
}

/** The first step after the scan loop on this variant. */
export const afterScan = (flags: VariantFlags): CollapseStepId => sequenceOf(flags).afterScan;
