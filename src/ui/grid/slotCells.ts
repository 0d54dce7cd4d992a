// The page-cache cells, written to the DOM directly instead of through React: the first render of 512
// slots is one HTML string parsed in one go (React spent ~45 ms creating 512 elements attribute by
// attribute), and a step patches only the cells whose view object changed (slotView.ts reuses unchanged
// ones). React owns the list element and its event handlers; this module owns the list's children.

import type { SlotView } from './slotView.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);

/** The cell's children in the roomy (few-slot) layout: index, title, badges; all hidden from readers,
 * who get the cell's aria-label instead. A compact cell's text is its short title and its flag letters
 * come from data-flags (grid.css). */
function innerHtml(v: SlotView, compact: boolean): string {
  if (compact) return esc(v.short);
  const badges = v.badges
    .map((b) => `<span class="badge badge-${b.kind}" title="${esc(b.text)}">${esc(b.text)}</span>`)
    .join('');
  return (
    `<span class="slot-index" aria-hidden="true">${v.index}</span>` +
    `<span class="slot-title" aria-hidden="true">${esc(v.title)}</span>` +
    (badges ? `<span class="badges" aria-hidden="true">${badges}</span>` : '')
  );
}

function cellHtml(v: SlotView, compact: boolean, active: number): string {
  const flags = compact && v.flags ? ` data-flags="${esc(v.flags)}"` : '';
  return (
    `<div role="listitem" class="${esc(v.cls)}" data-slot="${v.index}" data-testid="slot-${v.index}"` +
    `${flags} tabindex="${v.index === active ? 0 : -1}" aria-label="${esc(v.label)}">` +
    `${innerHtml(v, compact)}</div>`
  );
}

function patchCell(el: HTMLElement, v: SlotView, compact: boolean): void {
  el.className = v.cls;
  el.setAttribute('aria-label', v.label);
  if (compact && v.flags) el.setAttribute('data-flags', v.flags);
  else el.removeAttribute('data-flags');
  // Focus stays on the cell itself, so replacing its (hidden) contents never loses it.
  if (compact) el.textContent = v.short;
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
