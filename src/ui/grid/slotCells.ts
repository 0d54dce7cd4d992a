// The page-cache cells, written to the DOM directly instead of through React: the first render of 512
// slots is one HTML string parsed in one go (React spent ~45 ms creating 512 elements attribute by
// attribute), and a step patches only the cells whose view object changed (slotView.ts reuses unchanged
// ones). React owns the list element and its event handlers; this module owns the list's children.

import { escapeHtml as esc } from '../escapeHtml.ts';
import type { SlotView } from './slotView.ts';

/** A compact cell's one text: its short title, then its flag letters on the next line (grid.css). */
const compactText = (v: SlotView) => (v.flags ? `${v.short}\n${v.flags}` : v.short);

/** The cell's children: one text when compact; else index, title and badges. Readers get the cell's
 * aria-label instead (the roomy children are aria-hidden; a compact cell's text is replaced by it). */
function innerHtml(v: SlotView, compact: boolean): string {
  if (compact) return esc(compactText(v));
  const badges = v.badges
    .map((b) => `<span class="badge badge-${b.kind}" title="${esc(b.text)}">${esc(b.text)}</span>`)
    .join('');
  return (
    `<span class="slot-index" aria-hidden="true">${v.index}</span>` +
    `<span class="slot-title" aria-hidden="true">${esc(v.title)}</span>` +
    (v.value ? `<span class="slot-value" aria-hidden="true" title="data">${esc(v.value)}</span>` : '') +
    (badges ? `<span class="badges" aria-hidden="true">${badges}</span>` : '')
  );
}

function cellHtml(v: SlotView, compact: boolean, active: number): string {
  return (
    `<div role="listitem" class="${esc(v.cls)}" data-slot="${v.index}" data-testid="slot-${v.index}"` +
    ` tabindex="${v.index === active ? 0 : -1}" aria-label="${esc(v.label)}">` +
    `${innerHtml(v, compact)}</div>`
  );
}

function patchCell(el: HTMLElement, v: SlotView, compact: boolean): void {
  el.className = v.cls;
  el.setAttribute('aria-label', v.label);
  // Focus stays on the cell itself, so replacing its contents never loses it.
  if (compact) el.textContent = compactText(v);
  else el.innerHTML = innerHtml(v, compact);
}

/** What the list's children currently show, so the next render patches only what changed. */
export interface CellsState {
  views: readonly SlotView[];
  compact: boolean;
  active: number;
  inspected: number | null;
}

export interface CellsProps {
  readonly views: readonly SlotView[];
  readonly compact: boolean;
  /** The cell in the tab order (roving tabindex). */
  readonly active: number;
  /** The cell described by the inspector tooltip. */
  readonly inspected: number | null;
  readonly tooltipId: string;
}

/** Brings the list's children in line with `next`; returns the new state to pass next time. */
export function renderCells(list: HTMLElement, shown: CellsState | null, next: CellsProps): CellsState {
  const { views, compact, active, inspected, tooltipId } = next;
  const cell = (i: number) => list.children[i] as HTMLElement | undefined;
  if (!shown || shown.compact !== compact || shown.views.length !== views.length) {
    const refocus = list.contains(document.activeElement);
    let html = '';
    for (const v of views) html += cellHtml(v, compact, active);
    list.innerHTML = html;
    if (inspected !== null) cell(inspected)?.setAttribute('aria-describedby', tooltipId);
    if (refocus) cell(active)?.focus();
    return { views, compact, active, inspected };
  }
  for (let i = 0; i < views.length; i++) {
    const v = views[i];
    const el = cell(i);
    if (v && el && v !== shown.views[i]) patchCell(el, v, compact);
  }
  if (shown.active !== active) {
    cell(shown.active)?.setAttribute('tabindex', '-1');
    cell(active)?.setAttribute('tabindex', '0');
  }
  if (shown.inspected !== inspected) {
    if (shown.inspected !== null) cell(shown.inspected)?.removeAttribute('aria-describedby');
    if (inspected !== null) cell(inspected)?.setAttribute('aria-describedby', tooltipId);
  }
  return { views, compact, active, inspected };
}
