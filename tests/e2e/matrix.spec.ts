// The page's fix matrix: a small subset computed in the worker with progress, its cells' verdicts the
// same as `collapse-lab matrix`'s, each column titled with its commit, a broken cell's link loading its
// counterexample as the replay; a full run cancelled; bad input refused in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { INVARIANTS, type InvariantId } from '../../src/engine/index.ts';
import { cellVerdict } from '../../src/explorer/index.ts';
import { computeMatrix } from '../../src/cli/matrixCommand.ts';
import { SCENARIOS } from '../../src/scenarios/index.ts';
import { launch, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const RACES = ['seek-data', 'uffd-hole', 'frozen-deadlock'];
const KERNELS = ['v6.3', 'v6.4', 'v6.4/commit-order=p3', 'v6.4/uffd-check=off', 'v6.4/old-pages=freeze-keep'];

async function pick(page: Page, races: readonly string[], kernels: readonly string[]) {
  const panel = page.getByTestId('matrix-panel');
  await panel.scrollIntoViewIfNeeded();
  for (const [group, ids] of [
    ['matrix-races', races],
    ['matrix-kernels', kernels],
  ] as const) {
    const box = page.getByTestId(group);
    await box.getByRole('button', { name: 'None' }).click();
    for (const id of ids) await box.getByLabel(id, { exact: true }).check();
  }
}

const cellOf = (page: Page, race: string, kernel: string) =>
  page.locator(`[data-testid="matrix-table"] tr[data-race="${race}"] td[data-kernel="${kernel}"]`);

describe('the page matrix', () => {
  it('computes a subset with the command line verdicts and loads a broken cell as a replay', async () => {
    const cli = computeMatrix({
      jobs: 1,
      rows: SCENARIOS.filter((s) => RACES.includes(s.id)).map((s) => ({
        race: s.id,
        slots: s.slots,
        threads: s.threads,
      })),
      kernels: KERNELS,
    });
    const { context, page, errors } = await openPage(browser);
    await pick(page, RACES, KERNELS);
    const run = page.getByTestId('matrix-run');
    await expect(run.textContent()).resolves.toBe('Compute 3 × 5 (15 searches)');
    await run.click();
    await page
      .getByTestId('matrix-progress')
      .getByText(/of 15 searches, [\d,]+ states/)
      .waitFor();
    await page
      .getByTestId('matrix-status')
      .getByText(/^Done: 15 searches, [\d,]+ states/)
      .waitFor({
        timeout: 60_000,
      });
    const m = await cli;
    const states = m.cells.flat().reduce((n, c) => n + c.states, 0);
    await expect(page.getByTestId('matrix-status').textContent()).resolves.toContain(
      `${states.toLocaleString('en-US')} states`,
    );
    for (const [r, row] of m.rows.entries())
      for (const [c, col] of m.columns.entries()) {
        const want = m.cells[r]?.[c];
        if (!want) throw new Error('no CLI cell');
        const cell = cellOf(page, row.race, col.kernel);
        await expect(cell.getAttribute('data-verdict')).resolves.toBe(cellVerdict(want));
        const links = await cell.locator('a').allTextContents();
        expect(links).toEqual(want.broken.map((id) => INVARIANTS[id].spec));
      }
    // The story the issue asks the table to tell, in the words of the cells.
    await expect(
      cellOf(page, 'seek-data', 'v6.4/commit-order=p3').getAttribute('data-verdict'),
    ).resolves.toBe('broken');
    await expect(cellOf(page, 'seek-data', 'v6.4').textContent()).resolves.toBe('✓');
    await expect(
      cellOf(page, 'frozen-deadlock', 'v6.4/old-pages=freeze-keep').getAttribute('title'),
    ).resolves.toMatch(/broken \(progress\)/);
    await page
      .getByTestId('matrix-legend')
      .getByText(/✗ I1 … broken/)
      .waitFor();

    const header = page.getByRole('columnheader', { name: /^v6\.4\/uffd-check=off:/ });
    await expect(header.getAttribute('title')).resolves.toMatch(
      /ac492b9c70ca "mm\/khugepaged: skip shmem with userfaultfd".*re-check the holes under xa_lock/,
    );
    await expect(header.textContent()).resolves.toContain('ac492b9c70ca');

    // uffd-hole without 3/4's check: the userfaultfd invariant's counterexample, as the replay on screen.
    const uffd: InvariantId = 'uffd';
    const link = cellOf(page, 'uffd-hole', 'v6.4/uffd-check=off').getByTestId(`matrix-load-${uffd}`);
    await expect(link.getAttribute('href')).resolves.toMatch(/^\?kernel=v6\.4%2Fuffd-check%3Doff&slots=/);
    await link.click();
    await page.getByTestId('main-violation-uffd').waitFor();
    await expect(page.getByTestId('main-pane').locator('h2').textContent()).resolves.toMatch(
      /^v6\.4\/uffd-check=off/,
    );
    const schedule =
      m.cells[m.rows.findIndex((r) => r.race === 'uffd-hole')]?.[KERNELS.indexOf('v6.4/uffd-check=off')]
        ?.schedules.uffd;
    expect(schedule?.length).toBeGreaterThan(0);
    await expect(page.getByTestId('race-step').textContent()).resolves.toBe(
      `step ${schedule?.length} of ${schedule?.length}`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows progress on the whole matrix and stops it on cancel', async () => {
    const { context, page, errors } = await openPage(browser);
    const panel = page.getByTestId('matrix-panel');
    await panel.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('matrix-run').textContent()).resolves.toMatch(
      /^Compute 11 × 28 \(275 searches\)$/,
    );
    await page.getByTestId('matrix-run').click();
    const progress = page.getByTestId('matrix-progress');
    await progress.getByText(/^[1-9]\d* of 275 searches/).waitFor({ timeout: 30_000 });
    await expect(progress.locator('progress').getAttribute('max')).resolves.toBe('275');
    await page.getByTestId('matrix-cancel').click();
    const status = await page.getByTestId('matrix-status').textContent();
    expect(status).toMatch(
      /^Cancelled after \d+ of 275 searches \([\d,]+ states\); the cells done are kept\.$/,
    );
    const done = Number(/after (\d+)/.exec(status ?? '')?.[1]);
    // The worker is gone: nothing lands after the cancel.
    await page.waitForTimeout(1500);
    await expect(page.getByTestId('matrix-status').textContent()).resolves.toBe(status);
    await expect(
      page.locator('[data-testid="matrix-table"] td[data-verdict="pending"]').count(),
    ).resolves.toBeGreaterThan(0);
    expect(done).toBeLessThan(275);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses bad input in words, and marks a search a limit stopped', async () => {
    const { context, page, errors } = await openPage(browser);
    await pick(page, [], ['v6.3']);
    await page.getByTestId('matrix-panel').getByText('Pick at least one race.').waitFor();
    await expect(page.getByTestId('matrix-run').isDisabled()).resolves.toBe(true);
    await pick(page, ['seek-data'], ['v6.4']);
    await page.getByTestId('matrix-limit').fill('lots');
    await page
      .getByTestId('matrix-panel')
      .getByText('The state limit is a whole number from 1 to 5,000,000.')
      .waitFor();
    await expect(page.getByTestId('matrix-run').isDisabled()).resolves.toBe(true);
    await page.getByTestId('matrix-limit').fill('20');
    await page.getByTestId('matrix-run').click();
    await page.getByTestId('matrix-status').getByText(/^Done/).waitFor();
    await expect(cellOf(page, 'seek-data', 'v6.4').getAttribute('data-verdict')).resolves.toBe('stopped');
    await expect(page.getByTestId('matrix-stopped').textContent()).resolves.toMatch(
      /^1 search stopped at a limit before finishing \(the state limit\)/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
