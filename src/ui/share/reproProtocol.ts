// Messages between the share dialog and the reproducer worker.

import type { Replay } from '../../replay/index.ts';

export interface ReproRequest {
  readonly id: number;
  readonly replay: Replay;
  readonly link: string;
}

export type ReproResponse =
  | { readonly id: number; readonly kind: 'source'; readonly source: string }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
