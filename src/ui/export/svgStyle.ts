// Colours for the exported image, inline so the SVG stands alone: the same Okabe-Ito palette and badge
// colours as styles.css (keep the two in step when a badge changes colour).

import type { Badge, EntryKind } from '../grid/slotView.ts';

export const INK = '#1b1b1b';
export const MUTED = '#555';
export const GREEN = '#009e73';

export const ENTRY: Record<EntryKind, { fill: string; stroke: string; dash: string; width: number }> = {
  page: { fill: '#fff', stroke: '#6f6f6f', dash: '', width: 2 },
  hole: { fill: '#f4f4f4', stroke: '#6f6f6f', dash: '5 3', width: 2 },
  swap: { fill: '#eef6fc', stroke: '#6f6f6f', dash: '2 2', width: 2 },
  retry: { fill: '#fff', stroke: '#d55e00', dash: '', width: 4 },
  huge: { fill: '#e7f4ef', stroke: 'none', dash: '', width: 0 },
};

export const BADGE: Record<Badge['kind'], { fill: string; stroke: string; text: string; dash?: string }> = {
  locked: { fill: '#e69f00', stroke: '#8a5f00', text: '#000' },
  uptodate: { fill: '#d5efe6', stroke: '#009e73', text: INK },
  stale: { fill: '#fff', stroke: '#d55e00', text: INK, dash: '3 2' },
  ref: { fill: '#e6f1f9', stroke: '#0072b2', text: INK },
  frozen: { fill: '#56b4e9', stroke: '#0072b2', text: '#000' },
  dirty: { fill: '#fbf8cf', stroke: '#a69a00', text: INK },
  lru: { fill: '#eee', stroke: '#999', text: INK },
  pte: { fill: '#f6e3ee', stroke: '#cc79a7', text: INK },
  pinned: { fill: '#000', stroke: '#000', text: '#fff' },
};

export { escapeHtml as esc } from '../escapeHtml.ts';
