// The package as a user gets it: packed (prepack builds the command line), installed into an empty
// project without development dependencies, and run from there with no TypeScript loader in sight.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'collapse-lab-pack-'));
const project = join(work, 'project');
const bin = join(project, 'node_modules', '.bin', 'collapse-lab');
let packed: { files: { path: string }[] }[] = [];
let installLog = '';

beforeAll(() => {
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  packed = JSON.parse(json.slice(json.indexOf('['))) as typeof packed;
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "user-project", "private": true }\n');
  const r = spawnSync(
    'npm',
    ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball)],
    { cwd: project, encoding: 'utf8' },
  );
  installLog = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`npm install failed:\n${installLog}`);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function collapseLab(...args: string[]) {
  return spawnSync(bin, args, { cwd: project, encoding: 'utf8', timeout: 120_000 });
}

describe('the packed command line', () => {
  it('holds the built command, not the TypeScript sources, and installs without warnings', () => {
    const files = packed[0]?.files.map((f) => f.path) ?? [];
    expect(files).toContain('dist-cli/collapse-lab.mjs');
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(installLog).not.toMatch(/warn/i);
    expect(files).toContain('bin/collapse-lab.mjs');
    expect(existsSync(join(project, 'node_modules', 'tsx'))).toBe(false);
  });

  it('runs a schedule, checks a setup and replays a link', () => {
    const run = collapseLab(
      'run',
      '--kernel',
      'v6.3',
      '--slots',
      'PPPP',
      '--threads',
      'collapse,seek_data:0',
      '--schedule',
      '0,0,0,0,0,0,0,0,0,1,1,1',
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\[seek\] I1/);
    const link = /^replay: (\S+)$/m.exec(run.stdout)?.[1] ?? '';
    const again = collapseLab('run', link, '--json');
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ kernel: 'v6.3', slots: 'PPPP' });
    const check = collapseLab(
      'check',
      '--kernel',
      'v6.4',
      '--slots',
      'PPPP',
      '--threads',
      'collapse,seek_data:0',
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/I1 {3}seek {11}holds/);
  });

  it('writes a C reproducer, and says what is wrong with bad input', () => {
    const repro = collapseLab(
      'repro',
      '--kernel',
      'v6.3',
      '--slots',
      'MPPP',
      '--threads',
      'collapse,mincore',
    );
    expect(repro.status).toBe(0);
    expect(repro.stdout).toMatch(/^\/\*\n \* Collapse Lab reproducer/);
    expect(repro.stdout).toMatch(/mincore reporting resident pages missing \(race b\)/);
    const bad = collapseLab('repro', '--kernel', 'v6.3', '--slots', 'MPPP', '--threads', 'collapse,mincor');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'collapse-lab repro: threads: unknown actor "mincor" at column 10 (did you mean mincore?)\n',
    );
    expect(collapseLab('repro', '--help').stdout).toMatch(/^usage:\n {2}collapse-lab repro/);
  });
});
