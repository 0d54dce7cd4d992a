// Links from each step to the kernel source line it paraphrases, at the tag its variant is built on.
// Steps name a statement by a key (sources.ts); the line tables (sources/lines-<tag>.json, regenerated
// from a kernel tree by scripts/source-lines.mjs) say where that statement is at each tag. The page loads
// this module with what shows links (the thread panes); the engine's step never needs it.

import type { SrcAnchor } from './sources.ts';
import { LINE_TABLES } from './sources/tables.ts';
import type { LineEntry, LineTable } from './sources/lineTable.ts';
import { NEW_IN } from './sources/patches.ts';
import type { EngineEvent, SourceRef } from './types.ts';
import type { KernelVariant } from './variants.ts';

/** v6.3 itself was not read: its lines come from 6.3.8 and link to that tag (README, Model notes). */
const READ_AS: Readonly<Record<string, string>> = { 'v6.3': 'v6.3.8' };

export function lineTableFor(tag: string): LineTable | null {
  return LINE_TABLES[READ_AS[tag] ?? tag] ?? null;
}

/** The entry for a key in any table (for the file and function name of a patch link). */
function anyEntry(key: string): LineEntry | null {
  for (const t of Object.values(LINE_TABLES)) {
    const e = t.entries[key];
    if (e) return e;
  }
  return null;
}

const elixir = (tag: string, file: string, line: number) =>
  `https://elixir.bootlin.com/linux/${tag}/source/${file}#L${line}`;

function resolveUncached(key: string, variant: KernelVariant): SourceRef {
  const table = lineTableFor(variant.sourceTag);
  const e = table?.entries[key];
  if (table && e)
    return {
      file: e.file,
      func: e.func,
      version: table.linkTag,
      line: e.line,
      url: elixir(table.linkTag, e.file, e.line),
    };
  const known = anyEntry(key);
  const file = known?.file ?? '';
  const func = known?.func ?? key;
  if (table) {
    // The tag's tree does not have this statement: the variant's patch that adds it does.
    const ids = NEW_IN[key] ?? [];
    const commit =
      variant.commits.find((c) => ids.includes(c.id)) ?? variant.commits[variant.commits.length - 1];
    if (commit) return { file, func, version: commit.id, line: null, url: commit.url };
  }
  // No table for this tag (README, Model notes): the function's page at the tag.
  return {
    file,
    func,
    version: variant.sourceTag,
    line: null,
    url: `https://elixir.bootlin.com/linux/${variant.sourceTag}/C/ident/${func}`,
  };
}

const cache = new Map<string, SourceRef>();

/** Where a statement is on a variant. Memoised: links are built on every step the explorer takes. */
export function resolveSource(a: SrcAnchor, variant: KernelVariant): SourceRef {
  const id = `${variant.id}\u0000${a.key}`;
  let r = cache.get(id);
  if (!r) {
    r = resolveUncached(a.key, variant);
    cache.set(id, r);
  }
  return r;
}

/** The source link of a step's record (the statement its `thread.stepped` event names), or null. */
export function stepSource(
  s: { readonly events: readonly EngineEvent[] },
  variant: KernelVariant,
): string | null {
  const first = s.events[0];
  return first?.type === 'thread.stepped' && first.src !== undefined
    ? resolveSource({ key: first.src }, variant).url
    : null;
}
