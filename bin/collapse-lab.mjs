#!/usr/bin/env node
// The `collapse-lab` command. An installed package runs the built JavaScript (dist-cli/, made by
// `npm run build:cli`, which prepack runs). In the repository, where the TypeScript sources sit beside
// this file, it runs them through tsx instead, so an edit never meets a stale build.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/bin.ts', import.meta.url);
const built = new URL('../dist-cli/collapse-lab.mjs', import.meta.url);

if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write('collapse-lab: dist-cli/collapse-lab.mjs is missing; run npm run build:cli\n');
  process.exitCode = 2;
}
