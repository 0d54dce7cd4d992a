import { describe, expect, it } from 'vitest';
import { parsePanOutput } from './spin.ts';

// Abridged from pan (SPIN 6.5.2) on reference-model.pml with -DN=4.
const PAN_N4 = `
State-vector 52 byte, depth reached 25, errors: 0
     1856 states, stored
     2276 states, matched
     4132 transitions (= stored+matched)
        0 atomic steps
 1028.773	total actual memory usage
pan: elapsed time 0.01 seconds
`;

describe('parsePanOutput', () => {
  it('reads states, transitions, time and memory', () => {
    expect(parsePanOutput(PAN_N4)).toEqual({
      states: 1856,
      transitions: 4132,
      seconds: 0.01,
      memoryBytes: 1028.773 * 1024 * 1024,
    });
  });

  it('refuses a run that found errors', () => {
    expect(() => parsePanOutput(PAN_N4.replace('errors: 0', 'errors: 1'))).toThrow(/errors/);
  });
});
