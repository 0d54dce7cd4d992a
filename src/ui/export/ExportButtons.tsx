// Download the page cache as it is on screen, as SVG or PNG. The columns are fitted to the grid's
// on-screen width (unrounded) exactly as its CSS fits them, so the image matches the view.

import { useState } from 'react';
import { useSimStore } from '../storeContext.tsx';
import { layoutFor } from '../grid/geometry.ts';
import { downloadPng, downloadSvg } from './download.ts';
import { gridSvg } from './gridSvg.ts';

export function ExportButtons({ title }: { readonly title: string }) {
  const store = useSimStore();
  const [error, setError] = useState<string | null>(null);
  const current = () => {
    const s = store.getState();
    const grid = document.querySelector<HTMLElement>('[data-testid="main-grid"]');
    const layout = layoutFor(s.frame.world.n, grid?.getBoundingClientRect().width ?? 900);
    const name = `collapse-lab-${s.loaded.kernel}-step-${s.cursor}`.replace(/[^\w.-]+/g, '-');
    const heading = `Collapse Lab: ${title} (${s.loaded.kernel}, step ${s.cursor} of ${s.choices.length})`;
    return { svg: gridSvg(s.frame.world, layout, heading), name };
  };
  return (
    <div className="button-row export-buttons">
      <button
        type="button"
        data-testid="export-svg"
        onClick={() => {
          const { svg, name } = current();
          downloadSvg(svg, name);
        }}
      >
        Download SVG
      </button>
      <button
        type="button"
        data-testid="export-png"
        onClick={() => {
          const { svg, name } = current();
          setError(null);
          downloadPng(svg, name).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
        }}
      >
        Download PNG
      </button>
      {error && (
        <span className="notice" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
