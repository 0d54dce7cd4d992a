// Slot positions are arithmetic (fixed cell size, a column count from the grid's width), so the huge page
// outline and the animation overlay need no DOM measurement per slot.

export interface Layout {
  readonly cols: number;
  readonly cellW: number;
  readonly cellH: number;
  readonly gap: number;
  readonly compact: boolean;
}

/** Many slots get the compact layout: short badge letters, details in the inspector. */
export const COMPACT_ABOVE = 32;

export function cellSize(n: number): Pick<Layout, 'cellW' | 'cellH' | 'gap' | 'compact'> {
  return n > COMPACT_ABOVE
    ? { cellW: 44, cellH: 44, gap: 3, compact: true }
    : { cellW: 124, cellH: 132, gap: 6, compact: false };
}

/**
 * A roomy cell keeps its lowest pixels free of badges (grid.css pads it): a returned call's answer band is
 * drawn there, so it never covers the last row of badges.
 */
export const ANSWER_STRIP = 20;

export function layoutFor(n: number, width: number): Layout {
  const size = cellSize(n);
  const cols = Math.max(1, Math.min(n, Math.floor((width + size.gap) / (size.cellW + size.gap))));
  return { ...size, cols };
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function slotBox(l: Layout, i: number): Box {
  const col = i % l.cols;
  const row = Math.floor(i / l.cols);
  return { x: col * (l.cellW + l.gap), y: row * (l.cellH + l.gap), w: l.cellW, h: l.cellH };
}

export function gridSize(l: Layout, n: number): { w: number; h: number } {
  const rows = Math.ceil(n / l.cols);
  return {
    w: l.cols * (l.cellW + l.gap) - l.gap,
    h: rows * (l.cellH + l.gap) - l.gap,
  };
}

/** One rectangle per row of each contiguous run of slots: the outline of one object spanning them. */
export function spanBoxes(l: Layout, indexes: readonly number[], pad = 3): Box[] {
  const boxes: Box[] = [];
  let start = -1;
  let prev = -2;
  const flush = () => {
    if (start < 0) return;
    const a = slotBox(l, start);
    const b = slotBox(l, prev);
    boxes.push({ x: a.x - pad, y: a.y - pad, w: b.x + b.w - a.x + 2 * pad, h: l.cellH + 2 * pad });
  };
  for (const i of indexes) {
    const sameRow = Math.floor(i / l.cols) === Math.floor(prev / l.cols);
    if (i !== prev + 1 || !sameRow) {
      flush();
      start = i;
    }
    prev = i;
  }
  flush();
  return boxes;
}

export function boxesPath(boxes: readonly Box[]): string {
  return boxes.map((b) => `M${b.x},${b.y}h${b.w}v${b.h}h${-b.w}Z`).join('');
}

export function unionBox(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const r = Math.max(...boxes.map((b) => b.x + b.w));
  const btm = Math.max(...boxes.map((b) => b.y + b.h));
  return { x, y, w: r - x, h: btm - y };
}
