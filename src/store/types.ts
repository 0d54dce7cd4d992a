// The store's state and actions, split by slice. Worlds appear only in `frame` and `compare`, which are
// derived from the setup and the choices, never stored for later: a link carries only setup and choices.

import type { RaceTexts } from '../scenarios/texts.ts';
import type { Setup, KernelId, World } from '../engine/core.ts';
import type { Divergence, Verdict } from './divergence.ts';
import type { StepRecord } from '../engine/core.ts';
import type { Replay as ReplayCache } from './replay.ts';

export type SetupField = 'kernel' | 'slots' | 'threads' | 'schedule';

/** The three strings of the setup notation, as typed. */
export interface SetupInput {
  readonly kernel: string;
  readonly slots: string;
  readonly threads: string;
}

export interface LoadedSetup extends SetupInput {
  readonly kernel: KernelId;
  readonly setup: Setup;
}

/** A rejected input, pointing at the field and character that made it fail. */
export interface InputError {
  readonly field: SetupField;
  readonly message: string;
  readonly position: number | null;
  readonly input: string;
}

/** What the page shows now: the world at the cursor and the step that led to it. */
export interface Frame {
  readonly world: World;
  /** The world before `record`, when the frame was reached by one step forward (for animation). */
  readonly prev: World | null;
  /** The step that produced this world (cursor - 1), or null at the start. */
  readonly record: StepRecord | null;
  /** True when the frame was reached by one step forward: only then do events animate. */
  readonly animate: boolean;
}

export type LastRun =
  { readonly kind: 'round-robin' } | { readonly kind: 'random'; readonly seed: number } | null;

export interface CompareView {
  readonly variant: KernelId;
  /** The other kernel's steps: the schedule's it can take, then round-robin to its end. */
  readonly records: readonly StepRecord[];
  /** Schedule entries the other kernel cannot take (skipped there), with why. */
  readonly skipped: readonly { readonly at: number; readonly message: string }[];
  /** The first observable difference: a result, or an invariant broken on one side only. */
  readonly divergence: Divergence | null;
  /** Secondary detail: the first schedule entry running another kernel step. */
  readonly stepDifference: Divergence | null;
  /** Each kernel's end, summed up in a line. */
  readonly verdicts: { readonly main: Verdict; readonly other: Verdict };
  /** The other kernel's world at the step matching the cursor (its end once the cursor is at the end). */
  readonly world: World;
  readonly at: number;
}

/** A replay cache stepped outside the store (by a link's decoder), with the setup it was stepped on. */
export interface SteppedCache {
  readonly setup: Setup;
  readonly replay: ReplayCache;
}

export interface SimSlice {
  readonly loaded: LoadedSetup;
  readonly inputError: InputError | null;
  readonly choices: readonly number[];
  readonly cursor: number;
  readonly records: readonly StepRecord[];
  readonly frame: Frame;
  /** Why the last requested step or schedule entry was refused, in plain words. */
  readonly notice: string | null;
  readonly lastRun: LastRun;
  readonly compare: CompareView | null;
  loadSetup(
    kernel: string,
    slots: string,
    threads: string,
    options?: {
      readonly choices?: readonly number[];
      readonly cursor?: number;
      /** The model the schedule was recorded on (an old link's); absent: today's (modelVersion.ts). */
      readonly model?: number;
      /** A replay cache of this setup already stepped through `choices` (a link's decoder): adopted. */
      readonly cache?: SteppedCache;
    },
  ): boolean;
  stepThread(thread: number): void;
  stepBack(): void;
  redo(): void;
  /** Redo when there is a future, otherwise one round-robin step. False when nothing can run. */
  next(): boolean;
  jumpTo(n: number): void;
  /** "go to step" as typed: a step number from 0 to the schedule's length, else a notice says why not. */
  goToStep(text: string): void;
  fork(): void;
  reset(): void;
  runRoundRobin(): void;
  runRandom(seed: number): void;
}

export interface PlaybackSlice {
  readonly playing: boolean;
  play(): void;
  pause(): void;
  /** One playback beat: the UI calls it on a timer while playing. */
  tick(): void;
}

export type Speed = 0.5 | 1 | 2 | 4;
export const SPEEDS: readonly Speed[] = [0.5, 1, 2, 4];

export interface PrefsSlice {
  /** The user's motion switch; the page also honours prefers-reduced-motion. */
  readonly motion: boolean;
  readonly speed: Speed;
  readonly compareVariant: KernelId | null;
  setMotion(on: boolean): void;
  setSpeed(speed: Speed): void;
  setCompareVariant(variant: KernelId | null): void;
}

export interface SessionSlice {
  /** Why the replay link the page was opened with could not be read, or null. */
  readonly linkError: string | null;
  dismissLinkError(): void;
  /** The recorded races' text (story, narration, sources) once it has loaded (scenarios/texts.ts). */
  readonly raceTexts: RaceTexts | null;
  setRaceTexts(texts: RaceTexts): void;
  /** Loads a recorded race: its setup and full schedule, at step 0, with no comparison. */
  loadScenario(id: string): boolean;
  /** Loads a schedule on a setup with the cursor at its end (a counterexample), optionally compared. */
  loadSchedule(setup: SetupInput, choices: readonly number[], compare: KernelId | null): boolean;
}

export type SimState = SimSlice & PlaybackSlice & PrefsSlice & SessionSlice;
