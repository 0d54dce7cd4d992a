#!/usr/bin/env node
// The `collapse-lab` command. It runs the built JavaScript (dist-cli/, made by `npm run build:cli`,
// which prepack runs) whenever that build is fresh: an installed package has only the build, and in
// the repository a build newer than every source file is the same code without tsx's loader and its
// keepNames wrapping. Otherwise (no build, or a source edited since) it runs the TypeScript sources
// through tsx, so an edit never meets a stale build. COLLAPSE_LAB_SOURCES=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const source = new URL('src/cli/bin.ts', root);
const built = new URL('dist-cli/collapse-lab.mjs', root);

/** The newest modification time under a directory (files only), or 0. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The build was made after the last change to anything it is built from. */
function buildIsFresh() {
  const at = (name) => (existsSync(new URL(name, root)) ? statSync(new URL(name, root)).mtimeMs : 0);
  const inputs = Math.max(
    newest(fileURLToPath(new URL('src', root))),
    at('package.json'),
    at('vite.cli.config.ts'),
  );
  return statSync(built).mtimeMs > inputs;
}

const hasSources = existsSync(source);
const hasBuild = existsSync(built);
if (hasBuild && (!hasSources || (process.env.COLLAPSE_LAB_SOURCES !== '1' && buildIsFresh()))) {
  await import(built.href);
} else if (hasSources) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  process.stderr.write('collapse-lab: dist-cli/collapse-lab.mjs is missing; run npm run build:cli\n');
  process.exitCode = 2;
}
