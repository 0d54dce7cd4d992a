// Golden files: the text diagram of each recorded race, and a set of version-1 links with the state each
// must reproduce. They change only on purpose: `npm run golden` rewrites them (UPDATE_GOLDEN=1).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld, parseSetup, runSchedule } from '../engine/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { raceDiagram } from './diagram.ts';
import { decodeReplay, replayLink } from './link.ts';
import { linkProblem } from './linkable.ts';

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
    // A race format A cannot carry (|xa, v6.12) has its diagram without a link until format B.
    const url =
      linkProblem(setup, sc.compare[0] ?? null) === null
        ? replayLink(BASE, {
            setup,
            choices: sc.schedule,
            cursor: sc.schedule.length,
            compare: sc.compare[0] ?? null,
          })
        : undefined;
    const text = raceDiagram(
      setup,
      sc.schedule,
      url === undefined ? { title: sc.title } : { title: sc.title, url },
    );
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(72);
    golden(`diagrams/${id}.txt`, text);
  });
});

interface GoldenLink {
  readonly link: string;
  readonly slots: string;
  readonly results: readonly (string | null)[];
  readonly violations: readonly string[];
}

describe('version-1 links keep working', () => {
  const linkable = SCENARIOS.filter(
    (sc) => linkProblem(scenarioSetup(sc.id).setup, sc.compare[0] ?? null) === null,
  );
  const current: GoldenLink[] = linkable.map((sc) => {
    const { setup } = scenarioSetup(sc.id);
    const link = replayLink(BASE, {
      setup,
      choices: sc.schedule,
      cursor: Math.floor(sc.schedule.length / 2),
      compare: sc.compare[0] ?? null,
    });
    const run = runSchedule(createWorld(setup), sc.schedule, { finish: false });
    return {
      link,
      slots: sc.slots,
      results: run.world.threads.map((t) => t.result),
      violations: run.violations.map((v) => `${v.invariant}@${v.step}`),
    };
  });

  it('the golden links decode to the same states', () => {
    golden('links.json', `${JSON.stringify(current, null, 2)}\n`);
    const saved = JSON.parse(readFileSync(new URL('links.json', dir), 'utf8')) as GoldenLink[];
    for (const g of saved) {
      const d = decodeReplay(g.link);
      if (!d.ok) throw new Error(`${g.link}: ${d.error}`);
      const run = runSchedule(createWorld(d.replay.setup), d.replay.choices, { finish: false });
      expect(run.world.threads.map((t) => t.result)).toEqual(g.results);
      expect(run.violations.map((v) => `${v.invariant}@${v.step}`)).toEqual(g.violations);
    }
  });
});
