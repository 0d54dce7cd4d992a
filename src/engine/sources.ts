// Links from each step to the kernel source it paraphrases, at the tag its variant is built on.
// Line numbers could not be read from a tagged tree here, so a link names the function (elixir's
// identifier page) or jumps to the statement with a text fragment on the file's source page.

import type { SourceRef } from './types.ts';
import type { KernelVariant } from './variants.ts';

/** A place in the kernel: a function, optionally a statement inside it named by an identifier in it. */
export interface SrcAnchor {
  readonly file: string;
  readonly func: string;
  readonly code?: string;
}

export const src = (file: string, func: string, code?: string): SrcAnchor =>
  code === undefined ? { file, func } : { file, func, code };

export function resolveSource(a: SrcAnchor, variant: KernelVariant): SourceRef {
  const tag = variant.sourceTag;
  const url =
    a.code === undefined
      ? `https://elixir.bootlin.com/linux/${tag}/C/ident/${a.func}`
      : `https://elixir.bootlin.com/linux/${tag}/source/${a.file}#:~:text=${encodeURIComponent(a.code)}`;
  return { file: a.file, func: a.func, version: tag, line: null, url };
}
