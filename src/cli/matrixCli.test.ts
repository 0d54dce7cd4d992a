// `collapse-lab matrix`: the documented JSON shape, and worker threads giving the sequential answer.
import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness.ts';
import { computeMatrix, matrixJson } from './matrixCommand.ts';

const FAST = ['--races', 'lru-drain,iteration-bug'];

describe('collapse-lab matrix', () => {
  it('--json prints rows, columns by kernel string and cells[r][c] = { broken, complete, states }', async () => {
    const r = await cli('matrix', '--json', ...FAST, '--jobs', '1');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      rows: Record<string, unknown>[];
      columns: Record<string, unknown>[];
      cells: Record<string, unknown>[][];
    };
    expect(Object.keys(j)).toEqual(['rows', 'columns', 'cells']);
    expect(j.rows).toEqual([
      { race: 'lru-drain', slots: 'PPSP', threads: 'collapse' },
      { race: 'iteration-bug', slots: 'P...', threads: 'collapse' },
    ]);
    expect(Object.keys(j.columns[0] ?? {})).toEqual(['kernel']);
    expect(j.columns.map((c) => c['kernel'])).toContain('v6.4/drain-after-swapin=off');
    expect(j.cells).toHaveLength(2);
    for (const row of j.cells) {
      expect(row).toHaveLength(j.columns.length);
      for (const c of row) expect(Object.keys(c)).toEqual(['broken', 'complete', 'states']);
    }
    const at = (race: number, kernel: string) =>
      j.cells[race]?.[j.columns.findIndex((c) => c['kernel'] === kernel)];
    expect(at(0, 'v6.3')).toMatchObject({ broken: ['uptodate', 'atomic-switch'], complete: true });
    expect(at(0, 'v6.4')).toMatchObject({ broken: [], complete: true });
  });

  it('worker threads give the sequential answer, cell for cell', async () => {
    const rows = [
      { race: 'lru-drain', slots: 'PPSP', threads: 'collapse' },
      { race: 'seek-data', slots: 'PPPP', threads: 'collapse,seek_data:0' },
    ];
    const kernels = ['v6.3', 'v6.4', 'v6.4/commit-order=p3', 'v6.4/drain-after-swapin=off'];
    const one = await computeMatrix({ jobs: 1, rows, kernels });
    const two = await computeMatrix({ jobs: 2, rows, kernels });
    expect(two.jobs).toBe(2);
    expect(matrixJson(two)).toEqual(matrixJson(one));
    expect(two.cells).toEqual(one.cells);
  });

  it('prints the table with each column named by its kernel string and commit', async () => {
    const r = await cli('matrix', ...FAST, '--kernels', 'v6.3,v6.4,v6.4/drain-after-swapin=off');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^ {3}3 v6\.4\/drain-after-swapin=off +efa3d814fad1 mm\/khugepaged: drain lru after swapping in shmem$/m,
    );
    expect(r.out).toMatch(/^lru-drain +X {2}\. {2}f$/m);
    expect(r.out).toMatch(/never collapses: 1 \(SCAN_DEL_PAGE_LRU\), 3 \(SCAN_DEL_PAGE_LRU\)$/m);
    expect(r.out).toMatch(/^ {3}1 v6\.3$/m);
    expect(r.out).toMatch(/2 races x 3 kernels/);
  });

  it.each([
    [['--races', 'seek-dat'], /unknown race "seek-dat" \(did you mean seek-data\?\)/],
    [['--kernels', 'v6.3/uffd-check=on'], /cannot run: uffd-check=on needs/],
    [['--jobs', '0'], /--jobs/],
  ])('exits 2 on bad input: %j', async (args, message) => {
    const r = await cli('matrix', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
