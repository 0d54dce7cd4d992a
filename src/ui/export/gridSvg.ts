// The page cache as one self-contained SVG (inline styles, no external font or stylesheet): the grid
// of the world on screen in its current column layout, the huge page outlined over its slots with its
// flags, and the collapse's private huge page while it is not in the cache. Built from the world (the
// same views and geometry the grid renders), not by copying the DOM, so the file is small and exact.

import type { World } from '../../engine/core.ts';
import type { Layout } from '../grid/geometry.ts';
import { boxesPath, gridSize, slotBox, spanBoxes } from '../grid/geometry.ts';
import { hugeInCache, privateHugePages } from '../grid/hugeFolios.ts';
import type { Badge } from '../grid/slotView.ts';
import { folioBadges, slotViews } from '../grid/slotView.ts';
import { BADGE, ENTRY, esc, GREEN, INK, MUTED } from './svgStyle.ts';

const PAD = 12;
const LINE = 20;
const FONT = 'font-family="system-ui, -apple-system, \'Segoe UI\', sans-serif"';

function badgeRow(badges: readonly Badge[], x: number, y: number, maxW: number): string {
  let cx = x;
  let cy = y;
  let out = '';
  for (const b of badges) {
    const w = 6 + b.text.length * 5.6;
    if (cx + w > x + maxW && cx > x) {
      cx = x;
      cy += 16;
    }
    const c = BADGE[b.kind];
    out += `<rect x="${cx}" y="${cy}" width="${w}" height="14" rx="3" fill="${c.fill}" stroke="${c.stroke}"${c.dash ? ` stroke-dasharray="${c.dash}"` : ''}/>`;
    out += `<text x="${cx + 3}" y="${cy + 10.5}" font-size="10" fill="${c.text}">${esc(b.text)}</text>`;
    cx += w + 3;
  }
  return out;
}

function slotCells(world: World, layout: Layout): string {
  let out = '';
  for (const v of slotViews(world, [])) {
    const b = slotBox(layout, v.index);
    const e = ENTRY[v.entry];
    out += `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="5" fill="${e.fill}" stroke="${e.stroke}" stroke-width="${e.width}"${e.dash ? ` stroke-dasharray="${e.dash}"` : ''}/>`;
    if (layout.compact) {
      const title = v.entry === 'page' ? `f${v.folio ?? ''}` : v.entry === 'hole' ? '·' : v.title.slice(0, 4);
      out += `<text x="${b.x + 3}" y="${b.y + 14}" font-size="11" font-weight="600" fill="${INK}">${esc(title)}</text>`;
      if (v.badges.length)
        out += `<text x="${b.x + 3}" y="${b.y + 30}" font-size="9" fill="${INK}">${esc(v.badges.map((x) => x.short).join(' '))}</text>`;
    } else {
      out += `<text x="${b.x + 6}" y="${b.y + 14}" font-size="10" fill="${MUTED}">${v.index}</text>`;
      out += `<text x="${b.x + 6}" y="${b.y + 30}" font-size="13" font-weight="600" fill="${INK}">${esc(v.title)}</text>`;
      out += badgeRow(v.badges, b.x + 6, b.y + 38, b.w - 12);
    }
  }
  return out;
}

/** The SVG markup for `world` laid out as `layout`, under a title line. */
export function gridSvg(world: World, layout: Layout, title: string): string {
  const size = gridSize(layout, world.n);
  // Wide enough for the title line too (about 8.6 px per character of 14 px bold sans).
  const width = Math.ceil(Math.max(size.w, 420, title.length * 8.6)) + 2 * PAD;
  let y = PAD + 14;
  let head = `<text x="${PAD}" y="${y}" font-size="14" font-weight="700" fill="${INK}">${esc(title)}</text>`;
  for (const p of privateHugePages(world)) {
    const n = p.folio.valid.length;
    const cell = Math.max(1, Math.min(24, Math.floor((width - 2 * PAD) / Math.max(1, n))));
    const filled = p.folio.valid.filter(Boolean).length;
    y += LINE;
    head += `<text x="${PAD}" y="${y}" font-size="12" fill="${INK}">T${p.owner}'s huge page (folio ${p.folio.id}), private: ${filled} of ${n} sub-pages filled</text>`;
    head += badgeRow(folioBadges(p.folio), PAD, y + 5, width - 2 * PAD);
    y += 24;
    const d = p.folio.valid.map((v, i) => (v ? `M${PAD + i * cell},${y}h${cell}v14h${-cell}Z` : '')).join('');
    head += `<rect x="${PAD}" y="${y}" width="${n * cell}" height="14" fill="#fff" stroke="${GREEN}"/>`;
    head += `<path d="${d}" fill="${GREEN}"/>`;
    y += 14;
  }
  for (const h of hugeInCache(world)) {
    y += LINE;
    const where = h.slots.length === world.n ? 'every slot' : `slot ${h.slots.join(', ')}`;
    head += `<text x="${PAD}" y="${y}" font-size="12" font-weight="600" fill="${INK}">Huge page folio ${h.folio.id} in ${esc(where)}</text>`;
    head += badgeRow(folioBadges(h.folio), PAD, y + 5, width - 2 * PAD);
    y += 18;
  }
  const top = y + 14;
  const outlines = hugeInCache(world)
    .map(
      (h) =>
        `<path d="${boxesPath(spanBoxes(layout, h.slots))}" fill="rgba(0,158,115,0.08)" stroke="${GREEN}" stroke-width="3"/>`,
    )
    .join('');
  const height = top + size.h + PAD;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>` +
    `<title>${esc(title)}</title><rect width="${width}" height="${height}" fill="#fff"/>${head}` +
    `<g transform="translate(${PAD},${top})">${slotCells(world, layout)}${outlines}</g></svg>`
  );
}
