// The one accessor for a world's kernel flags: createWorld resolved them from the kernel string.

import type { World } from './types.ts';
import type { VariantFlags } from './variants.ts';

export const flagsOf = (w: World): VariantFlags => w.flags;
