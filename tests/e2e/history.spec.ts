// Step back and timeline jumps restore the exact page-cache state (a DOM snapshot of the grid).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser.ts';
import { gridSnapshot } from './session.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('history', () => {
  it('step back and redo restore the exact grid', async () => {
    const { context, page, errors } = await openPage(browser);
    const snaps: string[] = [await gridSnapshot(page)];
    for (let k = 0; k < 12; k++) {
      await page.getByTestId('race-forward').click();
      snaps.push(await gridSnapshot(page));
    }
    for (let k = 11; k >= 0; k--) {
      await page.getByTestId('race-back').click();
      expect(await gridSnapshot(page)).toBe(snaps[k]);
    }
    await page.getByTestId('redo').click();
    expect(await gridSnapshot(page)).toBe(snaps[1]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('timeline chips jump to the exact state of that step, back and forth', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.getByRole('button', { name: 'Finish round-robin' }).click();
    const total = Number(
      (await page.getByTestId('timeline').getAttribute('aria-label'))?.match(/of (\d+)/)?.[1],
    );
    expect(total).toBeGreaterThan(20);
    // Reference states by stepping one at a time from the start.
    await page.getByRole('button', { name: 'Reset to start' }).click();
    const snaps: string[] = [await gridSnapshot(page)];
    for (let k = 0; k < total; k++) {
      await page.getByTestId('race-forward').click();
      snaps.push(await gridSnapshot(page));
    }
    for (const k of [6, 25, 2, total - 1, 11]) {
      await page.getByTestId(`chip-${k}`).click();
      expect(await gridSnapshot(page)).toBe(snaps[k + 1]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
