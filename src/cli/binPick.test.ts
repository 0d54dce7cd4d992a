// bin/collapse-lab.mjs runs the build when it is fresh and the sources otherwise: checked on a copy of
// the script in a scratch tree whose "build" and "sources" each print their name.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tree = mkdtempSync(join(tmpdir(), 'collapse-lab-bin-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function file(path: string, text: string, mtimeSeconds: number): void {
  mkdirSync(join(tree, path, '..'), { recursive: true });
  writeFileSync(join(tree, path), text);
  utimesSync(join(tree, path), mtimeSeconds, mtimeSeconds);
}

const run = (env: Record<string, string> = {}) =>
  execFileSync(process.execPath, [join(tree, 'bin/collapse-lab.mjs')], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  }).trim();

describe('bin/collapse-lab.mjs', () => {
  mkdirSync(join(tree, 'bin'));
  copyFileSync(resolve('bin/collapse-lab.mjs'), join(tree, 'bin/collapse-lab.mjs'));
  symlinkSync(resolve('node_modules'), join(tree, 'node_modules'));
  file('package.json', '{"type":"module"}', 1000);
  file('src/cli/bin.ts', "const from: string = 'sources';\nconsole.log(from);\n", 1000);
  file('src/engine/step.ts', '', 1000);

  it('runs the sources when there is no build', () => expect(run()).toBe('sources'));

  it('runs the build when it is newer than every source', () => {
    file('dist-cli/collapse-lab.mjs', "console.log('build');\n", 2000);
    expect(run()).toBe('build');
    expect(run({ COLLAPSE_LAB_SOURCES: '1' })).toBe('sources');
  });

  it('runs the sources once any source file is newer than the build', () => {
    file('src/engine/step.ts', '// edited\n', 3000);
    expect(run()).toBe('sources');
  });
});
