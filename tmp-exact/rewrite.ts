import { readFileSync, writeFileSync } from 'node:fs';
import { createWorld, parseSetup, runSchedule } from '../src/engine/index.ts';
import { SCENARIOS } from '../src/scenarios/index.ts';
const files: Record<string, string> = {
  'seek-data': 'seekData', mincore: 'mincore', 'frozen-deadlock': 'frozenDeadlock', 'uffd-hole': 'uffdHole',
  'lru-drain': 'lruDrain', 'fast-gup': 'fastGup', 'truncate-huge': 'truncateHuge', 'hole-filled': 'holeFilled',
  'iteration-bug': 'iterationBug', 'xarray-seek-hole': 'xarraySeekHole',
};
for (const sc of SCENARIOS) {
  const p = parseSetup(sc.kernel, sc.slots, sc.threads);
  if (!p.ok) throw new Error(p.error.message);
  const m2 = runSchedule(createWorld({ ...p.value, model: 2 }), [0, 0, ...sc.schedule], { finish: true });
  const sched = m2.steps.map((s) => s.thread);
  const path = `src/scenarios/${files[sc.id]}.ts`;
  let s = readFileSync(path, 'utf8');
  s = s.replace(/schedule: \[[^\]]*\]/, `schedule: [${sched.join(', ')}]`);
  s = s.replace(/(\n\s*\{?\s*at: )(\d+),/g, (_m, pre: string, n: string) => `${pre}${Number(n) + 2},`);
  const res = m2.world.threads[0]?.result;
  if (res && res !== sc.collapseResult) s = s.replace(`collapseResult: '${sc.collapseResult}'`, `collapseResult: '${res}'`);
  writeFileSync(path, s);
  console.log(sc.id, sched.length, res);
}
