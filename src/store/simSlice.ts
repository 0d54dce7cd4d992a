// The simulation slice: the setup, the choices (the schedule) and the cursor. Every action is a verb
// that computes the next choices/cursor, brings the replay cache in line, then makes one named `set`.

import type { StateCreator } from 'zustand';
import type { Setup } from '../engine/core.ts';
import { formatSlots, formatThreads, unloadedCode } from '../engine/core.ts';
import { loadDeferredActors } from './deferredActors.ts';
import type { StoreContext } from './context.ts';
import { compareFor, replayFor } from './context.ts';
import { MAX_STEPS } from '../replay/replay.ts';
import { MAX_RUN_STEPS } from './defaults.ts';
import { modelOf, onModel } from '../engine/modelVersion.ts';
import { parseInput } from './parseInput.ts';
import { mulberry32 } from './prng.ts';
import { parseStepNumber } from './stepNumber.ts';
import { roundRobinChoice, runOut } from './scheduler.ts';
import type { Frame, InputError, LoadedSetup, SimSlice, SimState } from './types.ts';

const sameSetup = (a: Setup, b: Setup) =>
  a.variant === b.variant &&
  formatSlots(a.slots) === formatSlots(b.slots) &&
  formatThreads(a.threads) === formatThreads(b.threads) &&
  modelOf(a) === modelOf(b);

/** The code a setup waited for failed to load: said on the field that asked for it (`xarray`: slots). */
function loadFailed(
  missing: readonly string[],
  input: { readonly slots: string; readonly threads: string },
  e: unknown,
): InputError {
  const field = missing.every((m) => m === 'xarray') ? 'slots' : 'threads';
  return {
    field,
    message: `${field}: the code of ${missing.join(', ')} failed to load (${String(e)})`,
    position: null,
    input: input[field],
  };
}

type Creator = StateCreator<SimState, [['zustand/devtools', never]], [], SimSlice>;

