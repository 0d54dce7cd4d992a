// The setup notation users type (README "Setup notation") and the initial world it describes.

import { ACTORS, isActorKind } from './actors/index.ts';
import { userActors } from './roles.ts';
import { closest } from './suggest.ts';
import { holdersWeight } from './tx.ts';
import type { ActorKind, Folio, Holder, Locals, Thread, World, Writable } from './types.ts';
import { EXTERNAL } from './types.ts';
import type { KernelId } from './variants.ts';
import { kernelOf, parseKernel } from './kernelSpec.ts';
import { modelOf } from './modelVersion.ts';
import { quoteInput } from './quote.ts';
import { xarrayCode } from './xarray/code.ts';
import { XA_CHUNKS } from './xarray/types.ts';

export const MIN_SLOTS = 1;
export const MAX_SLOTS = 512;

export type SlotKind = '.' | 'P' | 'M' | 'F' | 'S' | 'H';
export interface SlotSpec {
  readonly kind: SlotKind;
  /** `^`: a long-term GUP pin (FOLL_PIN) held from the start by someone outside the simulation. */
  readonly pinned: boolean;
  /** `~`: the page still waits in a CPU's lru_add batch (no PG_lru yet). */
  readonly batched: boolean;
}
export interface SlotsSetup {
  readonly slots: readonly SlotSpec[];
  /** `|uffd`: the mapping is registered with userfaultfd MISSING before anything runs. */
  readonly uffd: boolean;
  /** `|xa=C`: an xarray of C-slot nodes beneath the slots (absent: the flat page cache of old setups). */
  readonly xa?: number;
}
export interface ThreadSpec {
  readonly actor: ActorKind;
  readonly param: number;
}
export interface Setup {
  /** The kernel: a named variant, or one with switches (kernelSpec.ts). */
  readonly variant: KernelId;
  readonly slots: SlotsSetup;
  readonly threads: readonly ThreadSpec[];
  /** The model version to run on (modelVersion.ts); absent: today's. Old links carry an older one. */
  readonly model?: number;
}

/** A bad input, with the 0-based character position it points at when there is one. */
export interface SetupError {
  readonly message: string;
  readonly position: number | null;
}
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SetupError };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const err = <T>(message: string, position: number | null = null): Parsed<T> => ({
  ok: false,
  error: { message, position },
});
const show = quoteInput;
/** ` (did you mean X?)` when a known name is within two edits of the mistyped one. */
const suggestion = (word: string, known: readonly string[]) => {
  const c = closest(word, known);
  return c === null ? '' : ` (did you mean ${c}?)`;
};

/** A kernel string (`v6.4`, `v6.4/old-pages=freeze-keep`), as its canonical id. */
export function parseVariant(s: string): Parsed<KernelId> {
  const k = parseKernel(s);
  return k.ok ? ok(k.kernel.id) : err(k.error);
}

export function parseSlots(input: string): Parsed<SlotsSetup> {
  const bar = input.indexOf('|');
  const body = bar < 0 ? input : input.slice(0, bar);
  const slots: SlotSpec[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c === '^' || c === '~') {
      const last = slots[slots.length - 1];
      if (!last || !'PMF'.includes(last.kind))
        return err(`slot string: ${show(c)} at column ${i + 1} must follow a page (P, M or F)`, i);
      if ((c === '^' && last.pinned) || (c === '~' && last.batched))
        return err(`slot string: ${show(c)} repeated at column ${i + 1}`, i);
      slots[slots.length - 1] = {
        ...last,
        pinned: last.pinned || c === '^',
        batched: last.batched || c === '~',
      };
      continue;
    }
    if (!'.PMFSH'.includes(c) || c === '')
      return err(
        `slot string: unexpected ${show(c)} at column ${i + 1} (expected one of . P M F S H, a page may be followed by ^ or ~)`,
        i,
      );
    slots.push({ kind: c as SlotKind, pinned: false, batched: false });
  }
  if (slots.length < MIN_SLOTS)
    return err('slot string: no slots (give one character per page, e.g. PPPP)', 0);
  if (slots.length > MAX_SLOTS)
    return err(`slot string: ${slots.length} slots, at most ${MAX_SLOTS}`, MAX_SLOTS);
  const firstH = slots.findIndex((s) => s.kind === 'H');
  if (firstH >= 0 && slots.some((s) => s.kind !== 'H')) {
    const pos = body.search(/[^H]/);
    return err(
      `slot string: H means the whole range is one huge page, so every slot must be H (column ${pos + 1})`,
      pos,
    );
  }
  let uffd = false;
  let xa: number | undefined;
  if (bar >= 0) {
    let at = bar + 1;
    for (const opt of input.slice(bar + 1).split(',')) {
      if (opt === 'uffd') uffd = true;
      else if (opt === 'xa' || opt.startsWith('xa=')) {
        const chunk = opt === 'xa' ? 64 : Number(opt.slice(3));
        if (!(XA_CHUNKS as readonly number[]).includes(chunk) || !/^xa(=[1-9]\d*)?$/.test(opt))
          return err(
            `slot string: ${show(opt)} at column ${at + 1}: the xarray node size must be one of ${XA_CHUNKS.join(', ')} (xa alone means 64)`,
            at,
          );
        if (slots.length < 2 || (slots.length & (slots.length - 1)) !== 0)
          return err(
            `slot string: ${show(opt)} needs a power-of-two number of slots of at least 2 (the huge page is one multi-index entry of order log2 N); there are ${slots.length}`,
            at,
          );
        xa = chunk;
      } else
        return err(
          `slot string: unknown option ${show(opt)} at column ${at + 1}${suggestion(opt, ['uffd'])} (known: uffd, xa, xa=C)`,
          at,
        );
      at += opt.length + 1;
    }
  }
  return ok(xa === undefined ? { slots, uffd } : { slots, uffd, xa });
}

