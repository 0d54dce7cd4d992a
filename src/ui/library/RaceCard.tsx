// One recorded race in the library: its title, the first sentence of its story, kernel and compared
// kernels. The loaded race also shows its whole story (unless the break's callout tells it already), a
// button per compared kernel and its sources.

import { memo } from 'react';
import type { KernelId } from '../../engine/core.ts';
import type { Scenario } from '../../scenarios/index.ts';

interface Props {
  readonly race: Scenario;
  readonly active: boolean;
  /** Shows the whole story rather than its first sentence. */
  readonly whole: boolean;
  readonly comparing: KernelId | null;
  readonly onLoad: (id: string) => void;
  readonly onCompare: (v: KernelId | null) => void;
}

const firstSentence = (s: string) => /^.*?[.!?](?=\s|$)/.exec(s)?.[0] ?? s;

function RaceCardImpl({ race, active, whole, comparing, onLoad, onCompare }: Props) {
  return (
    <li className={`race-card${active ? ' active' : ''}`} data-testid={`race-${race.id}`}>
      <h3>
        <button
          type="button"
          className="link race-title"
          aria-current={active ? 'true' : undefined}
          onClick={() => onLoad(race.id)}
          data-testid={`load-race-${race.id}`}
        >
          {race.title}
        </button>
      </h3>
      <p className="race-story">{whole ? race.story : firstSentence(race.story)}</p>
      <p className="race-meta muted">
        <span className="badge">{race.kernel}</span> compare with {race.compare.join(', ')} ·{' '}
        {race.breaks ? `breaks ${race.breaks}` : 'breaks no invariant'} · collapse: {race.collapseResult}
      </p>
      {active && (
        <p className="button-row">
          {race.compare.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={comparing === v}
              onClick={() => onCompare(comparing === v ? null : v)}
              data-testid={`race-compare-${v}`}
            >
              {comparing === v ? `Stop comparing with ${v}` : `Compare with ${v}`}
            </button>
          ))}
        </p>
      )}
      {active && (
        <ul className="race-sources">
          {race.sources.map((src) => (
            <li key={src.url}>
              <a href={src.url} target="_blank" rel="noopener noreferrer">
                {src.title}
                <span className="visually-hidden"> (opens a new tab)</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export const RaceCard = memo(RaceCardImpl);
