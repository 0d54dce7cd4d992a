// Per-slot controls: a kind picker per slot for small ranges, or one picker with a slot number for large
// ones; add or remove slots, one huge page (H), and userfaultfd registration.

import { useState } from 'react';
import type { SlotsSetup } from '../../engine/core.ts';
import { MAX_SLOTS } from '../../engine/core.ts';
import { SLOT_OPTIONS, slotCode, withSlot } from './slotOptions.ts';

interface Props {
  readonly slots: SlotsSetup;
  readonly apply: (slotString: string) => void;
}

const PER_SLOT_UP_TO = 16;

export function SlotControls({ slots, apply }: Props) {
  const specs = slots.slots;
  const n = specs.length;
  const huge = specs[0]?.kind === 'H';
  const suffix = slots.uffd ? '|uffd' : '';
  const body = specs.map(slotCode).join('');
  const [pick, setPick] = useState('0');
  const pickIndex = /^\d+$/.test(pick) && Number(pick) < n ? Number(pick) : null;
  const pickSelect = (i: number) => (
    <select
      aria-label={`slot ${i} kind`}
      data-testid={`slot-kind-${i}`}
      value={slotCode(specs[i] ?? { kind: '.', pinned: false, batched: false })}
      onChange={(e) => apply(withSlot(specs, i, e.target.value, slots.uffd))}
    >
      {SLOT_OPTIONS.map((o) => (
        <option key={o.code} value={o.code}>
          {o.code} {o.text}
        </option>
      ))}
    </select>
  );
  return (
    <fieldset className="slot-controls">
      <legend>Slots ({n})</legend>
      {!huge && n <= PER_SLOT_UP_TO && (
        <ol className="slot-pickers">
          {specs.map((_, i) => (
            <li key={i}>{pickSelect(i)}</li>
          ))}
        </ol>
      )}
      {!huge && n > PER_SLOT_UP_TO && (
        <span className="inline-field">
          <label htmlFor="slot-pick">slot</label>
          <input
            id="slot-pick"
            inputMode="numeric"
            size={4}
            value={pick}
            onChange={(e) => setPick(e.target.value)}
          />
          {pickIndex !== null ? pickSelect(pickIndex) : <span className="muted">0 to {n - 1}</span>}
        </span>
      )}
      <span className="button-row">
        <button
          type="button"
          disabled={n >= MAX_SLOTS}
          onClick={() => apply(`${body}${huge ? 'H' : 'P'}${suffix}`)}
        >
          + slot
        </button>
        <button
          type="button"
          disabled={n <= 1}
          onClick={() => apply(`${specs.slice(0, -1).map(slotCode).join('')}${suffix}`)}
        >
          − slot
        </button>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={huge}
            onChange={(e) => apply(`${(e.target.checked ? 'H' : 'P').repeat(n)}${suffix}`)}
          />
          one huge page (H)
        </label>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={slots.uffd}
            onChange={(e) => apply(`${body}${e.target.checked ? '|uffd' : ''}`)}
          />
          userfaultfd MISSING
        </label>
      </span>
    </fieldset>
  );
}