export function createSimSlice(ctx: StoreContext, initial: LoadedSetup): Creator {
  return (set, get) => {
    /** Moves to `cursor` over `choices`, recomputing what depends on them. */
    const goTo = (
      name: string,
      choices: readonly number[],
      cursor: number,
      how: { frame?: Frame; notice?: string | null } = {},
    ) => {
      const s = get();
      const run = ctx.main.sync(choices);
      const kept = choices.slice(0, run.records.length);
      const at = Math.max(0, Math.min(cursor, run.records.length));
      const frame: Frame = how.frame ?? {
        world: ctx.main.worldAt(at),
        prev: null,
        record: run.records[at - 1] ?? null,
        animate: false,
      };
      const notice =
        how.notice !== undefined
          ? how.notice
          : run.error
            ? `The schedule stops before step ${run.error.at}: ${run.error.message}`
            : null;
      set(
        {
          choices: kept,
          cursor: at,
          records: run.records,
          frame,
          notice,
          compare: compareFor(ctx, s.loaded, s.compareVariant, kept, at),
        },
        false,
        name,
      );
    };

    /** One step forward from the cursor by `thread`, following the recorded future when it agrees. */
    const advance = (name: string, thread: number): boolean => {
      const s = get();
      if (s.cursor >= MAX_STEPS) {
        // Every schedule the page holds fits in a link: it never grows past what a link carries.
        set(
          { notice: `A schedule holds at most ${MAX_STEPS} steps (the most a replay link carries).` },
          false,
          `${name}/refused`,
        );
        return false;
      }
      const before = s.frame.world;
      const followsFuture = s.choices[s.cursor] === thread;
      const choices = followsFuture ? s.choices : [...s.choices.slice(0, s.cursor), thread];
      const run = ctx.main.sync(choices);
      const record = run.records[s.cursor];
      if (!record) {
        set({ notice: run.error?.message ?? `T${thread} cannot step` }, false, `${name}/refused`);
        if (!followsFuture) ctx.main.sync(s.choices);
        return false;
      }
      const world = ctx.main.worldAt(s.cursor + 1);
      goTo(name, choices, s.cursor + 1, {
        frame: { world, prev: before, record, animate: true },
        notice: null,
      });
      return true;
    };

    return {
      loaded: initial,
      inputError: null,
      choices: [],
      cursor: 0,
      records: [],
      frame: { world: ctx.main.initial, prev: null, record: null, animate: false },
      notice: null,
      lastRun: null,
      compare: null,

      loadSetup(kernel, slots, threads, options = {}) {
        const parsed = parseInput({ kernel, slots, threads });
        if (!parsed.ok) {
          // Keep the last good setup and session; only expose what was wrong.
          set({ inputError: parsed.error }, false, 'sim/loadSetup/rejected');
          return false;
        }
        // A deferred actor's code, or the xarray's, loads first (one shared load), then the same call goes on.
        const missing = unloadedCode(parsed.value.setup);
        if (missing.length > 0) {
          set({ notice: `Loading ${missing.join(', ')}…` }, false, 'sim/loadSetup/loading');
          loadDeferredActors().then(
            () => get().loadSetup(kernel, slots, threads, options),
            (e: unknown) =>
              set(
                {
                  notice: null,
                  inputError: loadFailed(missing, { slots, threads }, e),
                },
                false,
                'sim/loadSetup/failed',
              ),
          );
          return true;
        }
        const s = get();
        // An old link replays on the model it was made with: the setup carries it (createWorld reads it).
        const loaded: LoadedSetup =
          options.model === undefined
            ? parsed.value
            : { ...parsed.value, setup: onModel(parsed.value.setup, options.model) };
        // A cache stepped elsewhere is adopted only for this very setup.
        const { cache } = options;
        ctx.main = cache && sameSetup(cache.setup, loaded.setup) ? cache.replay : replayFor(loaded.setup);
        ctx.other = null;
        set({ loaded, inputError: null, lastRun: null }, false, 'sim/loadSetup');
        // The schedule carries over (same schedule, other kernel) up to the first step it cannot take.
        goTo('sim/loadSetup/replay', options.choices ?? s.choices, options.cursor ?? s.cursor);
        return true;
      },

      stepThread(thread) {
        const s = get();
        const t = s.frame.world.threads[thread];
        if (!t) {
          set({ notice: `There is no thread T${thread}.` }, false, 'sim/stepThread/refused');
          return;
        }
        advance('sim/stepThread', thread);
      },

      stepBack() {
        const s = get();
        if (s.cursor > 0) goTo('sim/stepBack', s.choices, s.cursor - 1, { notice: null });
      },

      redo() {
        const s = get();
        const thread = s.choices[s.cursor];
        if (thread !== undefined) advance('sim/redo', thread);
      },

      next() {
        const s = get();
        const recorded = s.choices[s.cursor];
        if (recorded !== undefined) return advance('sim/next', recorded);
        const choice = roundRobinChoice(s.frame.world, s.choices[s.cursor - 1] ?? -1);
        return choice === null ? false : advance('sim/next', choice);
      },

      jumpTo(n) {
        const s = get();
        goTo('sim/jumpTo', s.choices, n, { notice: null });
      },

      goToStep(text) {
        const s = get();
        const p = parseStepNumber(text, s.choices.length);
        if (p.ok) goTo('sim/goToStep', s.choices, p.step, { notice: null });
        else set({ notice: p.message }, false, 'sim/goToStep/refused');
      },

      fork() {
        const s = get();
        goTo('sim/fork', s.choices.slice(0, s.cursor), s.cursor, { notice: null });
      },

      reset() {
        goTo('sim/reset', get().choices, 0, { notice: null });
      },

      runRoundRobin() {
        const s = get();
        const rest = runOut(s.frame.world, s.choices[s.cursor - 1] ?? -1, MAX_RUN_STEPS, null);
        const choices = [...s.choices.slice(0, s.cursor), ...rest];
        set({ lastRun: { kind: 'round-robin' } }, false, 'sim/runRoundRobin');
        goTo('sim/runRoundRobin/replay', choices, choices.length, { notice: null });
      },

      runRandom(seed) {
        const s = get();
        const rest = runOut(s.frame.world, -1, MAX_RUN_STEPS, mulberry32(seed));
        const choices = [...s.choices.slice(0, s.cursor), ...rest];
        set({ lastRun: { kind: 'random', seed } }, false, 'sim/runRandom');
        goTo('sim/runRandom/replay', choices, choices.length, { notice: null });
      },
    };
  };
}
