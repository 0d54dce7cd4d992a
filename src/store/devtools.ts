/// <reference types="vite/client" />
// Redux DevTools in development only: every `set` is named for it, and production leaves its code out of
// the bundle (the build replaces import.meta.env.DEV with false and drops the unused middleware).

import { devtools as zustandDevtools } from 'zustand/middleware';

const passThrough = ((creator: unknown) => creator) as unknown as typeof zustandDevtools;

export const devtools: typeof zustandDevtools = import.meta.env.DEV ? zustandDevtools : passThrough;
