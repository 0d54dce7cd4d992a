// Compare mode: a second kernel on the same schedule, side by side, the first divergence marked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('compare', () => {
  it('runs v6.4 beside v6.3 on the seed schedule and marks where they diverge', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.getByTestId('compare-select').selectOption('v6.4');
    await page.getByTestId('compare-pane').waitFor();
    await expect(page.getByTestId('divergence').textContent()).resolves.toMatch(
      /First difference, step 13: T1 SEEK_DATA\(0\) = ENXIO on v6\.3 but 0 on v6\.4/,
    );
    await expect(page.getByTestId('chip-12').getAttribute('aria-label')).resolves.toContain('diverges here');
    for (let k = 0; k < 14; k++) await page.getByTestId('race-forward').click();
    await page.getByTestId('main-violation-seek').waitFor();
    await page.getByTestId('compare-no-violations').waitFor();
    await expect(page.getByTestId('compare-result-1').textContent()).resolves.toContain('returned 0');
    await expect(page.getByTestId('main-result-1').textContent()).resolves.toContain('returned ENXIO');
    const boxes = await Promise.all(
      ['main-pane', 'compare-pane'].map((id) => page.getByTestId(id).boundingBox()),
    );
    expect(boxes[1]?.x ?? NaN).toBeGreaterThan((boxes[0]?.x ?? NaN) + (boxes[0]?.width ?? NaN) - 1);
    await page.getByTestId('compare-select').selectOption('');
    await expect(page.getByTestId('compare-pane').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
