// Which part of the matrix to compute: the races (rows) and the kernels (columns), each group with All
// and None, so a reader can ask one question (one race, a few switches) without running every search.

import { useId } from 'react';
import type { MatrixColumn } from '../../explorer/kernel/matrixPlan.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import { columnTitle } from './columnText.ts';

interface Props {
  readonly columns: readonly MatrixColumn[];
  readonly races: ReadonlySet<string>;
  readonly kernels: ReadonlySet<string>;
  readonly disabled: boolean;
  readonly onRaces: (races: ReadonlySet<string>) => void;
  readonly onKernels: (kernels: ReadonlySet<string>) => void;
}

const toggled = (set: ReadonlySet<string>, id: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

function Group(props: {
  readonly legend: string;
  readonly testId: string;
  readonly items: readonly { readonly id: string; readonly title: string }[];
  readonly chosen: ReadonlySet<string>;
  readonly disabled: boolean;
  readonly onChange: (next: ReadonlySet<string>) => void;
}) {
  const base = useId();
  return (
    <fieldset className="matrix-group" disabled={props.disabled} data-testid={props.testId}>
      <legend>
        {props.legend} ({props.chosen.size} of {props.items.length}){' '}
        <button type="button" onClick={() => props.onChange(new Set(props.items.map((i) => i.id)))}>
          All
        </button>{' '}
        <button type="button" onClick={() => props.onChange(new Set())}>
          None
        </button>
      </legend>
      <ul className="matrix-choices">
        {props.items.map((item, i) => (
          <li key={item.id}>
            <input
              type="checkbox"
              id={`${base}-${i}`}
              checked={props.chosen.has(item.id)}
              onChange={(e) => props.onChange(toggled(props.chosen, item.id, e.target.checked))}
            />
            <label htmlFor={`${base}-${i}`} title={item.title}>
              {item.id}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function MatrixPicker(p: Props) {
  return (
    <div className="matrix-picker">
      <Group
        legend="Races (rows)"
        testId="matrix-races"
        items={SCENARIOS.map((s) => ({ id: s.id, title: s.title }))}
        chosen={p.races}
        disabled={p.disabled}
        onChange={p.onRaces}
      />
      <Group
        legend="Kernels (columns)"
        testId="matrix-kernels"
        items={p.columns.map((c) => ({ id: c.kernel, title: columnTitle(c) }))}
        chosen={p.kernels}
        disabled={p.disabled}
        onChange={p.onKernels}
      />
    </div>
  );
}
