// Positional replay links, --help on every command, and collapse-lab repro's flags.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness.ts';

const SETUP = ['--kernel', 'v6.3', '--slots', 'PPPP', '--threads', 'collapse,seek_data:0'];
const SEED = [...SETUP, '--schedule', '0,0,0,0,0,0,0,1,1,1'];

async function seedLink(): Promise<string> {
  const r = await cli('run', ...SEED, '--base-url', 'https://lab.example/');
  const link = /^replay: (\S+)$/m.exec(r.out)?.[1];
  if (!link) throw new Error(r.out);
  return link;
}

describe('a replay link as the plain argument', () => {
  it('run LINK replays what run --url LINK replays', async () => {
    const link = await seedLink();
    const plain = await cli('run', link, '--json');
    const flag = await cli('run', '--url', link, '--json');
    expect(plain.code).toBe(1);
    expect(plain.out).toBe(flag.out);
    const j = JSON.parse(plain.out) as { kernel: string; slots: string; schedule: number[] };
    expect(j).toMatchObject({ kernel: 'v6.3', slots: 'PPPP' });
    // The link carries every step taken, the round-robin finish included.
    expect(j.schedule.slice(0, 10)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('check LINK checks the link setup', async () => {
    const r = await cli('check', await seedLink());
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^kernel v6.3 {2}slots PPPP {2}threads collapse,seek_data:0$/m);
    expect(r.out).toMatch(/I1 {3}seek {11}BROKEN/);
  });

  it.each([
    [['run', 'A', 'B'], /takes one replay link, not 2 arguments/],
    [['run', 'A', '--url', 'B'], /give the replay link once: as an argument or as --url, not both/],
    [['run', 'https://x.example/#r=Zabc'], /--url: unknown replay format "Z"/],
    [['check', 'https://x.example/#r=A', ...SETUP], /give either --url or --kernel/],
  ])('%j exits 2 naming the problem', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('--help', () => {
  it.each(['run', 'check', 'repro'])(
    'collapse-lab %s --help prints that command and exits 0',
    async (cmd) => {
      for (const flag of ['--help', '-h']) {
        const r = await cli(cmd, flag);
        expect(r.code).toBe(0);
        expect(r.err).toBe('');
        expect(r.out).toMatch(new RegExp(`^usage:\\n {2}collapse-lab ${cmd} --kernel K`));
        expect(r.out).toMatch(new RegExp(`collapse-lab ${cmd} LINK`));
      }
    },
  );

  it('wins over other flags, even bad ones', async () => {
    expect((await cli('run', '--bogus', '--help')).code).toBe(0);
  });

  it('the top-level help lists every command', async () => {
    const r = await cli('--help');
    for (const cmd of ['run', 'check', 'repro']) expect(r.out).toMatch(new RegExp(`collapse-lab ${cmd} `));
  });
});

describe('collapse-lab repro', () => {
  it('writes the C program to stdout, naming the race, the model verdicts and the link', async () => {
    const r = await cli('repro', ...SETUP, '--base-url', 'https://lab.example/');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^\/\*\n \* Collapse Lab reproducer/);
    expect(r.out).toMatch(/ \* {3}- SEEK_DATA losing data \(race a\)$/m);
    expect(r.out).toMatch(/ \* {3}I1 seek: broken on v6.3, v6.3\+p1, v6.3\+p2, v6.3\+p3$/m);
    expect(r.out).toMatch(/^ \* Replay: https:\/\/lab\.example\/#r=\S+$/m);
    expect(r.out).toMatch(/^int main\(int argc, char \*\*argv\)$/m);
  });

  it('repro LINK is the same program as repro with the link setup and its schedule', async () => {
    const link = await seedLink();
    const fromLink = await cli('repro', link, '--base-url', 'https://lab.example/');
    expect(fromLink.code).toBe(0);
    expect(fromLink.out).toContain(` * Replay: ${link}\n`);
  });

  it('-o FILE writes the file and says so on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collapse-lab-o-'));
    try {
      const file = join(dir, 'repro.c');
      const r = await cli('repro', ...SETUP, '-o', file);
      expect(r).toMatchObject({ code: 0, out: '' });
      expect(r.err).toMatch(/^collapse-lab repro: wrote .*repro\.c/);
      expect(readFileSync(file, 'utf8')).toMatch(/^\/\*\n \* Collapse Lab reproducer/);
      const bad = await cli('repro', ...SETUP, '-o', join(dir, 'no', 'such', 'dir.c'));
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/^collapse-lab repro: -o ".*dir\.c": ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says on stderr what of the setup the program cannot recreate', async () => {
    const r = await cli('repro', '--kernel', 'v6.4', '--slots', 'P^PPP', '--threads', 'collapse,punch:1');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/not reproduced: long-term GUP pins/);
    expect(r.err).toMatch(/not reproduced: threads not looped \(no checker answers for them\): punch:1\./);
    expect(r.out).toMatch(/ \* Not reproduced from the setup:/);
  });

  it.each([
    [['repro', '--kernel', 'v6.4', '--slots', 'PP', '--threads', 'mincore'], /has no collapse thread/],
    [['repro', ...SETUP, '--schedule', '0'], /unknown flag "--schedule"/],
    [['repro', ...SETUP, '--max-states', '0'], /--max-states must be a positive whole number/],
    [['repro', ...SETUP, '--outptu', 'x.c'], /did you mean --output\?/],
  ])('%j exits 2 naming the problem', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
