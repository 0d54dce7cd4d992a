// The header's setup controls: kernel, slot string, thread string (typed, applied on Enter or Load, with
// an empty schedule), and structured controls that apply at once. A bad input is explained inline and the last good setup stays.

import { lazy, Suspense, useState } from 'react';
import { kernelOf, VARIANT_IDS, VARIANTS } from '../../engine/core.ts';
import { useSim } from '../storeContext.tsx';
import { ErrorPointer } from './ErrorPointer.tsx';

const StructuredControls = lazy(() => import('./StructuredControls.tsx'));
// The switch table (closed until opened) loads beside the first render; until then its closed summary
// stands in, the same size, so the setup bar does not move when it arrives.
const SwitchPanel = lazy(() => import('./SwitchPanel.tsx').then((m) => ({ default: m.SwitchPanel })));

export function SetupForm() {
  const loaded = useSim((s) => s.loaded);
  const error = useSim((s) => s.inputError);
  const loadSetup = useSim((s) => s.loadSetup);
  const [slots, setSlots] = useState(loaded.slots);
  const [threads, setThreads] = useState(loaded.threads);
  // When another control loads a setup, the typed strings follow it (state derived during render).
  const [shown, setShown] = useState(loaded);
  // The structured controls load the first time the details open.
  const [opened, setOpened] = useState(false);
  if (shown !== loaded) {
    setShown(loaded);
    setSlots(loaded.slots);
    setThreads(loaded.threads);
  }
  const errorFor = (field: string) => (error?.field === field ? error : null);
  const describe = (field: string) =>
    errorFor(field) ? { 'aria-invalid': true, 'aria-describedby': `${field}-error` } : {};
  // A kernel string (a variant, or one with switches): the parser judges it.
  const applyKernel = (k: string) => loadSetup(k, loaded.slots, loaded.threads);
  const applySlots = (s: string) => {
    setSlots(s);
    loadSetup(loaded.kernel, s, loaded.threads);
  };
  const applyThreads = (t: string) => {
    setThreads(t);
    loadSetup(loaded.kernel, loaded.slots, t);
  };
  const kernelError = errorFor('kernel');
  const slotsError = errorFor('slots');
  const threadsError = errorFor('threads');
  const scheduleError = errorFor('schedule');

  return (
    <form
      className="setup"
      aria-label="Setup"
      onSubmit={(e) => {
        e.preventDefault();
        // Load starts the typed setup afresh: an empty schedule, at step 0 (the narration says so). A
        // kernel change, by contrast, keeps the schedule: the same choices on another kernel.
        loadSetup(loaded.kernel, slots, threads, { choices: [], cursor: 0 });
      }}
    >
      <div className="setup-line">
        <label className="field">
          <span>kernel</span>
          <select
            value={kernelOf(loaded.kernel).base}
            data-testid="kernel-select"
            onChange={(e) => applyKernel(e.target.value)}
            {...describe('kernel')}
          >
            {VARIANT_IDS.map((v) => (
              <option key={v} value={v} title={VARIANTS[v].title}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <Suspense
          fallback={
            <details className="switch-panel">
              <summary>
                switches <span className="muted">as {kernelOf(loaded.kernel).base}</span>
              </summary>
            </details>
          }
        >
          <SwitchPanel kernel={loaded.kernel} onKernel={applyKernel} />
        </Suspense>
        <label className="field grow">
          <span>slots</span>
          <input
            className="mono"
            value={slots}
            spellCheck={false}
            data-testid="slots-input"
            onChange={(e) => setSlots(e.target.value)}
            {...describe('slots')}
          />
        </label>
        <label className="field grow">
          <span>threads</span>
          <input
            className="mono"
            value={threads}
            spellCheck={false}
            data-testid="threads-input"
            onChange={(e) => setThreads(e.target.value)}
            {...describe('threads')}
          />
        </label>
        <button type="submit" data-testid="load-setup">
          Load setup
        </button>
      </div>
      {kernelError && <ErrorPointer error={kernelError} id="kernel-error" />}
      {slotsError && <ErrorPointer error={slotsError} id="slots-error" />}
      {threadsError && <ErrorPointer error={threadsError} id="threads-error" />}
      {scheduleError && <ErrorPointer error={scheduleError} id="schedule-error" />}
      {error && (
        <p className="muted">
          Still showing the last good setup: {`${loaded.kernel} ${loaded.slots} ${loaded.threads}`}.
        </p>
      )}
      <details className="setup-details" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
        <summary>Edit slots and threads</summary>
        <p className="muted">
          Slot notation: <code>.</code> hole, <code>P</code> page, <code>M</code> mapped page, <code>F</code>{' '}
          fallocated, <code>S</code> swapped, <code>H</code> huge (all H); <code>^</code> pinned and{' '}
          <code>~</code> in the lru batch after a page; <code>|uffd</code> registers userfaultfd.
        </p>
        {opened && (
          <Suspense fallback={<p role="status">Loading the controls…</p>}>
            <StructuredControls loaded={loaded} applySlots={applySlots} applyThreads={applyThreads} />
          </Suspense>
        )}
      </details>
    </form>
  );
}