export function parseThreads(input: string, n: number): Parsed<ThreadSpec[]> {
  const specs: ThreadSpec[] = [];
  if (input.trim() === '') return err('threads: none given (e.g. collapse,seek_data:0)', 0);
  let at = 0;
  for (const raw of input.split(',')) {
    const token = raw.trim();
    const col = at + (raw.length - raw.trimStart().length);
    at += raw.length + 1;
    const [name = '', arg, extra] = token.split(':');
    if (!isActorKind(name) || ACTORS[name].roles?.daemon)
      return err(
        `threads: unknown actor ${show(name)} at column ${col + 1}${suggestion(name, userActors())}`,
        col,
      );
    const program = ACTORS[name];
    if (extra !== undefined)
      return err(`threads: ${show(token)} at column ${col + 1} has more than one parameter`, col);
    if (!program.param) {
      if (arg !== undefined) return err(`threads: ${name} takes no parameter (column ${col + 1})`, col);
      specs.push({ actor: name, param: 0 });
      continue;
    }
    const { name: pname, min } = program.param;
    const max = program.param.max(n);
    if (arg === undefined || !/^\d+$/.test(arg))
      return err(
        `threads: ${name} needs ${/^[aeiou]/.test(pname) ? 'an' : 'a'} ${pname} from ${min} to ${max}, as ${name}:${min} (column ${col + 1})`,
        col,
      );
    const value = Number(arg);
    if (value < min || value > max)
      return err(
        `threads: ${name}:${arg} at column ${col + 1}: ${pname} must be from ${min} to ${max} with ${n} slots`,
        col,
      );
    specs.push({ actor: name, param: value });
  }
  if (specs.length > 8) return err(`threads: ${specs.length} threads, at most 8`, null);
  return ok(specs);
}

export function parseSetup(kernel: string, slots: string, threads: string): Parsed<Setup> {
  const v = parseVariant(kernel);
  if (!v.ok) return v;
  const s = parseSlots(slots);
  if (!s.ok) return s;
  const t = parseThreads(threads, s.value.slots.length);
  if (!t.ok) return t;
  return ok({ variant: v.value, slots: s.value, threads: t.value });
}

export function formatSlots(s: SlotsSetup): string {
  const body = s.slots.map((x) => x.kind + (x.pinned ? '^' : '') + (x.batched ? '~' : '')).join('');
  const options = [...(s.uffd ? ['uffd'] : []), ...(s.xa === undefined ? [] : [`xa=${s.xa}`])];
  return options.length > 0 ? `${body}|${options.join(',')}` : body;
}

/** One thread in the setup notation: `collapse`, `seek_data:0` (a parameter only where the actor takes one). */
export function formatThread(t: Pick<ThreadSpec, 'actor' | 'param'>): string {
  return ACTORS[t.actor].param ? `${t.actor}:${t.param}` : t.actor;
}

export function formatThreads(threads: readonly ThreadSpec[]): string {
  return threads.map(formatThread).join(',');
}

function initialLocals(n: number, param: number): Writable<Locals> {
  return {
    index: param,
    folio: null,
    hpage: null,
    pagelist: [],
    nrNone: 0,
    nrNoneCheck: 0,
    scan: 'SCAN_SUCCEED',
    staleCursor: false,
    expected: Array<number>(n).fill(-1),
    vec: [],
    value: 0,
    throughout: [],
    start: 0,
    end: 0,
    found: false,
    pass: 0,
    skipFrom: n,
    skipTo: n,
  };
}

