// Messages between the page and the share worker (plain data, structured-cloned).

import type { Replay } from '../../replay/index.ts';
import type { EncodedState } from '../../store/index.ts';

export type ShareRequest =
  | { readonly id: number; readonly kind: 'link'; readonly replay: Replay }
  | {
      readonly id: number;
      readonly kind: 'diagram';
      readonly replay: Replay;
      readonly title: string;
      readonly url: string;
    };

export type ShareResponse =
  | { readonly id: number; readonly kind: 'link'; readonly result: EncodedState }
  | { readonly id: number; readonly kind: 'diagram'; readonly text: string }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
