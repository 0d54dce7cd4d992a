// Runs past 5,000 steps (issue #15, failure 1): a link now carries them; past MAX_STEPS the run still
// prints everything and says why there is no link, with the exit code it would have had anyway.
import { describe, expect, it } from 'vitest';
import { parseSetup } from '../engine/index.ts';
import { decodeReplay } from '../replay/index.ts';
import { cli } from './cliHarness.ts';
import { linkOrReason } from '../replay/index.ts';
import { MODEL_VERSION } from '../engine/modelVersion.ts';

describe('long runs', () => {
  it('the 400-slot, eight-mincore reproducer prints its link and exits 0', async () => {
    const threads = Array(8).fill('mincore').join(',');
    const r = await cli(
      'run',
      '--kernel',
      'v6.4',
      '--slots',
      'P'.repeat(400),
      '--threads',
      threads,
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { url: string; steps: unknown[] };
    expect(j.steps.length).toBeGreaterThan(5000);
    const d = decodeReplay(j.url);
    expect(d.ok && d.replay.choices.length).toBe(j.steps.length);
  }, 60_000);

  it('a run longer than a link carries gets the reason instead of a link', () => {
    const p = parseSetup('v6.4', 'P', 'collapse');
    if (!p.ok) throw new Error(p.error.message);
    const r = { model: MODEL_VERSION, setup: p.value, choices: [0, 0, 0], cursor: 3, compare: null };
    expect(linkOrReason('http://x/', r, 2)).toEqual({
      reason: 'no replay link: this run took 3 steps and a link carries at most 2',
    });
    expect(linkOrReason('http://x/', r)).toEqual({
      url: expect.stringMatching(/^http:\/\/x\/#r=B/) as string,
    });
  });
});
