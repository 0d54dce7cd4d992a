// The kernel's switches beside the variant select: one row per decision of the series, its value on this
// kernel, the commit that value comes from and the code change it stands for. Changing one loads the
// kernel string with it (BASE/switch=value/...); a combination the engine cannot run is refused by the
// setup parser, explained inline, and the last good kernel stays.

import { kernelOf, SWITCHES, valueOf, type KernelId, type SwitchDef } from '../../engine/core.ts';

interface Props {
  readonly kernel: KernelId;
  readonly onKernel: (kernel: string) => void;
}

/** The kernel string with one switch set to `value` (the parser drops it again if it equals the base). */
function withSwitch(kernel: KernelId, def: SwitchDef, value: string): string {
  const k = kernelOf(kernel);
  const rest = k.switches.filter((s) => s.name !== def.name).map((s) => `${s.name}=${s.value}`);
  return [k.base, ...rest, `${def.name}=${value}`].join('/');
}

export function SwitchPanel({ kernel, onKernel }: Props) {
  const k = kernelOf(kernel);
  const base = kernelOf(k.base);
  const changed = k.switches.length;
  return (
    <details className="switch-panel" data-testid="switch-panel">
      <summary>
        switches{' '}
        <span className="muted">{changed === 0 ? `as ${k.base}` : `${changed} changed from ${k.base}`}</span>
      </summary>
      <p className="muted">
        Kernel <code data-testid="kernel-string">{kernel}</code>. Each switch is one decision of the series;
        flip one to see what breaks without it.{' '}
        {changed > 0 && (
          <button type="button" className="link" onClick={() => onKernel(k.base)}>
            Back to {k.base}
          </button>
        )}
      </p>
      <table className="switch-table">
        <thead>
          <tr>
            <th scope="col">switch</th>
            <th scope="col">value</th>
            <th scope="col">commit</th>
            <th scope="col">what it changes</th>
          </tr>
        </thead>
        <tbody>
          {SWITCHES.map((def) => {
            const v = valueOf(def, k.flags);
            const differs = v.name !== valueOf(def, base.flags).name;
            return (
              <tr key={def.name} className={differs ? 'switched' : undefined} data-switch={def.name}>
                <th scope="row">
                  <code>{def.name}</code>
                </th>
                <td>
                  <select
                    aria-label={def.name}
                    value={v.name}
                    data-testid={`switch-${def.name}`}
                    onChange={(e) => onKernel(withSwitch(kernel, def, e.target.value))}
                  >
                    {def.values.map((x) => (
                      <option key={x.name} value={x.name}>
                        {x.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {v.commit ? (
                    <a href={v.commit.url} target="_blank" rel="noreferrer" title={v.commit.title}>
                      {v.commit.id}
                    </a>
                  ) : (
                    <span className="muted">before the series</span>
                  )}
                </td>
                <td>{def.description}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