/** The world a setup describes: slot i holds the value i + 1 when it holds data. */
export function createWorld(setup: Setup): World {
  const { slots } = setup.slots;
  const n = slots.length;
  // Built in place, then handed out as the readonly World it is from then on.
  const w: Writable<World> = {
    n,
    variant: setup.variant,
    flags: kernelOf(setup.variant).flags,
    model: modelOf(setup),
    iSize: n,
    slots: [],
    folios: {},
    nextFolio: 0,
    nextValue: n + 1,
    nrpages: 0,
    locks: {
      xa: null,
      ptl: null,
      inode: null,
      iMmap: { writer: null, readers: [] },
      mmap: { writer: null, readers: [] },
    },
    proc: {
      ptes: Array<number | null>(n).fill(null),
      pmd: 'table',
      pmdFolio: null,
      uffdMissing: setup.slots.uffd,
    },
    lruBatch: [],
    uffdQueue: [],
    threads: [],
    ghost: {
      logical: [],
      hasData: [],
      emptySeenRegistered: slots.map((x) => setup.slots.uffd && x.kind === '.'),
    },
    clock: 0,
  };
  const addFolio = (f: Omit<Writable<Folio>, 'id' | 'refcount'>): Folio => {
    const id = w.nextFolio++;
    const refcount = holdersWeight(f.holders);
    const folio: Writable<Folio> = { ...f, id, refcount };
    w.folios[id] = folio;
    return folio;
  };
  const base = {
    locked: null,
    dirty: true,
    lru: true,
    mapped: true,
    frozenBy: null,
    mapcount: 0,
    fallocUnwritten: false,
    collected: false,
    hpageOf: null,
  };
  if (slots[0]?.kind === 'H') {
    const data = slots.map((_, i) => i + 1);
    const f = addFolio({
      ...base,
      huge: true,
      index: 0,
      uptodate: true,
      data,
      valid: data.map(() => true),
      holders: slots.map(() => ({ kind: 'cache', thread: EXTERNAL })),
    });
    w.slots = slots.map(() => ({ t: 'folio', folio: f.id }));
    w.nrpages = n;
    w.ghost.logical = data;
    w.ghost.hasData = data.map(() => true);
  } else {
    slots.forEach((s, i) => {
      const value = i + 1;
      if (s.kind === '.') {
        w.slots.push({ t: 'empty' });
        w.ghost.logical.push(0);
        w.ghost.hasData.push(false);
        return;
      }
      if (s.kind === 'S') {
        w.slots.push({ t: 'swap', value });
        w.ghost.logical.push(value);
        w.ghost.hasData.push(true);
        return;
      }
      const falloc = s.kind === 'F';
      const holders: Holder[] = [{ kind: 'cache', thread: EXTERNAL }];
      if (s.kind === 'M') holders.push({ kind: 'pte', thread: EXTERNAL });
      if (s.pinned) holders.push({ kind: 'pin', thread: EXTERNAL });
      if (s.batched) holders.push({ kind: 'lru-batch', thread: EXTERNAL });
      const f = addFolio({
        ...base,
        huge: false,
        index: i,
        uptodate: !falloc,
        dirty: !falloc,
        lru: !s.batched,
        data: [falloc ? 0 : value],
        valid: [!falloc],
        fallocUnwritten: falloc,
        mapcount: s.kind === 'M' ? 1 : 0,
        holders,
      });
      if (s.batched) w.lruBatch.push({ cpu: EXTERNAL, folio: f.id });
      if (s.kind === 'M') w.proc.ptes[i] = f.id;
      w.slots.push({ t: 'folio', folio: f.id });
      w.nrpages++;
      w.ghost.logical.push(falloc ? 0 : value);
      w.ghost.hasData.push(!falloc);
    });
  }
  const specs = [...setup.threads];
  for (const kind of Object.keys(ACTORS) as ActorKind[])
    if (ACTORS[kind].roles?.daemon?.neededBy(setup)) specs.push({ actor: kind, param: 0 });
  w.threads = specs.map((s, id): Writable<Thread> => ({
    id,
    actor: s.actor,
    param: s.param,
    pc: ACTORS[s.actor].entryOn?.(w.model) ?? ACTORS[s.actor].entry,
    done: false,
    result: null,
    l: initialLocals(n, s.param),
  }));
  return setup.slots.xa === undefined ? w : { ...w, xa: xarrayCode().treeFor(w, setup.slots.xa) };
}
