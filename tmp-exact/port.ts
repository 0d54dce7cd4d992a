import { createWorld, parseSetup, runSchedule } from '../src/engine/index.ts';
import { SCENARIOS } from '../src/scenarios/index.ts';
const BY_DESIGN = new Set(['uptodate', 'atomic-switch']);
for (const sc of SCENARIOS) {
  const p = parseSetup(sc.kernel, sc.slots, sc.threads);
  if (!p.ok) throw new Error(p.error.message);
  const m1 = runSchedule(createWorld({ ...p.value, model: 1 }), sc.schedule, { finish: false });
  const sched = [0, 0, ...sc.schedule];
  const m2 = runSchedule(createWorld({ ...p.value, model: 2 }), sched, { finish: true });
  const broken = (r: typeof m1) => r.violations.map((v) => `${v.invariant}@${v.step}`).filter((i) => !BY_DESIGN.has(i.split('@')[0]!));
  console.log(sc.id, 'm1', m1.world.threads[0]?.result, broken(m1), m1.steps.length, '| m2', m2.error?.error.message ?? '', m2.world.threads[0]?.result, broken(m2), m2.steps.length, m2.stuck ?? '');
  const narr = sc.narration.map((n) => `${n.at}:${n.step}->${m2.steps[n.at + 2]?.stepId === n.step ? 'ok' : m2.steps[n.at + 2]?.stepId}`);
  console.log('   ', narr.join(' '));
  if (process.argv[2] === sc.id) {
    m2.steps.forEach((s, i) => console.log(i, s.thread, s.stepId, s.label));
    console.log(JSON.stringify(m2.steps.map((s) => s.thread)));
  }
}
