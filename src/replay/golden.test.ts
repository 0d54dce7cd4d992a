// Golden files: the text diagram of each recorded race, and sets of format A (version 1) and format B
// links with the state each must reproduce. They change only on purpose: `npm run golden` rewrites them (UPDATE_GOLDEN=1).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld, MODEL_VERSION, parseSetup, runSchedule } from '../engine/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { raceDiagram } from './diagram.ts';
import { decodeReplay, replayLink } from './link.ts';
import type { Replay } from './replay.ts';

const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const BASE = 'https://collapse-lab.example/';
const dir = new URL('./golden/', import.meta.url);

function golden(name: string, actual: string): void {
  const file = new URL(name, dir);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`missing golden file ${name}: run npm run golden`);
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

function scenarioSetup(id: string) {
  const sc = SCENARIOS.find((s) => s.id === id);
  if (!sc) throw new Error(id);
  const p = parseSetup(sc.kernel, sc.slots, sc.threads);
  if (!p.ok) throw new Error(p.error.message);
  return { sc, setup: p.value };
}

describe('text diagrams of the recorded races', () => {
  it.each(SCENARIOS.map((s) => s.id))('%s matches its golden file and fits 72 columns', (id) => {
    const { sc, setup } = scenarioSetup(id);
    const url = replayLink(BASE, {
      model: MODEL_VERSION,
      setup,
      choices: sc.schedule,
      cursor: sc.schedule.length,
      compare: sc.compare[0] ?? null,
    });
    const text = raceDiagram(setup, sc.schedule, { title: sc.title, url });
    // A link longer than a line (a 64-step race on 8 slots) stands alone on its own line, unbroken.
    for (const line of text.split('\n')) if (line !== url) expect(line.length).toBeLessThanOrEqual(72);
    golden(`diagrams/${id}.txt`, text);
  });
});

interface GoldenLink {
  readonly link: string;
  readonly slots: string;
  readonly results: readonly (string | null)[];
  readonly violations: readonly string[];
}

/** Checks that every saved link decodes, on its model, to the results and violations saved with it. */
function decodesAsSaved(file: string, model: number): void {
  const saved = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as GoldenLink[];
  expect(saved.length).toBeGreaterThan(0);
  for (const g of saved) {
    const d = decodeReplay(g.link);
    if (!d.ok) throw new Error(`${g.link}: ${d.error}`);
    expect(d.replay.model).toBe(model);
    const run = runSchedule(createWorld(d.replay.setup), d.replay.choices, { finish: false });
    expect(run.world.threads.map((t) => t.result)).toEqual(g.results);
    expect(run.violations.map((v) => `${v.invariant}@${v.step}`)).toEqual(g.violations);
  }
}

// The model 1 links were written from the recorded races' model 1 schedules; those schedules are
// model 2's now, so these files are frozen: nothing rewrites them, and each link must keep replaying
// (as model 1) to the states saved with it.
describe('format A (version 1) links keep working', () => {
  it('the golden links decode to the same states', () => decodesAsSaved('links.json', 1));
});
describe('format B links of model 1 keep working', () => {
  it('the golden links decode to the same states', () => decodesAsSaved('linksB.json', 1));
});

// Model 2's links (written from the races' model 2 schedules before model 3 walked the pre-check and the
// fresh lookups of `|xa` setups level by level) are frozen too and replay as model 2.
describe('format B links of model 2 keep working', () => {
  it('the golden links decode to the same states', () => decodesAsSaved('linksB2.json', 2));
});

describe(`format B links of model ${MODEL_VERSION} keep working`, () => {
  const current: GoldenLink[] = SCENARIOS.map((sc) => {
    const { setup } = scenarioSetup(sc.id);
    const r: Replay = {
      model: MODEL_VERSION,
      setup,
      choices: sc.schedule,
      cursor: Math.floor(sc.schedule.length / 2),
      compare: sc.compare[0] ?? null,
    };
    const run = runSchedule(createWorld(setup), sc.schedule, { finish: false });
    return {
      link: replayLink(BASE, r),
      slots: sc.slots,
      results: run.world.threads.map((t) => t.result),
      violations: run.violations.map((v) => `${v.invariant}@${v.step}`),
    };
  });
  it('the golden links decode to the same states', () => {
    golden(`linksB${MODEL_VERSION}.json`, `${JSON.stringify(current, null, 2)}\n`);
    decodesAsSaved(`linksB${MODEL_VERSION}.json`, MODEL_VERSION);
  });
});
