#!/usr/bin/env node
// The installed command: this file is what `npm run build:cli` bundles into dist-cli/collapse-lab.mjs,
// so an installed package runs plain JavaScript with no TypeScript loader and no dependencies.
import { isMainThread } from 'node:worker_threads';
import { main } from './main.ts';

// In the bundle, the matrix's worker threads load this same file (matrixPool.ts): only the main thread
// runs the command.
if (isMainThread) {
  // A closed pipe (`| head`) ends the output quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await main(process.argv.slice(2), {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
  });
}
