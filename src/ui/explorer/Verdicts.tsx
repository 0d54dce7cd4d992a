// The explorer's verdict per invariant, and for each broken one its shortest schedule with buttons to
// load it as the replay on screen, alone or beside another kernel.

import type { KernelId } from '../../engine/core.ts';
import { INVARIANTS } from '../../engine/core.ts';
import type { CheckSummary, VerdictSummary } from '../worker/exploreProtocol.ts';

interface Props {
  readonly summary: CheckSummary;
  readonly kernel: KernelId;
  readonly other: KernelId;
  readonly onLoad: (schedule: readonly number[], compare: KernelId | null) => void;
}

function verdictText(v: VerdictSummary): string {
  if (v.holds === true) return 'holds in every interleaving';
  if (v.holds === null) return 'not broken in the states explored (the search did not finish)';
  return `broken by a shortest schedule of ${v.schedule?.length ?? 0} steps${v.message ? `: ${v.message}` : ''}`;
}

export function Verdicts({ summary, kernel, other, onLoad }: Props) {
  return (
    <>
      <ul className="verdicts" data-testid="explorer-verdicts">
        {summary.invariants.map((v) => (
          <li
            key={v.id}
            className={`verdict verdict-${v.holds === false ? 'broken' : v.holds ? 'holds' : 'unknown'}`}
            data-testid={`verdict-${v.id}`}
          >
            <span
              className={`badge ${v.holds === false ? 'badge-violation' : v.holds ? 'badge-uptodate' : ''}`}
            >
              {v.holds === false ? 'broken' : v.holds ? 'holds' : 'unknown'}
            </span>{' '}
            <strong>
              {INVARIANTS[v.id].spec} {v.id}
            </strong>
            : {INVARIANTS[v.id].title}. <span className="muted">{verdictText(v)}.</span>
            {v.schedule && (
              <span className="button-row">
                <button
                  type="button"
                  onClick={() => v.schedule && onLoad(v.schedule, null)}
                  data-testid={`load-${v.id}`}
                >
                  Load as replay
                </button>
                <button
                  type="button"
                  onClick={() => v.schedule && onLoad(v.schedule, other)}
                  data-testid={`compare-${v.id}`}
                >
                  Compare on {other}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className="muted" data-testid="explorer-results">
        Every way the threads can end on {kernel}:{' '}
        {summary.results.map((r) => `T${r.thread}: ${r.results.join(' or ')}`).join('; ') || 'none found'}.
      </p>
    </>
  );
}
