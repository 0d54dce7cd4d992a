// The xarray beneath the page cache (shared/domain/xarray.md §1, §6) as plain, immutable data: a head
// entry and an arena of nodes of C = 2^s slots. Writers replace nodes (and the tree object) instead of
// mutating them, so a World's tree can be shared with the world it was cloned from.

/** What one xarray slot holds (include/linux/xarray.h: entries, internal sibling/retry/node entries). */
export type XaEntry =
  | null
  | { readonly k: 'folio'; readonly folio: number }
  /** A value entry: shmem's swap entry. */
  | { readonly k: 'value'; readonly value: number }
  /** A multi-index entry's other slots point back at its canonical slot (xa_mk_sibling). */
  | { readonly k: 'sibling'; readonly offset: number }
  /** XA_RETRY_ENTRY: written into every used slot of a node being freed (xas_free_nodes). */
  | { readonly k: 'retry' }
  | { readonly k: 'node'; readonly node: number };

export interface XaNode {
  readonly id: number;
  /** The parent node's id, null for the node at the head. */
  readonly parent: number | null;
  /** This node's slot in its parent. */
  readonly offset: number;
  /** Each slot covers 2^shift indexes (0 for a leaf). */
  readonly shift: number;
  readonly slots: readonly XaEntry[];
  /** Freed (xa_node_free): unreachable from the head, still readable by a walker that holds it (RCU). */
  readonly freed: boolean;
}

export interface XaTree {
  /** C, the slots per node (XA_CHUNK_SIZE), and s = log2 C (XA_CHUNK_SHIFT). */
  readonly chunk: number;
  readonly chunkShift: number;
  readonly head: XaEntry;
  readonly nodes: Readonly<Record<number, XaNode>>;
  readonly nextNode: number;
}

/** xa_state's special node values (XAS_RESTART: walk afresh from the head; XAS_BOUNDS: past the end). */
export const XAS_RESTART = -1;
export const XAS_BOUNDS = -2;

/**
 * A lockless walker's xa_state, kept in its thread locals (t.l.xas): where it is, never a copy of the
 * tree. Its index is t.l.index (xa_index). Replaced, never mutated.
 */
export interface XasPos {
  /** A node id, or XAS_RESTART / XAS_BOUNDS. */
  readonly node: number;
  readonly offset: number;
  /** The folio xas_find returned and find_get_entry is about to try_get, or -1. */
  readonly cand: number;
  /** The last folio this walk returned to its caller, or -1 (what a fixed walk remembers). */
  readonly returned: number;
}

export const XA_CHUNKS = [2, 4, 8, 16, 32, 64] as const;
