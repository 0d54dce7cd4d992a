// The huge page in the cache, drawn as ONE path spanning every slot that holds it, with its flags once.

import { memo } from 'react';
import type { Layout } from './geometry.ts';
import { boxesPath, spanBoxes } from './geometry.ts';

interface Props {
  readonly layout: Layout;
  readonly folio: number;
  readonly slots: readonly number[];
  readonly width: number;
  readonly height: number;
}

function HugeOutlineImpl({ layout, folio, slots, width, height }: Props) {
  const d = boxesPath(spanBoxes(layout, slots));
  return (
    <svg
      className="huge-outline"
      width={width + 8}
      height={height + 8}
      viewBox={`-4 -4 ${width + 8} ${height + 8}`}
      aria-hidden="true"
      data-testid="huge-outline"
    >
      <path d={d} data-folio={folio} />
    </svg>
  );
}

export const HugeOutline = memo(HugeOutlineImpl);
