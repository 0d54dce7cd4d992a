// Public surface of the C reproducer generator. Host-neutral: the CLI and the page both use it.

export { reproPlan, firstPage, REAL_PAGES, type ReproPlan, type Checker, type CheckKind } from './plan.ts';
export { modelVerdicts, watchedInvariants, type ModelVerdict } from './affected.ts';
export { reproSource, setupText, type ReproInput } from './source.ts';
export { raceNames } from './header.ts';
export { cComment, cString } from './escape.ts';
