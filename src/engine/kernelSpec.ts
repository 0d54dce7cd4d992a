// Kernel strings: a named variant, optionally followed by switches, `BASE/switch=value/...`
// (`v6.4/old-pages=freeze-keep`). The one module that parses and prints them. Canonical form: switches
// equal to the base's value dropped, the rest sorted by name, so a string round-trips.

import { closest } from './suggest.ts';
import { quoteInput } from './quote.ts';
import { SWITCH_NAMES, SWITCHES, switchNamed, valueOf, type SwitchDef } from './switches.ts';
import {
  isVariantId,
  VARIANT_IDS,
  VARIANTS,
  type Commit,
  type KernelId,
  type KernelVariant,
  type VariantFlags,
  type VariantId,
} from './variants.ts';

/** A resolved kernel: its base variant, the switches it sets and the flags they make. */
export interface Kernel extends KernelVariant {
  readonly base: VariantId;
  /** The switches that differ from the base, as in the canonical string. */
  readonly switches: readonly { readonly name: string; readonly value: string }[];
}

export type KernelParsed =
  { readonly ok: true; readonly kernel: Kernel } | { readonly ok: false; readonly error: string };

const show = quoteInput;
const didYouMean = (word: string, known: readonly string[]) => {
  const c = closest(word, known);
  return c === null ? '' : ` (did you mean ${c}?)`;
};
const spellValues = (def: SwitchDef) => def.values.map((v) => v.name).join('|');

/**
 * Combinations the engine cannot run, with why. Each names the conflicting settings and the valid ones;
 * null when the flags make a kernel the engine runs.
 */
export function conflictOf(f: VariantFlags): string | null {
  if (f.uffdCheck && (f.commitOrder === 'v6.3' || f.commitOrder === 'mm-unstable'))
    return `uffd-check=on needs commit-order=p3 or commit-order=post (the re-check runs between the copy and the final store), not commit-order=${f.commitOrder}`;
  if (f.commitOrder === 'mm-unstable' && f.oldPages !== 'freeze-replace')
    return `commit-order=mm-unstable frees the old pages before the final store, so it needs old-pages=freeze-replace (the old pages already out of the cache), not old-pages=${f.oldPages}`;
  if (!f.holesStayEmpty && f.oldPages === 'count-keep')
    return `holes-stay-empty=off needs old-pages=freeze-replace or old-pages=freeze-keep: the rollback of old-pages=count-keep leaves the cache's slots alone, so a huge page stored in a hole would stay in the cache after it is freed (the corruption 0175ab610c2d fixed)`;
  if (f.iterationBug && f.oldPages === 'freeze-replace')
    return `iteration-bug=on needs old-pages=count-keep or old-pages=freeze-keep: with old-pages=freeze-replace the loop's xas_store(hpage) re-walks the cursor, so there is no bug to switch on`;
  return null;
}

/** The canonical string for these flags on this base. */
export function formatKernel(base: VariantId, flags: VariantFlags): KernelId {
  const baseFlags = VARIANTS[base].flags;
  const parts = SWITCHES.filter((s) => flags[s.flag] !== baseFlags[s.flag])
    .map((s) => `${s.name}=${valueOf(s, flags).name}`)
    .sort();
  return (parts.length === 0 ? base : [base, ...parts].join('/')) as KernelId;
}

const memo = new Map<string, Kernel>();

function resolve(base: VariantId, flags: VariantFlags): Kernel {
  const id = formatKernel(base, flags);
  const known = memo.get(id);
  if (known) return known;
  const variant = VARIANTS[base];
  const switches = SWITCHES.filter((s) => flags[s.flag] !== variant.flags[s.flag]);
  const commits: Commit[] = [...variant.commits];
  for (const s of switches) {
    const c = valueOf(s, flags).commit;
    if (c && !commits.some((x) => x.id === c.id)) commits.push(c);
  }
  const spelled = switches
    .map((s) => ({ name: s.name, value: valueOf(s, flags).name }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const kernel: Kernel = {
    ...variant,
    id,
    base,
    // Named variants keep their own flags object: sequence.ts builds one table per object.
    flags: switches.length === 0 ? variant.flags : flags,
    title:
      switches.length === 0
        ? variant.title
        : `${variant.title}, with ${spelled.map((s) => `${s.name}=${s.value}`).join(', ')}`,
    commits,
    switches: spelled,
  };
  memo.set(id, kernel);
  return kernel;
}

/** Parses a kernel string; every refusal is one line naming what is wrong and the valid choices. */
export function parseKernel(input: string): KernelParsed {
  const fail = (error: string): KernelParsed => ({ ok: false, error });
  const cached = memo.get(input);
  if (cached) return { ok: true, kernel: cached };
  const [baseName = '', ...parts] = input.split('/');
  if (!isVariantId(baseName))
    return fail(
      `unknown kernel ${show(baseName)}${didYouMean(baseName, VARIANT_IDS)}; known: ${VARIANT_IDS.join(', ')}` +
        (parts.length > 0 ? '' : ' (optionally followed by /switch=value)'),
    );
  const flags: Record<string, unknown> = { ...VARIANTS[baseName].flags };
  const seen = new Set<string>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? null : part.slice(eq + 1);
    const def = switchNamed(name);
    if (!def)
      return fail(
        `kernel ${show(input)}: unknown switch ${show(name)}${didYouMean(name, SWITCH_NAMES)}; switches: ${SWITCH_NAMES.join(', ')}`,
      );
    if (seen.has(name)) return fail(`kernel ${show(input)}: switch ${name} is given twice`);
    seen.add(name);
    if (value === null)
      return fail(`kernel ${show(input)}: switch ${name} needs a value: ${name}=${spellValues(def)}`);
    const v = def.values.find((x) => x.name === value);
    const names = def.values.map((x) => x.name);
    if (!v)
      return fail(
        `kernel ${show(input)}: switch ${name} takes ${names.join(' or ')}, not ${show(value)}${didYouMean(value, names)}`,
      );
    flags[def.flag] = v.flag;
  }
  const resolved = flags as unknown as VariantFlags;
  const conflict = conflictOf(resolved);
  if (conflict) return fail(`kernel ${show(input)} cannot run: ${conflict}`);
  return { ok: true, kernel: resolve(baseName, resolved) };
}

/** The kernel a valid id names (a setup's, a world's): memoised, so flags keep one object per kernel. */
export function kernelOf(id: KernelId): Kernel {
  const r = parseKernel(id);
  if (!r.ok) throw new Error(`not a kernel the engine runs: ${r.error}`);
  return r.kernel;
}

/** The kernel these flags make on this base, or the reason the engine cannot run it. */
export function kernelFrom(base: VariantId, flags: VariantFlags): KernelParsed {
  const conflict = conflictOf(flags);
  return conflict ? { ok: false, error: conflict } : { ok: true, kernel: resolve(base, flags) };
}

export function isKernelId(s: string): s is KernelId {
  return parseKernel(s).ok;
}
