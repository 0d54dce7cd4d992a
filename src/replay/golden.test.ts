// Golden files: the text diagram of each recorded race, and sets of format A (version 1) and format B
// links with the state each must reproduce. They change only on purpose: `npm run golden` rewrites them (UPDATE_GOLDEN=1).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld, parseSetup, runSchedule } from '../engine/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { raceDiagram } from './diagram.ts';
import { encodeV1 } from './formatV1.ts';
import { decodeReplay, replayLink } from './link.ts';
import { linkForPayload } from './linkForPayload.ts';
import type { Replay } from './replay.ts';
import { formatACarries } from './linkable.ts';

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
      model: 1,
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

function goldenLinks(
  file: string,
  title: string,
  link: (r: Replay) => string,
  carries: (r: Replay) => boolean,
): void {
  describe(title, () => {
    const current: GoldenLink[] = SCENARIOS.flatMap((sc) => {
      const { setup } = scenarioSetup(sc.id);
      const r: Replay = {
        model: 1,
        setup,
        choices: sc.schedule,
        cursor: Math.floor(sc.schedule.length / 2),
        compare: sc.compare[0] ?? null,
      };
      if (!carries(r)) return [];
      const run = runSchedule(createWorld(setup), sc.schedule, { finish: false });
      return {
        link: link(r),
        slots: sc.slots,
        results: run.world.threads.map((t) => t.result),
        violations: run.violations.map((v) => `${v.invariant}@${v.step}`),
      };
    });

    it('the golden links decode to the same states', () => {
      golden(file, `${JSON.stringify(current, null, 2)}\n`);
      const saved = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as GoldenLink[];
      for (const g of saved) {
        const d = decodeReplay(g.link);
        if (!d.ok) throw new Error(`${g.link}: ${d.error}`);
        expect(d.replay.model).toBe(1);
        const run = runSchedule(createWorld(d.replay.setup), d.replay.choices, { finish: false });
        expect(run.world.threads.map((t) => t.result)).toEqual(g.results);
        expect(run.violations.map((v) => `${v.invariant}@${v.step}`)).toEqual(g.violations);
      }
    });
  });
}

// Format A is no longer written by the page or the CLI; its encoder stays so these links stay checked.
goldenLinks(
  'links.json',
  'format A (version 1) links keep working',
  (r) => linkForPayload(BASE, encodeV1(r)),
  (r) => formatACarries(r.setup, r.compare),
);
goldenLinks(
  'linksB.json',
  'format B links keep working',
  (r) => replayLink(BASE, r),
  () => true,
);
