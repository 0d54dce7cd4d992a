// The xarray beneath the slots (`|xa` setups only): each node a box spanning the slots it covers, its
// slots' entries (folio, swap, sibling ↩k, retry R, child ▾), freed nodes dashed where a walker still
// reads them, and each walker's xa_state as a marker; a walker at a node's end shows its climb as an arrow.

import { useMemo } from 'react';
import type { World } from '../../engine/core.ts';
import { treeView, type NodeBox } from './xarrayView.ts';

const ROW_H = 54;
const CELL_H = 22;
const TOP = 8;

interface Props {
  readonly world: World;
  readonly id: string;
  readonly width: number;
}

export function XarrayTree({ world, id, width }: Props) {
  const view = useMemo(() => treeView(world), [world]);
  if (!view) return null;
  const w = Math.max(240, width);
  const x = (i: number) => (i / view.n) * (w - 2) + 1;
  // Freed nodes sit one row below their level, so the live tree stays readable.
  const rowOf = (b: NodeBox) => b.row + (b.freed ? 1 : 0);
  const rows = Math.max(view.rows, ...view.nodes.map((b) => rowOf(b) + 1));
  const h = TOP + rows * ROW_H + 10;
  const box = (b: NodeBox) => ({ x0: x(b.from), x1: x(b.to), y: TOP + rowOf(b) * ROW_H });
  const cellX = (b: NodeBox, o: number) => {
    const { x0, x1 } = box(b);
    const cw = (x1 - x0) / Math.max(1, Math.ceil((b.to - b.from) / 2 ** b.shift));
    return { cx: x0 + o * cw, cw };
  };
  const byId = new Map(view.nodes.map((b) => [b.id, b]));
  return (
    <figure className="xa-tree" data-testid={`${id}-xarray`}>
      <figcaption>
        xarray beneath the slots: nodes of {view.chunk} slots ({view.nodes.filter((b) => !b.freed).length}{' '}
        live
        {view.nodes.some((b) => b.freed) ? ', freed ones dashed' : ''})
      </figcaption>
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label="xarray nodes and walkers">
        <defs>
          <marker
            id={`${id}-xa-arrow`}
            viewBox="0 0 8 8"
            refX="7"
            refY="4"
            markerWidth="6"
            markerHeight="6"
            orient="auto"
          >
            <path d="M0,0 L8,4 L0,8 z" className="xa-arrowhead" />
          </marker>
        </defs>
        {view.nodes.map((b) => {
          const { x0, x1, y } = box(b);
          const used = Math.ceil((b.to - b.from) / 2 ** b.shift);
          return (
            <g
              key={b.id}
              className={`xa-node${b.freed ? ' freed' : ''}`}
              data-testid={`${id}-xa-node-${b.id}`}
              data-freed={b.freed}
            >
              <rect x={x0} y={y} width={x1 - x0} height={CELL_H + 14} className="xa-node-box" />
              <text x={x0 + 3} y={y + 11} className="xa-node-label">
                node {b.id} · shift {b.shift}
                {b.freed ? ' · freed' : ''}
              </text>
              {b.slots.slice(0, used).map((s, o) => {
                const { cx, cw } = cellX(b, o);
                return (
                  <g key={o} className={`xa-slot xa-${s.kind}`} data-kind={s.kind}>
                    <title>{`slot ${o}: ${s.title}`}</title>
                    <rect x={cx + 1} y={y + 13} width={Math.max(1, cw - 2)} height={CELL_H - 2} />
                    {cw >= 14 && (
                      <text x={cx + cw / 2} y={y + 13 + CELL_H / 2 + 3} textAnchor="middle">
                        {s.text}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
        {view.walkers.map((m) => {
          const b = byId.get(m.node);
          if (!b) return null;
          const { cx, cw } = cellX(b, m.offset);
          const y = box(b).y + 13 + CELL_H;
          const target = m.climbsTo ? byId.get(m.climbsTo.node) : undefined;
          const to = target && m.climbsTo ? cellX(target, m.climbsTo.offset) : null;
          return (
            <g
              key={m.thread}
              className="xa-walker"
              data-testid={`${id}-xa-walker-${m.thread}`}
              data-node={m.node}
              data-offset={m.offset}
            >
              <g style={{ transform: `translate(${cx + cw / 2}px, ${y}px)` }} className="xa-walker-mark">
                <path d="M0,0 L-6,10 L6,10 z" className={`t${m.thread % 8}`} />
                <text y={20} textAnchor="middle">
                  T{m.thread}
                </text>
              </g>
              {target && to && (
                <path
                  className="xa-climb"
                  d={`M${cx + cw / 2},${y} L${to.cx + to.cw / 2},${box(target).y + 13 + CELL_H}`}
                  markerEnd={`url(#${id}-xa-arrow)`}
                  data-testid={`${id}-xa-climb-${m.thread}`}
                />
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
