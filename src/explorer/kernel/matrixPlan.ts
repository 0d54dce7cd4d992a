// The fix matrix's plan: its rows (recorded races' setups), its columns (the named variants, every single
// switch flipped from v6.4, then each flip from v6.3 that makes a kernel no earlier column is) and the
// searches a set of cells needs (kernels with the same flags, v6.7 and v6.12, share one per row). Engine
// only: the page lists and picks columns without loading the explorer; matrix.ts runs the cells.

import {
  kernelFrom,
  kernelOf,
  SWITCHES,
  VARIANT_IDS,
  VARIANTS,
  type Commit,
  type InvariantId,
  type KernelId,
  type VariantFlags,
  type VariantId,
} from '../../engine/index.ts';
import type { StopReason } from '../types.ts';

export interface MatrixRow {
  /** The recorded race's id. */
  readonly race: string;
  readonly slots: string;
  readonly threads: string;
}

export interface MatrixColumn {
  readonly kernel: KernelId;
  /** The variant itself, or the base the switch was flipped from. */
  readonly base: VariantId;
  /** The flipped switch and its new value; null for a named variant. */
  readonly flip: { readonly name: string; readonly value: string } | null;
  /** The commit the column is about: the new value's, else the one the flip reverts; a variant's last. */
  readonly commit: Commit | null;
}

/** A single flip the engine cannot run: not a column, listed with why. */
export interface RefusedFlip {
  readonly kernel: string;
  readonly reason: string;
}

const flagsKey = (f: VariantFlags) => SWITCHES.map((s) => String(f[s.flag])).join('/');

function flipsFrom(base: VariantId): { readonly column?: MatrixColumn; readonly refused?: RefusedFlip }[] {
  const flags = VARIANTS[base].flags;
  return SWITCHES.flatMap((s) => {
    const current = s.values.find((v) => v.flag === flags[s.flag]);
    return s.values
      .filter((v) => v !== current)
      .map((v) => {
        const k = kernelFrom(base, { ...flags, [s.flag]: v.flag });
        if (!k.ok) return { refused: { kernel: `${base}/${s.name}=${v.name}`, reason: k.error } };
        const commit = v.commit ?? current?.commit ?? null;
        return { column: { kernel: k.kernel.id, base, flip: { name: s.name, value: v.name }, commit } };
      });
  });
}

/** The columns in order, and the single flips the engine refuses. */
export function matrixColumns(): { readonly columns: MatrixColumn[]; readonly refused: RefusedFlip[] } {
  const columns: MatrixColumn[] = VARIANT_IDS.map((id) => ({
    kernel: id,
    base: id,
    flip: null,
    commit: VARIANTS[id].commits[VARIANTS[id].commits.length - 1] ?? null,
  }));
  const refused: RefusedFlip[] = [];
  for (const f of flipsFrom('v6.4')) {
    if (f.column) columns.push(f.column);
    if (f.refused) refused.push(f.refused);
  }
  const seen = new Set(columns.map((c) => flagsKey(kernelOf(c.kernel).flags)));
  for (const f of flipsFrom('v6.3')) {
    if (f.refused) refused.push(f.refused);
    if (!f.column) continue;
    const key = flagsKey(kernelOf(f.column.kernel).flags);
    if (!seen.has(key)) columns.push(f.column);
    seen.add(key);
  }
  return { columns, refused };
}

/** A search to run: one row on one kernel. */
export interface MatrixTask {
  readonly row: MatrixRow;
  readonly kernel: string;
}

/** The searches a matrix needs (one per row and distinct flags) and, per cell, the task that answers it. */
export function planMatrix(
  rows: readonly MatrixRow[],
  kernels: readonly KernelId[],
): { readonly tasks: MatrixTask[]; readonly at: number[][] } {
  const tasks: MatrixTask[] = [];
  const index = new Map<string, number>();
  const at = rows.map((row) =>
    kernels.map((kernel) => {
      const key = `${row.race}\u0000${flagsKey(kernelOf(kernel).flags)}`;
      let i = index.get(key);
      if (i === undefined) {
        i = tasks.push({ row, kernel }) - 1;
        index.set(key, i);
      }
      return i;
    }),
  );
  return { tasks, at };
}

export interface MatrixCell {
  /** The invariants broken in some interleaving, in the explorer's order. */
  readonly broken: readonly InvariantId[];
  readonly complete: boolean;
  readonly states: number;
}

/** A cell with what a host shows beyond the verdict. */
export interface MatrixCellDetail extends MatrixCell {
  /** A shortest counterexample per broken invariant. */
  readonly schedules: Readonly<Partial<Record<InvariantId, readonly number[]>>>;
  /** Every result the collapse (thread 0) can end with, sorted; `(stuck)` when it can never finish. */
  readonly collapseResults: readonly string[];
  /** Why the search stopped ('done' when complete; the state or memory limit otherwise). */
  readonly stop: StopReason;
}

/** What a cell says at a glance: an invariant broken, all hold, all hold but no collapse, or not known. */
export type CellVerdict = 'broken' | 'holds' | 'no-collapse' | 'stopped';

export function cellVerdict(c: MatrixCellDetail): CellVerdict {
  if (c.broken.length > 0) return 'broken';
  if (!c.complete) return 'stopped';
  return c.collapseResults.includes('SCAN_SUCCEED') ? 'holds' : 'no-collapse';
}
