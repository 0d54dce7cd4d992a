// A column's words (its commit and the switch's change) and a broken cell's link (the query form the
// page opens: setup, schedule, and the step at its end).
import { describe, expect, it } from 'vitest';
import { matrixColumns } from '../../explorer/kernel/matrixPlan.ts';
import { initFromQuery } from '../../store/index.ts';
import { columnCommit, columnTitle, counterexampleHref } from './columnText.ts';

const column = (kernel: string) => {
  const c = matrixColumns().columns.find((x) => x.kernel === kernel);
  if (!c) throw new Error(`no column ${kernel}`);
  return c;
};

describe('matrix column text', () => {
  it('titles a flip with its base, value, commit and the code change', () => {
    const c = column('v6.4/uffd-check=off');
    expect(columnCommit(c)).toBe('ac492b9c70ca');
    expect(columnTitle(c)).toBe(
      'v6.4/uffd-check=off: v6.4 with uffd-check=off; ac492b9c70ca "mm/khugepaged: skip shmem with userfaultfd"; after the copy, re-check the holes under xa_lock (SCAN_PAGE_FILLED) and refuse a userfaultfd-MISSING VMA (SCAN_EXCEED_NONE_PTE)',
    );
  });

  it('titles a named variant with its title and last commit, v6.3 with none', () => {
    expect(columnTitle(column('v6.4'))).toMatch(
      /^v6\.4: .*; last commit c8a8f3b4a95a "mm\/khugepaged: fix iteration/,
    );
    expect(columnTitle(column('v6.3'))).toBe('v6.3: v6.3, before the series');
    expect(columnCommit(column('v6.3'))).toBe('v6.3, before the series');
  });

  it('links a counterexample as a query the page opens at the schedule’s end', () => {
    const row = { race: 'uffd-hole', slots: 'PHP', threads: 'collapse,uffd_fault:1' };
    const href = counterexampleHref(row, 'v6.4/uffd-check=off', [0, 0, 1, 0]);
    expect(href).toBe(
      '?kernel=v6.4%2Fuffd-check%3Doff&slots=PHP&threads=collapse%2Cuffd_fault%3A1&schedule=0%2C0%2C1%2C0&step=4',
    );
    expect(initFromQuery(href).init).toMatchObject({
      kernel: 'v6.4/uffd-check=off',
      slots: 'PHP',
      threads: 'collapse,uffd_fault:1',
      choices: [0, 0, 1, 0],
      cursor: 4,
    });
  });
});
