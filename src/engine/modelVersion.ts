/**
 * The version of the simulation model: which steps, branches and state the engine has. A replay link
 * records it (format B), so a schedule recorded against one model is never silently replayed on another.
 * Format A links predate the number and decode as model 1.
 *
 * 1: collapse_file() alone, from the allocation; rollback in one step.
 * 2: the entry paths (lru_add_drain_all, the hpage_collapse_scan_file pre-check, the khugepaged actor,
 *    MADV_COLLAPSE's retract) and the kernel's own rollback order.
 * 3: with `|xa`, the pre-check's scan walks the tree (xas_for_each, a step per slot read) and mincore's
 *    and read's fresh lookups descend it a level per step (xarray/descend.ts).
 */
export const MODEL_VERSION = 3;

/** The model a setup runs on: its own, or today's. */
export function modelOf(setup: { readonly model?: number }): number {
  return setup.model ?? MODEL_VERSION;
}

/**
 * The setup to replay a schedule recorded on `model`: today's model leaves the setup as it is; an older
 * one is written into it, so createWorld (and everything downstream) runs that model's behaviour.
 */
export function onModel<S extends { readonly model?: number }>(setup: S, model: number): S {
  if (model >= MODEL_VERSION) {
    const { model: _drop, ...today } = setup;
    return today as S;
  }
  return { ...setup, model };
}
