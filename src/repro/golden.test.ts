// Golden sources of the shipped reproducers. They change only on purpose: `npm run golden` rewrites
// them (UPDATE_GOLDEN=1), like the replay diagrams.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { linkOrReason } from '../replay/index.ts';
import { modelVerdicts, reproPlan, reproSource } from './index.ts';
import { REPRO_TARGETS } from './targets.ts';

const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const BASE = 'https://collapse-lab.example/';
const dir = new URL('./golden/', import.meta.url);

function goldenSource(id: string): string {
  const t = REPRO_TARGETS.find((x) => x.id === id);
  if (!t) throw new Error(id);
  const plan = reproPlan(t.replay.setup);
  if (!plan) throw new Error(`${id} has no collapse thread`);
  const verdicts = modelVerdicts(t.replay.setup, plan, { now: () => performance.now(), maxStates: 200_000 });
  const made = linkOrReason(BASE, t.replay);
  return reproSource({
    setup: t.replay.setup,
    plan,
    link: 'url' in made ? made.url : null,
    schedule: t.replay.choices,
    verdicts,
  });
}

describe('C reproducers of the races userspace can see', () => {
  it.each(REPRO_TARGETS.map((t) => t.id))('%s matches its golden file', (id) => {
    const actual = goldenSource(id);
    const file = new URL(`${id}.c`, dir);
    if (UPDATE) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, actual);
    }
    if (!existsSync(file)) throw new Error(`missing golden file ${id}.c: run npm run golden`);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });

  it('covers SEEK_DATA, SEEK_HOLE, mincore, truncate and the node-boundary walk', () => {
    expect(REPRO_TARGETS.map((t) => t.id)).toEqual([
      'seek-data',
      'mincore',
      'truncate-huge',
      'xarray-seek-hole',
      'seek-hole',
    ]);
  });
});
