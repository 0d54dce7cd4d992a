#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the engine needs no separate build step.
import { register } from 'tsx/esm/api';

register();
// A closed pipe (`| head`) ends the output quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
