// The matrix as a table: a row per race, a column per kernel (its header titled with the commit and the
// switch's change), each cell its verdict in a glyph and words; a broken cell links each broken
// invariant to its shortest counterexample.

import { INVARIANTS, type InvariantId, type KernelId } from '../../engine/index.ts';
import {
  cellVerdict,
  type MatrixCellDetail,
  type MatrixColumn,
  type MatrixRow,
} from '../../explorer/kernel/matrixPlan.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import { columnCommit, columnTitle, counterexampleHref } from './columnText.ts';
import { cellAt, type MatrixRunState } from './matrixState.ts';

interface Props {
  readonly run: MatrixRunState;
  /** The picker's columns, to describe the plan's kernels. */
  readonly columns: readonly MatrixColumn[];
  readonly onLoad: (row: MatrixRow, kernel: KernelId, schedule: readonly number[]) => void;
}

const raceTitle = (id: string) => SCENARIOS.find((s) => s.id === id)?.title ?? id;

function Cell(props: {
  readonly cell: MatrixCellDetail | undefined;
  readonly row: MatrixRow;
  readonly kernel: KernelId;
  readonly pending: boolean;
  readonly onLoad: Props['onLoad'];
}) {
  const { cell, row, kernel } = props;
  if (!cell)
    return (
      <td className="matrix-cell" data-verdict="pending" data-kernel={kernel}>
        {props.pending ? (
          <span title="not searched yet">…</span>
        ) : (
          <span title="not searched (cancelled)">–</span>
        )}
      </td>
    );
  const verdict = cellVerdict(cell);
  const where = `${row.race} on ${kernel}`;
  const title =
    verdict === 'broken'
      ? `${where}: broken (${cell.broken.join(', ')}), ${cell.states} states${cell.complete ? '' : ', search stopped'}`
      : verdict === 'holds'
        ? `${where}: every invariant holds in ${cell.states} states`
        : verdict === 'no-collapse'
          ? `${where}: every invariant holds, but the collapse never succeeds (${cell.collapseResults.join(', ')})`
          : `${where}: stopped at ${cell.states} states (${cell.stop}) before finding a break`;
  return (
    <td className={`matrix-cell matrix-${verdict}`} data-verdict={verdict} data-kernel={kernel} title={title}>
      {verdict === 'broken' ? (
        <>
          <span aria-hidden="true">✗</span>
          {cell.broken.map((id: InvariantId) => (
            <a
              key={id}
              href={counterexampleHref(row, kernel, cell.schedules[id] ?? [])}
              onClick={(e) => {
                e.preventDefault();
                props.onLoad(row, kernel, cell.schedules[id] ?? []);
              }}
              aria-label={`${INVARIANTS[id].spec} ${id} broken for ${where}: load its counterexample`}
              data-testid={`matrix-load-${id}`}
            >
              {INVARIANTS[id].spec}
            </a>
          ))}
        </>
      ) : verdict === 'holds' ? (
        <span>✓</span>
      ) : verdict === 'no-collapse' ? (
        <span>
          ✓ <span className="matrix-word">never</span>
        </span>
      ) : (
        <span>?</span>
      )}
    </td>
  );
}

export function MatrixTable({ run, columns, onLoad }: Props) {
  const plan = run.plan;
  if (!plan) return null;
  const column = (k: KernelId) =>
    columns.find((c) => c.kernel === k) ?? { kernel: k, base: 'v6.4', flip: null, commit: null };
  return (
    <div className="matrix-scroll">
      <table className="matrix-table" data-testid="matrix-table">
        <caption className="visually-hidden">
          Each race's setup on each kernel: the invariants some interleaving breaks, or none.
        </caption>
        <thead>
          <tr>
            <th scope="col">race</th>
            {plan.kernels.map((k) => {
              const c = column(k);
              return (
                <th
                  key={k}
                  scope="col"
                  className="matrix-kernel"
                  title={columnTitle(c)}
                  aria-label={columnTitle(c)}
                >
                  <span className="matrix-kernel-name">{k}</span>{' '}
                  <span className="matrix-kernel-commit">{columnCommit(c)}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {plan.rows.map((row, r) => (
            <tr key={row.race} data-race={row.race}>
              <th scope="row" title={raceTitle(row.race)}>
                {row.race}
              </th>
              {plan.kernels.map((k, c) => (
                <Cell
                  key={k}
                  cell={cellAt(run, r, c)}
                  row={row}
                  kernel={k}
                  pending={run.status === 'running'}
                  onLoad={onLoad}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
