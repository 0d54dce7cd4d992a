import { describe, expect, it } from 'vitest';
import { createSimStore } from './createSimStore.ts';
import { parseStepNumber } from './stepNumber.ts';

describe('go to step', () => {
  it.each([
    ['', /Type a step number from 0 to 34/],
    ['abc', /"abc" is not a step number: type a whole number from 0 to 34/],
    ['-3', /"-3" is not a step number/],
    ['1.5', /"1.5" is not a step number/],
    ['\u202e7', /"\\u202e7" is not a step number/],
    ['35', /There is no step 35: this schedule has 34 steps/],
    ['99999999999999999999', /There is no step 999999999999\.\.\./],
  ])('%j gets a message and does not move', (text, message) => {
    const store = createSimStore();
    store.getState().jumpTo(5);
    store.getState().goToStep(text);
    expect(store.getState().notice).toMatch(message);
    expect(store.getState().cursor).toBe(5);
  });

  it('a good number moves there and clears the notice', () => {
    const store = createSimStore();
    store.getState().goToStep('abc');
    store.getState().goToStep(' 12 ');
    expect(store.getState()).toMatchObject({ cursor: 12, notice: null });
    expect(parseStepNumber('0', 0)).toEqual({ ok: true, step: 0 });
  });
});
