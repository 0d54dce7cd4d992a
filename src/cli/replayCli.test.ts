// Replay links and text diagrams on the command line: --url, --text, --base-url, and check's url field.
import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness.ts';

const SEED = [
  '--kernel',
  'v6.3',
  '--slots',
  'PPPP',
  '--threads',
  'collapse,seek_data:0',
  '--schedule',
  '0,0,0,0,0,0,0,0,0,1,1,1',
];

describe('replay links on the command line', () => {
  it('run prints a replay link for the base URL, and run --url replays it to the same result', async () => {
    const r = await cli('run', ...SEED, '--base-url', 'https://lab.example.org/course/');
    const link = /replay: (\S+)/.exec(r.out)?.[1] ?? '';
    expect(link).toMatch(/^https:\/\/lab\.example\.org\/course\/#r=B[\w-]+$/);
    const again = await cli('run', '--url', link, '--json');
    expect(again.code).toBe(1);
    const j = JSON.parse(again.out) as { kernel: string; results: { result: string }[]; url: string };
    expect(j.kernel).toBe('v6.3');
    expect(j.results.map((x) => x.result)).toEqual(['SCAN_SUCCEED', 'ENXIO']);
  });

  it('run --text prints the CPU0/CPU1 diagram within 72 columns, ending with the violation and the link', async () => {
    const r = await cli('run', ...SEED, '--text', '--base-url', 'https://lab.example.org/');
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.every((l) => l.length <= 72)).toBe(true);
    expect(r.out).toMatch(/^CPU0 {33}CPU1$/m);
    expect(r.out).toMatch(/^ {37}shmem_file_llseek\(\)$/m);
    expect(r.out).toMatch(/BROKEN I1 seek after step 13: SEEK_DATA\(0\) returned ENXIO/);
    expect(lines[lines.length - 1]).toMatch(/^replay: https:\/\/lab\.example\.org\/#r=B/);
  });

  it('run --text is condensed to the break with collapse repetition folded; --text --full prints every step', async () => {
    const short = await cli('run', ...SEED, '--text');
    expect(short.out).toMatch(/^\.\.\. \d+ more steps? to the end \(--full shows them\)$/m);
    expect(short.out).not.toMatch(/unlock_page\(hpage\)/);
    const full = await cli('run', ...SEED, '--text', '--full');
    expect(full.out).not.toMatch(/the same for slot|more steps? to the end/);
    expect(full.out).toMatch(/^ {2}unlock_page\(hpage\)$/m);
    // Nothing breaks on v6.4: every step is shown, but slots 1-3 repeat slot 0's scan word for word.
    const safe = ['--kernel', 'v6.4', '--slots', 'PPPP', '--threads', 'collapse'];
    const folded = await cli('run', ...safe, '--text');
    expect(folded.out).toMatch(/^ {2}\.\.\. the same for slots 1-3$/m);
    expect(folded.out).toMatch(/^ {2}unlock_page\(hpage\)$/m);
    expect(
      (await cli('run', ...safe, '--text', '--full')).out.match(/trylock_page; get_page;/g),
    ).toHaveLength(4);
  });

  it('check --url explores the linked setup; --json gives each broken invariant a url', async () => {
    const r = await cli(
      'check',
      '--kernel',
      'v6.3',
      '--slots',
      'PPPP',
      '--threads',
      'collapse,seek_data:0',
      '--json',
      '--base-url',
      'https://x.example/',
    );
    const j = JSON.parse(r.out) as { invariants: { id: string; url?: string; schedule?: number[] }[] };
    const seek = j.invariants.find((v) => v.id === 'seek');
    expect(seek?.url).toMatch(/^https:\/\/x\.example\/#r=B/);
    expect(j.invariants.find((v) => v.id === 'mincore')?.url).toBeUndefined();
    const replay = await cli('run', '--url', seek?.url ?? '', '--json');
    const rv = (JSON.parse(replay.out) as { violations: { invariant: string }[] }).violations.map(
      (v) => v.invariant,
    );
    expect(rv).toContain('seek');
    const again = await cli('check', '--url', seek?.url ?? '');
    expect(again.code).toBe(1);
  });

  it('check --text prints a diagram per counterexample', async () => {
    const r = await cli(
      'check',
      '--kernel',
      'v5-nak',
      '--slots',
      'PMP',
      '--threads',
      'collapse,mincore',
      '--text',
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Collapse Lab: I4 progress broken/);
    expect(r.out).toMatch(/deadlock/);
  });

  it.each([
    [['run', '--url', 'https://x.example/#r=AAAA'], /--url: the link is damaged/],
    [['run', '--url', 'https://x.example/#r=Zabc'], /--url: unknown replay format "Z"/],
    [['run', '--url', 'https://x.example/#r=A', '--kernel', 'v6.4'], /either --url or --kernel/],
    [['run', ...SEED, '--base-url', 'ftp://x'], /--base-url must be an http\(s\) address/],
  ])('bad %j exits 2 naming the problem', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
