// Everything a world shows about memory: the private huge page beside the range, the page cache grid,
// the page table and the lru batch under it, the xarray tree. The main view also carries the animation
// overlay and a column beside the grid: a reserved slot for the break's callout, there from the first step
// so the grid never changes width or moves when the callout appears, and under it the xarray tree (beside
// the grid rather than under it, so a tall grid and the tree still leave the thread panes in the first
// viewport). layout.css sizes that column.

import { lazy, Suspense, useMemo, useRef, type ReactNode } from 'react';
import type { World } from '../../engine/core.ts';
import type { Frame } from '../../store/index.ts';
import { useStepAnimation } from '../anim/useStepAnimation.ts';
import { useWidth } from '../hooks/useWidth.ts';
import { layoutFor } from './geometry.ts';
import { privateHugePages } from './hugeFolios.ts';
import { LruBatch } from './LruBatch.tsx';
import type { BrokenMark } from './CursorLayer.tsx';
import { PageCacheGrid } from './PageCacheGrid.tsx';
import { PageTable } from './PageTable.tsx';
import { PrivateHugePage } from './PrivateHugePage.tsx';

// Only `|xa` setups have a tree to draw: its code loads with the first of them.
const XarrayTree = lazy(() => import('./XarrayTree.tsx').then((m) => ({ default: m.XarrayTree })));

interface Props {
  readonly world: World;
  readonly id: string;
  /** The main view animates its frames; the compare view does not. */
  readonly animation?: { readonly frame: Frame; readonly motion: boolean; readonly speed: number };
  readonly broken?: BrokenMark | null;
  /** Drawn beside the grid (the break's callout); `undefined` draws no column for it (the compare view). */
  readonly aside?: ReactNode;
}

export function WorldView({ world, id, animation, broken = null, aside }: Props) {
  const stage = useRef<HTMLDivElement>(null);
  const overlay = useRef<SVGSVGElement>(null);
  const side = useRef<HTMLDivElement>(null);
  const width = useWidth(stage);
  const sideWidth = useWidth(side, 320);
  const layout = useMemo(() => layoutFor(world.n, width), [world.n, width]);
  const idle = useMemo(
    () => ({ frame: { world, prev: null, record: null, animate: false }, motion: false, speed: 1 }),
    [world],
  );
  const a = animation ?? idle;
  useStepAnimation({ stage, overlay }, layout, a.frame, a.motion, a.speed);
  const priv = privateHugePages(world);
  const ptes = world.proc.ptes.map((p) => (p === null ? '' : String(p))).join(',');
  const batch = world.lruBatch.map((b) => `${b.cpu}:${b.folio}`).join(',');
  return (
    <div className={`world-view${aside !== undefined ? ' with-aside' : ''}`} data-testid={`${id}-world`}>
      <div className="world-main">
        <div className="world-stage" ref={stage}>
          <PageCacheGrid
            world={world}
            layout={layout}
            id={id}
            broken={broken}
            above={
              priv.length > 0
                ? priv.map((p) => (
                    <PrivateHugePage
                      key={p.folio.id}
                      folio={p.folio}
                      owner={p.owner}
                      width={Math.min(width, 640)}
                    />
                  ))
                : null
            }
          />
          {world.xa && aside === undefined && (
            <Suspense fallback={null}>
              <XarrayTree world={world} id={id} width={width} />
            </Suspense>
          )}
          <svg ref={overlay} className="fx-overlay" aria-hidden="true" data-testid={`${id}-fx`} />
        </div>
        <div className="world-side">
          <PageTable
            ptes={ptes}
            pmd={world.proc.pmd}
            pmdFolio={world.proc.pmdFolio}
            uffd={world.proc.uffdMissing}
          />
          <LruBatch batch={batch} />
        </div>
      </div>
      {aside !== undefined && (
        <div className="world-aside" ref={side}>
          <div className="callout-slot">
            <div className="callout-slot-inner">{aside}</div>
          </div>
          {world.xa && (
            <Suspense fallback={null}>
              <XarrayTree world={world} id={id} width={sideWidth} />
            </Suspense>
          )}
        </div>
      )}
    </div>
  );
}
