// The command line as a user runs it: output, JSON shape and exit status.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness.ts';

const SEED = [
  '--slots',
  'PPPP',
  '--threads',
  'collapse,seek_data:0',
  '--schedule',
  '0,0,0,0,0,0,0,0,0,1,1,1',
];

describe('collapse-lab run', () => {
  it('prints the steps, the results and the violation, and exits 1 on v6.3', async () => {
    const r = await cli('run', '--kernel', 'v6.3', ...SEED);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {3}0 {2}T0 collapse {6}lru_add_drain_all$/m);
    expect(r.out).toMatch(/^ {3}2 {2}T0 collapse {6}alloc_charge_hpage$/m);
    expect(r.out).toMatch(/slot 0: folio 0 -> folio 4/);
    expect(r.out).toMatch(/T1 seek_data:0 {3}ENXIO/);
    expect(r.out).toMatch(
      /\[seek\] I1 after step 13 \(threads T1; slots 0,1,2,3\): SEEK_DATA\(0\) returned ENXIO/,
    );
    expect(r.err).toBe('');
  });

  it('exits 0 on v6.4, where SEEK_DATA(0) is 0', async () => {
    const r = await cli('run', '--kernel', 'v6.4', ...SEED);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/T1 seek_data:0 {3}0$/m);
    expect(r.out).toMatch(/no invariant violated/);
  });

  it('--json has the documented keys', async () => {
    const r = await cli('run', '--kernel', 'v6.3', ...SEED, '--json');
    const j = JSON.parse(r.out) as Record<string, unknown>;
    // The full lists, in order: a key added or dropped is a change to the documented shape.
    expect(Object.keys(j)).toEqual([
      'kernel',
      'slots',
      'threads',
      'schedule',
      'steps',
      'results',
      'violations',
      'stuck',
      'url',
    ]);
    const first = (k: string) => Object.keys((j[k] as Record<string, unknown>[])[0] ?? {});
    expect(first('threads')).toEqual(['id', 'actor', 'param', 'name']);
    expect(first('steps')).toEqual([
      'index',
      'thread',
      'step',
      'label',
      'source',
      'auto',
      'changes',
      'events',
    ]);
    expect(first('results')).toEqual(['thread', 'actor', 'param', 'done', 'result']);
    expect(first('violations')).toEqual(['invariant', 'step', 'threads', 'slots', 'message', 'spec']);
    expect(j['kernel']).toBe('v6.3');
    // Every step links the line it models: v6.3's lines are read from 6.3.8 (README, Model notes).
    const steps = j['steps'] as { step: string; label: string; source: string }[];
    expect(steps[2]).toMatchObject({
      step: 'alloc',
      source: 'https://elixir.bootlin.com/linux/v6.3.8/source/mm/khugepaged.c#L1790',
    });
    for (const s of steps)
      expect(s.source).toMatch(/^https:\/\/elixir\.bootlin\.com\/linux\/v6\.3\.8\/source\/.+#L\d+$/);
    const v = (j['violations'] as Record<string, unknown>[]).find((x) => x['invariant'] === 'seek');
    expect(v).toMatchObject({ invariant: 'seek', step: 13, threads: [1], slots: [0, 1, 2, 3] });
    expect(typeof v?.['message']).toBe('string');
    expect((j['results'] as { result: string }[]).map((x) => x.result)).toEqual(['SCAN_SUCCEED', 'ENXIO']);
  });

  it.each([
    [['run', '--kernel', 'v9.9', '--slots', 'PP', '--threads', 'collapse'], /unknown kernel "v9.9"/],
    [['run', '--kernel', 'v6.4', '--slots', 'PxP', '--threads', 'collapse'], /unexpected "x" at column 2/],
    [
      ['run', '--kernel', 'v6.4', '--slots', 'PP', '--threads', 'collapse,frobnicate'],
      /unknown actor "frobnicate" at column 10/,
    ],
    [
      ['run', '--kernel', 'v6.4', '--slots', 'PP', '--threads', 'read:7'],
      /read:7 at column 1: index must be from 0 to 1/,
    ],
    [
      ['run', '--kernel', 'v6.4', '--slots', 'PP', '--threads', 'collapse', '--schedule', '0,x'],
      /entry 2 \("x"\) is not a thread index/,
    ],
    [
      ['run', '--kernel', 'v6.4', '--slots', 'PP', '--threads', 'collapse', '--schedule', '1'],
      /entry 1 is impossible: there is no thread 1/,
    ],
    [
      ['run', '--kernel', 'v6.4', '--slots', 'PP', '--threads', 'collapse', '--bogus'],
      /unknown flag "--bogus"$/m,
    ],
    [
      ['run', '--kernel', 'v6.4', '--slots', 'PP', '--threads', 'collapse', '--jsn'],
      /unknown flag "--jsn" \(did you mean --json\?\)/,
    ],
    [
      ['check', '--kernel', 'v6.4', '--slots', 'PP', '--threads', 'collapse', '--max-state=9'],
      /unknown flag "--max-state" \(did you mean --max-states\?\)/,
    ],
    [
      ['run', '--kernel', 'v6.4', '--slots', 'PP', '--threads', 'collapse,mincor'],
      /unknown actor "mincor" at column 10 \(did you mean mincore\?\)/,
    ],
    [['run', '--kernel', 'v6.44', '--slots', 'PP', '--threads', 'collapse'], /did you mean v6.4\?/],
    [['rnu'], /unknown command "rnu" \(did you mean run\?\)/],
    [['run', '--slots', 'PP', '--threads', 'collapse'], /missing --kernel/],
    [
      ['check', '--kernel', 'v6.4,v6.3,v6.7', '--slots', 'PP', '--threads', 'collapse'],
      /one variant, or two/,
    ],
    [
      ['check', '--kernel', 'v6.4', '--slots', 'PP', '--threads', 'collapse', '--max-states', 'many'],
      /--max-states must be a positive whole number/,
    ],
    [['frob'], /unknown command "frob"/],
  ])('bad input %j exits 2 with one line naming it', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('a blocked thread in the schedule is an impossible schedule', async () => {
    // T1 cannot take the inode lock while T0 (a write) holds it after its first step.
    const r = await cli(
      'run',
      '--kernel',
      'v6.4',
      '--slots',
      'P',
      '--threads',
      'write:0,seek_data:0',
      '--schedule',
      '0,1',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /entry 2 is impossible: T1 \(seek_data\) cannot step: sleeping on inode, held by T0 \(write\)/,
    );
  });
});

