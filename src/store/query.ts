// A setup from the page's query string (?kernel=v6.4&slots=PPPP&threads=collapse&schedule=0,0,1).
// Values are only parsed and validated by the engine's parsers; nothing in the URL is executed.

import { parseSchedule } from './parseInput.ts';
import type { SimInit } from './createSimStore.ts';

export interface QueryInit {
  readonly init: SimInit;
}

const LIMIT = 4096;

export function initFromQuery(search: string): QueryInit {
  const q = new URLSearchParams(search);
  const get = (k: string) => {
    const v = q.get(k);
    return v === null ? undefined : v.slice(0, LIMIT);
  };
  const kernel = get('kernel');
  const slots = get('slots');
  const threads = get('threads');
  const scheduleParam = get('schedule');
  const schedule = parseSchedule(scheduleParam ?? '');
  const stepParam = get('step');
  const cursor = stepParam !== undefined && /^\d{1,6}$/.test(stepParam) ? Number(stepParam) : 0;
  const init: SimInit = {
    ...(kernel !== undefined ? { kernel } : {}),
    ...(slots !== undefined ? { slots } : {}),
    ...(threads !== undefined ? { threads } : {}),
    ...(scheduleParam !== undefined && schedule.ok ? { choices: schedule.value } : {}),
    cursor,
    inputError: schedule.ok ? null : schedule.error,
  };
  return { init };
}