describe('collapse-lab check', () => {
  it('finds the SEEK race on v6.3 and prints a counterexample that `run` replays to the same violation', async () => {
    const r = await cli(
      'check',
      '--kernel',
      'v6.3',
      '--slots',
      'PPPP',
      '--threads',
      'collapse,seek_data:0',
      '--json',
    );
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as {
      complete: boolean;
      states: number;
      transitions: number;
      invariants: { id: string; holds: boolean; schedule?: number[]; replay?: string }[];
    };
    expect(j.complete).toBe(true);
    expect(j.states).toBeGreaterThan(100);
    const seek = j.invariants.find((v) => v.id === 'seek');
    expect(seek?.holds).toBe(false);
    expect(seek?.replay).toBe(
      `collapse-lab run --kernel v6.3 --slots PPPP --threads collapse,seek_data:0 --schedule ${seek?.schedule?.join(',')}`,
    );
    const replay = await cli(
      'run',
      '--kernel',
      'v6.3',
      '--slots',
      'PPPP',
      '--threads',
      'collapse,seek_data:0',
      '--schedule',
      seek?.schedule?.join(',') ?? '',
      '--json',
    );
    expect(replay.code).toBe(1);
    const rv = (
      JSON.parse(replay.out) as { violations: { invariant: string; step: number }[] }
    ).violations.find((v) => v.invariant === 'seek');
    expect(rv?.step).toBe((seek?.schedule?.length ?? 0) - 1);
  });

  it('proves the same setup clean on v6.4 (exit 0)', async () => {
    const r = await cli('check', '--kernel', 'v6.4', '--slots', 'PPPP', '--threads', 'collapse,seek_data:0');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/complete/);
    expect(r.out).toMatch(/I1 {3}seek {11}holds/);
  });

  it('exits 3 when the state limit stops it', async () => {
    const r = await cli(
      'check',
      '--kernel',
      'v6.4',
      '--slots',
      'PPPPPP',
      '--threads',
      'collapse,mincore,fault:3',
      '--max-states',
      '200',
    );
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/explored 200 states.*not complete/);
  });

  it('compares two variants and replays the counterexample on the other', async () => {
    const r = await cli(
      'check',
      '--kernel',
      'v5-nak,v6.4',
      '--slots',
      'PMP',
      '--threads',
      'collapse,mincore',
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/progress: broken on v5-nak, holds on v6.4/);
    expect(r.out).toMatch(
      /v5-nak's counterexample on v6.4: after step 9 .*slot 0 holds a page \(uptodate, frozen\) on v5-nak but a page \(uptodate\) on v6.4/,
    );
  });
});

describe('the installed binary', () => {
  it('runs through bin/collapse-lab.mjs with the same exit status', () => {
    const ok = spawnSync(process.execPath, ['bin/collapse-lab.mjs', 'run', '--kernel', 'v6.4', ...SEED], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, ['bin/collapse-lab.mjs', 'run', '--kernel', 'nope'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/missing --slots|unknown kernel/);
    expect(execFileSync(process.execPath, ['bin/collapse-lab.mjs', '--help'], { encoding: 'utf8' })).toMatch(
      /usage:/,
    );
  });
});
